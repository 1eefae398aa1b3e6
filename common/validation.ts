import type { z } from 'zod';
import { badRequest } from './errors';

/**
 * Parses untrusted input against its contract schema; the error names the first offending field so a caller can
 * fix the request without reading our logs.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  code = 'INVALID_REQUEST',
): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'request';
  throw badRequest(
    code,
    `Invalid ${where}: ${issue?.message ?? 'does not match the contract'}`,
    result.error,
  );
}
