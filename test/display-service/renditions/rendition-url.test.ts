import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { isAppError } from '../../../common/errors';
import { parseRenditionRequest } from '../../../display-service/http/parse-rendition-request';
import {
  createRenditionUrlSigner,
  type ReceivedRenditionUrl,
  type RenditionTarget,
  type RenditionUrlSignerOptions,
} from '../../../display-service/renditions/rendition-url';

const T0 = Date.UTC(2026, 6, 14, 12, 0, 0);
const OLD_KEY = 'o'.repeat(32);
const NEW_KEY = 'n'.repeat(32);
const TARGET: RenditionTarget = {
  ownerId: 'alice',
  photoId: 'p_1',
  width: 1280,
  height: 800,
  shape: 'RECTANGLE',
};

function signerAt(
  clock: { now: number },
  keys: Partial<RenditionUrlSignerOptions> = { signingKey: 'k'.repeat(32) },
) {
  return createRenditionUrlSigner({
    publicBaseUrl: 'https://frame.example.com/',
    ttlSeconds: 3600,
    now: () => clock.now,
    ...keys,
  });
}

/** Reads a URL exactly the way the route does. */
function receive(url: string): ReceivedRenditionUrl {
  const parsed = new URL(url);
  const received = parseRenditionRequest(`${parsed.pathname.replace('/v1/display', '')}${parsed.search}`);
  assert.ok(received, `not a rendition URL: ${url}`);
  return received;
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(isAppError(error), `expected an AppError, got ${String(error)}`);
    return `${error.status} ${error.code}`;
  }
  return 'no error';
}

