/**
 * Issue 13, acceptance line 2: the vision quality floor on the labelled evaluation set, run through the product's
 * local provider with two workers and scored at the thresholds search uses; the object figures also held out
 * (gates calibrated on one half of the set, scored on the other: eval/vision/object-calibration.ts). The whole set, not a subset: it costs
 * about 20 s of two cores, and with only a handful of wrong labels in it any half of it told a different story
 * (every other photo: precision passed and purity missed, the reverse of the whole set). Checks listed in KNOWN_VISION_MISSES must still miss (remove the line when a model
 * change makes one pass); all others must pass. Skipped with the reason when the set cannot be had, unless
 * VISION_TESTS_REQUIRED=1 (CI).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { analyseEvalSet } from '../../../eval/vision/analyse-set';
import { loadEvalSet } from '../../../eval/vision/eval-set';
import { calibrationPhotosOf, heldOutFigures } from '../../../eval/vision/object-calibration';
import { checkQualityFloor, KNOWN_VISION_MISSES, type FloorResult } from '../../../eval/vision/quality-floor';
import { priorVisionThreshold } from '../../../metadata-service/labels/search-thresholds';
import { scoreVision } from '../../../eval/vision/score-vision';

const REPO_ROOT = join(__dirname, '../../..');

function locateSet(): { dir?: string; problem?: string } {
  const given = process.env.VISION_EVAL_SET?.trim();
  if (given) return { dir: given };
  const fetched = spawnSync(join(REPO_ROOT, 'scripts/fetch-vision-eval-set.sh'), {
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (fetched.status !== 0) return { problem: fetched.stderr.trim().slice(-300) || 'fetch script failed' };
  return { dir: fetched.stdout.trim().split('\n').pop() };
}

describe('vision quality floor on the evaluation set', function () {
  this.timeout(900_000);
  let results: FloorResult[];

  before(async function () {
    const found = locateSet();
    if (!found.dir) {
      const reason = `vision evaluation set unavailable: ${found.problem ?? 'unknown'}`;
      if (process.env.VISION_TESTS_REQUIRED === '1') throw new Error(`${reason} (VISION_TESTS_REQUIRED=1)`);
      process.stderr.write(`    skipping: ${reason}\n`);
      this.skip();
    }
    const photos = await loadEvalSet(found.dir);
    const { run } = await analyseEvalSet(photos, 2);
    assert.equal(run.length, photos.length, 'every photo of the set analysed');
    const heldOut = heldOutFigures(calibrationPhotosOf(run), priorVisionThreshold).combined.overall;
    results = checkQualityFloor(scoreVision(run), heldOut);
  });

  for (const check of [
    'object label precision',
    'object label recall',
    'object label precision, held out',
    'object label recall, held out',
    'no label class below precision 0.9',
    'faces >= 40 px detection recall',
    'clustering purity',
    'clusters per identity',
  ] as const) {
    const known = KNOWN_VISION_MISSES[check];
    it(known ? `${check}: still a known miss (${known})` : `${check} meets issue 13's target`, () => {
      const result = results.find((r) => r.check === check);
      assert.ok(result, `no figure for ${check}`);
      if (known)
        assert.equal(
          result.passes,
          false,
          `${check} now passes (${result.measured}): remove it from KNOWN_VISION_MISSES`,
        );
      else assert.ok(result.passes, `${check}: measured ${result.measured}`);
    });
  }
});
