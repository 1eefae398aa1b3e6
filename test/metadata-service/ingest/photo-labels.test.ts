import assert from 'node:assert/strict';
import {
  folderLabels,
  hierarchicalKeywordLabels,
  hierarchicalKeywordPeople,
  keywordLabels,
  textLabels,
} from '../../../metadata-service/ingest/photo-labels';

describe('photo labels', () => {
  const names = (labels: { label: string }[]) => labels.map((l) => l.label).sort();

  it('labels photos by the vocabulary words in their folder names, not the file name', () => {
    assert.deepEqual(names(folderLabels('Beach 2026/IMG_0001.jpg')), ['beach']);
    assert.deepEqual(names(folderLabels('Trips/Mountain hiking/Dog pics/beach.jpg')), [
      'dog',
      'hiking',
      'mountain',
    ]);
    // A range's name is no subject: the folder is an album by its name, and says nothing of mountains.
    assert.deepEqual(names(folderLabels('Trips/Alps hiking/beach.jpg')), ['hiking']);
    assert.deepEqual(names(folderLabels('Birthday Party 2025/cake.jpg')), ['birthday']);
    assert.deepEqual(names(folderLabels('2026/Misc/x.jpg')), []);
    assert.deepEqual(names(folderLabels('beach.jpg')), []);
    assert.ok(folderLabels('Snow/a.jpg').every((l) => l.source === 'folder' && l.confidence < 1));
  });

  it('maps keywords through the vocabulary and keeps unknown ones normalized', () => {
    const labels = keywordLabels([
      'Seaside',
      'PUPPIES',
      'Café de Flore',
      'Côte d’Azur',
      '   ',
      '日本',
      'Alps',
    ]);
    assert.deepEqual(names(labels), ['alps', 'beach', 'cafe de flore', 'cote dazur', 'dog']);
    assert.ok(labels.every((l) => l.source === 'keyword' && l.confidence === 1));
  });

  it('files the vocabulary words of a sidecar title or description, as sure as a keyword', () => {
    const described = (text: string) => names(textLabels([null, text]));
    assert.deepEqual(described('bald eagle by the lake'), ['eagle', 'lake']);
    assert.deepEqual(described('coffee in Shibuya'), ['coffee']);
    assert.deepEqual(described('Easter walk on the moor with the dog and the pony'), [
      'dog',
      'easter',
      'horse',
    ]);
    assert.deepEqual(described('Rocket launch at sunrise'), ['rocket', 'sunrise']);
    assert.deepEqual(described('Christmas Eve dinner'), ['christmas', 'dinner']);
    const labels = textLabels(['Coffee', undefined, 'Giraffe and zebra at the waterhole']);
    assert.deepEqual(names(labels), ['coffee', 'giraffe', 'zebra']);
    assert.ok(labels.every((l) => l.source === 'sidecar' && l.confidence === 1));
  });

  it('takes a role under a people root (People|Astronaut) for a label, and a name there for a person', () => {
    const paths = [
      'People|Astronaut',
      'People|Photographers',
      'People|Family|Anna Smith',
      'People|Dawn',
      'Animals|Dog',
    ];
    assert.deepEqual(names(hierarchicalKeywordLabels(paths)), ['animal', 'astronaut', 'dog', 'photographer']);
    assert.deepEqual(hierarchicalKeywordPeople(paths), ['Anna Smith', 'Dawn']);
    assert.deepEqual(names(hierarchicalKeywordLabels(['Places|Europe|Beach', 'People'])), []);
  });

  it('files nothing for prose words that are not the thing: a café, a portrait, friends, a safari', () => {
    for (const text of [
      'Espresso at a café',
      'Portrait at the space center',
      "New Year's Eve with friends",
    ]) {
      assert.ok(!names(textLabels([text])).some((l) => ['coffee', 'person', 'rocket'].includes(l)), text);
    }
    assert.deepEqual(names(textLabels(['Kruger safari', 'an orange sky', '', '   '])), ['sky']);
  });
});
