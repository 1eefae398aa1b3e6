import assert from 'node:assert/strict';
import type { SlideshowItem, SlideshowPage } from '../../../common/contracts';
import {
  NEVER_WRAP_TOTAL,
  buildSendIndexListData,
  buildSlideshowDirectives,
  pageDurationOf,
} from '../../../lambda/apl/slideshow-directives';
import { SLIDESHOW_DOCUMENT } from '../../../lambda/apl/slideshow-document';

const BEACH_DAY: SlideshowItem['caption'] = {
  takenLocal: '2025-07-14T18:30:00',
  place: { city: 'Santa Monica', region: 'California', country: 'United States' },
  people: ['Mom', 'Alex'],
};

function item(index: number, overrides: Partial<SlideshowItem> = {}): SlideshowItem {
  return {
    index,
    photoIds: [`p${index}`],
    url: `https://cdn.test/r/p${index}.jpg`,
    width: 1280,
    height: 800,
    takenLocal: BEACH_DAY.takenLocal,
    layout: 'single',
    caption: BEACH_DAY,
    ...overrides,
  };
}

function page(startIndex: number, items: SlideshowItem[], total: number): SlideshowPage {
  return {
    slideshowId: 'ss_abcdefghij12',
    total,
    span: { first: '2025-06-01T10:00:00', last: '2025-08-30T10:00:00' },
    startIndex,
    items,
  };
}

const noCaption: SlideshowItem['caption'] = { takenLocal: null, place: null, people: [] };
/** A photo binds an empty clip: the document's Video is left out for it. */
const NO_CLIP = { clipUrl: '', clipDurationMs: 0, motionUrl: '', motionDurationMs: 0 };

describe('buildSlideshowDirectives', () => {
  it('renders the document with a dynamicIndexList named after the slideshow and the slideshow facts', () => {
    const pair = item(1, { layout: 'pair', photoIds: ['p1', 'p1b'], url: 'https://cdn.test/r/pair1.jpg' });
    const [render] = buildSlideshowDirectives(page(0, [item(0), pair, item(2, { caption: noCaption })], 42));
    assert.equal(render.type, 'Alexa.Presentation.APL.RenderDocument');
    assert.equal(render.token, 'photo-slideshow');
    assert.equal(render.document, SLIDESHOW_DOCUMENT);
    assert.deepEqual(render.datasources, {
      photos: {
        type: 'dynamicIndexList',
        listId: 'ss_abcdefghij12',
        startIndex: 0,
        minimumInclusiveIndex: 0,
        maximumExclusiveIndex: 42,
        items: [
          {
            index: 0,
            url: 'https://cdn.test/r/p0.jpg',
            photoIds: ['p0'],
            layout: 'single',
            captionText: 'July 14, 2025 · Santa Monica, California · Mom, Alex',
            ...NO_CLIP,
          },
          {
            index: 1,
            url: 'https://cdn.test/r/pair1.jpg',
            photoIds: ['p1', 'p1b'],
            layout: 'pair',
            captionText: 'July 14, 2025 · Santa Monica, California · Mom, Alex',
            ...NO_CLIP,
          },
          {
            index: 2,
            url: 'https://cdn.test/r/p2.jpg',
            photoIds: ['p2'],
            layout: 'single',
            captionText: '',
            ...NO_CLIP,
          },
        ],
      },
      slideshow: { listId: 'ss_abcdefghij12', total: 42, startIndex: 0, pageDurationMs: 8000 },
    });
  });

  it('writes captions in the requested locale', () => {
    const [render] = buildSlideshowDirectives(page(5, [item(5)], 9), {
      locale: 'de-DE',
      pageDurationMs: 6000,
    });
    const datasources = render.datasources as {
      photos: { items: Array<{ captionText: string }> };
      slideshow: unknown;
    };
    assert.equal(
      datasources.photos.items[0]?.captionText,
      '14. Juli 2025 · Santa Monica, California · Mom, Alex',
    );
    assert.deepEqual(datasources.slideshow, {
      listId: 'ss_abcdefghij12',
      total: 9,
      startIndex: 5,
      pageDurationMs: 6000,
    });
  });

  it('starts AutoPage on the paging sequencer with screenLock, giving the first photo its full time', () => {
    const [render, autoPage] = buildSlideshowDirectives(page(0, [item(0), item(1)], 42), {
      pageDurationMs: 5000,
    });
    assert.deepEqual(autoPage, {
      type: 'Alexa.Presentation.APL.ExecuteCommands',
      token: render.token,
      commands: [
        {
          type: 'AutoPage',
          componentId: 'slideshow',
          delay: 5000,
          duration: 5000,
          screenLock: true,
          sequencer: 'slideshow-paging',
        },
      ],
    });
    const [, defaultPaced] = buildSlideshowDirectives(page(0, [item(0)], 1));
    assert.equal((defaultPaced.commands[0] as { duration?: number }).duration, 8000);
  });
});

describe('pageDurationOf', () => {
  it('defaults, rounds and bounds the page duration', () => {
    assert.equal(pageDurationOf(undefined), 8000);
    assert.equal(pageDurationOf(Number.NaN), 8000);
    assert.equal(pageDurationOf(4999.6), 5000);
    assert.equal(pageDurationOf(10), 1000);
    assert.equal(pageDurationOf(24 * 3_600_000), 3_600_000);
  });
});

