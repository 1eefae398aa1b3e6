import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { libraryDatabaseLocation, libraryEnvFrom, visionSettingsFrom } from '../../metadata-service/config';

describe('metadata-service config', () => {
  it('defaults to the SQLite file in ./data and the local owner', () => {
    assert.deepEqual(libraryDatabaseLocation({}), {
      kind: 'sqlite',
      file: join(resolve('data'), 'library.sqlite'),
    });
    assert.equal(libraryEnvFrom({}).ownerId, 'local');
  });

  it('puts the SQLite file in DATA_DIR and selects PostgreSQL for a postgres:// DATABASE_URL', () => {
    assert.deepEqual(libraryDatabaseLocation({ DATA_DIR: '/srv/pf' }), {
      kind: 'sqlite',
      file: '/srv/pf/library.sqlite',
    });
    assert.deepEqual(
      libraryDatabaseLocation({ DATABASE_URL: 'postgres://u:p@db:5432/pf', DATA_DIR: '/srv/pf' }),
      {
        kind: 'postgres',
        url: 'postgres://u:p@db:5432/pf',
      },
    );
    assert.equal(libraryDatabaseLocation({ DATABASE_URL: '  ' }).kind, 'sqlite');
  });

  it('names the variable that is wrong', () => {
    assert.throws(
      () => libraryDatabaseLocation({ DATABASE_URL: 'mysql://db' }),
      /DATABASE_URL must be a postgres/,
    );
    assert.throws(() => libraryEnvFrom({ PHOTO_OWNER_ID: 'no spaces' }), /PHOTO_OWNER_ID/);
  });

  it('reads the vision provider: local workers (one per core by default) or Rekognition', () => {
    assert.deepEqual(visionSettingsFrom({}), { provider: 'local', workers: availableParallelism() });
    assert.deepEqual(visionSettingsFrom({ VISION_WORKERS: '3' }), { provider: 'local', workers: 3 });
    assert.deepEqual(visionSettingsFrom({ VISION_WORKERS: '3' }, { workers: 2 }), {
      provider: 'local',
      workers: 2,
    });
    assert.deepEqual(visionSettingsFrom({ VISION_PROVIDER: 'rekognition', AWS_REGION: 'eu-west-1' }), {
      provider: 'rekognition',
      region: 'eu-west-1',
      endpoint: undefined,
      collectionPrefix: 'photo-frame-',
    });
    assert.throws(
      () => visionSettingsFrom({ VISION_PROVIDER: 'clip' }),
      /VISION_PROVIDER must be local or rekognition/,
    );
    assert.throws(() => visionSettingsFrom({ VISION_WORKERS: '0' }), /VISION_WORKERS must be a whole number/);
  });
});
