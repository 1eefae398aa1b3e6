import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { localStackConfigFromEnv } from '../../server/config';

describe('server/config', () => {
  it('defaults to port 8080, ./data, the demo library, SQLite and verification on', () => {
    const config = localStackConfigFromEnv({});
    assert.equal(config.port, 8080);
    assert.equal(config.dataDir, resolve('./data'));
    assert.equal(config.photosDir, undefined);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.verifyAlexaRequests, true);
    assert.equal(config.acceptLocalSimulator, true);
    assert.equal(config.renditionUrlTtlSeconds, 21600);
    assert.equal(config.ownerId, 'local');
    assert.equal(config.skillTimeZone, Intl.DateTimeFormat().resolvedOptions().timeZone);
    assert.equal(config.frameAccounts, false);
    assert.equal(config.vision?.provider, 'local');
    assert.equal(localStackConfigFromEnv({ VISION: 'false' }).vision, undefined);
    assert.equal(localStackConfigFromEnv({ FRAME_ACCOUNTS: 'true' }).frameAccounts, true);
  });

  it('reads the slideshow retention the display tier uses (72 h, 200 per owner by default)', () => {
    assert.deepEqual(localStackConfigFromEnv({}).retention, { ttlMs: 72 * 3600_000, maxPerOwner: 200 });
    assert.deepEqual(
      localStackConfigFromEnv({ SLIDESHOW_TTL_HOURS: '6', SLIDESHOWS_PER_OWNER: '50' }).retention,
      { ttlMs: 6 * 3600_000, maxPerOwner: 50 },
    );
    assert.throws(() => localStackConfigFromEnv({ SLIDESHOWS_PER_OWNER: '3' }), /SLIDESHOWS_PER_OWNER/);
  });

  it('watches PHOTOS_DIR and rescans it hourly by default; WATCH_PHOTOS and WATCH_RESCAN_MINUTES are validated', () => {
    assert.deepEqual(localStackConfigFromEnv({}).followPhotos, { watch: true, rescanIntervalMs: 3_600_000 });
    assert.deepEqual(
      localStackConfigFromEnv({ WATCH_PHOTOS: 'false', WATCH_RESCAN_MINUTES: '0.5' }).followPhotos,
      {
        watch: false,
        rescanIntervalMs: 30_000,
      },
    );
    // Blank is unset (a compose file's `WATCH_RESCAN_MINUTES=`); 0 turns the periodic rescan off.
    assert.equal(
      localStackConfigFromEnv({ WATCH_RESCAN_MINUTES: '' }).followPhotos.rescanIntervalMs,
      3_600_000,
    );
    assert.equal(localStackConfigFromEnv({ WATCH_RESCAN_MINUTES: '0' }).followPhotos.rescanIntervalMs, 0);
    for (const bad of ['-1', 'hourly', '0.01', '20000']) {
      assert.throws(
        () => localStackConfigFromEnv({ WATCH_RESCAN_MINUTES: bad }),
        /WATCH_RESCAN_MINUTES must be/,
        bad,
      );
    }
    assert.throws(
      () => localStackConfigFromEnv({ WATCH_PHOTOS: 'maybe' }),
      /WATCH_PHOTOS must be true, false/,
    );
  });

  it('takes the skill time zone from SKILL_TIME_ZONE and refuses one that is not IANA', () => {
    assert.equal(
      localStackConfigFromEnv({ SKILL_TIME_ZONE: 'Europe/Berlin' }).skillTimeZone,
      'Europe/Berlin',
    );
    assert.throws(
      () => localStackConfigFromEnv({ SKILL_TIME_ZONE: 'Mars/Olympus' }),
      /SKILL_TIME_ZONE must be an IANA time zone/,
    );
  });

  it('turns verification off only for an explicit false', () => {
    assert.equal(localStackConfigFromEnv({ ALEXA_VERIFY_REQUESTS: 'false' }).verifyAlexaRequests, false);
    assert.equal(localStackConfigFromEnv({ ALEXA_VERIFY_REQUESTS: '0' }).verifyAlexaRequests, false);
    assert.throws(
      () => localStackConfigFromEnv({ ALEXA_VERIFY_REQUESTS: 'no' }),
      /ALEXA_VERIFY_REQUESTS must be/,
    );
  });

  it('names the variable that is wrong', () => {
    assert.throws(
      () => localStackConfigFromEnv({ PORT: 'eighty' }),
      /PORT must be an integer between 0 and 65535 \(got "eighty"\)/,
    );
    assert.throws(
      () => localStackConfigFromEnv({ DATABASE_URL: 'mysql://x' }),
      /DATABASE_URL must be a postgres:\/\/ URL/,
    );
    assert.throws(
      () => localStackConfigFromEnv({ RENDITION_SIGNING_KEY: 'short' }),
      /RENDITION_SIGNING_KEY must be at least 32/,
    );
    assert.throws(
      () => localStackConfigFromEnv({ PUBLIC_BASE_URL: 'localhost:8080' }),
      /PUBLIC_BASE_URL must be an http\(s\) origin/,
    );
  });

  it('resolves PHOTOS_DIR and trims a trailing slash from PUBLIC_BASE_URL', () => {
    const config = localStackConfigFromEnv({
      PHOTOS_DIR: 'pics',
      PUBLIC_BASE_URL: 'https://frame.example.com/',
    });
    assert.equal(config.photosDir, resolve('pics'));
    assert.equal(config.publicBaseUrl, 'https://frame.example.com');
  });

  it('listens on loopback unless HOST names another address, which must be an address or a host name', () => {
    assert.equal(localStackConfigFromEnv({}).host, '127.0.0.1');
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'localhost', 'photos.lan']) {
      assert.equal(localStackConfigFromEnv({ HOST: host }).host, host);
    }
    for (const host of ['http://0.0.0.0', '0.0.0.0:8080', 'a b', '-bad-']) {
      assert.throws(() => localStackConfigFromEnv({ HOST: host }), /HOST must be an IP address/, host);
    }
  });

  it('reads SERVICE_TOKENS as a comma-separated list of long tokens (unset: generated into DATA_DIR)', () => {
    const a = 'a'.repeat(32);
    const b = 'b'.repeat(48);
    assert.equal(localStackConfigFromEnv({}).serviceTokens, undefined);
    assert.deepEqual(localStackConfigFromEnv({ SERVICE_TOKENS: ` ${a}, ${b} ` }).serviceTokens, [a, b]);
    assert.throws(
      () => localStackConfigFromEnv({ SERVICE_TOKENS: `${a},short` }),
      /SERVICE_TOKENS each token must be at least 32 characters/,
    );
  });
});
