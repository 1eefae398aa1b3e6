import { config } from 'dotenv';

/** What loading a `.env` file did: which file, and which variables it set (names only, never values). */
export interface EnvFileResult {
  path: string;
  found: boolean;
  applied: string[];
}

/** A `.env` file that exists but cannot be read (a folder, no permission): a stable code, the path named. */
export class EnvFileError extends Error {
  readonly code = 'ENV_FILE_UNREADABLE';

  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`ENV_FILE_UNREADABLE: cannot read ${path}: ${reason}`, { cause });
    this.name = 'EnvFileError';
  }
}

export interface LoadEnvFileOptions {
  /** The file to read; default `ENV_FILE` from `env`, else `.env` in the working directory. */
  path?: string;
  /** Where variables go; default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Reads a `.env` file into the environment with dotenv's rules (KEY=value, quotes, `#` comments, `export KEY=`;
 * a line it cannot parse is ignored, as dotenv does). A variable already set in the environment always wins, so
 * `PORT=9000 npm start` beats the file. A missing file is not an error: `.env` is optional. Node 20's
 * `--env-file` is not used because it fails when the file is missing.
 */
export function loadEnvFile(options: LoadEnvFileOptions = {}): EnvFileResult {
  const env = options.env ?? process.env;
  const path = options.path ?? env.ENV_FILE ?? '.env';
  const before = new Set(Object.keys(env).filter((name) => env[name] !== undefined));
  const result = config({ path, processEnv: env, override: false, quiet: true });
  if (result.error) {
    if ((result.error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { path, found: false, applied: [] };
    }
    throw new EnvFileError(path, result.error);
  }
  const applied = Object.keys(result.parsed ?? {}).filter((name) => !before.has(name));
  return { path, found: true, applied };
}
