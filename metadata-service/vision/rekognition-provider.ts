import { createHash } from 'node:crypto';
import {
  CreateCollectionCommand,
  DetectLabelsCommand,
  IndexFacesCommand,
  SearchFacesCommand,
  type RekognitionClient,
} from '@aws-sdk/client-rekognition';
import sharp from 'sharp';
import type { Logger } from '../../common/logger';
import type { OriginalReader } from './original-reader';
import { labelsFromRekognition } from './rekognition-labels';
import { visionPixels } from './vision-pixels';
import type { AnalysedFace, Box, LabelProvider, PhotoAnalysis } from './vision-types';

/** Bump when the thresholds or the label mapping change: every photo is then analysed again. */
export const REKOGNITION_MODEL_VERSION = 'rekognition/labels-70/faces-90/labels-2';

export interface RekognitionProviderOptions {
  client: RekognitionClient;
  /** Whether closing the provider destroys the client (false for a client the caller made and keeps). */
  ownsClient: boolean;
  originals: OriginalReader;
  logger: Logger;
  /** Collection ids are `<prefix><owner>`, one collection per owner. */
  collectionPrefix?: string;
  /** Requests in flight (the service, not this machine, does the work). */
  concurrency?: number;
}

const MIN_LABEL_CONFIDENCE = 70;
/** Rekognition similarity (0-100) from which two faces are the same person. */
const FACE_MATCH_THRESHOLD = 90;
const MAX_FACES = 20;

/**
 * AWS Rekognition behind the LabelProvider interface: DetectLabels for objects and scenes, IndexFaces into a
 * per-owner collection, then SearchFaces per indexed face for the earlier faces it matches (SearchFaces by FaceId
 * searches every face of the photo without uploading crops; SearchFacesByImage would search only the largest).
 * Images are sent as an upright JPEG of at most 1280 px, well under the 5 MB Bytes limit.
 */
export function createRekognitionLabelProvider(options: RekognitionProviderOptions): LabelProvider {
  const { client } = options;
  const collections = new Map<string, Promise<string>>();
  const collectionFor = (ownerId: string): Promise<string> => {
    let ready = collections.get(ownerId);
    if (!ready) {
      ready = createCollection(client, collectionIdFor(options.collectionPrefix ?? 'photo-frame-', ownerId));
      ready.catch(() => collections.delete(ownerId));
      collections.set(ownerId, ready);
    }
    return ready;
  };
  return {
    modelVersion: REKOGNITION_MODEL_VERSION,
    concurrency: options.concurrency ?? 4,
    async analyse(photo): Promise<PhotoAnalysis> {
      const pixels = await visionPixels(await options.originals.read(photo.uri), photo.mediaType);
      const jpeg = await sharp(pixels.data, {
        raw: { width: pixels.width, height: pixels.height, channels: 3 },
      })
        .jpeg({ quality: 88 })
        .toBuffer();
      const image = { Bytes: jpeg };
      const collectionId = await collectionFor(photo.ownerId);
      // Labels first: when they fail nothing has been indexed, so the retry next run adds no duplicate faces.
      const detected = await client.send(
        new DetectLabelsCommand({ Image: image, MaxLabels: 50, MinConfidence: MIN_LABEL_CONFIDENCE }),
      );
      const faces = await indexFaces(client, collectionId, photo.photoId, image);
      return { labels: labelsFromRekognition(detected.Labels ?? []), faces };
    },
    close: () => {
      if (options.ownsClient) client.destroy();
      return Promise.resolve();
    },
  };
}

/** Collection ids allow [a-zA-Z0-9_.-]; an owner id with other characters gets a hash so two never collide. */
export function collectionIdFor(prefix: string, ownerId: string): string {
  const safe = ownerId.replace(/[^A-Za-z0-9_.-]/g, '_');
  if (safe === ownerId) return `${prefix}${ownerId}`;
  return `${prefix}${safe}-${createHash('sha256').update(ownerId).digest('hex').slice(0, 8)}`;
}

async function createCollection(client: RekognitionClient, collectionId: string): Promise<string> {
  try {
    await client.send(new CreateCollectionCommand({ CollectionId: collectionId }));
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceAlreadyExistsException') throw error;
  }
  return collectionId;
}

async function indexFaces(
  client: RekognitionClient,
  collectionId: string,
  photoId: string,
  image: { Bytes: Uint8Array },
): Promise<AnalysedFace[]> {
  const indexed = await client.send(
    new IndexFacesCommand({
      CollectionId: collectionId,
      Image: image,
      ExternalImageId: photoId,
      MaxFaces: MAX_FACES,
      QualityFilter: 'AUTO',
      DetectionAttributes: ['DEFAULT'],
    }),
  );
  const faces: AnalysedFace[] = [];
  for (const record of indexed.FaceRecords ?? []) {
    const face = record.Face;
    if (!face?.FaceId || !face.BoundingBox) continue;
    const found = await client.send(
      new SearchFacesCommand({
        CollectionId: collectionId,
        FaceId: face.FaceId,
        FaceMatchThreshold: FACE_MATCH_THRESHOLD,
        MaxFaces: 10,
      }),
    );
    const matches = (found.FaceMatches ?? [])
      // Another face of the same photo is another person, whatever the similarity.
      .filter((match) => match.Face?.FaceId && match.Face.ExternalImageId !== photoId)
      .sort((a, b) => (b.Similarity ?? 0) - (a.Similarity ?? 0))
      .map((match) => match.Face?.FaceId as string);
    faces.push({
      box: toBox(face.BoundingBox),
      score: (face.Confidence ?? 0) / 100,
      providerFaceId: face.FaceId,
      matches,
    });
  }
  return faces;
}

function toBox(box: { Left?: number; Top?: number; Width?: number; Height?: number }): Box {
  return { left: box.Left ?? 0, top: box.Top ?? 0, width: box.Width ?? 0, height: box.Height ?? 0 };
}
