import assert from 'node:assert/strict';
import {
  clusterByMatches,
  clusterFaces,
  type ClusterFace,
  type ClusteringInput,
} from '../../../metadata-service/people/face-clustering';

/** A unit vector near one of a few identity directions: same identity ≈ cos 0.8, different ≈ cos 0. */
function descriptor(identity: number, variant: number, dims = 64): Float32Array {
  const v = new Float32Array(dims);
  v[identity] = 1;
  v[20 + ((identity * 7 + variant) % 40)] = 0.75;
  let norm = 0;
  for (const x of v) norm += x * x;
  return v.map((x) => x / Math.sqrt(norm));
}

let faceCounter = 0;
function faceOf(identity: number, photoId: string): ClusterFace & { identity: number } {
  faceCounter += 1;
  return {
    id: `fa_${String(faceCounter).padStart(4, '0')}`,
    photoId,
    descriptor: descriptor(identity, faceCounter),
    identity,
  };
}

const newPersonId = (faceId: string) => `pe_new_${faceId}`;
const run = (input: Omit<ClusteringInput, 'newPersonId'>) => clusterFaces({ ...input, newPersonId });

describe('face clustering (average link, incremental)', () => {
  it('groups faces of the same person and keeps different people apart', () => {
    const faces = [0, 0, 0, 1, 1, 2].map((identity, i) => faceOf(identity, `ph_${i}`));
    const out = run({ clusters: [], newFaces: faces });
    const groups = out.clusters.map((c) =>
      c.faceIds.map((id) => faces.find((f) => f.id === id)?.identity).sort(),
    );
    assert.deepEqual(groups.sort(), [[0, 0, 0], [1, 1], [2]]);
    assert.deepEqual(out.retired, []);
    // A new cluster is named after its earliest face, so a repeated run would give it the same id.
    for (const cluster of out.clusters) assert.equal(cluster.personId, newPersonId(cluster.faceIds[0] ?? ''));
  });

  it('never puts two faces of one photo in the same cluster, however alike', () => {
    const twins = [faceOf(0, 'ph_group'), faceOf(0, 'ph_group')];
    const out = run({ clusters: [], newFaces: twins });
    assert.equal(out.clusters.length, 2);
  });

  it('adds new faces to the stored cluster they match, which keeps its id', () => {
    const stored = [faceOf(0, 'ph_a'), faceOf(0, 'ph_b')];
    const arriving = [faceOf(0, 'ph_c'), faceOf(1, 'ph_d')];
    const out = run({
      clusters: [{ personId: 'pe_anna', named: false, faces: stored, dissolve: false }],
      newFaces: arriving,
    });
    const anna = out.clusters.find((c) => c.personId === 'pe_anna');
    assert.deepEqual(anna?.faceIds, [...stored, arriving[0]].map((f) => f?.id).sort());
    assert.ok(out.clusters.some((c) => c.faceIds.length === 1 && c.faceIds[0] === arriving[1]?.id));
  });

  it('merges two stored clusters a new face shows to be one person; the larger keeps its id', () => {
    // Stored clusters are compared again only when one changes: the new face joins one, which then absorbs the other.
    const a = [faceOf(3, 'ph_1'), faceOf(3, 'ph_2'), faceOf(3, 'ph_3')];
    const b = [faceOf(3, 'ph_4')];
    const out = run({
      clusters: [
        { personId: 'pe_big', named: false, faces: a, dissolve: false },
        { personId: 'pe_small', named: false, faces: b, dissolve: false },
      ],
      newFaces: [faceOf(3, 'ph_5')],
    });
    assert.deepEqual(
      out.clusters.map((c) => [c.personId, c.faceIds.length]),
      [['pe_big', 5]],
    );
    assert.deepEqual(out.retired, ['pe_small']);
  });

  it('splits an unnamed cluster that lost faces back into its people, the id going to its larger part', () => {
    // A cluster that held two people together (a bridge face since deleted): regrouped from its faces.
    const mixed = [
      faceOf(4, 'ph_1'),
      faceOf(4, 'ph_2'),
      faceOf(4, 'ph_3'),
      faceOf(5, 'ph_4'),
      faceOf(5, 'ph_5'),
    ];
    const out = run({
      clusters: [{ personId: 'pe_mixed', named: false, faces: mixed, dissolve: true }],
      newFaces: [],
    });
    const sizes = new Map(out.clusters.map((c) => [c.personId, c.faceIds.length]));
    assert.equal(sizes.get('pe_mixed'), 3);
    assert.equal(out.clusters.length, 2);
  });

  it('never merges two named people, and a named cluster keeps its id and faces', () => {
    const mom = [faceOf(6, 'ph_1')];
    const aunt = [faceOf(6, 'ph_2')];
    const out = run({
      clusters: [
        { personId: 'pe_mom', named: true, faces: mom, dissolve: true },
        { personId: 'pe_aunt', named: true, faces: aunt, dissolve: false },
      ],
      newFaces: [faceOf(6, 'ph_3')],
    });
    assert.deepEqual(out.clusters.map((c) => c.personId).sort(), ['pe_aunt', 'pe_mom']);
    assert.equal(
      out.clusters.reduce((n, c) => n + c.faceIds.length, 0),
      3,
    );
    assert.deepEqual(out.retired, []);
  });

  it('pictures a cluster with its most typical face', () => {
    const faces = [faceOf(7, 'ph_1'), faceOf(7, 'ph_2'), faceOf(7, 'ph_3')];
    const centre = { ...faceOf(7, 'ph_4'), descriptor: descriptor(7, -1) };
    centre.descriptor = centre.descriptor.map((_, i) => (i === 7 ? 1 : 0));
    const out = run({ clusters: [], newFaces: [...faces, centre] });
    assert.equal(out.clusters[0]?.coverFaceId, centre.id);
  });
});

