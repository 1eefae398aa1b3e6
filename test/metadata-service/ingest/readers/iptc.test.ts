import assert from 'node:assert/strict';
import { parseIptc } from '../../../../metadata-service/ingest/readers/iptc';
import { IIM, withIptc } from '../support/export-shapes';

/** The IIM block as sharp hands it over: the APP13 payload after its marker and length. */
const block = (datasets: readonly [number, string | Buffer][]): Buffer =>
  withIptc(Buffer.from([0xff, 0xd8]), datasets).subarray(6);

describe('IPTC IIM reader', () => {
  it('reads keywords, caption and every location dataset', () => {
    const facts = parseIptc(
      block([
        [IIM.keywords, 'beach'],
        [IIM.keywords, 'Zürich'],
        [IIM.caption, 'Sunset over the lake'],
        [IIM.city, 'Zürich'],
        [IIM.sublocation, 'Seefeld'],
        [IIM.provinceState, 'Zürich'],
        [IIM.countryCode, 'CHE'],
        [IIM.country, 'Switzerland'],
      ]),
    );
    assert.deepEqual(facts.keywords, ['beach', 'Zürich']);
    assert.equal(facts.caption, 'Sunset over the lake');
    assert.deepEqual(facts.location, {
      city: 'Zürich',
      sublocation: 'Seefeld',
      region: 'Zürich',
      countryCode: 'CHE',
      country: 'Switzerland',
    });
  });

  it('decodes Latin-1 text that older writers stored, and keeps the first of a repeated field', () => {
    const facts = parseIptc(
      block([
        [IIM.city, Buffer.from('München', 'latin1')],
        [IIM.city, 'Berlin'],
      ]),
    );
    assert.deepEqual(facts.location, { city: 'München' });
  });

  it('stops at a dataset that runs past the block and keeps what came before', () => {
    const good = block([[IIM.city, 'Lyon']]);
    const lying = Buffer.concat([good, Buffer.from([0x1c, 0x02, IIM.country, 0x00, 0x40, 0x41])]);
    assert.deepEqual(parseIptc(lying).location, { city: 'Lyon' });
    assert.deepEqual(parseIptc(undefined), { keywords: [], location: {} });
  });
});
