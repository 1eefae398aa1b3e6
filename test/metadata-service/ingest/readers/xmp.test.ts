import assert from 'node:assert/strict';
import { parseXmp } from '../../../../metadata-service/ingest/readers/xmp';
import { exiftoolXmp, lightroomXmp } from '../support/export-shapes';

describe('XMP reader', () => {
  it('reads a Lightroom Classic packet: attributes, lang-alt, bags, hierarchy, named face regions', () => {
    const facts = parseXmp(
      lightroomXmp({
        keywords: ['Dog', 'Paris'],
        hierarchical: ['Places|Europe|France|Paris', 'Animals|Dog'],
        title: 'Morning & coffee',
        caption: 'morning walk along the beach',
        rating: 4,
        city: 'Paris',
        state: 'Île-de-France',
        country: 'France',
        countryCode: 'FR',
        faces: [
          { name: 'Anna Smith', x: 0.5, y: 0.4, w: 0.1, h: 0.2 },
          { name: 'Ben', x: 0.2, y: 0.3, w: 0.1, h: 0.1 },
        ],
      }),
    );
    assert.deepEqual(facts.keywords, ['Dog', 'Paris']);
    assert.deepEqual(facts.hierarchicalKeywords, ['Places|Europe|France|Paris', 'Animals|Dog']);
    assert.equal(facts.title, 'Morning & coffee');
    assert.equal(facts.description, 'morning walk along the beach');
    assert.equal(facts.rating, 4);
    assert.deepEqual(facts.location, {
      city: 'Paris',
      region: 'Île-de-France',
      country: 'France',
      countryCode: 'FR',
    });
    assert.deepEqual(facts.people, ['Anna Smith', 'Ben']);
    assert.equal(facts.faceRegions.length, 2);
    const [anna] = facts.faceRegions;
    assert.equal(anna?.name, 'Anna Smith');
    assert.ok(anna && Math.abs(anna.box.left - 0.45) < 1e-9 && Math.abs(anna.box.top - 0.3) < 1e-9);
    assert.ok(anna && Math.abs(anna.box.width - 0.1) < 1e-9 && Math.abs(anna.box.height - 0.2) < 1e-9);
  });

  it('reads IPTC Extension structs, events and people as exiftool writes them', () => {
    const facts = parseXmp(
      exiftoolXmp({
        locationCreated: {
          Sublocation: 'Montmartre',
          City: 'Paris',
          ProvinceState: 'Île-de-France',
          CountryName: 'France',
          CountryCode: 'FR',
        },
        locationShown: { City: 'Nice', CountryName: 'France' },
        event: "Anna's wedding",
        album: 'Summer 2019',
        personInImage: ['Carla'],
        faces: ['Dora'],
      }),
    );
    assert.deepEqual(facts.location, {
      sublocation: 'Montmartre',
      city: 'Paris',
      region: 'Île-de-France',
      country: 'France',
      countryCode: 'FR',
    });
    assert.deepEqual(facts.albums, ['Summer 2019', "Anna's wedding"]);
    assert.deepEqual(facts.people, ['Dora', 'Carla']);
    assert.deepEqual(facts.faceRegions, [
      { name: 'Dora', box: { left: 0.4, top: 0.4, width: 0.2, height: 0.2 } },
    ]);
  });

  it('takes the location shown only when nothing says where the photo was taken', () => {
    assert.deepEqual(
      parseXmp(exiftoolXmp({ locationShown: { City: 'Nice', CountryName: 'France' } })).location,
      {
        city: 'Nice',
        country: 'France',
      },
    );
  });

  it('reads Windows Photo Gallery regions and other prefixes for the same namespaces', () => {
    const packet =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description xmlns:MP="http://ns.microsoft.com/photo/1.2/" xmlns:MPRI="http://ns.microsoft.com/photo/1.2/t/RegionInfo#"' +
      ' xmlns:MPReg="http://ns.microsoft.com/photo/1.2/t/Region#" xmlns:d="http://purl.org/dc/elements/1.1/">' +
      '<MP:RegionInfo rdf:parseType="Resource"><MPRI:Regions><rdf:Bag>' +
      '<rdf:li MPReg:Rectangle="0.1, 0.2, 0.3, 0.25" MPReg:PersonDisplayName="Grandma"/>' +
      '<rdf:li><rdf:Description MPReg:PersonDisplayName="Grandpa"/></rdf:li>' +
      '</rdf:Bag></MPRI:Regions></MP:RegionInfo>' +
      '<d:subject><rdf:Bag><rdf:li>Garden</rdf:li></rdf:Bag></d:subject>' +
      '</rdf:Description></rdf:RDF></x:xmpmeta>';
    const facts = parseXmp(packet);
    assert.deepEqual(facts.people, ['Grandma', 'Grandpa']);
    assert.deepEqual(facts.faceRegions, [
      { name: 'Grandma', box: { left: 0.1, top: 0.2, width: 0.3, height: 0.25 } },
    ]);
    assert.deepEqual(facts.keywords, ['Garden']);
  });

  it('reads nothing from hostile or broken packets, without throwing', () => {
    const entity =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      lightroomXmp({ keywords: ['&b;'] });
    assert.deepEqual(parseXmp(entity).keywords, []);
    assert.deepEqual(parseXmp(lightroomXmp({ keywords: ['x'.repeat(2_100_000)] })).keywords, []);
    const deep = `${'<rdf:li rdf:parseType="Resource"><dc:x>'.repeat(50)}y${'</dc:x></rdf:li>'.repeat(50)}`;
    const nested = lightroomXmp({ keywords: ['ok'] }).replace(
      '<dc:subject>',
      `<dc:nested rdf:parseType="Resource"><dc:x>${deep}</dc:x></dc:nested><dc:subject>`,
    );
    assert.deepEqual(parseXmp(nested).keywords, ['ok']);
    assert.deepEqual(parseXmp(lightroomXmp({ rating: 9 })).rating, undefined);
    const faces = parseXmp(lightroomXmp({ faces: [{ name: 'Off', x: 2, y: 2, w: 0.5, h: 0.5 }] }));
    assert.deepEqual([faces.people, faces.faceRegions], [['Off'], []]);
    assert.equal(parseXmp(Buffer.from([0xff, 0x00, 0x3c])).keywords.length, 0);
  });
});
