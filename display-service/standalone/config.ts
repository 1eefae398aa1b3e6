import { createHmac } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { MIN_SERVICE_TOKEN_LENGTH } from '../../common/auth/service-credentials';
import { blankIsUnset, envFlag, envLogLevel, envPort, loadEnv } from '../../common/config';
import { ownerIdSchema } from '../../common/contracts';
import type { DatabaseLocation } from '../../common/database';
import type { LogLevel } from '../../common/logger';
import { retentionFromEnv, slideshowRetentionEnvSchema } from '../slideshows/retention-env';
import { clipShareEnvSchema } from '../slideshows/ambient/clip-share';

/** The display tier on its own (the scale-out deployment), configured from its environment. */
export interface StandaloneDisplayConfig {
  port: number;
  database: DatabaseLocation;
  /** Origin of the metadata service, e.g. http://library.internal:8080 (the client appends /v1/library). */
  libraryUrl: string;
  /** Origin devices fetch renditions from (HTTPS in production). */
  publicBaseUrl: string;
  /** The first signs, all verify (rotation). */
  signingKeys: string[];
  /** SERVICE_TOKENS: the first is sent to the library, all are accepted from the skill (rotation). */
  serviceTokens: string[];
  urlTtlSeconds: number;
  renditionsDir: string;
  /** Processes sharing the port: one per core by default. */
  workers: number;
  /** For s3:// originals: the AWS SDK's region (credentials from its usual chain) and an optional endpoint. */
  s3: { region: string; endpoint?: string } | undefined;
  logLevel: LogLevel;
  /** Playlists unused this long are deleted (SLIDESHOW_TTL_HOURS), and each owner keeps at most this many. */
  retention: { ttlMs: number; maxPerOwner: number };
  /** Clips' share of an ambient frame whose profile sets none, in percent (AMBIENT_CLIP_SHARE; unset: 10). */
  ambientClipSharePercent: number | undefined;
  /**
   * Web frames and the web app's pages (FRAME_ACCOUNTS, default true: a display on its own serves many owners, so a
   * frame shows a code until an owner links it and a page needs a sign-in); false: as `npm start`, pages opened on
   * this machine show `ownerId`'s library (PHOTO_OWNER_ID).
   */
  frame: { accounts: boolean; ownerId: string };
  /**
   * HMAC key of the pages' sign-in sessions, the same on every instance: FRAME_SESSION_KEY, else derived from the
   * first rendition signing key (so rotating that key signs everyone out once).
   */
  sessionKey: string;
}

const origin = (what: string) =>
  z
    .string()
    .regex(/^https?:\/\/[^/]+\/?$/, `must be an http(s) origin such as ${what}`)
    .transform((value) => value.replace(/\/$/, ''));

const envSchema = z
  .object({
    PORT: envPort(8081),
    DATABASE_URL: blankIsUnset(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (shared by every display instance)')
        .optional(),
    ),
    DISPLAY_SQLITE_FILE: blankIsUnset(z.string().min(1).optional()),
    METADATA_SERVICE_URL: origin('http://library.internal:8080'),
    PUBLIC_BASE_URL: origin('https://photos.example.com'),
    RENDITION_SIGNING_KEYS: z
      .string()
      .transform((value) => value.split(',').map((key) => key.trim()))
      .refine((keys) => keys.length > 0 && keys.every((key) => key.length >= 32), {
        message: 'must be one or more comma-separated keys of at least 32 characters',
      }),
    SERVICE_TOKENS: z
      .string({ message: 'must name the service credentials (comma-separated, the first is sent)' })
      .transform((value) =>
        value
          .split(',')
          .map((token) => token.trim())
          .filter((token) => token !== ''),
      )
      .refine((tokens) => tokens.length > 0 && tokens.every((t) => t.length >= MIN_SERVICE_TOKEN_LENGTH), {
        message: `must be one or more comma-separated tokens of at least ${MIN_SERVICE_TOKEN_LENGTH} characters`,
      }),
    RENDITION_URL_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(7 * 24 * 3600)
      .default(6 * 3600),
    DISPLAY_RENDITIONS_DIR: z.string().min(1).default('./data/renditions'),
    DISPLAY_WORKERS: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
    AWS_REGION: z.string().min(1).optional(),
    S3_ENDPOINT: z.string().url().optional(),
    LOG_LEVEL: envLogLevel,
    FRAME_ACCOUNTS: envFlag(true),
    PHOTO_OWNER_ID: blankIsUnset(ownerIdSchema.default('local')),
    FRAME_SESSION_KEY: blankIsUnset(z.string().min(32, 'must be at least 32 characters').optional()),
  })
  .extend(slideshowRetentionEnvSchema.shape)
  .extend(clipShareEnvSchema.shape);

export function standaloneDisplayConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): StandaloneDisplayConfig {
  const e = loadEnv(envSchema, env);
  if (e.DATABASE_URL === undefined && e.DISPLAY_SQLITE_FILE === undefined) {
    throw new Error('DATABASE_URL or DISPLAY_SQLITE_FILE must name where slideshows are kept');
  }
  return {
    port: e.PORT,
    database:
      e.DATABASE_URL !== undefined
        ? { kind: 'postgres', url: e.DATABASE_URL }
        : { kind: 'sqlite', file: resolve(e.DISPLAY_SQLITE_FILE ?? '') },
    libraryUrl: e.METADATA_SERVICE_URL,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    signingKeys: e.RENDITION_SIGNING_KEYS,
    serviceTokens: e.SERVICE_TOKENS,
    urlTtlSeconds: e.RENDITION_URL_TTL_SECONDS,
    renditionsDir: resolve(e.DISPLAY_RENDITIONS_DIR),
    workers: e.DISPLAY_WORKERS,
    s3:
      e.AWS_REGION !== undefined || e.S3_ENDPOINT !== undefined
        ? { region: e.AWS_REGION ?? 'us-east-1', ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT } : {}) }
        : undefined,
    logLevel: e.LOG_LEVEL,
    retention: retentionFromEnv(e),
    ambientClipSharePercent: e.AMBIENT_CLIP_SHARE,
    frame: { accounts: e.FRAME_ACCOUNTS, ownerId: e.PHOTO_OWNER_ID },
    sessionKey:
      e.FRAME_SESSION_KEY ??
      createHmac('sha256', e.RENDITION_SIGNING_KEYS[0] ?? '')
        .update('photo-frame display page sessions')
        .digest('base64url'),
  };
}
