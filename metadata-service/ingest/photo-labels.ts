import { labelSchema } from '../../common/contracts';
import { canonicalLabel, normalizeWords } from '../labels/vocabulary';
import type { LabelRecord } from '../repositories/photo-repository';

/** A folder name is the owner's own filing ("Beach 2026/"), but coarser than a per-photo keyword. */
const FOLDER_CONFIDENCE = 0.8;
const KEYWORD_CONFIDENCE = 1;

/**
 * Labels from the folders along a relative path: the whole folder name ("Birthday Party 2025" → birthday) and each
 * word in it ("Beach 2026" → beach). Only vocabulary words count; "2026" or "Misc" are filing, not content.
 */
export function folderLabels(relativePath: string): LabelRecord[] {
  const folders = relativePath.split('/').slice(0, -1);
  const labels = new Set<string>();
  for (const folder of folders) {
    const words = normalizeWords(folder)
      .split(' ')
      .filter((w) => w.length > 0 && !/^\d+$/.test(w));
    for (const candidate of [words.join(' '), ...words]) {
      const label = canonicalLabel(candidate);
      if (label) labels.add(label);
    }
  }
  return [...labels].map((label) => ({ label, source: 'folder', confidence: FOLDER_CONFIDENCE }));
}

/**
 * Labels from embedded keywords (XMP dc:subject, IPTC Keywords): vocabulary words map to their canonical label
 * ("Seaside" → beach); other keywords are kept in normalized form so they stay searchable.
 */
export function keywordLabels(keywords: readonly string[]): LabelRecord[] {
  const labels = new Set<string>();
  for (const keyword of keywords) {
    const label = canonicalLabel(keyword) ?? asciiLabel(keyword);
    if (label) labels.add(label);
  }
  return [...labels].map((label) => ({ label, source: 'keyword', confidence: KEYWORD_CONFIDENCE }));
}

/** The contract's label alphabet is lower-case ASCII; "Café" → "cafe", anything unrepresentable is dropped. */
function asciiLabel(keyword: string): string | undefined {
  const ascii = normalizeWords(keyword.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
  return labelSchema.safeParse(ascii).success ? ascii : undefined;
}