describe('face clustering by provider matches (Rekognition)', () => {
  it('joins the best match not in the same photo, else starts a person', () => {
    const out = clusterByMatches({
      clusters: [
        {
          personId: 'pe_mom',
          named: true,
          faces: [{ id: 'fa_1', photoId: 'ph_1', providerFaceId: 'r1', matches: [] }],
        },
      ],
      newFaces: [
        { id: 'fa_2', photoId: 'ph_2', providerFaceId: 'r2', matches: ['r1'] },
        { id: 'fa_3', photoId: 'ph_2', providerFaceId: 'r3', matches: ['r1', 'r2'] },
        { id: 'fa_4', photoId: 'ph_3', providerFaceId: 'r4', matches: ['r3'] },
      ],
      newPersonId,
    });
    const byPerson = new Map(out.clusters.map((c) => [c.personId, c.faceIds]));
    assert.deepEqual(byPerson.get('pe_mom'), ['fa_1', 'fa_2']);
    assert.deepEqual(byPerson.get(newPersonId('fa_3')), ['fa_3', 'fa_4']);
  });
});

describe('face clustering by provider matches, in either order', () => {
  it('links two new faces whichever of them lists the other', () => {
    const out = clusterByMatches({
      clusters: [],
      newFaces: [
        { id: 'fa_b', photoId: 'ph_2', providerFaceId: 'r2', matches: ['r1'] },
        { id: 'fa_a', photoId: 'ph_1', providerFaceId: 'r1', matches: [] },
      ],
      newPersonId,
    });
    assert.deepEqual(
      out.clusters.map((c) => [c.personId, c.faceIds]),
      [[newPersonId('fa_a'), ['fa_a', 'fa_b']]],
    );
  });
});

