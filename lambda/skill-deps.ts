import type { RequestEnvelope } from 'ask-sdk-model';
import type { DisplayApi } from '../common/clients/display-client';
import type { LibraryApi } from '../common/clients/library-client';
import type { Logger } from '../common/logger';

/** Everything the skill needs from outside; the composition root (Lambda or local stack) supplies it. */
export interface SkillDeps {
  display: DisplayApi;
  library: LibraryApi;
  /** The tenant whose library a request reads. */
  ownerIdFor(envelope: RequestEnvelope): string;
  logger: Logger;
  /** Clock for resolving relative dates; defaults to the system clock. */
  now?: () => Date;
  /** When set, requests for any other skill are rejected. */
  skillId?: string;
  /** IANA zone that "today", "last summer"… are resolved in, until the Settings API gives the device's own. */
  timeZone?: string;
}
