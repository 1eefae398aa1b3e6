/**
 * Precision and recall of labels against the ground truth's closed world: a label the table says is present and
 * the pipeline gave is a true positive, one it gave that the table does not name (present or uncertain) a false
 * positive, one present it missed a false negative. Uncertain labels count neither way.
 */
export interface LabelledPhoto {
  present: readonly string[];
  uncertain: readonly string[];
  /** The labels the pipeline files the photo under (its search-answering labels). */
  predicted: readonly string[];
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface LabelScore extends Counts {
  label: string;
  /** undefined when the pipeline never gave the label (nothing to be precise about). */
  precision: number | undefined;
  /** undefined when no photo shows the label. */
  recall: number | undefined;
}

export function precisionOf(counts: Counts): number | undefined {
  const given = counts.truePositives + counts.falsePositives;
  return given === 0 ? undefined : counts.truePositives / given;
}

export function recallOf(counts: Counts): number | undefined {
  const shown = counts.truePositives + counts.falseNegatives;
  return shown === 0 ? undefined : counts.truePositives / shown;
}

/** One score per label of `labels`, in that order; labels outside it are not judged. */
export function scoreLabels(photos: readonly LabelledPhoto[], labels: readonly string[]): LabelScore[] {
  return labels.map((label) => {
    const counts: Counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
    for (const photo of photos) {
      if (photo.uncertain.includes(label)) continue;
      const shown = photo.present.includes(label);
      const given = photo.predicted.includes(label);
      if (shown && given) counts.truePositives += 1;
      else if (given) counts.falsePositives += 1;
      else if (shown) counts.falseNegatives += 1;
    }
    return { label, ...counts, precision: precisionOf(counts), recall: recallOf(counts) };
  });
}

/** Micro-average: every (photo, label) decision of the given scores counted once. */
export function overallScore(scores: readonly LabelScore[]): Counts & {
  precision: number | undefined;
  recall: number | undefined;
} {
  const counts: Counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const score of scores) {
    counts.truePositives += score.truePositives;
    counts.falsePositives += score.falsePositives;
    counts.falseNegatives += score.falseNegatives;
  }
  return { ...counts, precision: precisionOf(counts), recall: recallOf(counts) };
}
