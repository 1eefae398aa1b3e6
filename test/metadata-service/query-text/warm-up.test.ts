import assert from 'node:assert/strict';
import type { Logger } from '../../../common/logger';
import { findPlacesByName } from '../../../metadata-service/places/find-places';
import { warmUpInBackground, warmUpTextReading } from '../../../metadata-service/query-text/warm-up';

describe('query-text/warm-up', function () {
  // The gazetteer and its name indexes take a few seconds on a loaded 2-core machine.
  this.timeout(60_000);

  it('yields to other work between its steps, so a request arriving meanwhile is not held for the whole warm-up', async () => {
    let othersRan = 0;
    let warmedUp = false;
    const warming = warmUpTextReading().then(() => (warmedUp = true));
    const tick = (): void => {
      if (warmedUp) return;
      othersRan++;
      setImmediate(tick);
    };
    setImmediate(tick);
    await warming;
    // Three steps: other work ran between the first and the second, and between the second and the third.
    assert.ok(othersRan >= 2, `other callbacks ran ${othersRan} times during the warm-up`);
  });

  it('leaves the readers answering: a place said in another language is found through the prepared indexes', async () => {
    await warmUpTextReading();
    const munich = findPlacesByName('München');
    assert.ok(
      munich.some((place) => place.name === 'Munich'),
      JSON.stringify(munich),
    );
  });

  it('says in the log when it is done, and how long it took', async () => {
    const lines: { message: string; fields?: Record<string, unknown> }[] = [];
    const record = (message: string, fields?: Record<string, unknown>): void => {
      lines.push({ message, fields });
    };
    const logger: Logger = {
      debug: record,
      info: record,
      warn: record,
      error: record,
      child: () => logger,
    };
    warmUpInBackground(logger);
    const deadline = Date.now() + 50_000;
    while (lines.length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(lines[0]?.message, 'place and date reading ready');
    assert.equal(typeof lines[0]?.fields?.ms, 'number');
  });
});
