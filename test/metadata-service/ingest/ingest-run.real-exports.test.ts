import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { photoQuerySchema, type PhotoFacts, type PhotoQueryInput } from '../../../common/contracts';
import { createFolderSource } from '../../../metadata-service/ingest/folder-source';
import { runIngest } from '../../../metadata-service/ingest/ingest-run';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { libraryEngines, type TestLibraryDatabase } from '../repositories/library-engines';
import { sceneSvg } from '../fixtures/images';
import { makeTempDir, silentLogger, type TempDir } from '../support/fixtures';
import { lightroomXmp, writeExportJpeg } from './support/export-shapes';

const OWNER = 'owner-a';
const [sqlite] = libraryEngines();

/** Library layouts as people's libraries have them, ingested for real, and what the library then knows. */
describe('ingest of real export shapes', () => {
  let tmp: TempDir;
  let database: TestLibraryDatabase;
  let repository: PhotoRepository;

  beforeEach(async () => {
    tmp = await makeTempDir();
    database = await (sqlite ?? assert.fail('SQLite engine')).open();
    repository = new PhotoRepository(database.db);
  });
  afterEach(async () => {
    await database.cleanup();
    await tmp.cleanup();
  });

  const json = async (path: string, value: unknown): Promise<void> => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, JSON.stringify(value));
  };
  /** Distinct pixels per photo, so no two are the same bytes or near-duplicates of each other. */
  let seed = 0;
  const photo = (path: string, extra: Parameters<typeof writeExportJpeg>[1] = {}) =>
    writeExportJpeg(join(tmp.path, path), {
      scene: (['lisbon', 'harbour', 'stripes', 'checker', 'diagonal'] as const)[seed++ % 5],
      width: 160 + seed,
      dateTimeOriginal: `2019:07:${String(10 + seed).padStart(2, '0')} 10:00:00`,
      ...extra,
    });

  async function ingestAll(): Promise<Map<string, PhotoFacts>> {
    const source = createFolderSource(tmp.path);
    const report = await runIngest(source, { ownerId: OWNER }, { repository, logger: silentLogger });
    assert.deepEqual(report.skipped, []);
    const facts = new Map<string, PhotoFacts>();
    for (const stored of await repository.listSources(OWNER, source.root)) {
      facts.set(
        stored.sourcePath,
        (await repository.getPhoto(OWNER, stored.id)) ?? assert.fail(stored.sourcePath),
      );
    }
    return facts;
  }
  const albums = (facts: PhotoFacts | undefined) => (facts?.albums ?? []).map((a) => a.name).sort();
  const labels = (facts: PhotoFacts | undefined, source?: string) =>
    (facts?.labels ?? [])
      .filter((l) => source === undefined || l.source === source)
      .map((l) => l.name)
      .sort();

  it('Google Takeout: year folders are no albums, album folders are (metadata.json in any locale), sidecar text becomes labels and people', async () => {
    const google = 'Takeout/Google Photos';
    await photo(`${google}/Photos from 2019/IMG_20190714_101500.jpg`);
    await json(
      join(tmp.path, google, 'Photos from 2019', 'IMG_20190714_101500.jpg.supplemental-metadata.json'),
      {
        title: 'IMG_20190714_101500.jpg',
        description: 'morning walk along the beach with the dog',
        photoTakenTime: { timestamp: '1563099300', formatted: 'Jul 14, 2019, 10:15:00 AM UTC' },
        geoData: { latitude: 0, longitude: 0, altitude: 0 },
        people: [{ name: 'Anna' }],
      },
    );
    await photo(`${google}/Summer trip(1)/IMG_2.jpg`);
    await json(join(tmp.path, google, 'Summer trip(1)', 'metadata.json'), { title: 'Summer trip' });
    await photo(`${google}/Strandtag/IMG_3.jpg`);
    await json(join(tmp.path, google, 'Strandtag', 'Metadaten.json'), { title: 'Strandtag' });
    await photo(`${google}/Sans titre(9)/IMG_4.jpg`);
    await json(join(tmp.path, google, 'Sans titre(9)', 'métadonnées.json'), { title: 'Sans titre' });
    await photo(`${google}/Fotos von 2020/IMG_5.jpg`);

    const facts = await ingestAll();
    const yearPhoto = facts.get(`${google}/Photos from 2019/IMG_20190714_101500.jpg`);
    assert.deepEqual(albums(yearPhoto), []);
    assert.deepEqual(labels(yearPhoto, 'sidecar'), ['beach', 'dog']);
    assert.ok(yearPhoto?.labels.every((l) => l.source !== 'sidecar' || l.confidence === 1));
    assert.deepEqual(
      yearPhoto?.people.map((p) => p.name),
      ['Anna'],
    );
    assert.equal(yearPhoto?.description, 'morning walk along the beach with the dog');
    assert.equal(yearPhoto?.title, null);
    assert.deepEqual(albums(facts.get(`${google}/Summer trip(1)/IMG_2.jpg`)), ['Summer trip']);
    assert.deepEqual(albums(facts.get(`${google}/Strandtag/IMG_3.jpg`)), ['Strandtag']);
    assert.deepEqual(albums(facts.get(`${google}/Sans titre(9)/IMG_4.jpg`)), []);
    assert.deepEqual(albums(facts.get(`${google}/Fotos von 2020/IMG_5.jpg`)), []);
  });

  it('camera card, phone backup and event folders: only the folders a person named are albums', async () => {
    await photo('DCIM/100CANON/IMG_0001.JPG', { make: 'Canon', model: 'Canon EOS R6' });
    await photo('Phone/Camera/IMG_20200101_120000.jpg');
    await photo('Phone/WhatsApp Images/Sent/IMG-20200102-WA0001.jpg');
    await photo('Phone/Screenshots/Screenshot_20200103-101010.jpg');
    await photo('Misc/2019/IMG_9.jpg');
    await photo("Anna's wedding 2019/DCIM/101NIKON/DSC_0001.JPG");
    await photo('2019/Beach day/IMG_7.jpg');

    const facts = await ingestAll();
    for (const path of [
      'DCIM/100CANON/IMG_0001.JPG',
      'Phone/Camera/IMG_20200101_120000.jpg',
      'Phone/WhatsApp Images/Sent/IMG-20200102-WA0001.jpg',
      'Phone/Screenshots/Screenshot_20200103-101010.jpg',
      'Misc/2019/IMG_9.jpg',
    ]) {
      assert.deepEqual(albums(facts.get(path)), [], path);
      assert.deepEqual(labels(facts.get(path), 'folder'), [], path);
    }
    assert.deepEqual(albums(facts.get("Anna's wedding 2019/DCIM/101NIKON/DSC_0001.JPG")), [
      "Anna's wedding 2019",
    ]);
    assert.deepEqual(labels(facts.get("Anna's wedding 2019/DCIM/101NIKON/DSC_0001.JPG"), 'folder'), [
      'wedding',
    ]);
    assert.deepEqual(albums(facts.get('2019/Beach day/IMG_7.jpg')), ['Beach day']);
    assert.deepEqual(labels(facts.get('2019/Beach day/IMG_7.jpg'), 'folder'), ['beach']);
  });

  it('a Lightroom export without GPS is placed by its location fields; hierarchical keywords give labels and people', async () => {
    await photo('Exports/Paris/DSC_0042.jpg', {
      xmpPacket: lightroomXmp({
        hierarchical: ['Animals|Dog', 'Places|Europe|France|Paris', 'People|Family|Anna Smith'],
        city: 'Paris',
        country: 'France',
        countryCode: 'FR',
        faces: [{ name: 'Ben', x: 0.5, y: 0.5, w: 0.2, h: 0.2 }],
      }),
    });
    const facts = (await ingestAll()).get('Exports/Paris/DSC_0042.jpg');
    assert.equal(facts?.gps, null);
    assert.equal(facts?.place?.city, 'Paris');
    assert.equal(facts?.place?.countryCode, 'FR');
    assert.deepEqual(labels(facts, 'keyword'), ['animal', 'dog']);
    assert.deepEqual(facts?.people.map((p) => p.name).sort(), ['Anna Smith', 'Ben']);
    assert.deepEqual(albums(facts), ['Paris']);
  });

  it("heals a library ingested under the old rule: wrong albums go, their photos are refiled by today's rule", async () => {
    await photo('Takeout/Google Photos/Photos from 2019/IMG_1.jpg');
    await photo('Summer trip/DCIM/100CANON/IMG_0001.JPG');
    await photo('Trip(1)/IMG_2.jpg');
    await ingestAll();
    // What the old rule stored: every photo's leaf folder was an album, whatever it was called.
    const root = createFolderSource(tmp.path).root;
    for (const stored of await repository.listSources(OWNER, root)) {
      const leaf = stored.sourcePath.split('/').slice(-2, -1);
      await repository.updateSource(OWNER, stored.id, {
        ...stored,
        sourceUri: 'file:///x',
        folderLabels: [],
        folderAlbums: leaf,
      });
    }
    const oldAlbums = (await repository.listAlbums(OWNER)).map((a) => a.name);
    for (const name of ['100CANON', 'Photos from 2019', 'Trip(1)']) assert.ok(oldAlbums.includes(name), name);

    const facts = await ingestAll();
    assert.deepEqual((await repository.listAlbums(OWNER)).map((a) => a.name).sort(), ['Summer trip', 'Trip']);
    assert.deepEqual(albums(facts.get('Takeout/Google Photos/Photos from 2019/IMG_1.jpg')), []);
    assert.deepEqual(albums(facts.get('Summer trip/DCIM/100CANON/IMG_0001.JPG')), ['Summer trip']);
    assert.deepEqual(albums(facts.get('Trip(1)/IMG_2.jpg')), ['Trip']);
    const vocabulary = await repository.vocabulary(OWNER);
    assert.deepEqual(vocabulary.albums.map((a) => [a.name, a.photoCount]).sort(), [
      ['Summer trip', 1],
      ['Trip', 1],
    ]);
  });

  it('never aborts on one bad entry: links, FIFOs and unreadable folders are recorded skips, the rest is ingested', async () => {
    await photo('Good/a.jpg');
    await symlink('missing.jpg', join(tmp.path, 'Good', 'dangling.jpg'));
    await symlink('loop.jpg', join(tmp.path, 'Good', 'loop.jpg'));
    execFileSync('mkfifo', [join(tmp.path, 'Good', 'pipe.jpg')]);
    const deep = Array.from({ length: 25 }, () => 'd'.repeat(200)).join('/');
    execFileSync('mkdir', ['-p', `Deep/${deep}`], { cwd: tmp.path });
    const source = createFolderSource(tmp.path);
    const report = await runIngest(source, { ownerId: OWNER }, { repository, logger: silentLogger }).finally(
      () => execFileSync('rm', ['-rf', 'Deep'], { cwd: tmp.path }),
    );
    assert.equal(report.added, 1);
    assert.deepEqual(
      report.skipped.map((s) => `${s.path.startsWith('Deep/') ? 'Deep/…' : s.path} ${s.code}`),
      [
        'Deep/… UNREADABLE_FOLDER',
        'Good/dangling.jpg DANGLING_LINK',
        'Good/loop.jpg SYMLINK_LOOP',
        'Good/pipe.jpg NOT_A_FILE',
      ],
    );
    const recorded = (await repository.listSkips(OWNER)).map((s) => s.reasonCode).sort();
    assert.deepEqual(recorded, ['DANGLING_LINK', 'NOT_A_FILE', 'SYMLINK_LOOP', 'UNREADABLE_FOLDER']);
  });

  it('keeps the photos of a folder that could not be read this run, and drops them once it is readable and empty', async () => {
    await photo('Private/a.jpg');
    await photo('Public/b.jpg');
    const folder = createFolderSource(tmp.path);
    const run = (source: typeof folder) =>
      runIngest(source, { ownerId: OWNER }, { repository, logger: silentLogger });
    assert.equal((await run(folder)).added, 2);
    // The walk as it goes when "Private/" answers EACCES (as root the kernel never refuses, so the fault is injected).
    const refusing = {
      ...folder,
      list: async () => [
        ...(await folder.list()).filter((f) => !f.path.startsWith('Private/')),
        {
          path: 'Private/',
          bytes: 0,
          modifiedAt: new Date(0),
          problem: { code: 'UNREADABLE_FOLDER' as const, reason: 'folder could not be read (EACCES)' },
        },
      ],
    };
    const refused = await run(refusing);
    assert.deepEqual([refused.removed, refused.skipped.map((s) => s.code)], [0, ['UNREADABLE_FOLDER']]);
    assert.equal((await repository.listSources(OWNER, folder.root)).length, 2);
    await rm(join(tmp.path, 'Private'), { recursive: true });
    const healed = await run(folder);
    assert.deepEqual([healed.removed, healed.skipped], [1, []]);
    assert.deepEqual(await repository.listSkips(OWNER), []);
  });

  it('dates a WhatsApp image (EXIF stripped, no sidecar) by its file, and says so', async () => {
    const path = 'Phone/WhatsApp Images/IMG-20200102-WA0001.jpg';
    await photo(path, { dateTimeOriginal: undefined });
    const modified = new Date(2020, 0, 2, 18, 30, 0);
    await utimes(join(tmp.path, path), modified, modified);
    const facts = (await ingestAll()).get(path);
    assert.equal(facts?.takenTimeSource, 'file-modified');
    assert.equal(facts?.takenLocal, '2020-01-02T18:30:00');
  });

  it("an Apple Photos export with 'IPTC as XMP' sidecars: position, date, keywords and text from IMG_1.xmp", async () => {
    const sidecar = (inner: string): string =>
      '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 6.0.0">\n <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' +
      '  <rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/"' +
      ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n' +
      `${inner}\n  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n`;
    await photo('Apple export/IMG_0001.JPG', { dateTimeOriginal: undefined });
    await writeFile(
      join(tmp.path, 'Apple export', 'IMG_0001.xmp'),
      sidecar(
        '<exif:GPSLatitude>48,51.5076N</exif:GPSLatitude><exif:GPSLongitude>2,17.6184E</exif:GPSLongitude>' +
          '<photoshop:DateCreated>2019-07-14T21:15:00+02:00</photoshop:DateCreated>' +
          '<dc:subject><rdf:Seq><rdf:li>Eiffel Tower</rdf:li></rdf:Seq></dc:subject>' +
          '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Sunset from the tower</rdf:li></rdf:Alt></dc:description>',
      ),
    );
    await photo('Apple export/IMG_0002.HEIC.jpg');
    await writeFile(
      join(tmp.path, 'Apple export', 'IMG_0002.HEIC.jpg.XMP'),
      sidecar('<photoshop:City>Lyon</photoshop:City><photoshop:Country>France</photoshop:Country>'),
    );
    const facts = await ingestAll();
    const tower = facts.get('Apple export/IMG_0001.JPG');
    assert.ok(
      tower?.gps &&
        Math.abs(tower.gps.latitude - 48.85846) < 1e-4 &&
        Math.abs(tower.gps.longitude - 2.29364) < 1e-4,
    );
    assert.equal(tower?.place?.city, 'Paris');
    assert.equal(tower?.takenLocal, '2019-07-14T21:15:00');
    assert.equal(tower?.takenTimeSource, 'exif-with-offset');
    assert.equal(tower?.description, 'Sunset from the tower');
    assert.deepEqual(labels(tower, 'keyword'), ['eiffel tower']);
    assert.deepEqual(labels(tower, 'sidecar'), ['sunset']);
    const lyon = facts.get('Apple export/IMG_0002.HEIC.jpg');
    assert.equal(lyon?.gps, null);
    assert.equal(lyon?.place?.city, 'Lyon');
  });

  it('a phone backup: selfies by the front camera, panoramas by shape or projection, screenshots and greyscale scans by their file, each found by its word', async () => {
    await photo('Phone/Camera/IMG_0001.jpg', {
      make: 'Apple',
      model: 'iPhone 13',
      lensModel: 'iPhone 13 front camera 2.71mm f/2.2',
    });
    await photo('Phone/Camera/IMG_0002.jpg', {
      make: 'Apple',
      model: 'iPhone 13',
      lensModel: 'iPhone 13 back dual wide camera 5.1mm f/1.6',
    });
    await photo('Phone/Camera/IMG_0003.jpg', { width: 1200, height: 300, make: 'Apple', model: 'iPhone 13' });
    await photo('Phone/Camera/PXL_20190712_101500.PHOTOSPHERE.jpg', {
      make: 'Google',
      model: 'Pixel 7',
      xmpPacket:
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description rdf:about="" xmlns:GPano="http://ns.google.com/photos/1.0/panorama/" ' +
        'GPano:ProjectionType="equirectangular" GPano:UsePanoramaViewer="True"/></rdf:RDF></x:xmpmeta>',
    });
    await photo('Phone/Screenshots/Screenshot_20190713-101010.jpg', { width: 120, height: 260 });
    const scan = join(tmp.path, 'Scans/grandpa-1962.jpg');
    await mkdir(dirname(scan), { recursive: true });
    await sharp(Buffer.from(sceneSvg('harbour', 200, 150)))
      .toColourspace('b-w')
      .jpeg()
      .toFile(scan);

    const facts = await ingestAll();
    const capture = (path: string) => labels(facts.get(path), 'capture');
    assert.deepEqual(capture('Phone/Camera/IMG_0001.jpg'), ['selfie']);
    assert.deepEqual(capture('Phone/Camera/IMG_0002.jpg'), []);
    assert.deepEqual(capture('Phone/Camera/IMG_0003.jpg'), ['panorama']);
    assert.deepEqual(capture('Phone/Camera/PXL_20190712_101500.PHOTOSPHERE.jpg'), ['panorama']);
    assert.deepEqual(capture('Phone/Screenshots/Screenshot_20190713-101010.jpg'), ['screenshot']);
    assert.deepEqual(capture('Scans/grandpa-1962.jpg'), ['black and white']);

    const found = async (query: PhotoQueryInput) => {
      const result = await repository.search(OWNER, photoQuerySchema.parse(query), { limit: 10, offset: 0 });
      const paths = new Map([...facts].map(([path, f]) => [f.id, path]));
      return result.photos.map((p) => paths.get(p.id)).sort();
    };
    assert.deepEqual(await found({ labels: ['selfie'] }), ['Phone/Camera/IMG_0001.jpg']);
    assert.deepEqual(await found({ labels: ['panorama'] }), [
      'Phone/Camera/IMG_0003.jpg',
      'Phone/Camera/PXL_20190712_101500.PHOTOSPHERE.jpg',
    ]);
    assert.deepEqual(await found({ labels: ['black and white'] }), ['Scans/grandpa-1962.jpg']);
    // Asked for by name, screenshots answer; any other search still leaves them out.
    assert.deepEqual(await found({ labels: ['screenshot'] }), [
      'Phone/Screenshots/Screenshot_20190713-101010.jpg',
    ]);
    assert.equal((await found({})).length, 5);
    assert.ok(!(await found({})).includes('Phone/Screenshots/Screenshot_20190713-101010.jpg'));
  });
});
