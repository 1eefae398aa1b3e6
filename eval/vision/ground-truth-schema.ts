import { z } from 'zod';
import { COCO_CLASSES } from '../../common/vocabulary';

/**
 * Scene labels the table records for every photo (closed world, like the objects): the scenes search knows that a
 * person can judge from the picture alone. The local models cannot produce most of them (bench output says so);
 * they are here so the same table measures Rekognition or sun-position labels later.
 */
export const SCENE_LABELS = [
  'beach',
  'sea',
  'water',
  'lake',
  'mountain',
  'forest',
  'snow',
  'sunset',
  'sunrise',
  'city',
  'street',
  'flowers',
] as const;

/** Every label the table may name: the COCO-80 objects the local detector emits, and the scenes above. */
export const TRUTH_LABELS: readonly string[] = [...COCO_CLASSES, ...SCENE_LABELS];

const label = z.string().refine((value) => TRUTH_LABELS.includes(value), {
  message: 'not a label of the vocabulary (COCO-80 or a scene label of SCENE_LABELS)',
});

/** A rectangle as fractions of the upright photo: left, top, width, height. */
const box = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .refine(([l, t, w, h]) => w > 0 && h > 0 && l >= -0.05 && t >= -0.05 && l + w <= 1.05 && t + h <= 1.05, {
    message: 'box must be [left, top, width, height] fractions inside the photo',
  });

export const FACE_TRUTH = z.object({
  box,
  /** Same person in several photos = same id. Absent when nobody can tell (then left out of clustering figures). */
  identity: z.string().min(1).optional(),
  /** Profile, looking down or away: a face a detector may fairly miss, reported on its own. */
  turned: z.boolean().optional(),
});

/** A real face chip pasted on a real background at a given place and size (pixels of the composite). */
const PLACED_FACE = z.object({
  chip: z.string().min(1),
  identity: z.string().min(1),
  left: z.number().int().nonnegative(),
  top: z.number().int().nonnegative(),
  size: z.number().int().min(8),
});

export const PHOTO_SOURCE = z.union([
  /** A file below the unpacked packages' root, used as it is. */
  z.object({ file: z.string().min(1) }).strict(),
  /** One tile of a collage (a real photo the collage was made of), as fractions of the collage. */
  z.object({ file: z.string().min(1), crop: box }).strict(),
  /** Chips pasted on a background: the face boxes come from the placement, not from the table's `faces`. */
  z
    .object({
      background: z.string().min(1),
      /** The composite's long side in pixels; the background is resized to it first. */
      longSide: z.number().int().min(200),
      faces: z.array(PLACED_FACE).min(1),
    })
    .strict(),
]);

export const FLAGS = [
  /** Three or more people. */
  'group',
  /** At least one face under 40 px as the models see it. */
  'small-faces',
  /** At least one profile or looking-away face. */
  'turned-face',
  /** A dog, cat or other pet beside a person. */
  'pet-with-person',
  /** Made by pasting real face chips on a real photo (sharp, deterministic); not a photo as taken. */
  'composite',
  /** Several photos in one picture: its faces are kept out of the clustering figures (one photo = one person each). */
  'collage',
  /** Faces in the background (a crowd) are not in the table: extra detections there are not counted wrong. */
  'unlabelled-faces',
] as const;

export const PHOTO_TRUTH = z
  .object({
    /** The photo's name in the evaluation set (file name without extension). */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** Debian or npm package the picture comes from. */
    from: z.string().min(1),
    source: PHOTO_SOURCE,
    /** Every vocabulary label that a person looking at the photo says it shows. */
    present: z.array(label),
    /** Labels nobody can fairly call right or wrong here (a toy bird, a half-hidden cup): not counted either way. */
    uncertain: z.array(label).default([]),
    /** Every face a person can see (not turned fully away); composites get theirs from the placement. */
    faces: z.array(FACE_TRUTH).default([]),
    flags: z.array(z.enum(FLAGS)).default([]),
  })
  .strict()
  .superRefine((photo, ctx) => {
    const both = photo.present.filter((l) => photo.uncertain.includes(l));
    if (both.length > 0)
      ctx.addIssue({ code: 'custom', message: `both present and uncertain: ${both.join(', ')}` });
    const composite = 'background' in photo.source;
    if (composite !== photo.flags.includes('composite'))
      ctx.addIssue({ code: 'custom', message: 'composite flag must match a composite source' });
    if (composite && photo.faces.length > 0)
      ctx.addIssue({ code: 'custom', message: 'a composite takes its faces from the placement' });
    const faces = composite && 'faces' in photo.source ? photo.source.faces.length : photo.faces.length;
    if (faces > 0 && !photo.present.includes('person'))
      ctx.addIssue({ code: 'custom', message: 'a photo with faces shows a person' });
    if (photo.flags.includes('group') && faces < 3)
      ctx.addIssue({ code: 'custom', message: 'a group photo has three or more faces' });
  });

export type PhotoTruthInput = z.input<typeof PHOTO_TRUTH>;
export type PhotoTruth = z.output<typeof PHOTO_TRUTH>;
export type FaceTruth = z.output<typeof FACE_TRUTH>;
export type PhotoFlag = (typeof FLAGS)[number];

/** The whole table, checked: every row valid, ids unique. Throws with the row's id and the problem. */
export function parseGroundTruth(rows: readonly unknown[]): PhotoTruth[] {
  const seen = new Set<string>();
  return rows.map((row, index) => {
    const parsed = PHOTO_TRUTH.safeParse(row);
    const id = (row as { id?: unknown })?.id;
    if (!parsed.success)
      throw new Error(`ground truth row ${index} (${String(id)}): ${z.prettifyError(parsed.error)}`);
    if (seen.has(parsed.data.id))
      throw new Error(`ground truth row ${index}: duplicate id ${parsed.data.id}`);
    seen.add(parsed.data.id);
    return parsed.data;
  });
}
