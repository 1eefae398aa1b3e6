/**
 * Writes metadata-service/vision/objects/object-search-gates.ts from a calibration (`npm run bench:vision --
 * --write-gates`): the product reads the gates as code, so a change to them is a reviewed diff, never a file read
 * at run time.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { ObjectGate } from './object-calibration';

export const OBJECT_GATES_FILE = join(
  __dirname,
  '../../metadata-service/vision/objects/object-search-gates.ts',
);

export function renderObjectGates(
  gates: readonly ObjectGate[],
  calibration: { photos: number; set: string },
): string {
  const rows = gates.map((gate) => {
    const value = gate.threshold === null ? 'null' : gate.threshold.toFixed(2);
    const why = `${gate.status}: ${gate.positives} right, ${gate.falseDetections} wrong detections`;
    return `  ${JSON.stringify(gate.label)}: ${value}, // ${why}`;
  });
  return [
    '/**',
    " * Per-label search gates for the local detector's objects (CenterNet), calibrated on the labelled evaluation set",
    ' * by eval/vision/object-calibration.ts: a number is the confidence from which the label answers a search, null',
    ' * means it never does (the model was wrong at its prior threshold and never right above its wrong answers).',
    ' * Labels not named keep their prior (labels/search-thresholds.ts). Written by',
    ' * `npm run bench:vision -- --write-gates`; the bench prints the held-out figures that justify it. "right" and',
    ' * "wrong" count the set\'s photos where the model gave the label at any confidence.',
    ' */',
    `export const OBJECT_GATES_CALIBRATION = { photos: ${calibration.photos}, set: ${JSON.stringify(calibration.set)} } as const;`,
    '',
    'export const OBJECT_SEARCH_GATES: Readonly<Record<string, number | null>> = {',
    ...rows,
    '};',
    '',
  ].join('\n');
}

export async function writeObjectGates(
  gates: readonly ObjectGate[],
  calibration: { photos: number; set: string },
): Promise<void> {
  // Formatted as CI's format check wants it, so a rewrite is only ever a change of values.
  const options = (await resolveConfig(OBJECT_GATES_FILE)) ?? {};
  const source = await format(renderObjectGates(gates, calibration), {
    ...options,
    filepath: OBJECT_GATES_FILE,
  });
  await writeFile(OBJECT_GATES_FILE, source);
}
