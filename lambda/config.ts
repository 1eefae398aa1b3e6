import { z } from 'zod';
import { blankIsUnset, envFlag, envLogLevel, loadEnv } from '../common/config';
import { ownerIdSchema } from '../common/contracts';
import { LWA_PROFILE_URL } from './identity/lwa-profile';
import type { SkillIdentity } from './identity/skill-identity';
import { isValidTimeZone } from '../common/calendar';

const LOCAL_STACK_ORIGIN = 'http://localhost:8080';

const serviceOrigin = blankIsUnset(
  z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .default(LOCAL_STACK_ORIGIN)
    .transform((url) => url.replace(/\/+$/, '')),
);

const skillEnvSchema = z
  .object({
    /** Origins, not API prefixes: the clients append /v1/display and /v1/library. */
    DISPLAY_SERVICE_URL: serviceOrigin,
    METADATA_SERVICE_URL: serviceOrigin,
    /** The single tenant when account linking is off. */
    PHOTO_OWNER_ID: blankIsUnset(ownerIdSchema.default('local')),
    /** true: each request's access token names the owner (Login with Amazon); PHOTO_OWNER_ID is then unused. */
    ACCOUNT_LINKING: blankIsUnset(envFlag(false)),
    LWA_PROFILE_URL: blankIsUnset(
      z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).default(LWA_PROFILE_URL),
    ),
    ALEXA_SKILL_ID: blankIsUnset(z.string().min(1).optional()),
    /** Where relative dates are resolved when the device's own zone is unknown; defaults to this process's zone. */
    SKILL_TIME_ZONE: blankIsUnset(
      z
        .string()
        .refine(isValidTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin' })
        .default(Intl.DateTimeFormat().resolvedOptions().timeZone),
    ),
    /**
     * Per-user settings: `database` (the library's PostgreSQL, DATABASE_URL), `dynamodb` (DYNAMODB_TABLE) or
     * `memory` (this process only). Default: database when DATABASE_URL is set, else memory.
     */
    PERSISTENCE: blankIsUnset(
      z
        .enum(['database', 'dynamodb', 'memory'], { message: 'must be database, dynamodb or memory' })
        .optional(),
    ),
    DATABASE_URL: blankIsUnset(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
        .optional(),
    ),
    DYNAMODB_TABLE: blankIsUnset(
      z
        .string()
        .regex(/^[A-Za-z0-9_.-]{3,255}$/, { message: 'must be a DynamoDB table name' })
        .optional(),
    ),
    /** DynamoDB Local, dynalite or a VPC endpoint; unset = the region's public endpoint. */
    DYNAMODB_ENDPOINT: blankIsUnset(
      z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
    ),
    /** Set by Lambda itself. */
    AWS_REGION: blankIsUnset(z.string().min(1).optional()),
    LOG_LEVEL: blankIsUnset(envLogLevel),
  })
  .superRefine((env, context) => {
    if (env.PERSISTENCE === 'dynamodb' && !env.DYNAMODB_TABLE) {
      context.addIssue({
        code: 'custom',
        path: ['DYNAMODB_TABLE'],
        message: 'is required when PERSISTENCE=dynamodb',
      });
    }
    if (env.PERSISTENCE === 'database' && !env.DATABASE_URL) {
      context.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: "is required when PERSISTENCE=database (the library's PostgreSQL)",
      });
    }
  });

/** Where per-user settings are kept. */
export type PersistenceConfig =
  | { kind: 'database'; databaseUrl: string }
  | { kind: 'dynamodb'; table: string; endpoint?: string; region?: string }
  | { kind: 'memory' };

export interface SkillConfig {
  displayServiceUrl: string;
  metadataServiceUrl: string;
  identity: SkillIdentity;
  persistence: PersistenceConfig;
  skillId?: string;
  timeZone: string;
  logLevel: z.output<typeof envLogLevel>;
}

export function loadSkillConfig(env: NodeJS.ProcessEnv): SkillConfig {
  const parsed = loadEnv(skillEnvSchema, env);
  return {
    displayServiceUrl: parsed.DISPLAY_SERVICE_URL,
    metadataServiceUrl: parsed.METADATA_SERVICE_URL,
    identity: parsed.ACCOUNT_LINKING
      ? { kind: 'login-with-amazon', profileUrl: parsed.LWA_PROFILE_URL }
      : { kind: 'local', ownerId: parsed.PHOTO_OWNER_ID },
    persistence: persistenceOf(parsed),
    skillId: parsed.ALEXA_SKILL_ID,
    timeZone: parsed.SKILL_TIME_ZONE,
    logLevel: parsed.LOG_LEVEL,
  };
}

/** The schema's refinement guarantees the variable each kind needs. */
function persistenceOf(env: z.output<typeof skillEnvSchema>): PersistenceConfig {
  const kind = env.PERSISTENCE ?? (env.DATABASE_URL ? 'database' : 'memory');
  if (kind === 'memory') return { kind };
  if (kind === 'database' && env.DATABASE_URL) return { kind, databaseUrl: env.DATABASE_URL };
  if (kind === 'dynamodb' && env.DYNAMODB_TABLE) {
    return {
      kind,
      table: env.DYNAMODB_TABLE,
      ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}),
      ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}),
    };
  }
  throw new Error(`Invalid environment: PERSISTENCE=${kind} is missing its settings`);
}
