import { EnvFileError, loadEnvFile } from './env-file';

/**
 * Imported first by every entry point (`import '../common/load-env';`) so that `.env` is in `process.env` before
 * any configuration module reads it. An unreadable file stops the program with its reason, before any work.
 */
try {
  loadEnvFile();
} catch (error) {
  if (!(error instanceof EnvFileError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
