import assert from 'node:assert/strict';
import { join } from 'node:path';
import { RekognitionClient } from '@aws-sdk/client-rekognition';
import { interceptOutboundHttp, nock } from '../../support/outbound-http';
import { createLibrary, type Library } from '../../../metadata-service/library';
import { collectionIdFor } from '../../../metadata-service/vision/rekognition-provider';
import { labelsFromRekognition } from '../../../metadata-service/vision/rekognition-labels';
import { makeTempDir, silentLogger, writeJpeg, type TempDir } from '../support/fixtures';

const ENDPOINT = 'https://rekognition.us-east-1.amazonaws.com';
const OWNER = 'owner:rk';
const COLLECTION = collectionIdFor('pf-test-', OWNER);

/* Response bodies shaped as the Rekognition API reference documents them (awsJson1_1), as a real call answers. */
const beachLabels = {
  Labels: [
    {
      Name: 'Beach',
      Confidence: 98.61,
      Instances: [],
      Parents: [{ Name: 'Coast' }, { Name: 'Nature' }, { Name: 'Outdoors' }, { Name: 'Shoreline' }],
      Aliases: [],
      Categories: [{ Name: 'Nature and Outdoors' }],
    },
    {
      Name: 'Sea',
      Confidence: 97.2,
      Instances: [],
      Parents: [{ Name: 'Nature' }, { Name: 'Water' }],
      Aliases: [{ Name: 'Ocean' }],
      Categories: [{ Name: 'Nature and Outdoors' }],
    },
    {
      Name: 'Nature',
      Confidence: 99.9,
      Instances: [],
      Parents: [],
      Aliases: [],
      Categories: [{ Name: 'Nature and Outdoors' }],
    },
    {
      Name: 'Sunset',
      Confidence: 88.05,
      Instances: [],
      Parents: [{ Name: 'Nature' }, { Name: 'Sky' }],
      Aliases: [{ Name: 'Sunrise' }],
      Categories: [{ Name: 'Nature and Outdoors' }],
    },
    {
      Name: 'Person',
      Confidence: 99.5,
      Instances: [{ BoundingBox: { Width: 0.21, Height: 0.71, Left: 0.33, Top: 0.2 }, Confidence: 99.5 }],
      Parents: [],
      Aliases: [{ Name: 'Human' }],
      Categories: [{ Name: 'Person Description' }],
    },
  ],
  LabelModelVersion: '3.0',
};
const dogLabels = {
  Labels: [
    {
      Name: 'Dog',
      Confidence: 96.4,
      Instances: [{ BoundingBox: { Width: 0.5, Height: 0.6, Left: 0.1, Top: 0.3 }, Confidence: 96.4 }],
      Parents: [{ Name: 'Animal' }, { Name: 'Canine' }, { Name: 'Mammal' }, { Name: 'Pet' }],
      Aliases: [{ Name: 'Pup' }],
      Categories: [{ Name: 'Animals and Pets' }],
    },
    {
      Name: 'Animal',
      Confidence: 96.4,
      Instances: [],
      Parents: [],
      Aliases: [],
      Categories: [{ Name: 'Animals and Pets' }],
    },
    {
      Name: 'Person',
      Confidence: 98.1,
      Instances: [],
      Parents: [],
      Aliases: [{ Name: 'Human' }],
      Categories: [{ Name: 'Person Description' }],
    },
  ],
  LabelModelVersion: '3.0',
};

function indexed(
  faceId: string,
  photoId: string,
  box: { Width: number; Height: number; Left: number; Top: number },
) {
  return {
    FaceRecords: [
      {
        Face: {
          FaceId: faceId,
          BoundingBox: box,
          ImageId: '7d4c8a2e-0c5f-3a1b-9e6d-5f2a1c0b9e8d',
          ExternalImageId: photoId,
          Confidence: 99.99,
          IndexFacesModelVersion: '7.0',
        },
        FaceDetail: {
          BoundingBox: box,
          Landmarks: [
            { Type: 'eyeLeft', X: box.Left + box.Width * 0.3, Y: box.Top + box.Height * 0.4 },
            { Type: 'eyeRight', X: box.Left + box.Width * 0.7, Y: box.Top + box.Height * 0.4 },
          ],
          Pose: { Roll: -2.1, Yaw: 4.3, Pitch: 1.2 },
          Quality: { Brightness: 81.2, Sharpness: 92.3 },
          Confidence: 99.99,
        },
      },
    ],
    FaceModelVersion: '7.0',
    UnindexedFaces: [],
  };
}

