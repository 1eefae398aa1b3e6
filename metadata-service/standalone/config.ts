import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { MIN_SERVICE_TOKEN_LENGTH } from '../../common/auth/service-credentials';
import { blankIsUnset, envFlag, envHost, envLogLevel, envPort, loadEnv } from '../../common/config';
import type { DatabaseLocation } from '../../common/database';
import type { LogLevel } from '../../common/logger';
import {
  libraryDatabaseLocation,
  libraryEnvFrom,
  s3SettingsFrom,
  visionSettingsFrom,
  type S3Settings,
} from '../config';
import type { AlbumFolderMode } from '../ingest/photo-record';
import { isS3Location } from '../ingest/source-for';
import type { VisionSettings } from '../vision/vision-settings';

/** The library tier on its own (`npm run start:library`, the scale-out deployment), from its environment. */
export interface StandaloneLibraryConfig {
  port: number;
  /** Listen address: 127.0.0.1 unless HOST says otherwise (0.0.0.0 behind a load balancer). */
  host: string;
  /** PostgreSQL (DATABASE_URL, shared by every instance) or DATA_DIR/library.sqlite (one machine). */
  database: DatabaseLocation;
  /** SERVICE_TOKENS: accepted from the display and the skill (all of them, for rotation). */
  serviceTokens: string[];
  /** Processes sharing the port: one per core by default. */
  workers: number;
  /**
   * A folder or `s3://bucket/prefix` to ingest once at startup for `ownerId`, in the primary process only (one
   * writer); unset: this instance only serves a library that is filled elsewhere (`npm run ingest`, S3 events).
   */
  photosDir: string | undefined;
  ownerId: string;
  albumFolders: AlbumFolderMode;
  /** How to reach S3 for s3:// originals (face crops read them even when this instance ingests nothing). */
  s3: S3Settings;
  /** Labels and faces for the startup ingest, in the background (VISION=false turns it off). */
  vision: VisionSettings | undefined;
  logLevel: LogLevel;
}

const envSchema = z.object({
  PORT: envPort(8082),
  HOST: envHost('127.0.0.1'),
  SERVICE_TOKENS: z
    .string({ message: 'must name the service credentials the display and the skill send (comma-separated)' })
    .transform((value) =>
      value
        .split(',')
        .map((token) => token.trim())
        .filter((token) => token !== ''),
    )
    .refine((tokens) => tokens.length > 0 && tokens.every((t) => t.length >= MIN_SERVICE_TOKEN_LENGTH), {
      message: `must be one or more comma-separated tokens of at least ${MIN_SERVICE_TOKEN_LENGTH} characters`,
    }),
  LIBRARY_WORKERS: blankIsUnset(z.coerce.number().int().min(1).max(64).default(availableParallelism())),
  PHOTOS_DIR: blankIsUnset(z.string().trim().min(1).optional()),
  VISION: envFlag(true),
  LOG_LEVEL: envLogLevel,
});

export function standaloneLibraryConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): StandaloneLibraryConfig {
  const e = loadEnv(envSchema, env);
  // DATA_DIR, DATABASE_URL, PHOTO_OWNER_ID and LIBRARY_ALBUM_FOLDERS mean what they mean for `npm run ingest`.
  const library = libraryEnvFrom(env);
  const photosDir = e.PHOTOS_DIR;
  return {
    port: e.PORT,
    host: e.HOST,
    database: libraryDatabaseLocation(env),
    serviceTokens: e.SERVICE_TOKENS,
    workers: e.LIBRARY_WORKERS,
    photosDir: photosDir === undefined || isS3Location(photosDir) ? photosDir : resolve(photosDir),
    ownerId: library.ownerId,
    albumFolders: library.albumFolders,
    s3: s3SettingsFrom(env),
    vision: photosDir !== undefined && e.VISION ? visionSettingsFrom(env) : undefined,
    logLevel: e.LOG_LEVEL,
  };
}
