import assert from 'node:assert/strict';
import { isAppError } from '../../../common/errors';
import {
  createRenditionUrlSigner,
  type ReceivedRenditionUrl,
  type RenditionTarget,
} from '../../../display-service/renditions/rendition-url';

const T0 = Date.UTC(2026, 6, 14, 12, 0, 0);
const TARGET: RenditionTarget = {
  ownerId: 'alice',
  photoId: 'p_1',
  width: 1280,
  height: 800,
  shape: 'RECTANGLE',
};

function signerAt(clock: { now: number }) {
  return createRenditionUrlSigner({
    publicBaseUrl: 'https://frame.example.com/',
    signingKey: 'k'.repeat(32),
    ttlSeconds: 3600,
    now: () => clock.now,
  });
}

/** Reads a signed URL the way the route does. */
function receive(url: string): ReceivedRenditionUrl {
  const parsed = new URL(url);
  const match = /\/renditions\/([^/]+)\/(\d+)x(\d+)\.([a-z]+)$/.exec(parsed.pathname);
  assert.ok(match, `unexpected path ${parsed.pathname}`);
  const q = parsed.searchParams;
  return {
    photoId: decodeURIComponent(match[1] ?? ''),
    width: Number(match[2]),
    height: Number(match[3]),
    format: match[4] ?? '',
    owner: q.get('owner') ?? undefined,
    shape: q.get('shape') ?? undefined,
    exp: q.get('exp') ?? undefined,
    sig: q.get('sig') ?? undefined,
  };
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
  it('signs an absolute URL under /v1/display that verifies back to the same target', () => {
    const clock = { now: T0 };
    const url = signerAt(clock).sign(TARGET);
    assert.match(
      url,
      /^https:\/\/frame\.example\.com\/v1\/display\/renditions\/p_1\/1280x800\.jpg\?owner=alice&shape=RECTANGLE&exp=\d+&sig=[A-Za-z0-9_-]{43}$/,
    );
    const verified = signerAt(clock).verify(receive(url));
    assert.deepEqual(verified, { ...TARGET, expiresAt: T0 / 1000 + 3600 });
  });

  it('rejects every altered parameter with 403 RENDITION_SIGNATURE_INVALID', () => {
    const clock = { now: T0 };
    const signer = signerAt(clock);
    const good = receive(signer.sign(TARGET));
    const alterations: Partial<ReceivedRenditionUrl>[] = [
      { owner: 'mallory' },
      { photoId: 'p_2' },
      { width: 1281 },
      { height: 801 },
      { shape: 'ROUND' },
      { format: 'png' },
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

  it('rejects a URL signed with another key', () => {
    const clock = { now: T0 };
    const other = createRenditionUrlSigner({
      publicBaseUrl: 'https://frame.example.com',
      signingKey: 'z'.repeat(32),
      ttlSeconds: 3600,
      now: () => clock.now,
    });
    assert.equal(
      codeOf(() => signerAt(clock).verify(receive(other.sign(TARGET)))),
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
