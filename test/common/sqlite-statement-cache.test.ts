import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { withStatementCache } from '../../common/sqlite-statement-cache';

describe('withStatementCache', () => {
  let sqlite: Database.Database;

  beforeEach(() => {
    sqlite = new Database(':memory:');
    sqlite.exec('create table t (n integer)');
  });
  afterEach(() => {
    if (sqlite.open) sqlite.close();
  });

  it('prepares a statement once and reuses it for the same SQL, with new parameters each time', () => {
    const db = withStatementCache(sqlite);
    const insert = db.prepare('insert into t (n) values (?)');
    assert.equal(db.prepare('insert into t (n) values (?)'), insert);
    insert.run([1]);
    db.prepare('insert into t (n) values (?)').run([2]);
    assert.deepEqual(db.prepare('select n from t order by n').all([]), [{ n: 1 }, { n: 2 }]);
    assert.notEqual(db.prepare('select n from t order by n desc'), db.prepare('select n from t order by n'));
  });

  it('gives a fresh statement while the cached one is still being iterated (a streamed query)', () => {
    const db = withStatementCache(sqlite);
    db.prepare('insert into t (n) values (?)').run([1]);
    db.prepare('insert into t (n) values (?)').run([2]);
    const select = 'select n from t order by n';
    const outer = db.prepare(select).iterate([]);
    const first = outer.next();
    // The same SQL run again mid-iteration: better-sqlite3 refuses a busy statement, so it must be another one.
    assert.deepEqual(db.prepare(select).all([]), [{ n: 1 }, { n: 2 }]);
    assert.deepEqual(first.value, { n: 1 });
    assert.deepEqual(outer.next().value, { n: 2 });
    assert.equal(outer.next().done, true);
  });

  it('keeps at most `capacity` statements, dropping the least recently used', () => {
    const db = withStatementCache(sqlite, 2);
    const a = db.prepare('select 1 as a');
    const b = db.prepare('select 2 as b');
    assert.equal(db.prepare('select 1 as a'), a, 'a is now the most recently used');
    db.prepare('select 3 as c');
    assert.equal(db.prepare('select 1 as a'), a, 'a was kept');
    assert.notEqual(db.prepare('select 2 as b'), b, 'b was dropped and prepared again');
  });

  it('closes the database', () => {
    withStatementCache(sqlite).close();
    assert.equal(sqlite.open, false);
  });
});
