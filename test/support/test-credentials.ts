import type { Express } from 'express';
import type { Kysely } from 'kysely';
import { Authenticator, type PersonCredentialVerifier } from '../../common/auth/authenticator';
import { authenticateRequests } from '../../common/auth/request-principal';
import { CredentialRepository } from '../../common/auth/credential-repository';
import type { CredentialDatabase } from '../../common/auth/credential-schema';
import { ServiceCredentials } from '../../common/auth/service-credentials';
import { openDatabase, type DatabaseLocation } from '../../common/database';
import { credentialsMigration } from '../../metadata-service/database/migration-0008-credentials';

/** The service credential test servers accept (a tier acting for the owner it names in x-photo-owner). */
export const TEST_SERVICE_TOKEN = 'test-service-token-0123456789abcdefghijklmnop';

/** Headers a tier sends: the service credential (add x-photo-owner for the owner it acts for). */
export const SERVICE_AUTH: Readonly<Record<string, string>> = {
  authorization: `Bearer ${TEST_SERVICE_TOKEN}`,
};

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export function testAuthenticator(persons?: PersonCredentialVerifier): Authenticator {
  return new Authenticator(new ServiceCredentials([TEST_SERVICE_TOKEN]), persons);
}

/** Checks credentials on /v1 as the composition roots do; mount before the routers. */
export function authenticateV1(app: Express, persons?: PersonCredentialVerifier): void {
  app.use('/v1', authenticateRequests(testAuthenticator(persons)));
}

/**
 * The credentials table in a scratch database (as library migration 0008 makes it), for suites that run a display
 * without a library: person credentials to sign in and link frames with.
 */
export async function openTestCredentials(
  location: DatabaseLocation,
): Promise<{ credentials: CredentialRepository; close: () => Promise<void> }> {
  const db = openDatabase<CredentialDatabase>(location);
  await credentialsMigration.up(db as Kysely<unknown>);
  return { credentials: new CredentialRepository(db), close: () => db.destroy() };
}
