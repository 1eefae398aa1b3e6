import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadEvalSet, type EvalPhoto } from '../../eval/vision/eval-set';

const REPO_ROOT = join(__dirname, '../..');

/**
 * The labelled vision evaluation set (eval/vision/README.md): VISION_EVAL_SET (CI builds it first), else built now
 * by the script (cached). When it cannot be had the calling suite is skipped with the reason, unless
 * VISION_TESTS_REQUIRED=1 (CI), where that is a failure.
 */
export async function visionEvalSet(context: Mocha.Context): Promise<EvalPhoto[]> {
  let dir = process.env.VISION_EVAL_SET?.trim();
  let problem = 'unknown';
  if (!dir) {
    const fetched = spawnSync(join(REPO_ROOT, 'scripts/fetch-vision-eval-set.sh'), {
      encoding: 'utf8',
      timeout: 600_000,
    });
    if (fetched.status === 0) dir = fetched.stdout.trim().split('\n').pop();
    else problem = fetched.stderr.trim().slice(-300) || 'fetch script failed';
  }
  if (dir) return loadEvalSet(dir);
  const reason = `vision evaluation set unavailable: ${problem}`;
  if (process.env.VISION_TESTS_REQUIRED === '1') throw new Error(`${reason} (VISION_TESTS_REQUIRED=1)`);
  process.stderr.write(`    skipping: ${reason}\n`);
  context.skip();
}
