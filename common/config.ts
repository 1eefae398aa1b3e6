import { z } from 'zod';

/**
 * Reads a tier's environment once, at startup, against its schema. A bad value fails fast and names the variable,
 * e.g. `Invalid environment: PORT must be an integer between 0 and 65535 (got "abc")`.
 */
export function loadEnv<T extends z.ZodObject>(schema: T, env: NodeJS.ProcessEnv = process.env): z.output<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const got = env[name];
    return `${name} ${issue.message}${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}`;
  });
  throw new Error(`Invalid environment: ${problems.join('; ')}`);
}

/** "true"/"false"/"1"/"0" flags; anything else is an error rather than a silent default. */
export const envFlag = (defaultValue: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { message: 'must be true, false, 1 or 0' })
    .optional()
    .transform((v) => (v === undefined ? defaultValue : v === 'true' || v === '1'));

export const envPort = (defaultValue: number) =>
  z.coerce
    .number({ message: 'must be an integer between 0 and 65535' })
    .int({ message: 'must be an integer between 0 and 65535' })
    .min(0, { message: 'must be an integer between 0 and 65535' })
    .max(65535, { message: 'must be an integer between 0 and 65535' })
    .default(defaultValue);

const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** A listen address (HOST): an IP literal or a host name (`localhost`); blank means the default. */
export const envHost = (defaultValue: string) =>
  blankIsUnset(
    z
      .string()
      .trim()
      .refine((v) => z.ipv4().safeParse(v).success || z.ipv6().safeParse(v).success || HOST_NAME.test(v), {
        message: 'must be an IP address (127.0.0.1, 0.0.0.0, ::) or a host name',
      })
      .default(defaultValue),
  );

export const envLogLevel = z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info');

/** Unset and empty mean the same: container specs and Lambda consoles often leave variables present but blank. */
export const blankIsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema);