describe('slideshows that must not wrap: endless (ambient) and loop off', () => {
  const endless = (startIndex: number, items: SlideshowItem[], madeSoFar: number): SlideshowPage => ({
    ...page(startIndex, items, madeSoFar),
    endless: true,
    position: startIndex,
  });
  const datasourcesOf = (render: ReturnType<typeof buildSlideshowDirectives>[0]) =>
    render.datasources as {
      photos: { maximumExclusiveIndex?: number; startIndex: number };
      slideshow: { total: number; startIndex: number };
    };

  it('an endless list has no end and never wraps, even when asked to loop', () => {
    const [render] = buildSlideshowDirectives(endless(20, [item(20), item(21)], 30), { wrap: true });
    const { photos, slideshow } = datasourcesOf(render);
    assert.equal('maximumExclusiveIndex' in photos, false);
    assert.equal(photos.startIndex, 20);
    assert.deepEqual(slideshow, {
      listId: 'ss_abcdefghij12',
      total: NEVER_WRAP_TOTAL,
      startIndex: 20,
      pageDurationMs: 8000,
    });
    const send = buildSendIndexListData(endless(30, [item(30)], 40), 'c', 'ss_abcdefghij12', 1);
    assert.equal('maximumExclusiveIndex' in send, false);
    assert.equal(send.minimumInclusiveIndex, 0);
  });

  it('loop off keeps the list bounded but takes the wrap away; wrapping is the default', () => {
    const [looped] = buildSlideshowDirectives(page(0, [item(0)], 12));
    assert.equal(datasourcesOf(looped).slideshow.total, 12);
    const [stops] = buildSlideshowDirectives(page(0, [item(0)], 12), { wrap: false });
    assert.equal(datasourcesOf(stops).photos.maximumExclusiveIndex, 12);
    assert.equal(datasourcesOf(stops).slideshow.total, NEVER_WRAP_TOTAL);
    // The document wraps when `shownIndex >= lastIndex`, which starts at total - 1: no index of any slideshow gets there.
    assert.ok(NEVER_WRAP_TOTAL - 1 > 1e9 && Number.isSafeInteger(NEVER_WRAP_TOTAL));
  });
});

describe('buildSendIndexListData', () => {
  it('answers with the correlation token, the list version, bounds and captioned items', () => {
    const directive = buildSendIndexListData(
      page(10, [item(10), item(11, { caption: noCaption })], 12),
      'corr-101',
      'ss_abcdefghij12',
      3,
    );
    assert.deepEqual(directive, {
      type: 'Alexa.Presentation.APL.SendIndexListData',
      correlationToken: 'corr-101',
      listId: 'ss_abcdefghij12',
      listVersion: 3,
      startIndex: 10,
      minimumInclusiveIndex: 0,
      maximumExclusiveIndex: 12,
      items: [
        {
          index: 10,
          url: 'https://cdn.test/r/p10.jpg',
          photoIds: ['p10'],
          layout: 'single',
          captionText: 'July 14, 2025 · Santa Monica, California · Mom, Alex',
          ...NO_CLIP,
        },
        {
          index: 11,
          url: 'https://cdn.test/r/p11.jpg',
          photoIds: ['p11'],
          layout: 'single',
          captionText: '',
          ...NO_CLIP,
        },
      ],
    });
  });

  it('writes captions in the requested locale', () => {
    const directive = buildSendIndexListData(page(3, [item(3)], 4), 'corr-1', 'ss_abcdefghij12', 1, {
      locale: 'en-GB',
    });
    assert.equal(
      (directive.items as Array<{ captionText: string }>)[0]?.captionText,
      '14 July 2025 · Santa Monica, California · Mom, Alex',
    );
  });
});

describe('clips in the slideshow list', () => {
  const clipItem = item(3, {
    clip: { url: 'https://cdn.test/clips/p3/1280x800.mp4?sig=x', durationMs: 4200 },
  });

  it('a device that plays video gets the clip URL and how long it plays; the still stays its poster', () => {
    const [render] = buildSlideshowDirectives(page(3, [clipItem, item(4)], 5), { video: true });
    const items = (render.datasources as { photos: { items: Array<Record<string, unknown>> } }).photos.items;
    assert.deepEqual(
      items.map(({ url, clipUrl, clipDurationMs }) => ({ url, clipUrl, clipDurationMs })),
      [
        {
          url: 'https://cdn.test/r/p3.jpg',
          clipUrl: 'https://cdn.test/clips/p3/1280x800.mp4?sig=x',
          clipDurationMs: 4200,
        },
        { url: 'https://cdn.test/r/p4.jpg', clipUrl: '', clipDurationMs: 0 },
      ],
    );
  });

  it('a device without video gets only the poster still, in the first page and in later loads', () => {
    const [render] = buildSlideshowDirectives(page(3, [clipItem], 5));
    const first = (render.datasources as { photos: { items: Array<Record<string, unknown>> } }).photos.items;
    assert.deepEqual([first[0]?.clipUrl, first[0]?.url], ['', 'https://cdn.test/r/p3.jpg']);
    const later = buildSendIndexListData(page(3, [clipItem], 5), 'corr', 'ss_abcdefghij12', 1, {
      video: false,
    });
    assert.equal((later.items as Array<Record<string, unknown>>)[0]?.clipUrl, '');
  });
});
