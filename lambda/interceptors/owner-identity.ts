import type { RequestInterceptor } from 'ask-sdk-core';
import type { Logger } from '../../common/logger';
import type { DeviceTimeZoneLookup } from '../alexa-api/device-time-zone';
import { needsOwner } from '../identity/needs-owner';
import type { OwnerResolver } from '../identity/owner-resolver';
import type { UserSettingsStore } from '../persistence/user-settings-store';
import { setRequestFacts } from '../util/request-attributes';
import { createUserContext } from '../util/user-context';

export interface OwnerIdentityDeps {
  resolveOwner: OwnerResolver;
  userSettings: UserSettingsStore;
  deviceTimeZone: DeviceTimeZoneLookup;
  logger: Logger;
  defaultTimeZone?: string;
}

/**
 * Finds whose library the request reads (before any handler) and, once known, gives handlers that owner's
 * settings and time zone, loaded on first use. Requests that read no library skip the identity check entirely.
 */
export function ownerIdentityInterceptor(deps: OwnerIdentityDeps): RequestInterceptor {
  return {
    async process(input) {
      const envelope = input.requestEnvelope;
      if (!needsOwner(envelope)) return;
      const owner = await deps.resolveOwner(envelope);
      if (owner.status !== 'resolved') {
        setRequestFacts(input, { owner });
        return;
      }
      const user = createUserContext(owner.ownerId, envelope, {
        store: deps.userSettings,
        deviceTimeZone: deps.deviceTimeZone,
        logger: deps.logger,
        defaultTimeZone: deps.defaultTimeZone,
      });
      setRequestFacts(input, { owner, user });
    },
  };
}
