import assert from 'node:assert/strict';
import { hammingDistance } from '../../../../metadata-service/ingest/perceptual-hash';
import { parseIptc } from '../../../../metadata-service/ingest/readers/iptc';
import { sniffFormat } from '../../../../metadata-service/ingest/readers/sniff-format';
import { parseXmp } from '../../../../metadata-service/ingest/readers/xmp';
import { withIptcKeywords, xmpPacket } from '../../fixtures/images';

describe('embedded metadata parsers', () => {
  it('XMP: attribute and element forms, entities, and nothing from garbage', () => {
    const facts = parseXmp(
      xmpPacket({ subject: ['Beach', 'Tom & Jerry'], rating: -1, faces: ['Ann', 'Ben'], title: 'A <b>' }),
    );
    assert.deepEqual(facts.keywords, ['Beach', 'Tom & Jerry']);
    assert.equal(facts.rating, -1);
    assert.deepEqual(facts.people, ['Ann', 'Ben']);
    assert.equal(facts.title, 'A <b>');
    assert.deepEqual(
      parseXmp('<x:xmpmeta><rdf:RDF><xmp:Rating>9</xmp:Rating></rdf:RDF></x:xmpmeta>').rating,
      undefined,
    );
    const nothing = parseXmp(Buffer.from('<<<< not xml'));
    assert.deepEqual([nothing.keywords, nothing.people, nothing.title], [[], [], undefined]);
    const unterminated = parseXmp('<x:xmpmeta><dc:subject><rdf:Bag><rdf:li>unterminated');
    assert.deepEqual([unterminated.keywords, unterminated.location, unterminated.albums], [[], {}, []]);
  });

  it('IPTC: keywords from IIM datasets; a dataset running past the block stops the scan', () => {
    const block = withIptcKeywords(Buffer.from([0xff, 0xd8]), ['dog', 'Zürich']).subarray(6);
    assert.deepEqual(parseIptc(block).keywords, ['dog', 'Zürich']);
    const lying = Buffer.from([0x1c, 0x02, 25, 0x00, 0x40, 0x41]);
    assert.deepEqual(parseIptc(lying).keywords, []);
  });

  it('sniffs formats from magic bytes only', () => {
    const ftyp = (major: string, ...compatible: string[]) => {
      const b = Buffer.alloc(16 + compatible.length * 4);
      b.writeUInt32BE(b.length, 0);
      b.write(`ftyp${major}`, 4, 'latin1');
      compatible.forEach((brand, i) => b.write(brand, 16 + i * 4, 'latin1'));
      return b;
    };
    assert.deepEqual(sniffFormat(ftyp('heic', 'mif1')), {
      kind: 'image',
      family: 'heif',
      mediaType: 'image/heic',
    });
    assert.deepEqual(sniffFormat(ftyp('mif1', 'avif')), {
      kind: 'image',
      family: 'avif',
      mediaType: 'image/avif',
    });
    assert.deepEqual(sniffFormat(ftyp('qt  ')), { kind: 'video', mediaType: 'video/quicktime' });
    assert.deepEqual(sniffFormat(ftyp('mp42', 'isom')), { kind: 'video', mediaType: 'video/mp4' });
    assert.equal(sniffFormat(Buffer.from('MM\0*', 'latin1')).kind, 'image');
    assert.equal(sniffFormat(Buffer.from('hello')).kind, 'unknown');
    assert.equal(sniffFormat(Buffer.alloc(0)).kind, 'empty');
  });

  it('hamming distance counts differing bits and rejects malformed hashes', () => {
    assert.equal(hammingDistance('0000000000000000', 'ffffffffffffffff'), 64);
    assert.equal(hammingDistance('00000000000000f1', '0000000000000000'), 5);
    assert.throws(() => hammingDistance('xyz', '0000000000000000'), TypeError);
  });
});
