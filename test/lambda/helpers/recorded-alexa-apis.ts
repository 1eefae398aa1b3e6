import { interceptOutboundHttp, nock } from '../../support/outbound-http';
import type { UserSettingsStore } from '../../../lambda/persistence/user-settings-store';
import { TEST_ALEXA_API_ENDPOINT } from './envelopes';

/**
 * Answers of the Amazon APIs the skill calls, as those services send them. Login with Amazon's customer profile:
 * 200 is the documented `profile` scope answer; errors are LWA's `{error, error_description}` bodies (400
 * invalid_request, 401 invalid_token, 5xx).
 */
export const LWA_ORIGIN = 'https://api.amazon.com';
export const LWA_PROFILE_PATH = '/user/profile';
export const LWA_USER_ID = 'amzn1.account.K2LI23KL2LK2';
export const LWA_PROFILE_OK = { user_id: LWA_USER_ID, name: 'John Doe', email: 'johndoe@gmail.com' };
export const LWA_INVALID_TOKEN = {
  error_description: 'The request has an invalid parameter : access_token',
  error: 'invalid_token',
};
export const LWA_INVALID_REQUEST = {
  error_description: 'The request is missing a required parameter : access_token',
  error: 'invalid_request',
};
export const LWA_SERVER_ERROR = {
  error_description: 'The authorization server encountered an unexpected error',
  error: 'ServerError',
};

/** The profile endpoint answering for one bearer token, once. */
export function lwaProfile(token: string): nock.Interceptor {
  return nock(LWA_ORIGIN).get(LWA_PROFILE_PATH).matchHeader('authorization', `Bearer ${token}`);
}

/** Alexa Settings API `System.timeZone` of one device (200 answers a JSON string such as "Europe/Berlin"). */
export function deviceTimeZoneSetting(deviceId: string, apiAccessToken: string): nock.Interceptor {
  return nock(TEST_ALEXA_API_ENDPOINT)
    .get(`/v2/devices/${encodeURIComponent(deviceId)}/settings/System.timeZone`)
    .matchHeader('authorization', `Bearer ${apiAccessToken}`);
}

/** Mocha hooks: no test in the suite reaches a real host, and no interceptor leaks into the next test. */
export function useRecordedApis(): void {
  interceptOutboundHttp();
}

/** A store that counts reads and writes and can be made to fail, around a real one. */
export function countingStore(inner: UserSettingsStore, failReads = false) {
  const counts = { gets: 0, saves: 0 };
  const store: UserSettingsStore = {
    getAttributes: (ownerId) => {
      counts.gets += 1;
      return failReads ? Promise.reject(new Error('settings store down')) : inner.getAttributes(ownerId);
    },
    saveAttributes: (ownerId, attributes) => {
      counts.saves += 1;
      return inner.saveAttributes(ownerId, attributes);
    },
    deleteAttributes: (ownerId) => inner.deleteAttributes(ownerId),
  };
  return { store, counts };
}
