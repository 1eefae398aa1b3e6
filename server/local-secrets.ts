import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Secrets the embedded stack needs and keeps in DATA_DIR, so rendition URLs survive a restart and the local
 * simulator (which can read DATA_DIR, like the operator) can prove it is local. Mode 0600: other users can't.
 */
const localSecretsSchema = z.object({
  renditionSigningKey: z.string().min(32),
  simulatorToken: z.string().min(32),
});
export type LocalSecrets = z.output<typeof localSecretsSchema>;

export const SIMULATOR_TOKEN_HEADER = 'x-photoframe-simulator-token';

export function localSecretsFile(dataDir: string): string {
  return join(dataDir, 'local-secrets.json');
}

export function readLocalSecrets(dataDir: string): LocalSecrets | undefined {
  let text: string;
  try {
    text = readFileSync(localSecretsFile(dataDir), 'utf8');
  } catch {
    return undefined;
  }
  const parsed = localSecretsSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`${localSecretsFile(dataDir)} is corrupt; delete it to create new secrets`);
  return parsed.data;
}

export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const existing = readLocalSecrets(dataDir);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });
  const secrets: LocalSecrets = {
    renditionSigningKey: randomBytes(32).toString('base64url'),
    simulatorToken: randomBytes(32).toString('base64url'),
  };
  try {
    writeFileSync(localSecretsFile(dataDir), JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process (the simulator starting a stack, a second npm start) created them first: use theirs.
    const theirs = (error as NodeJS.ErrnoException).code === 'EEXIST' ? readLocalSecrets(dataDir) : undefined;
    if (theirs) return theirs;
    throw error;
  }
  return secrets;
}