describe('Rekognition label provider (nock, recorded response shapes)', function () {
  interceptOutboundHttp();
  this.timeout(30_000);
  let tmp: TempDir;
  let library: Library;

  beforeEach(async () => {
    tmp = await makeTempDir('pf-rekognition-');
    await writeJpeg(join(tmp.path, 'photos', 'beach.jpg'), { width: 400, height: 300, seed: 11 });
    await writeJpeg(join(tmp.path, 'photos', 'dog.jpg'), { width: 400, height: 300, seed: 12 });
    library = await createLibrary({
      database: { kind: 'sqlite', file: join(tmp.path, 'library.sqlite') },
      logger: silentLogger,
      vision: {
        provider: 'rekognition',
        region: 'us-east-1',
        collectionPrefix: 'pf-test-',
        client: new RekognitionClient({
          region: 'us-east-1',
          credentials: {
            accessKeyId: 'AKIDEXAMPLE',
            secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
          },
        }),
      },
    });
  });
  afterEach(async () => {
    await library.close();
    await tmp.cleanup();
  });

  const target = (operation: string) => (value: string) => value === `RekognitionService.${operation}`;

  it('maps DetectLabels scenes into the vocabulary and groups IndexFaces/SearchFaces matches into one person', async () => {
    const seen: string[] = [];
    const rekognition = nock(ENDPOINT)
      .post('/', (body: { CollectionId?: string }) => body.CollectionId === COLLECTION)
      .matchHeader('x-amz-target', target('CreateCollection'))
      .reply(400, {
        __type: 'ResourceAlreadyExistsException',
        Message: `The collection id: ${COLLECTION} already exists`,
      })
      .post('/', (body: { Image?: { Bytes?: string } }) => typeof body.Image?.Bytes === 'string')
      .matchHeader('x-amz-target', target('DetectLabels'))
      .times(2)
      .reply(
        200,
        () => (
          seen.push('labels'),
          seen.filter((s) => s === 'labels').length === 1 ? beachLabels : dogLabels
        ),
      )
      .post(
        '/',
        (body: { ExternalImageId?: string; CollectionId?: string }) => body.CollectionId === COLLECTION,
      )
      .matchHeader('x-amz-target', target('IndexFaces'))
      .times(2)
      .reply(200, (_uri, body) => {
        const photoId = (body as { ExternalImageId: string }).ExternalImageId;
        const first = !seen.includes('faces');
        seen.push('faces');
        return first
          ? indexed('11111111-2222-3333-4444-555555555555', photoId, {
              Width: 0.1,
              Height: 0.15,
              Left: 0.4,
              Top: 0.25,
            })
          : indexed('66666666-7777-8888-9999-000000000000', photoId, {
              Width: 0.12,
              Height: 0.18,
              Left: 0.2,
              Top: 0.3,
            });
      })
      .post('/', (body: { FaceId?: string }) => body.FaceId === '66666666-7777-8888-9999-000000000000')
      .matchHeader('x-amz-target', target('SearchFaces'))
      .reply(200, {
        SearchedFaceId: '66666666-7777-8888-9999-000000000000',
        FaceMatches: [
          {
            Similarity: 99.3,
            Face: {
              FaceId: '11111111-2222-3333-4444-555555555555',
              BoundingBox: { Width: 0.1, Height: 0.15, Left: 0.4, Top: 0.25 },
              ImageId: '7d4c8a2e-0c5f-3a1b-9e6d-5f2a1c0b9e8d',
              ExternalImageId: 'ph_other',
              Confidence: 99.99,
              IndexFacesModelVersion: '7.0',
            },
          },
        ],
        FaceModelVersion: '7.0',
      })
      .post('/', (body: { FaceId?: string }) => body.FaceId === '11111111-2222-3333-4444-555555555555')
      .matchHeader('x-amz-target', target('SearchFaces'))
      .reply(200, {
        SearchedFaceId: '11111111-2222-3333-4444-555555555555',
        FaceMatches: [],
        FaceModelVersion: '7.0',
      });

    const report = await library.ingest(join(tmp.path, 'photos'), { ownerId: OWNER, vision: 'wait' });
    assert.ok(report.vision?.state === 'done', JSON.stringify(report.vision));
    assert.deepEqual([report.vision.analysed, report.vision.faces, report.vision.people], [2, 2, 1]);
    assert.ok(rekognition.isDone(), `not called: ${rekognition.pendingMocks().join(', ')}`);

    const all = await library.api.search(OWNER, { query: {}, limit: 10 });
    const labelsOf = new Map<string, string[]>();
    for (const photo of all.photos) {
      const facts = await library.api.getPhoto(OWNER, photo.id);
      labelsOf.set(
        photo.id,
        facts.labels.filter((l) => l.source === 'vision').map((l) => l.name),
      );
    }
    const beachy = [...labelsOf.values()].find((labels) => labels.includes('beach'));
    const doggy = [...labelsOf.values()].find((labels) => labels.includes('dog'));
    // Rekognition's "Sea" is the sea, not also a beach or a separate "water".
    assert.deepEqual(beachy, ['beach', 'person', 'sea', 'sunset']);
    assert.deepEqual(doggy, ['dog', 'person']);
    const beaches = await library.api.search(OWNER, { q: 'seaside photos', limit: 10 });
    assert.equal(beaches.total, 1);

    const people = await library.api.listPeople(OWNER);
    assert.deepEqual(
      people.map((p) => [p.name, p.faceCount, p.photoCount]),
      [[null, 2, 2]],
    );

    // Resumable: a second ingest asks Rekognition nothing (nock would refuse any request now).
    const again = await library.ingest(join(tmp.path, 'photos'), { ownerId: OWNER, vision: 'wait' });
    assert.ok(again.vision?.state === 'done');
    assert.equal(again.vision.analysed, 0);
  });

  it('retries photos next run when the service fails for a reason outside the photo', async () => {
    nock(ENDPOINT)
      .post('/')
      .matchHeader('x-amz-target', target('CreateCollection'))
      .reply(200, {
        StatusCode: 200,
        CollectionArn: `aws:rekognition:us-east-1:123456789012:collection/${COLLECTION}`,
        FaceModelVersion: '7.0',
      })
      .post('/')
      .matchHeader('x-amz-target', target('DetectLabels'))
      .times(2)
      .reply(400, {
        __type: 'AccessDeniedException',
        Message: 'User is not authorized to perform: rekognition:DetectLabels',
      });
    // No IndexFaces is answered: a photo whose labels failed must not have its faces indexed (no duplicates on retry).
    const report = await library.ingest(join(tmp.path, 'photos'), { ownerId: OWNER, vision: 'wait' });
    assert.ok(report.vision?.state === 'done');
    assert.deepEqual([report.vision.analysed, report.vision.failed, report.vision.skipped.length], [0, 2, 0]);
    // Each pass makes sure the owner's collection exists.
    nock(ENDPOINT)
      .post('/')
      .matchHeader('x-amz-target', target('CreateCollection'))
      .reply(400, {
        __type: 'ResourceAlreadyExistsException',
        Message: `The collection id: ${COLLECTION} already exists`,
      })
      .post('/')
      .matchHeader('x-amz-target', target('DetectLabels'))
      .times(2)
      .reply(200, dogLabels)
      .post('/')
      .matchHeader('x-amz-target', target('IndexFaces'))
      .times(2)
      .reply(200, { FaceRecords: [], FaceModelVersion: '7.0', UnindexedFaces: [] });
    const retried = await library.ingest(join(tmp.path, 'photos'), { ownerId: OWNER, vision: 'wait' });
    assert.ok(retried.vision?.state === 'done');
    assert.deepEqual([retried.vision.analysed, retried.vision.failed], [2, 0]);
    assert.equal((await library.api.search(OWNER, { query: { labels: ['dog'] }, limit: 10 })).total, 2);
  });
});

