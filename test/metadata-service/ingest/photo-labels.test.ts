import assert from 'node:assert/strict';
import { folderLabels, keywordLabels } from '../../../metadata-service/ingest/photo-labels';

describe('photo labels', () => {
  const names = (labels: { label: string }[]) => labels.map((l) => l.label).sort();

  it('labels photos by the vocabulary words in their folder names, not the file name', () => {
    assert.deepEqual(names(folderLabels('Beach 2026/IMG_0001.jpg')), ['beach']);
    assert.deepEqual(names(folderLabels('Trips/Alps hiking/Dog pics/beach.jpg')), [
      'dog',
      'hiking',
      'mountain',
    ]);
    assert.deepEqual(names(folderLabels('Birthday Party 2025/cake.jpg')), ['birthday']);
    assert.deepEqual(names(folderLabels('2026/Misc/x.jpg')), []);
    assert.deepEqual(names(folderLabels('beach.jpg')), []);
    assert.ok(folderLabels('Snow/a.jpg').every((l) => l.source === 'folder' && l.confidence < 1));
  });

  it('maps keywords through the vocabulary and keeps unknown ones normalized', () => {
    const labels = keywordLabels(['Seaside', 'PUPPIES', 'Café de Flore', 'Côte d’Azur', '   ', '日本']);
    assert.deepEqual(names(labels), ['beach', 'cafe de flore', 'cote dazur', 'dog']);
    assert.ok(labels.every((l) => l.source === 'keyword' && l.confidence === 1));
  });
});
