import { resolve } from 'node:path';
import { z } from 'zod';
import { MIN_SERVICE_TOKEN_LENGTH } from '../common/auth/service-credentials';
import { blankIsUnset, envFlag, envHost, envLogLevel, envPort, loadEnv } from '../common/config';
import { timeZoneSchema } from '../common/contracts';
import type { LogLevel } from '../common/logger';
import {
  libraryEnvFrom,
  s3SettingsFrom,
  visionSettingsFrom,
  type S3Settings,
} from '../metadata-service/config';
import type { VisionSettings } from '../metadata-service/library';
import type { AlbumFolderMode } from '../metadata-service/ingest/photo-record';
import { isS3Location } from '../metadata-service/ingest/source-for';
import type { FollowSettings } from '../metadata-service/ingest/watch/folder-follower';
import { jobsSchemaFrom } from '../metadata-service/jobs/worker-config';
import { retentionFromEnv, slideshowRetentionEnvSchema } from '../display-service/slideshows/retention-env';
import { clipShareEnvSchema } from '../display-service/slideshows/ambient/clip-share';

/** Everything the embedded stack (`npm start`) reads from its environment, validated once at startup. */
export interface LocalStackConfig {
  port: number;
  /**
   * Address to listen on: 127.0.0.1 (this machine only) unless HOST says otherwise (0.0.0.0 or a LAN address to
   * let other machines in; they then need credentials, and their Host header must be PUBLIC_BASE_URL's).
   */
  host: string;
  /**
   * Service credentials the tiers call each other with (SERVICE_TOKENS, comma-separated: the first is sent, all
   * are accepted); unset: one generated into DATA_DIR/local-secrets.json.
   */
  serviceTokens: string[] | undefined;
  dataDir: string;
  /** The user's photo folder or `s3://bucket/prefix`; unset means the generated demo library. */
  photosDir: string | undefined;
  /** Which folders along a photo's path become albums. */
  albumFolders: AlbumFolderMode;
  /**
   * How a running stack follows PHOTOS_DIR: watching it (WATCH_PHOTOS, folders only) and a full rescan every
   * WATCH_RESCAN_MINUTES (0: none) as the safety net (for an s3:// location the rescan is all there is).
   */
  followPhotos: FollowSettings;
  /** How to reach S3 when photosDir is an s3:// location. */
  s3: S3Settings | undefined;
  /** postgres://… selects PostgreSQL instead of dataDir/library.sqlite (one database for every tier). */
  databaseUrl: string | undefined;
  /** With databaseUrl: the PostgreSQL schema of the job queue's tables (JOBS_SCHEMA, default `pgboss`). */
  jobsSchema?: string;
  /** Origin devices use to fetch renditions; defaults to http://localhost:<port>. */
  publicBaseUrl: string | undefined;
  /** Alexa signature + timestamp verification on POST /alexa. Only ALEXA_VERIFY_REQUESTS=false turns it off. */
  verifyAlexaRequests: boolean;
  /** Accept `npm run alexa` requests that prove they can read DATA_DIR (loopback only). */
  acceptLocalSimulator: boolean;
  renditionSigningKey: string | undefined;
  renditionUrlTtlSeconds: number;
  ownerId: string;
  skillId: string | undefined;
  /**
   * Labels and faces from photo content for a real photo folder (VISION=false turns it off), run in the background
   * after each ingest's metadata phase so serving never waits; VISION_PROVIDER etc. in metadata-service/config.ts.
   */
  vision: VisionSettings | undefined;
  /** Web frames show a code until an owner links them, instead of showing the local owner's library. */
  frameAccounts: boolean;
  /** Unused slideshows expire after SLIDESHOW_TTL_HOURS; each owner keeps at most SLIDESHOWS_PER_OWNER. */
  retention: { ttlMs: number; maxPerOwner: number };
  /** Clips' share of an ambient frame whose profile sets none, in percent (AMBIENT_CLIP_SHARE; unset: 10). */
  ambientClipSharePercent: number | undefined;
  /** IANA zone the skill resolves "today", "last summer"… in when the device does not tell (Settings API). */
  skillTimeZone: string;
  logLevel: LogLevel;
}

const optionalNonEmpty = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const serviceTokensSchema = optionalNonEmpty
  .transform((v) =>
    v
      ?.split(',')
      .map((token) => token.trim())
      .filter((token) => token !== ''),
  )
  .refine(
    (tokens) => tokens === undefined || tokens.every((token) => token.length >= MIN_SERVICE_TOKEN_LENGTH),
    {
      message: `each token must be at least ${MIN_SERVICE_TOKEN_LENGTH} characters`,
    },
  );

