import assert from 'node:assert/strict';
import {
  SUN_LABEL_PRECISION,
  SUN_PRECISION_BAR,
  sunSearchThreshold,
} from '../../../../metadata-service/labels/sun/sun-search-gate';
import { SUN_LABELS } from '../../../../metadata-service/labels/sun/sun-rules';
import { locateSunPhotos, measureSunLabels, type SunMeasurement } from './sun-photo-set';

/**
 * The quality floor of sun labels on real photos (sun-photo-set.ts; `npm run bench:sun` prints the table): every
 * label the search gate lets answer must measure at least the bar, as taken and in the sweep, and the gate's
 * recorded figures must be the measured ones. Skipped with the reason when the package archive cannot be reached,
 * unless VISION_TESTS_REQUIRED=1 (CI).
 */
describe('sun labels on real photos', function () {
  this.timeout(300_000);
  let measured: SunMeasurement;

  before(async function () {
    const found = locateSunPhotos();
    if (!found.roots) {
      const reason = `sun test photos unavailable: ${found.problem ?? 'unknown'}`;
      if (process.env.VISION_TESTS_REQUIRED === '1') throw new Error(`${reason} (VISION_TESTS_REQUIRED=1)`);
      process.stderr.write(`    skipping: ${reason}\n`);
      this.skip();
    }
    measured = await measureSunLabels(found.roots);
  });

  it('lets a label answer a search only when it measured the bar as taken and in the sweep', () => {
    for (const label of SUN_LABELS) {
      const asTaken = measured.asTaken.figures.find((f) => f.label === label);
      const sweep = measured.sweep.figures.find((f) => f.label === label);
      const precisions = [asTaken?.precision, sweep?.precision].filter(
        (p): p is number => p !== null && p !== undefined,
      );
      const lowest = Math.min(...precisions);
      if (sunSearchThreshold(label) <= 1) {
        assert.ok(precisions.length > 0, `${label} answers search but was never given in the set`);
        assert.ok(lowest >= SUN_PRECISION_BAR, `${label} answers search at precision ${lowest}`);
      }
      assert.equal(
        SUN_LABEL_PRECISION[label].toFixed(2),
        lowest.toFixed(2),
        `${label}: the gate records ${SUN_LABEL_PRECISION[label]}, the set measures ${lowest}`,
      );
    }
  });

  it('finds the real sunsets, and no sunset in a room, a flower or a cup photographed at sunset', () => {
    const sunset = measured.sweep.figures.find((f) => f.label === 'sunset');
    assert.ok(sunset && sunset.truePositives >= 2, 'both real sunset photos found at a sunset instant');
    const wrong = measured.sweep.cases.filter(
      (c) => c.predicted.includes('sunset') && !c.truth.includes('sunset'),
    );
    assert.deepEqual(
      wrong.map((c) => c.photo),
      [],
    );
    const eveningGlow = measured.asTaken.cases.find((c) => c.photo === 'eveningGlow');
    assert.deepEqual(eveningGlow?.predicted, ['sunset']);
  });

  it('gives the acceptance library’s indoor restaurant at sunset time (Tokyo, sun −1°) no sunset', () => {
    const restaurant = measured.asTaken.cases.find(
      (c) => c.photo === 'restaurant' && c.sun.altitude > -6 && c.sun.altitude < 6,
    );
    assert.ok(restaurant, 'the acceptance library has the restaurant at sunset time');
    assert.equal(restaurant.sun.half, 'evening');
    assert.deepEqual(restaurant.predicted, []);
  });
});
