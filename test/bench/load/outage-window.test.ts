import assert from 'node:assert/strict';
import { outageWindow, splitFailures, type RestartTimes } from '../../../bench/load/outage-window';
import type { RequestKind, RequestRecord } from '../../../bench/load/request-log';

function request(kind: RequestKind, startMs: number, endMs: number, ok: boolean): RequestRecord {
  return { kind, startMs, endMs, ok, code: ok ? '200' : '503 SERVICE_UNAVAILABLE', bytes: 0 };
}

const RESTART: RestartTimes = { startMs: 30_000, downMs: 31_000, upMs: 33_000 };

describe('bench/load outage window', () => {
  it('ends at the first slideshow-API success sent after PostgreSQL went down', () => {
    const records = [
      // Sent before the server was down: says nothing about recovery.
      request('page', 30_500, 34_500, true),
      // Renditions already made are served without the database.
      request('rendition', 31_500, 31_600, true),
      request('create', 33_100, 33_900, true),
      request('page', 33_200, 33_700, true),
    ];
    const window = outageWindow(records, RESTART);
    assert.equal(window.startMs, 30_000);
    assert.equal(window.endMs, 33_700);
  });

  it('stays open when nothing needing the database succeeds again', () => {
    const window = outageWindow(
      [request('rendition', 32_000, 32_100, true), request('page', 34_000, 34_100, false)],
      RESTART,
    );
    assert.equal(window.endMs, undefined);
    const { inside, lost } = splitFailures([request('page', 50_000, 50_100, false)], window);
    assert.equal(inside.length, 1);
    assert.equal(lost.length, 0);
  });

  it('counts a failure in flight at any moment of the window as the outage, every other one as lost', () => {
    const records = [
      request('create', 34_000, 34_500, true),
      request('page', 29_000, 30_200, false), // in flight when the restart began
      request('rendition', 31_000, 46_000, false), // sent inside, timed out after
      request('page', 34_400, 34_600, false), // ended after the first success, but began inside
      request('page', 29_000, 29_900, false), // before the restart
      request('rendition', 34_600, 35_000, false), // after the window
    ];
    const window = outageWindow(records, RESTART);
    assert.equal(window.endMs, 34_500);
    const { inside, lost } = splitFailures(records, window);
    assert.deepEqual(
      inside.map((r) => r.startMs),
      [29_000, 31_000, 34_400],
    );
    assert.deepEqual(
      lost.map((r) => [r.kind, r.startMs]),
      [
        ['page', 29_000],
        ['rendition', 34_600],
      ],
    );
  });

  it('counts every failure as lost on an engine that was not restarted', () => {
    const records = [request('page', 1_000, 1_100, false), request('rendition', 2_000, 2_100, true)];
    const { inside, lost } = splitFailures(records, undefined);
    assert.equal(inside.length, 0);
    assert.deepEqual(lost, [records[0]]);
  });
});
