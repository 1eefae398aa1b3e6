import assert from 'node:assert/strict';
import { scoreNaming } from '../../../eval/vision/naming-scores';
import { clusterFaces, type ClusterFace } from '../../../metadata-service/people/face-clustering';

/** A face on axis `axis` with weight `c`, the rest on its own noise axis. */
function faceAt(id: string, photoId: string, axis: number, c: number, noise: number): ClusterFace {
  const v = new Float32Array(32);
  v[axis] = c;
  v[noise] = Math.sqrt(1 - c * c);
  return { id, photoId, descriptor: v };
}

describe('naming scores', () => {
  it('counts what naming one face finds, asks about and misses, and what belongs to someone else', () => {
    const faces = [
      faceAt('a1', 'p1', 0, 0.9, 10),
      faceAt('a2', 'p2', 0, 0.9, 11),
      faceAt('a3', 'p3', 0, 0.6, 12), // link 0.54 to a1+a2: not joined, asked about
      faceAt('a4', 'p4', 0, 0.2, 13), // far from the rest: missing
      faceAt('b1', 'p5', 1, 0.9, 14),
      faceAt('b2', 'p6', 1, 0.9, 15),
    ];
    const identityOf = new Map(faces.map((f) => [f.id, f.id.startsWith('a') ? 'anna' : 'bob']));
    const { clusters } = clusterFaces({ clusters: [], newFaces: faces, newPersonId: (id) => `pe_${id}` });
    const scores = scoreNaming(faces, identityOf, clusters);
    assert.deepEqual(scores, [
      { identity: 'anna', faces: 4, found: 2, wrongFound: 0, asked: 1, wrongAsked: 0, missing: 1 },
      { identity: 'bob', faces: 2, found: 2, wrongFound: 0, asked: 0, wrongAsked: 0, missing: 0 },
    ]);
  });
});
