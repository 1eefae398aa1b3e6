/**
 * `npm run bench:sun`: sun labels (sunset, sunrise, golden hour, blue hour, night) measured on real photos
 * (test/metadata-service/labels/sun/sun-photo-set.ts): precision and recall per label as taken and in the sweep,
 * every case that gave or deserved a label, and the light statistics of each photo. `--all` lists every case. With
 * VISION_EVAL_SET (scripts/fetch-vision-eval-set.sh), sunset and sunrise are also swept over that labelled set.
 */
import { loadEvalSet } from '../eval/vision/eval-set';
import {
  locateSunPhotos,
  measureSunLabels,
  sweepSunsetsOn,
  type LabelFigures,
  type SunCase,
} from '../test/metadata-service/labels/sun/sun-photo-set';

function ratio(value: number | null): string {
  return value === null ? '  -  ' : value.toFixed(2);
}

function table(title: string, figures: readonly LabelFigures[]): void {
  process.stdout.write(`\n${title}\n  label         TP  FP  FN  precision  recall\n`);
  for (const f of figures) {
    process.stdout.write(
      `  ${f.label.padEnd(12)} ${String(f.truePositives).padStart(3)} ${String(f.falsePositives).padStart(3)} ${String(f.falseNegatives).padStart(3)}  ${ratio(f.precision).padStart(9)}  ${ratio(f.recall).padStart(6)}\n`,
    );
  }
}

function line(c: SunCase): string {
  const l = c.light;
  const stats = `mean ${l.meanBrightness.toFixed(2)} dark ${l.darkShare.toFixed(2)} warmSky ${l.warmSkyShare.toFixed(2)} blueSky ${l.blueSkyShare.toFixed(2)} warm ${l.warmShare.toFixed(2)} sky/ground ${l.skyOverGround.toFixed(2)} glow ${l.skyGlow.toFixed(2)} ground ${l.groundBrightness.toFixed(2)}`;
  return `  ${c.photo.padEnd(14)} sun ${c.sun.altitude.toFixed(1).padStart(6)}° az ${c.sun.azimuth.toFixed(0).padStart(3)} ${c.sun.half.padEnd(7)} said [${c.predicted.join(', ')}] truth [${c.truth.join(', ')}]  ${c.note}\n      ${stats}\n`;
}

async function main(): Promise<void> {
  const found = locateSunPhotos();
  if (!found.roots) throw new Error(`sun photos unavailable: ${found.problem}`);
  const measured = await measureSunLabels(found.roots);
  const all = process.argv.includes('--all');
  process.stdout.write(
    `Sun labels on ${measured.photos} real photos: ${measured.asTaken.cases.length} cases as taken, ${measured.sweep.cases.length} in the sweep\n`,
  );
  table('As taken (each photo at its own instant and place)', measured.asTaken.figures);
  table('Sweep (every photo at sun +2° evening and morning, −6.5°, −20°)', measured.sweep.figures);
  const visionSet = process.env.VISION_EVAL_SET?.trim();
  if (visionSet) {
    const photos = await loadEvalSet(visionSet);
    const swept = await sweepSunsetsOn(
      photos.map((p) => ({
        id: p.truth.id,
        file: p.file,
        present: p.truth.present,
        uncertain: p.truth.uncertain,
      })),
    );
    table(`Vision evaluation set (${swept.photos} photos) at sun +2° evening and morning`, swept.figures);
    if (swept.wrong.length > 0) process.stdout.write(`  wrong: ${swept.wrong.join(', ')}\n`);
  } else {
    process.stdout.write('\n(vision evaluation set: set VISION_EVAL_SET to sweep it too)\n');
  }
  for (const [title, cases] of [
    ['As taken', measured.asTaken.cases],
    ['Sweep', measured.sweep.cases],
  ] as const) {
    process.stdout.write(
      `\n${title}: cases that gave or deserved a label${all ? ' (and all others)' : ''}\n`,
    );
    for (const c of cases)
      if (all || c.predicted.length > 0 || c.truth.length > 0) process.stdout.write(line(c));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
