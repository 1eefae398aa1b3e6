import type { SpeedFigures } from '../eval/vision/analyse-set';
import type { LabelScore } from '../eval/vision/label-scores';
import type { DetectionRecall, VisionQuality } from '../eval/vision/score-vision';
import { visionThreshold } from '../eval/vision/score-vision';
import { VISION_TARGETS as T, verdict } from '../eval/vision/targets';

const fixed = (value: number | undefined, digits = 2) =>
  value === undefined ? '  -  ' : value.toFixed(digits);
const pad = (text: string, width: number) => text.padEnd(width);
/** A label that never answers a search has an infinite threshold. */
const threshold = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : 'never');

function labelRow(score: LabelScore): string {
  const flag = score.precision !== undefined && score.precision < T.labelPrecision ? '  <- below 0.90' : '';
  return (
    `  ${pad(score.label, 14)} ${threshold(visionThreshold(score.label))}  ${String(score.truePositives).padStart(3)}` +
    ` ${String(score.falsePositives).padStart(3)} ${String(score.falseNegatives).padStart(3)}` +
    `   ${fixed(score.precision)}     ${fixed(score.recall)}${flag}`
  );
}

/** The quality part of `npm run bench:vision`, every figure with its target. */
export function describeQuality(
  quality: VisionQuality,
  setInfo: { dir: string; composites: number },
): string {
  const lines: string[] = [];
  lines.push(
    `Vision evaluation set: ${quality.photos} photos (${setInfo.composites} composites) in ${setInfo.dir}`,
    '',
    'Object labels used by search (COCO-80, at the threshold search uses; worst first):',
    '  label          thr   TP  FP  FN   precision recall',
    ...quality.objectLabels.map(labelRow),
  );
  const o = quality.objectOverall;
  const below = quality.objectLabels.filter(
    (s) => s.precision !== undefined && s.precision < T.labelPrecision,
  );
  lines.push(
    `  overall: precision ${fixed(o.precision)} (target >= ${T.objectPrecision}: ${verdict(o.precision, T.objectPrecision, 'min')}),` +
      ` recall ${fixed(o.recall)} (target >= ${T.objectRecall}: ${verdict(o.recall, T.objectRecall, 'min')});` +
      ` ${o.truePositives} right, ${o.falsePositives} wrong, ${o.falseNegatives} missed`,
    `  label classes below precision ${T.labelPrecision}: ${below.length === 0 ? 'none (PASS)' : `${below.map((s) => s.label).join(', ')} (MISS)`}`,
    '',
    'Scene labels (the local provider only derives a few from objects; the rest need another source):',
    '  label          thr   TP  FP  FN   precision recall',
    ...quality.sceneLabels.map(labelRow),
  );
  for (const scene of ['sunset', 'sunrise']) {
    const score = quality.sceneLabels.find((s) => s.label === scene);
    lines.push(
      `  ${scene}: precision ${fixed(score?.precision)} recall ${fixed(score?.recall)} (target precision >= ${T.scenePrecision}: ${verdict(score?.precision, T.scenePrecision, 'min')})`,
    );
  }
  lines.push(
    '',
    'Face detection recall by face size (longer side, pixels the models see; frontal = not turned):',
  );
  const groups: [string, DetectionRecall[]][] = [
    ['all', quality.faces.recall],
    ['real photos', quality.faces.realRecall],
    ['composites', quality.faces.compositeRecall],
  ];
  for (const [name, recall] of groups) {
    lines.push(`  ${name}:`);
    for (const r of recall) {
      lines.push(
        `    ${pad(r.bucket, 6)} ${String(r.found).padStart(3)}/${String(r.faces).padEnd(3)} ${fixed(r.faces ? r.found / r.faces : undefined)}` +
          `   frontal ${r.frontalFound}/${r.frontalFaces} ${fixed(r.frontalFaces ? r.frontalFound / r.frontalFaces : undefined)}`,
      );
    }
  }
  const from40 = (recall: DetectionRecall[]) => {
    const kept = recall.filter((r) => r.bucket !== '<40');
    const faces = kept.reduce((n, r) => n + r.faces, 0);
    const found = kept.reduce((n, r) => n + r.found, 0);
    return { faces, found, recall: faces ? found / faces : undefined };
  };
  const all40 = from40(quality.faces.recall);
  const real40 = from40(quality.faces.realRecall);
  lines.push(
    `  faces >= 40 px: ${all40.found}/${all40.faces} = ${fixed(all40.recall)} (target >= ${T.faceRecallFrom40}: ${verdict(all40.recall, T.faceRecallFrom40, 'min')});` +
      ` real photos only ${real40.found}/${real40.faces} = ${fixed(real40.recall)} (${verdict(real40.recall, T.faceRecallFrom40, 'min')})`,
    `  detections that are no face of the table: ${quality.faces.falseFaces} of ${quality.faces.detected} (photos with unlabelled crowds not counted)`,
    '',
  );
  const c = quality.clustering;
  const sum = (key: 'faces' | 'found' | 'asked' | 'missing' | 'wrongFound' | 'wrongAsked') =>
    quality.naming.reduce((total, n) => total + n[key], 0);
  lines.push(
    `Clustering (people/face-clustering.ts, default threshold): ${c.clusteredFaces} detected faces clustered, ${c.matchedWithIdentity} of them matched to a known person: ${c.identities} people in ${c.clusters} clusters`,
    `  purity ${fixed(c.purity, 3)} (target >= ${T.purity}: ${verdict(c.purity, T.purity, 'min')}),` +
      ` clusters per identity ${fixed(c.clustersPerIdentity)} (target <= ${T.clustersPerIdentity}: ${verdict(c.clustersPerIdentity, T.clustersPerIdentity, 'max')})`,
    `  most spread: ${c.spread
      .slice(0, 8)
      .map((s) => `${s.identity} ${s.faces} faces in [${s.clusterSizes.join(',')}]`)
      .join('; ')}`,
    '',
    `Naming one face of each person (${quality.naming.length} people with 2+ faces; named threshold, then "is this X?" suggestions):`,
    `  their faces found ${sum('found')}, asked about ${sum('asked')}, missing ${sum('missing')} of ${sum('faces')}; someone else's found ${sum('wrongFound')}, asked about ${sum('wrongAsked')}`,
    `  with faces missing: ${
      quality.naming
        .filter((n) => n.missing > 0)
        .map((n) => `${n.identity} ${n.missing}/${n.faces}`)
        .join('; ') || 'none'
    }`,
    '',
    `Photos with mistakes (${quality.mistakes.length}; false labels / missed labels / missed faces), first 25:`,
    ...quality.mistakes
      .slice(0, 25)
      .map(
        (m) =>
          `  ${pad(m.id, 34)} +[${m.falseLabels.join(', ')}] -[${m.missedLabels.join(', ')}]${m.missedFaces ? ` faces missed ${m.missedFaces}` : ''}`,
      ),
  );
  return lines.join('\n');
}

export function describeSpeed(speed: SpeedFigures): string {
  const worst = Math.max(0, ...speed.peakRssMb.map((p) => p.mb));
  return (
    `${speed.label}: ${speed.photos} photos, ${speed.workers} workers: ${speed.perSecond.toFixed(2)} photos/s over ${speed.seconds.toFixed(1)} s incl. worker start-up` +
    ` (target >= ${T.photosPerSecond}: ${verdict(speed.perSecond, T.photosPerSecond, 'min')}); ${speed.perCpuSecond.toFixed(2)} photos/s with a core per worker;` +
    ` peak RSS per worker ${speed.peakRssMb.map((p) => `${p.mb.toFixed(0)} MB`).join(', ')} (target <= ${T.rssMbPerWorker}: ${verdict(worst, T.rssMbPerWorker, 'max')})`
  );
}
