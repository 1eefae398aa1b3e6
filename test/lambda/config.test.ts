import assert from 'node:assert/strict';
import { loadSkillConfig } from '../../lambda/config';

describe('loadSkillConfig', () => {
  it('defaults every variable to the local stack and the single local tenant', () => {
    assert.deepEqual(loadSkillConfig({}), {
      displayServiceUrl: 'http://localhost:8080',
      metadataServiceUrl: 'http://localhost:8080',
      photoOwnerId: 'local',
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
      photoOwnerId: 'family-1',
      skillId: 'amzn1.ask.skill.abc',
      logLevel: 'debug',
      timeZone: 'Europe/Berlin',
    });
  });

  it('treats blank variables as unset', () => {
    assert.equal(loadSkillConfig({ ALEXA_SKILL_ID: '', DISPLAY_SERVICE_URL: '' }).skillId, undefined);
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
});
