import { z } from 'zod';
import { envLogLevel, loadEnv } from '../common/config';
import { ownerIdSchema } from '../common/contracts';

const LOCAL_STACK_ORIGIN = 'http://localhost:8080';

/** Unset and empty mean "use the default": Lambda consoles often leave variables present but blank. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema);

const serviceOrigin = optional(
  z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .default(LOCAL_STACK_ORIGIN)
    .transform((url) => url.replace(/\/+$/, '')),
);

const skillEnvSchema = z.object({
  /** Origins, not API prefixes: the clients append /v1/display and /v1/library. */
  DISPLAY_SERVICE_URL: serviceOrigin,
  METADATA_SERVICE_URL: serviceOrigin,
  /** The single tenant until account linking lands. */
  PHOTO_OWNER_ID: optional(ownerIdSchema.default('local')),
  ALEXA_SKILL_ID: optional(z.string().min(1).optional()),
  /** Where relative dates are resolved; defaults to this process's zone (UTC on Lambda). */
  SKILL_TIME_ZONE: optional(
    z
      .string()
      .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin' })
      .default(Intl.DateTimeFormat().resolvedOptions().timeZone),
  ),
  LOG_LEVEL: optional(envLogLevel),
});

export interface SkillConfig {
  displayServiceUrl: string;
  metadataServiceUrl: string;
  photoOwnerId: string;
  skillId?: string;
  timeZone: string;
  logLevel: z.output<typeof envLogLevel>;
}

export function loadSkillConfig(env: NodeJS.ProcessEnv): SkillConfig {
  const parsed = loadEnv(skillEnvSchema, env);
  return {
    displayServiceUrl: parsed.DISPLAY_SERVICE_URL,
    metadataServiceUrl: parsed.METADATA_SERVICE_URL,
    photoOwnerId: parsed.PHOTO_OWNER_ID,
    skillId: parsed.ALEXA_SKILL_ID,
    timeZone: parsed.SKILL_TIME_ZONE,
    logLevel: parsed.LOG_LEVEL,
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