describe('Rekognition labels in the vocabulary', () => {
  it('maps scenes and synonyms to the same thing only (Sea is no beach, Street no city, Dusk no sunset), keeps other names, drops the hierarchy parents', () => {
    const labels = labelsFromRekognition([
      { Name: 'Mountain Range', Confidence: 91 },
      { Name: 'Snow', Confidence: 80.5 },
      { Name: 'Birthday Cake', Confidence: 75 },
      { Name: 'Outdoors', Confidence: 99 },
      { Name: 'Lighthouse', Confidence: 72 },
      { Name: 'Street', Confidence: 85 },
      { Name: 'Sea', Confidence: 88 },
      { Name: 'Dusk', Confidence: 77 },
      { Name: 'Sunrise', Confidence: 81 },
      { Name: 'Shoreline', Confidence: 79 },
    ]);
    assert.deepEqual(
      labels.map((l) => [l.label, l.confidence]),
      [
        ['birthday', 0.75],
        ['cake', 0.75],
        ['coast', 0.79],
        ['dusk', 0.77],
        ['lighthouse', 0.72],
        ['mountain', 0.91],
        ['sea', 0.88],
        ['snow', 0.805],
        ['street', 0.85],
        ['sunrise', 0.81],
      ],
    );
  });

  it('gives owners with characters collections do not allow their own collection', () => {
    assert.equal(collectionIdFor('pf-', 'local'), 'pf-local');
    assert.match(collectionIdFor('pf-', 'a:b'), /^pf-a_b-[0-9a-f]{8}$/);
    assert.notEqual(collectionIdFor('pf-', 'a:b'), collectionIdFor('pf-', 'a_b'));
  });
});