describe('renditions/rendition-url', () => {
  it('signs an absolute, extension-free URL under /v1/display that verifies back to the same target', () => {
    const clock = { now: T0 };
    const url = signerAt(clock).sign(TARGET);
    assert.match(
      url,
      /^https:\/\/frame\.example\.com\/v1\/display\/renditions\/p_1\/1280x800\?owner=alice&shape=RECTANGLE&comp=contain&exp=\d+&sig=[A-Za-z0-9_-]{43}$/,
    );
    const verified = signerAt(clock).verify(receive(url));
    assert.deepEqual(verified, { ...TARGET, composition: 'contain', expiresAt: T0 / 1000 + 3600 });
  });

  it('names both photos of a pair in the path and covers both with the signature', () => {
    const clock = { now: T0 };
    const signer = signerAt(clock);
    const pair: RenditionTarget = {
      ...TARGET,
      width: 1920,
      height: 1080,
      composition: 'pair',
      pairedPhotoId: 'p_2',
    };
    const url = signer.sign(pair);
    assert.match(url, /\/renditions\/p_1,p_2\/1920x1080\?.*comp=pair/);
    assert.deepEqual(signer.verify(receive(url)), { ...pair, expiresAt: T0 / 1000 + 3600 });
    const swapped = url.replace('p_1,p_2', 'p_2,p_1');
    const substituted = url.replace('p_1,p_2', 'p_1,p_3');
    for (const altered of [swapped, substituted]) {
      assert.equal(
        codeOf(() => signer.verify(receive(altered))),
        '403 RENDITION_SIGNATURE_INVALID',
        altered,
      );
    }
    assert.throws(() => signer.sign({ ...pair, pairedPhotoId: 'p_1' }), /cannot show/);
  });

  it('rejects every altered parameter with 403 RENDITION_SIGNATURE_INVALID', () => {
    const clock = { now: T0 };
    const signer = signerAt(clock);
    const good = receive(signer.sign(TARGET));
    const alterations: Partial<ReceivedRenditionUrl>[] = [
      { owner: 'mallory' },
      { photoIds: ['p_2'] },
      { width: 1920, height: 1080 },
      { shape: 'ROUND' },
      { comp: 'cover' },
      { comp: undefined },
      { legacyJpeg: true },
      { exp: String(Number(good.exp) + 3600) },
      { sig: undefined },
      { sig: 'x'.repeat(43) },
      { sig: `${String(good.sig)}A` },
      { owner: ['alice', 'bob'] },
    ];
    for (const alteration of alterations) {
      assert.equal(
        codeOf(() => signer.verify({ ...good, ...alteration })),
        '403 RENDITION_SIGNATURE_INVALID',
        JSON.stringify(alteration),
      );
    }
  });

  it('refuses sizes outside the quantized set, repeated ids and mismatched compositions with 400 before any secret is used', () => {
    const clock = { now: T0 };
    const url = new URL(signerAt(clock).sign(TARGET));
    const path =
      (pathname: string, search = url.search) =>
      () =>
        parseRenditionRequest(`${pathname}${search}`);
    assert.equal(codeOf(path('/renditions/p_1/1281x800')), '400 INVALID_RENDITION_SIZE');
    assert.equal(codeOf(path('/renditions/p_1/5000x800')), '400 INVALID_RENDITION_SIZE');
    assert.equal(codeOf(path('/renditions/p_1/1280x800.png')), '400 INVALID_RENDITION_SIZE');
    assert.equal(codeOf(path('/renditions/p_1/1280x801')), '400 INVALID_RENDITION_SIZE'); // off the 8 px grid
    assert.equal(codeOf(path('/renditions/p_1/960x480', '?shape=ROUND')), '400 INVALID_RENDITION_SIZE'); // round: square
    assert.equal(parseRenditionRequest('/renditions/p_1/1184x2560?shape=RECTANGLE')?.width, 1184); // a 19.5:9 phone
    assert.equal(codeOf(path('/renditions/p_1,p_1/1920x1080', '?comp=pair')), '400 PAIR_SAME_PHOTO');
    assert.equal(codeOf(path('/renditions/p_1,p_2/1920x1080', '?comp=contain')), '400 INVALID_COMPOSITION');
    assert.equal(codeOf(path('/renditions/p_1/1920x1080', '?comp=pair')), '400 INVALID_COMPOSITION');
    assert.equal(codeOf(path('/renditions/p_1,p_2/1080x1920', '?comp=pair')), '400 INVALID_COMPOSITION');
    assert.equal(codeOf(path('/renditions/p_1/1920x1080', '?comp=zoom')), '400 INVALID_COMPOSITION');
    assert.equal(codeOf(path('/renditions/p_1,p_2,p_3/1920x1080')), '400 INVALID_PHOTO_ID');
    assert.equal(codeOf(path('/renditions/..%2Fetc/1920x1080')), '400 INVALID_PHOTO_ID');
    assert.equal(parseRenditionRequest('/renditions/p_1'), undefined);
  });

  it('rotates keys: the first key signs, a URL signed with the previous key verifies while it is listed', () => {
    const clock = { now: T0 };
    const before = signerAt(clock, { signingKeys: [OLD_KEY] });
    const rotating = signerAt(clock, { signingKeys: [NEW_KEY, OLD_KEY] });
    const after = signerAt(clock, { signingKeys: [NEW_KEY] });
    const oldUrl = before.sign(TARGET);
    const newUrl = rotating.sign(TARGET);

    assert.equal(rotating.verify(receive(oldUrl)).photoId, 'p_1');
    assert.equal(rotating.verify(receive(newUrl)).photoId, 'p_1');
    const expectedNewSig = createHmac('sha256', NEW_KEY)
      .update(
        [
          'photoframe-rendition-v2',
          'alice',
          'p_1',
          '1280',
          '800',
          'RECTANGLE',
          'contain',
          String(T0 / 1000 + 3600),
        ].join('\n'),
      )
      .digest('base64url');
    assert.equal(new URL(newUrl).searchParams.get('sig'), expectedNewSig, 'the first key signs');
    assert.equal(after.verify(receive(newUrl)).photoId, 'p_1');
    assert.equal(
      codeOf(() => after.verify(receive(oldUrl))),
      '403 RENDITION_SIGNATURE_INVALID',
    );
    assert.throws(() => signerAt(clock, { signingKeys: [] }), /at least one signing key/);
    assert.throws(() => signerAt(clock, { signingKeys: [NEW_KEY, 'short'] }), /at least 16/);
  });

  it('still verifies walking-skeleton .jpg URLs (v1 signatures), as JPEG', () => {
    const clock = { now: T0 };
    const key = 'k'.repeat(32);
    const exp = String(T0 / 1000 + 600);
    const sig = createHmac('sha256', key)
      .update(['photoframe-rendition-v1', 'alice', 'p_1', '1280', '800', 'RECTANGLE', 'jpg', exp].join('\n'))
      .digest('base64url');
    const legacy = receive(
      `https://frame.example.com/v1/display/renditions/p_1/1280x800.jpg?owner=alice&shape=RECTANGLE&exp=${exp}&sig=${sig}`,
    );
    assert.equal(legacy.legacyJpeg, true);
    assert.equal(signerAt(clock).verify(legacy).composition, 'contain');
    assert.equal(
      codeOf(() => signerAt(clock).verify({ ...legacy, legacyJpeg: false })),
      '403 RENDITION_SIGNATURE_INVALID',
    );
  });

  it('answers 410 RENDITION_URL_EXPIRED once the lifetime has passed, and only then', () => {
    const clock = { now: T0 };
    const signer = signerAt(clock);
    const received = receive(signer.sign(TARGET));
    clock.now = T0 + 3599_000;
    assert.equal(signer.verify(received).photoId, 'p_1');
    clock.now = T0 + 3600_000;
    assert.equal(
      codeOf(() => signer.verify(received)),
      '410 RENDITION_URL_EXPIRED',
    );
  });

  it('checks the signature before expiry, so a forged expired URL is still 403', () => {
    const clock = { now: T0 };
    const signer = signerAt(clock);
    const received = receive(signer.sign(TARGET));
    clock.now = T0 + 7200_000;
    assert.equal(
      codeOf(() => signer.verify({ ...received, owner: 'mallory' })),
      '403 RENDITION_SIGNATURE_INVALID',
    );
  });
});