describe('face clustering around named people and the owner answers', () => {
  /** Person 0's faces: cos 0.64 to each other. */
  const personFace = (k: number, photoId: string): ClusterFace => {
    const v = new Float32Array(32);
    v[0] = 0.8;
    v[10 + k] = 0.6;
    return { id: `fa_p${k}`, photoId, descriptor: v };
  };
  /** A face whose average link to person 0's faces is `link` (0.8 × its share of axis 0). */
  const faceAt = (id: string, photoId: string, link: number, axis = 31): ClusterFace => {
    const c = link / 0.8;
    const v = new Float32Array(32);
    v[0] = c;
    v[axis] = Math.sqrt(1 - c * c);
    return { id, photoId, descriptor: v };
  };
  const anna = [personFace(1, 'ph_1'), personFace(2, 'ph_2'), personFace(3, 'ph_3')];
  const personOf = (out: ReturnType<typeof run>, faceId: string) =>
    out.clusters.find((c) => c.faceIds.includes(faceId))?.personId;

  it('a named person attracts a face the stranger threshold leaves alone', () => {
    const between = faceAt('fa_x', 'ph_9', 0.58);
    const asStrangers = run({
      clusters: [{ personId: 'pe_anna', named: false, faces: anna, dissolve: false }],
      newFaces: [between],
    });
    assert.notEqual(personOf(asStrangers, 'fa_x'), 'pe_anna');
    const named = run({
      clusters: [{ personId: 'pe_anna', named: true, faces: anna, dissolve: false }],
      newFaces: [between],
    });
    assert.equal(personOf(named, 'fa_x'), 'pe_anna');
    const far = run({
      clusters: [{ personId: 'pe_anna', named: true, faces: anna, dissolve: false }],
      newFaces: [faceAt('fa_far', 'ph_9', 0.5)],
    });
    assert.notEqual(personOf(far, 'fa_far'), 'pe_anna');
  });

  it('a person named since the last run absorbs a stored stranger cluster near them', () => {
    const stranger = [faceAt('fa_s1', 'ph_7', 0.58, 30), faceAt('fa_s2', 'ph_8', 0.58, 30)];
    const out = run({
      clusters: [
        { personId: 'pe_anna', named: true, faces: anna, dissolve: false },
        { personId: 'pe_stranger', named: false, faces: stranger, dissolve: false },
      ],
      newFaces: [],
    });
    assert.deepEqual(
      out.clusters.map((c) => [c.personId, c.faceIds.length]),
      [['pe_anna', 5]],
    );
    assert.deepEqual(out.retired, ['pe_stranger']);
  });

  it('never puts a face in a person it was refused as, nor the cluster that holds it', () => {
    const twin = faceAt('fa_twin', 'ph_9', 0.7);
    const refused = new Map([['fa_twin', new Set(['pe_anna'])]]);
    const out = run({
      clusters: [{ personId: 'pe_anna', named: true, faces: anna, dissolve: false }],
      newFaces: [twin, faceAt('fa_near_twin', 'ph_10', 0.7)],
      refused,
    });
    assert.notEqual(personOf(out, 'fa_twin'), 'pe_anna');
    // Its neighbour may join Anna, but then the twin cannot join that group either.
    const anna2 = out.clusters.find((c) => c.personId === 'pe_anna');
    assert.ok(!anna2?.faceIds.includes('fa_twin'));
  });

  it('puts a confirmed face in its person however far it is, except beside the person in the same photo', () => {
    const far = faceAt('fa_far', 'ph_9', 0.1);
    const sameAsAnna = faceAt('fa_same_photo', 'ph_1', 0.1, 30);
    const out = run({
      clusters: [{ personId: 'pe_anna', named: true, faces: anna, dissolve: false }],
      newFaces: [far, sameAsAnna],
      confirmed: new Map([
        ['fa_far', 'pe_anna'],
        ['fa_same_photo', 'pe_anna'],
      ]),
    });
    assert.equal(personOf(out, 'fa_far'), 'pe_anna');
    assert.notEqual(personOf(out, 'fa_same_photo'), 'pe_anna');
  });
});
