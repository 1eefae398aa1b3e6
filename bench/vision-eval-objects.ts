/**
 * The object-gate part of `npm run bench:vision`: the gates a calibration on this run would ship, set beside the
 * committed ones, and the two-fold held-out figures (gates calibrated on one half of the set, scored on the other)
 * that say whether calibrating per label generalises or only fits the set.
 */
import { priorVisionThreshold } from '../metadata-service/labels/search-thresholds';
import { OBJECT_SEARCH_GATES } from '../metadata-service/vision/objects/object-search-gates';
import {
  calibrateObjectGates,
  heldOutFigures,
  type CalibrationPhoto,
  type ObjectGate,
  type SplitFigures,
} from '../eval/vision/object-calibration';
import { VISION_TARGETS as T, verdict } from '../eval/vision/targets';

const fixed = (value: number | undefined) => (value === undefined ? '  -  ' : value.toFixed(2));
const gateText = (threshold: number | null | undefined) =>
  threshold === undefined ? 'prior' : threshold === null ? 'never' : threshold.toFixed(2);

function splitLine(split: SplitFigures): string {
  const o = split.overall;
  const below = split.scores.filter((s) => s.precision !== undefined && s.precision < T.labelPrecision);
  return (
    `  ${split.name}: precision ${fixed(o.precision)} (${verdict(o.precision, T.objectPrecision, 'min')}),` +
    ` recall ${fixed(o.recall)} (${verdict(o.recall, T.objectRecall, 'min')}); ${o.truePositives} right,` +
    ` ${o.falsePositives} wrong, ${o.falseNegatives} missed; classes below ${T.labelPrecision}:` +
    ` ${below.map((s) => `${s.label} ${fixed(s.precision)}`).join(', ') || 'none'}`
  );
}

/**
 * Where a written gate starts: the prior, or the committed gate when that is higher. The committed gates also choose
 * which labels get a second look (metadata-service/vision/objects/second-look.ts: only a label that does not answer
 * yet), so a gate calibrated lower than the committed one would remove the very look that pushed the false
 * detections under it: measured, bird 0.47 -> 0.40, sports ball 0.45 -> 0.40 and vase never -> 0.40 let a false
 * 0.42 bird, a 0.44 sports ball and a 0.55 vase answer on the next run (class precision 0.60, 0.50, 0). Held-out
 * figures still start from the prior: the committed gates saw the whole set.
 */
export function gateFloor(label: string): number {
  const committed = OBJECT_SEARCH_GATES[label];
  return Math.max(priorVisionThreshold(label), committed ?? 0);
}

/** Gates calibrated on the whole run (what --write-gates would commit); a label committed as never stays never. */
export function calibrateRun(photos: readonly CalibrationPhoto[]): ObjectGate[] {
  return calibrateObjectGates(photos, gateFloor).map((gate) =>
    OBJECT_SEARCH_GATES[gate.label] === null ? { ...gate, threshold: null, status: 'not searchable' } : gate,
  );
}

export function describeObjectGates(photos: readonly CalibrationPhoto[]): string {
  const gates = calibrateRun(photos);
  const held = heldOutFigures(photos, priorVisionThreshold);
  const differs = gates.filter((gate) => OBJECT_SEARCH_GATES[gate.label] !== gate.threshold);
  const never = gates.filter((gate) => gate.threshold === null);
  return [
    'Object search gates (eval/vision/object-calibration.ts: raised from the prior, or the committed gate, above false detections, never lowered):',
    '  label          prior  gate   status           right wrong (detections at any confidence, whole set)',
    ...gates.map(
      (gate) =>
        `  ${gate.label.padEnd(14)} ${priorVisionThreshold(gate.label).toFixed(2)}   ${gateText(gate.threshold).padEnd(6)} ${gate.status.padEnd(16)} ${String(gate.positives).padStart(5)} ${String(gate.falseDetections).padStart(5)}`,
    ),
    `  not searchable (cannot reach precision ${T.labelPrecision} on the set, kept with their confidence): ${never.map((g) => g.label).join(', ') || 'none'}`,
    differs.length === 0
      ? '  committed gates (metadata-service/vision/objects/object-search-gates.ts) match this run'
      : `  committed gates differ from this run for ${differs.map((g) => `${g.label} (${gateText(OBJECT_SEARCH_GATES[g.label])} -> ${gateText(g.threshold)})`).join(', ')}: --write-gates rewrites them`,
    '',
    'Held-out object figures (two-fold: gates calibrated on one half of the set, scored on the other half):',
    splitLine(held.evenToOdd),
    splitLine(held.oddToEven),
    splitLine(held.combined),
    '  (the object table above is in-sample: the committed gates were calibrated on the whole set)',
  ].join('\n');
}
