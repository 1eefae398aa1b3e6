import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * Secrets the embedded stack needs and keeps in DATA_DIR, so rendition URLs and sessions survive a restart, the
 * local simulator (which can read DATA_DIR, like the operator) can prove it is local, and the operator's scripts
 * find the local owner's credential. Mode 0600: other users of the machine can't read it. Keys this version does
 * not know are kept as they are.
 */
const localSecretsSchema = z
  .object({
    renditionSigningKey: z.string().min(32),
    simulatorToken: z.string().min(32),
    /** The tiers' service credential when SERVICE_TOKENS is not set. */
    serviceToken: z.string().min(32).optional(),
    /** HMAC key for the frame and preview pages' session cookies. */
    sessionKey: z.string().min(32).optional(),
    /** The local owner's full credential (`Authorization: Bearer <ownerToken>`); created by the stack. */
    ownerToken: z.string().min(32).optional(),
  })
  .passthrough();
export type LocalSecrets = z.output<typeof localSecretsSchema>;
export type CompleteLocalSecrets = LocalSecrets & { serviceToken: string; sessionKey: string };

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
  const parsed = localSecretsSchema.safeParse(parseJson(text));
  if (!parsed.success)
    throw new Error(`${localSecretsFile(dataDir)} is corrupt; delete it to create new secrets`);
  return parsed.data;
}

/** Reads the secrets, creating the file or the keys it lacks (older versions wrote fewer). */
export function loadOrCreateLocalSecrets(dataDir: string): CompleteLocalSecrets {
  const existing = readLocalSecrets(dataDir);
  if (existing?.serviceToken !== undefined && existing.sessionKey !== undefined) {
    return { ...existing, serviceToken: existing.serviceToken, sessionKey: existing.sessionKey };
  }
  mkdirSync(dataDir, { recursive: true });
  const fresh = (): string => randomBytes(32).toString('base64url');
  const secrets = {
    renditionSigningKey: fresh(),
    simulatorToken: fresh(),
    ...existing,
    serviceToken: existing?.serviceToken ?? fresh(),
    sessionKey: existing?.sessionKey ?? fresh(),
  };
  if (existing === undefined) {
    try {
      writeDurably(localSecretsFile(dataDir), JSON.stringify(secrets, null, 2), 'create');
      return secrets;
    } catch (error) {
      // Another process (the simulator starting a stack, a second npm start) created them first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return loadOrCreateLocalSecrets(dataDir);
    }
  }
  writeLocalSecrets(dataDir, secrets);
  return secrets;
}

/** Sets some keys, keeping every other one. */
export function updateLocalSecrets(dataDir: string, patch: Partial<LocalSecrets>): void {
  const current = readLocalSecrets(dataDir);
  if (current === undefined) throw new Error(`${localSecretsFile(dataDir)} does not exist`);
  writeLocalSecrets(dataDir, { ...current, ...patch });
}

/** Replaces the file in one rename, so a reader never sees half of it, with mode 0600 from the first byte. */
function writeLocalSecrets(dataDir: string, secrets: LocalSecrets): void {
  writeDurably(localSecretsFile(dataDir), JSON.stringify(secrets, null, 2), 'replace');
}

/**
 * Writes a whole file that survives a crash of the machine, not only of the process: the content is flushed before
 * the name points at it, and the folder after. Without the flushes an ext4 that fails (or a power cut) right after
 * first start left a zero-length secrets file, and the stack refused to start until someone deleted it (found by
 * test/faults/data-dir.test.ts). 'create' fails with EEXIST when the file exists (link is atomic and exclusive).
 */
function writeDurably(file: string, text: string, mode: 'create' | 'replace'): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (mode === 'create') linkSync(temporary, file);
    else renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
  const folder = openSync(dirname(file), 'r');
  try {
    fsyncSync(folder);
  } finally {
    closeSync(folder);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
