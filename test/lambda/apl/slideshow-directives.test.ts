import assert from 'node:assert/strict';
import type { SlideshowPage } from '../../../common/contracts';
import { buildSendIndexListData, buildSlideshowDirectives } from '../../../lambda/apl/slideshow-directives';
import { SLIDESHOW_DOCUMENT } from '../../../lambda/apl/slideshow-document';

function page(startIndex: number, count: number, total: number): SlideshowPage {
  return {
    slideshowId: 'ss_abcdefghij12',
    total,
    span: { first: '2025-06-01T10:00:00', last: '2025-08-30T10:00:00' },
    startIndex,
    items: Array.from({ length: count }, (_, i) => ({
      index: startIndex + i,
      photoIds: [`p${startIndex + i}`],
      url: `https://cdn.test/r/p${startIndex + i}.jpg`,
      width: 1280,
      height: 800,
      takenLocal: i === 0 ? null : '2025-07-01T10:00:00',
      layout: 'single' as const,
      caption: { takenLocal: i === 0 ? null : '2025-07-01T10:00:00', place: null, people: [] },
    })),
  };
}

describe('buildSlideshowDirectives', () => {
  it('renders the slideshow document bound to a dynamicIndexList named after the slideshow', () => {
    const [render] = buildSlideshowDirectives(page(0, 3, 42));
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
          { index: 0, url: 'https://cdn.test/r/p0.jpg', photoIds: ['p0'], takenLocal: null },
          { index: 1, url: 'https://cdn.test/r/p1.jpg', photoIds: ['p1'], takenLocal: '2025-07-01T10:00:00' },
          { index: 2, url: 'https://cdn.test/r/p2.jpg', photoIds: ['p2'], takenLocal: '2025-07-01T10:00:00' },
        ],
      },
    });
  });

  it('auto-pages the pager through the whole slideshow with the screen locked, on the same token', () => {
    const [, autoPage] = buildSlideshowDirectives(page(0, 10, 42), { pageDurationMs: 5000 });
    assert.deepEqual(autoPage, {
      type: 'Alexa.Presentation.APL.ExecuteCommands',
      token: 'photo-slideshow',
      commands: [{ type: 'AutoPage', componentId: 'slideshow', count: 41, duration: 5000, screenLock: true }],
    });
    const [, defaultPaced] = buildSlideshowDirectives(page(0, 1, 1));
    assert.deepEqual(defaultPaced.commands[0], {
      type: 'AutoPage',
      componentId: 'slideshow',
      count: 0,
      duration: 8000,
      screenLock: true,
    });
  });
});

describe('buildSendIndexListData', () => {
  it('answers with the correlation token, bounds and items, and never a listVersion', () => {
    const directive = buildSendIndexListData(page(10, 2, 12), 'corr-101', 'ss_abcdefghij12');
    assert.deepEqual(directive, {
      type: 'Alexa.Presentation.APL.SendIndexListData',
      correlationToken: 'corr-101',
      listId: 'ss_abcdefghij12',
      startIndex: 10,
      minimumInclusiveIndex: 0,
      maximumExclusiveIndex: 12,
      items: [
        { index: 10, url: 'https://cdn.test/r/p10.jpg', photoIds: ['p10'], takenLocal: null },
        {
          index: 11,
          url: 'https://cdn.test/r/p11.jpg',
          photoIds: ['p11'],
          takenLocal: '2025-07-01T10:00:00',
        },
      ],
    });
    assert.equal('listVersion' in directive, false);
  });
});
