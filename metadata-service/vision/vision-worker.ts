/**
 * A vision worker process: loads the local models once, then analyses one photo per request from its parent
 * (worker-pool.ts). tfjs-wasm runs single-threaded, so the pool runs one of these per core.
 */
import type { FaceResult, Human, ObjectResult } from '@vladmandic/human';
import sharp from 'sharp';
import { keepPersonFaces } from './face-filter';
import { detectPixels, loadHuman } from './human-detector';
import { lookCloser } from './objects/look-closer';
import { visionPixels } from './vision-pixels';
import { VisionSkip, type Box, type DetectedObject } from './vision-types';
import type { AnalyseRequest, WorkerDetections, WorkerFace, WorkerMessage } from './worker-protocol';

function send(message: WorkerMessage): void {
  process.send?.(message);
}

async function analyse(human: Human, request: AnalyseRequest): Promise<WorkerDetections> {
  const pixels = await visionPixels(request.input, request.mediaType);
  // Faces on every photo: a face the mesh is sure of is kept without a person box around it (face-filter.ts).
  const result = await detectPixels(human, pixels);
  const objects = result.object.map(toObject);
  const faces = result.face.flatMap(toFace);
  // Faces are filtered by the first pass's boxes, the ones the face filter was measured with.
  const kept = keepPersonFaces(faces, objects);
  const looked = await lookCloser(human, pixels, objects);
  // The photo's pixel buffers (RGB, int32 copies for the tensors: tens of MB off the JS heap) are freed now rather
  // than whenever V8 next collects: measured on bench:vision's 168 photos, peak RSS per worker 440-476 MB without
  // this, 445-447 MB with it (target 450), at the same photos/s. The pool starts workers with --expose-gc.
  (globalThis as { gc?: () => void }).gc?.();
  return { objects: looked, faces: kept, droppedFaces: result.face.length - kept.length };
}

function toObject(object: ObjectResult): DetectedObject {
  return { label: object.label, score: object.score, box: toBox(object.boxRaw) };
}

function toFace(face: FaceResult): WorkerFace[] {
  const embedding = face.embedding;
  if (!embedding || embedding.length === 0) return [];
  return [{ box: toBox(face.boxRaw), score: face.score, descriptor: normalised(embedding) }];
}

function toBox([left, top, width, height]: readonly number[]): Box {
  return { left: left ?? 0, top: top ?? 0, width: width ?? 0, height: height ?? 0 };
}

function normalised(values: readonly number[]): Float32Array {
  const vector = Float32Array.from(values);
  let norm = 0;
  for (const v of vector) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] ?? 0) / norm;
  return vector;
}

async function main(): Promise<void> {
  // Each photo is decoded once, so libvips' operation cache only holds memory: off, a worker's peak RSS over the
  // evaluation set fell by about 200 MB in decoding alone (470 -> 272 MB, large wallpapers).
  sharp.cache(false);
  const human = await loadHuman();
  // Requests arrive one at a time (the pool waits for each answer), so they are simply chained.
  let queue = Promise.resolve();
  process.on('message', (message: AnalyseRequest) => {
    if (message?.type !== 'analyse') return;
    queue = queue.then(async () => {
      try {
        send({ type: 'result', jobId: message.jobId, ...(await analyse(human, message)) });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        send({ type: error instanceof VisionSkip ? 'skip' : 'failed', jobId: message.jobId, reason });
      }
    });
  });
  // The parent going away (crash, kill) must not leave a 300 MB orphan behind.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `vision worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
