import assert from 'node:assert/strict';
import sharp from 'sharp';
import { extendedXmpOf } from '../../../../metadata-service/ingest/readers/extended-xmp';
import { parseXmp } from '../../../../metadata-service/ingest/readers/xmp';
import { imageBytes } from '../../fixtures/images';
import { lightroomXmp, withExtendedXmp } from '../support/export-shapes';

describe('extended XMP', () => {
  const main = lightroomXmp({ keywords: ['Dog'] });
  const extension = lightroomXmp({
    hierarchical: ['Animals|Dog'],
    faces: Array.from({ length: 12 }, (_, i) => ({ name: `Guest ${i + 1}`, x: 0.5, y: 0.5, w: 0.1, h: 0.1 })),
  });

  it('assembles the extension from its chunks, in any order, and merges it with the main packet', async () => {
    const jpeg = withExtendedXmp(await imageBytes(), main, extension);
    const assembled = extendedXmpOf(jpeg);
    assert.equal(assembled, extension);
    // sharp hands over only the main packet, which names the extension.
    const header = await sharp(jpeg).metadata();
    assert.ok(header.xmp?.includes('HasExtendedXMP'));
    const facts = parseXmp(header.xmp, assembled);
    assert.deepEqual(facts.keywords, ['Dog']);
    assert.deepEqual(facts.hierarchicalKeywords, ['Animals|Dog']);
    assert.equal(facts.people.length, 12);
  });

  it('gives nothing for a missing chunk, a lying length, or bytes that are not a JPEG', async () => {
    const jpeg = withExtendedXmp(await imageBytes(), main, extension);
    const firstChunk = jpeg.indexOf('http://ns.adobe.com/xmp/extension/');
    const length = jpeg.readUInt16BE(firstChunk - 2);
    const missing = Buffer.concat([jpeg.subarray(0, firstChunk - 4), jpeg.subarray(firstChunk - 2 + length)]);
    assert.equal(extendedXmpOf(missing), undefined);
    const lying = Buffer.from(jpeg);
    for (
      let at = lying.indexOf('http://ns.adobe.com/xmp/extension/');
      at >= 0;
      at = lying.indexOf('http://ns.adobe.com/xmp/extension/', at + 1)
    ) {
      lying.writeUInt32BE(0xffffffff, at + 35 + 32);
    }
    assert.equal(extendedXmpOf(lying), undefined);
    assert.equal(extendedXmpOf(Buffer.from('not a jpeg')), undefined);
    assert.equal(extendedXmpOf(await imageBytes()), undefined);
  });
});
