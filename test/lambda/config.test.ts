import assert from 'node:assert/strict';
import { loadSkillConfig } from '../../lambda/config';

describe('loadSkillConfig', () => {
  it('defaults every variable to the local stack, the single local tenant and in-process settings', () => {
    assert.deepEqual(loadSkillConfig({}), {
      displayServiceUrl: 'http://localhost:8080',
      metadataServiceUrl: 'http://localhost:8080',
      identity: { kind: 'local', ownerId: 'local' },
      persistence: { kind: 'memory' },
      skillId: undefined,
      logLevel: 'info',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  });

  it('reads service origins (trailing slash trimmed), owner, skill id and log level', () => {
    const config = loadSkillConfig({
      DISPLAY_SERVICE_URL: 'https://display.example.com/',
      METADATA_SERVICE_URL: 'https://library.example.com',
      PHOTO_OWNER_ID: 'family-1',
      ALEXA_SKILL_ID: 'amzn1.ask.skill.abc',
      LOG_LEVEL: 'debug',
      SKILL_TIME_ZONE: 'Europe/Berlin',
    });
    assert.deepEqual(config, {
      displayServiceUrl: 'https://display.example.com',
      metadataServiceUrl: 'https://library.example.com',
      identity: { kind: 'local', ownerId: 'family-1' },
      persistence: { kind: 'memory' },
      skillId: 'amzn1.ask.skill.abc',
      logLevel: 'debug',
      timeZone: 'Europe/Berlin',
    });
  });

  it('treats blank variables as unset', () => {
    const config = loadSkillConfig({
      ALEXA_SKILL_ID: '',
      DISPLAY_SERVICE_URL: '',
      PERSISTENCE: '',
      ACCOUNT_LINKING: '',
    });
    assert.equal(config.skillId, undefined);
    assert.deepEqual(config.persistence, { kind: 'memory' });
    assert.deepEqual(config.identity, { kind: 'local', ownerId: 'local' });
  });

  it('names the variable that is invalid', () => {
    assert.throws(() => loadSkillConfig({ DISPLAY_SERVICE_URL: 'not a url' }), /DISPLAY_SERVICE_URL/);
    assert.throws(() => loadSkillConfig({ METADATA_SERVICE_URL: 'ftp://x.example' }), /METADATA_SERVICE_URL/);
    assert.throws(() => loadSkillConfig({ PHOTO_OWNER_ID: 'has spaces' }), /PHOTO_OWNER_ID/);
    assert.throws(() => loadSkillConfig({ LOG_LEVEL: 'loud' }), /LOG_LEVEL/);
    assert.throws(
      () => loadSkillConfig({ SKILL_TIME_ZONE: 'Mars/Olympus' }),
      /SKILL_TIME_ZONE must be an IANA/,
    );
  });

  it('reads the time zone relative dates are resolved in', () => {
    assert.equal(loadSkillConfig({ SKILL_TIME_ZONE: 'Australia/Sydney' }).timeZone, 'Australia/Sydney');
  });

  describe('account linking', () => {
    it('ACCOUNT_LINKING=true validates tokens against Login with Amazon (api.amazon.com by default)', () => {
      assert.deepEqual(loadSkillConfig({ ACCOUNT_LINKING: 'true', PHOTO_OWNER_ID: 'ignored' }).identity, {
        kind: 'login-with-amazon',
        profileUrl: 'https://api.amazon.com/user/profile',
      });
      assert.deepEqual(
        loadSkillConfig({ ACCOUNT_LINKING: '1', LWA_PROFILE_URL: 'https://api.amazon.co.uk/user/profile' })
          .identity,
        { kind: 'login-with-amazon', profileUrl: 'https://api.amazon.co.uk/user/profile' },
      );
      assert.deepEqual(loadSkillConfig({ ACCOUNT_LINKING: 'false' }).identity, {
        kind: 'local',
        ownerId: 'local',
      });
    });

    it('rejects anything but a flag, and a profile URL that is not http(s)', () => {
      assert.throws(() => loadSkillConfig({ ACCOUNT_LINKING: 'yes' }), /ACCOUNT_LINKING must be true, false/);
      assert.throws(
        () => loadSkillConfig({ ACCOUNT_LINKING: 'true', LWA_PROFILE_URL: 'api.amazon.com' }),
        /LWA_PROFILE_URL must be an http\(s\) URL/,
      );
    });
  });

  describe('persistence', () => {
    it('DATABASE_URL alone selects the library database', () => {
      assert.deepEqual(
        loadSkillConfig({ DATABASE_URL: 'postgres://pf:pw@db.internal:5432/photos' }).persistence,
        {
          kind: 'database',
          databaseUrl: 'postgres://pf:pw@db.internal:5432/photos',
        },
      );
    });

    it('PERSISTENCE=dynamodb needs DYNAMODB_TABLE; endpoint and region are passed on', () => {
      assert.deepEqual(
        loadSkillConfig({
          PERSISTENCE: 'dynamodb',
          DYNAMODB_TABLE: 'photo-frame-users',
          DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567',
          AWS_REGION: 'eu-west-1',
          // Ignored once DynamoDB is chosen explicitly.
          DATABASE_URL: 'postgres://pf@db/photos',
        }).persistence,
        {
          kind: 'dynamodb',
          table: 'photo-frame-users',
          endpoint: 'http://127.0.0.1:4567',
          region: 'eu-west-1',
        },
      );
      assert.deepEqual(loadSkillConfig({ PERSISTENCE: 'dynamodb', DYNAMODB_TABLE: 'users' }).persistence, {
        kind: 'dynamodb',
        table: 'users',
      });
      assert.throws(
        () => loadSkillConfig({ PERSISTENCE: 'dynamodb' }),
        /DYNAMODB_TABLE is required when PERSISTENCE=dynamodb/,
      );
    });

    it('PERSISTENCE=database needs a PostgreSQL DATABASE_URL; memory can be chosen explicitly', () => {
      assert.throws(
        () => loadSkillConfig({ PERSISTENCE: 'database' }),
        /DATABASE_URL is required when PERSISTENCE=database/,
      );
      assert.throws(
        () => loadSkillConfig({ DATABASE_URL: 'mysql://x/y' }),
        /DATABASE_URL must be a postgres/,
      );
      assert.deepEqual(
        loadSkillConfig({ PERSISTENCE: 'memory', DATABASE_URL: 'postgres://pf@db/photos' }).persistence,
        { kind: 'memory' },
      );
    });

    it('rejects unknown kinds, bad table names and endpoints', () => {
      assert.throws(
        () => loadSkillConfig({ PERSISTENCE: 'redis' }),
        /PERSISTENCE must be database, dynamodb/,
      );
      assert.throws(
        () => loadSkillConfig({ PERSISTENCE: 'dynamodb', DYNAMODB_TABLE: 'a b' }),
        /DYNAMODB_TABLE must be a DynamoDB table name/,
      );
      assert.throws(
        () =>
          loadSkillConfig({
            PERSISTENCE: 'dynamodb',
            DYNAMODB_TABLE: 'users',
            DYNAMODB_ENDPOINT: 'localhost',
          }),
        /DYNAMODB_ENDPOINT must be an http\(s\) URL/,
      );
    });
  });
});
