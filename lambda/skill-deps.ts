import type { DisplayApi } from '../common/clients/display-client';
import type { LibraryApi } from '../common/clients/library-client';
import type { Logger } from '../common/logger';
import type { SkillIdentity } from './identity/skill-identity';
import type { UserSettingsStore } from './persistence/user-settings-store';

export type { SkillIdentity } from './identity/skill-identity';
export type { UserSettingsStore } from './persistence/user-settings-store';

/** Everything the skill needs from outside; the composition root (Lambda or local stack) supplies it. */
export interface SkillDeps {
  display: DisplayApi;
  library: LibraryApi;
  /**
   * Whose library a request reads: `{kind: 'local', ownerId}` (no account linking) or
   * `{kind: 'login-with-amazon'}` (each request's access token validated against Login with Amazon).
   */
  identity: SkillIdentity;
  /** Per-user settings (interval, shuffle, loop, hemisphere, time zone, positions), keyed by owner id. */
  userSettings: UserSettingsStore;
  logger: Logger;
  /** Clock for resolving relative dates; defaults to the system clock. */
  now?: () => Date;
  /** When set, requests for any other skill are rejected. */
  skillId?: string;
  /** IANA zone for "today", "last summer"… when neither the device (Alexa Settings API) nor the user has one. */
  timeZone?: string;
}