const localStackEnvSchema = z
  .object({
    PORT: envPort(8080),
    HOST: envHost('127.0.0.1'),
    SERVICE_TOKENS: serviceTokensSchema,
    DATA_DIR: z.string().min(1).default('./data'),
    PHOTOS_DIR: optionalNonEmpty,
    DATABASE_URL: optionalNonEmpty.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
      message: 'must be a postgres:// URL',
    }),
    PUBLIC_BASE_URL: optionalNonEmpty.refine((v) => v === undefined || /^https?:\/\/[^/]+\/?$/.test(v), {
      message: 'must be an http(s) origin such as https://photos.example.com',
    }),
    ALEXA_VERIFY_REQUESTS: envFlag(true),
    ALEXA_ACCEPT_LOCAL_SIMULATOR: envFlag(true),
    RENDITION_SIGNING_KEY: optionalNonEmpty.refine((v) => v === undefined || v.length >= 32, {
      message: 'must be at least 32 characters',
    }),
    RENDITION_URL_TTL_SECONDS: z.coerce
      .number({ message: 'must be a number of seconds' })
      .int()
      .min(60, { message: 'must be at least 60 seconds' })
      .max(7 * 24 * 3600, { message: 'must be at most 7 days' })
      .default(6 * 3600),
    PHOTO_OWNER_ID: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,255}$/, { message: 'must be an owner id (letters, digits, . _ : -)' })
      .default('local'),
    ALEXA_SKILL_ID: optionalNonEmpty,
    FRAME_ACCOUNTS: envFlag(false),
    WATCH_PHOTOS: envFlag(true),
    WATCH_RESCAN_MINUTES: blankIsUnset(
      z.coerce
        .number({ message: 'must be a number of minutes' })
        .refine((v) => v === 0 || (v >= 0.1 && v <= 7 * 24 * 60), {
          message: 'must be 0 (no periodic rescan) or between 0.1 and 10080 minutes',
        })
        .default(60),
    ),
    VISION: envFlag(true),
    // The laptop running `npm start` is where its owner lives: its zone is the sensible default.
    SKILL_TIME_ZONE: optionalNonEmpty.pipe(
      timeZoneSchema.optional().default(Intl.DateTimeFormat().resolvedOptions().timeZone),
    ),
    LOG_LEVEL: envLogLevel,
  })
  .extend(slideshowRetentionEnvSchema.shape)
  .extend(clipShareEnvSchema.shape);

export function localStackConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LocalStackConfig {
  const e = loadEnv(localStackEnvSchema, env);
  return {
    port: e.PORT,
    host: e.HOST,
    serviceTokens: e.SERVICE_TOKENS?.length ? e.SERVICE_TOKENS : undefined,
    dataDir: resolve(e.DATA_DIR),
    photosDir:
      e.PHOTOS_DIR === undefined || isS3Location(e.PHOTOS_DIR) ? e.PHOTOS_DIR : resolve(e.PHOTOS_DIR),
    albumFolders: libraryEnvFrom(env).albumFolders,
    followPhotos: { watch: e.WATCH_PHOTOS, rescanIntervalMs: Math.round(e.WATCH_RESCAN_MINUTES * 60_000) },
    s3: e.PHOTOS_DIR !== undefined && isS3Location(e.PHOTOS_DIR) ? s3SettingsFrom(env) : undefined,
    databaseUrl: e.DATABASE_URL,
    jobsSchema: jobsSchemaFrom(env),
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/$/, ''),
    verifyAlexaRequests: e.ALEXA_VERIFY_REQUESTS,
    acceptLocalSimulator: e.ALEXA_ACCEPT_LOCAL_SIMULATOR,
    renditionSigningKey: e.RENDITION_SIGNING_KEY,
    renditionUrlTtlSeconds: e.RENDITION_URL_TTL_SECONDS,
    ownerId: e.PHOTO_OWNER_ID,
    skillId: e.ALEXA_SKILL_ID,
    skillTimeZone: e.SKILL_TIME_ZONE,
    frameAccounts: e.FRAME_ACCOUNTS,
    vision: e.VISION ? visionSettingsFrom(env) : undefined,
    logLevel: e.LOG_LEVEL,
    retention: retentionFromEnv(e),
    ambientClipSharePercent: e.AMBIENT_CLIP_SHARE,
  };
}
