import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { envFlag, loadEnv } from '../common/config';
import type { DatabaseLocation } from '../common/database';
import { ALBUM_FOLDER_MODES, type AlbumFolderMode } from './ingest/photo-record';
import type { VisionSettings } from './vision/vision-settings';

const optionalNonEmpty = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const libraryEnvSchema = z.object({
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalNonEmpty.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: 'must be a postgres:// URL',
  }),
  PHOTO_OWNER_ID: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,255}$/, { message: 'must be an owner id (letters, digits, . _ : -)' })
    .default('local'),
  LIBRARY_ALBUM_FOLDERS: z
    .enum(ALBUM_FOLDER_MODES, { message: `must be one of ${ALBUM_FOLDER_MODES.join(', ')}` })
    .default('leaf'),
});

export interface LibraryEnv {
  /** Absolute. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Owner for CLI runs without --owner; the embedded stack uses the same variable and default. */
  ownerId: string;
  /** Which folders along a photo's path become albums. */
  albumFolders: AlbumFolderMode;
}

export function libraryEnvFrom(env: NodeJS.ProcessEnv): LibraryEnv {
  const e = loadEnv(libraryEnvSchema, env);
  return {
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    ownerId: e.PHOTO_OWNER_ID,
    albumFolders: e.LIBRARY_ALBUM_FOLDERS,
  };
}

/** DATABASE_URL=postgres://… selects PostgreSQL; otherwise the SQLite file `${DATA_DIR}/library.sqlite`. */
export function libraryDatabaseLocation(env: NodeJS.ProcessEnv): DatabaseLocation {
  const { dataDir, databaseUrl } = libraryEnvFrom(env);
  if (databaseUrl !== undefined) return { kind: 'postgres', url: databaseUrl };
  return { kind: 'sqlite', file: join(dataDir, 'library.sqlite') };
}

// --- S3 (sources and the S3 event handler) ---

const s3EnvSchema = z.object({
  /** Only for S3-compatible servers (MinIO, s3rver); unset means AWS's regional endpoint. */
  S3_ENDPOINT: optionalNonEmpty.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
    message: 'must be an http(s):// URL',
  }),
  AWS_REGION: z.string().trim().min(1).default('us-east-1'),
  S3_FORCE_PATH_STYLE: envFlag(false),
});

/** How to reach S3. Credentials are not here: the SDK's default provider chain finds them (env, profile, role). */
export interface S3Settings {
  endpoint: string | undefined;
  region: string;
  forcePathStyle: boolean;
}

/** AWS itself, in its default region: what an unconfigured caller gets. */
export const DEFAULT_S3_SETTINGS: S3Settings = {
  endpoint: undefined,
  region: 'us-east-1',
  forcePathStyle: false,
};

export function s3SettingsFrom(env: NodeJS.ProcessEnv): S3Settings {
  const e = loadEnv(s3EnvSchema, env);
  return { endpoint: e.S3_ENDPOINT, region: e.AWS_REGION, forcePathStyle: e.S3_FORCE_PATH_STYLE };
}

const s3EventHandlerEnvSchema = z.object({
  PHOTOS_DIR: z
    .string()
    .regex(/^s3:\/\/[^/\s]+/, { message: 'must be the library location s3://bucket/prefix' }),
});

export interface S3EventHandlerEnv {
  library: LibraryEnv;
  database: DatabaseLocation;
  s3: S3Settings;
  /** The library root the bucket notifications are about, `s3://bucket/prefix`. */
  photosLocation: string;
}

export function s3EventHandlerEnvFrom(env: NodeJS.ProcessEnv): S3EventHandlerEnv {
  const e = loadEnv(s3EventHandlerEnvSchema, env);
  return {
    library: libraryEnvFrom(env),
    database: libraryDatabaseLocation(env),
    s3: s3SettingsFrom(env),
    photosLocation: e.PHOTOS_DIR,
  };
}

// --- Vision (labels and faces from photo content) ---

const visionEnvSchema = z.object({
  VISION_PROVIDER: z
    .enum(['local', 'rekognition'], { message: 'must be local or rekognition' })
    .default('local'),
  /** Local provider: worker processes; one per core by default (each holds ~300 MB of models). */
  VISION_WORKERS: optionalNonEmpty.refine((v) => v === undefined || /^([1-9]|[1-5]\d|6[0-4])$/.test(v), {
    message: 'must be a whole number from 1 to 64',
  }),
  AWS_REGION: z.string().trim().min(1).default('us-east-1'),
  /** Only for a non-AWS Rekognition endpoint (a VPC endpoint, a test server). */
  REKOGNITION_ENDPOINT: optionalNonEmpty.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
    message: 'must be an http(s):// URL',
  }),
  /** Face collections are `<prefix><owner id>`. */
  REKOGNITION_COLLECTION_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{0,100}$/, { message: 'must be letters, digits, _ . - (at most 100)' })
    .default('photo-frame-'),
});

/** VISION_PROVIDER=local (default; VISION_WORKERS) or rekognition (AWS_REGION, REKOGNITION_*). */
export function visionSettingsFrom(
  env: NodeJS.ProcessEnv,
  overrides: { workers?: number } = {},
): VisionSettings {
  const e = loadEnv(visionEnvSchema, env);
  if (e.VISION_PROVIDER === 'rekognition') {
    return {
      provider: 'rekognition',
      region: e.AWS_REGION,
      endpoint: e.REKOGNITION_ENDPOINT,
      collectionPrefix: e.REKOGNITION_COLLECTION_PREFIX,
    };
  }
  const workers = e.VISION_WORKERS === undefined ? undefined : Number(e.VISION_WORKERS);
  return { provider: 'local', workers: overrides.workers ?? workers ?? availableParallelism() };
}
