/**
 * Builds the vision evaluation set from the unpacked packages: `tsx eval/vision/assemble-eval-set.ts <root> [into]`.
 * Prints the set's folder (with its manifest.json), which `npm run bench:vision` reads from VISION_EVAL_SET.
 */
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { assembleEvalSet } from './eval-set';

async function main(): Promise<void> {
  const [root, into] = process.argv.slice(2);
  if (!root) throw new Error('usage: assemble-eval-set.ts <unpacked packages root> [output folder]');
  const target =
    into ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'photo-frame/vision-eval-set');
  const photos = await assembleEvalSet(root, target);
  process.stderr.write(`vision evaluation set: ${photos.length} photos\n`);
  process.stdout.write(`${dirname(photos[0]?.file ?? join(target, 'x'))}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
