import { z } from 'zod';

/*
 * Provenance (issue 13 item 5): where each label and person on a photo came from, so "why is this photo here?"
 * has an answer a person can check, and a wrong label or face can be traced to what said it.
 */

const confidenceSchema = z.number().min(0).max(1);

/** A face's id as GET /v1/library/photos/{id}/faces gives it. */
export const faceIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a face id');

/** One thing that gave a photo a label. `confidence` is the label's confidence from that source. */
export const labelSourceSchema = z.discriminatedUnion('kind', [
  /** An embedded keyword (XMP dc:subject, IPTC Keywords, Lightroom hierarchy, sidecar keywords), as written. */
  z.object({ kind: z.literal('keyword'), confidence: confidenceSchema, keyword: z.string().nullable() }),
  /** A folder (album) along the photo's path, by its name. */
  z.object({ kind: z.literal('folder'), confidence: confidenceSchema, folder: z.string().nullable() }),
  /** Words written about the photo (Takeout or XMP title and description): the text the label was read from. */
  z.object({ kind: z.literal('sidecar'), confidence: confidenceSchema, text: z.string().nullable() }),
  /** A vision model: the provider ('local' models, 'rekognition') and the model version that saw it. */
  z.object({
    kind: z.literal('vision'),
    confidence: confidenceSchema,
    provider: z.string().nullable(),
    modelVersion: z.string().nullable(),
  }),
  /** How the file says the photo was made: the fact read ("lens: iPhone 13 front camera…", "4032x1008"). */
  z.object({ kind: z.literal('capture'), confidence: confidenceSchema, fact: z.string().nullable() }),
  /** The sun's position at the capture instant and place, with the picture's light. */
  z.object({
    kind: z.literal('sun'),
    confidence: confidenceSchema,
    labellerVersion: z.string().nullable(),
    evidence: z
      .object({
        /** The capture instant (UTC) the sun was placed at, and where time and position came from. */
        instant: z.string(),
        timeFrom: z.string(),
        positionFrom: z.string(),
        sunAltitude: z.number(),
        sunAzimuth: z.number(),
        sunRule: z.string(),
        colourRule: z.string(),
      })
      .nullable(),
  }),
]);
export type LabelSourceFact = z.output<typeof labelSourceSchema>;

export const labelProvenanceSchema = z.object({
  name: z.string(),
  /** Whether the label answers a search on this photo (some source is sure enough); else kept only as a hint. */
  answersSearch: z.boolean(),
  sources: z.array(labelSourceSchema).min(1),
});
export type LabelProvenance = z.output<typeof labelProvenanceSchema>;

/** One thing that put a person on a photo. */
export const personSourceSchema = z.discriminatedUnion('kind', [
  /** The photo's own metadata named them (XMP/IPTC people, Takeout people, a People| keyword). */
  z.object({ kind: z.literal('metadata') }),
  /** A face vision found, clustered into this person; `faceId` is what DELETE …/faces/{faceId} removes. */
  z.object({
    kind: z.literal('face'),
    faceId: z.string(),
    score: confidenceSchema,
    box: z.object({ left: z.number(), top: z.number(), width: z.number(), height: z.number() }),
    modelVersion: z.string().nullable(),
  }),
]);
export type PersonSource = z.output<typeof personSourceSchema>;

export const personProvenanceSchema = z.object({
  id: z.string(),
  /** Null for a face cluster nobody has named yet. */
  name: z.string().nullable(),
  sources: z.array(personSourceSchema).min(1),
});
export type PersonProvenance = z.output<typeof personProvenanceSchema>;

/** Every label and person on one photo with their sources. */
export const photoProvenanceSchema = z.object({
  labels: z.array(labelProvenanceSchema),
  people: z.array(personProvenanceSchema),
});
export type PhotoProvenance = z.output<typeof photoProvenanceSchema>;

/**
 * Why one photo answered a search: for each constraint of the query it satisfied, what on the photo matched and
 * where that came from. A label asked for matches a photo filed under it directly or through a child ("animal"
 * by a dog): `matchedBy` names the photo's own label.
 */
export const photoExplanationSchema = z.object({
  photoId: z.string(),
  labels: z.array(
    z.object({ asked: z.string(), matchedBy: z.string(), sources: z.array(labelSourceSchema).min(1) }),
  ),
  people: z.array(personProvenanceSchema),
  /** The photo's place names at the levels the query asked for. */
  place: z
    .object({
      city: z.string().nullable(),
      region: z.string().nullable(),
      country: z.string().nullable(),
      /** 'gps': reverse-geocoded from the photo's position; 'metadata': its IPTC/XMP location names. */
      from: z.enum(['gps', 'metadata']),
    })
    .nullable(),
  /** The capture time a date constraint was checked against, and where it came from. */
  date: z.object({ takenLocal: z.string(), takenTimeSource: z.string() }).nullable(),
});
export type PhotoExplanation = z.output<typeof photoExplanationSchema>;
