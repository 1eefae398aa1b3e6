import type { interfaces } from 'ask-sdk-model';
import type { SlideshowItem, SlideshowPage } from '../../common/contracts';
import { DEFAULT_CAPTION_LOCALE, formatCaption } from '../../common/captions/format-caption';
import {
  SLIDESHOW_DATASOURCE,
  SLIDESHOW_DOCUMENT,
  SLIDESHOW_FACTS_DATASOURCE,
  SLIDESHOW_PAGER_ID,
  SLIDESHOW_SEQUENCER,
  SLIDESHOW_TOKEN,
} from './slideshow-document';

type RenderDocumentDirective = interfaces.alexa.presentation.apl.RenderDocumentDirective;
type ExecuteCommandsDirective = interfaces.alexa.presentation.apl.ExecuteCommandsDirective;
type SendIndexListDataDirective = interfaces.alexa.presentation.apl.SendIndexListDataDirective;

/** What one pager page binds to (`${data.url}`, `${data.photoIds}`, `${data.captionText}`, …). */
export interface SlideshowListItem {
  index: number;
  url: string;
  /** Every photo on the page (two for a pair): the document names each one as a `photo` entity. */
  photoIds: string[];
  layout: SlideshowItem['layout'];
  /** Ready-formatted caption line in the request's locale; '' hides the caption. */
  captionText: string;
  /** A clip's signed MP4 for the document's `Video`; '' for photos and on devices that cannot play video. */
  clipUrl: string;
  /** How long the clip plays (ms), so paging moves on even if the Video never says it ended; 0 for photos. */
  clipDurationMs: number;
  /**
   * A live photo's motion (signed MP4), played once, muted, as the page comes on screen, which then rests on the
   * still for the page's usual time; '' for other items and on devices that cannot play video.
   */
  motionUrl: string;
  /** How long the motion lasts (ms); 0 when there is none. */
  motionDurationMs: number;
}

/** The slideshow facts the document reads (`${slideshow.total}`, …), passed as the second datasource. */
export interface SlideshowFacts {
  /** The photo list's listId (the slideshow id), so each photo's `photo` entity can name the list it sits in. */
  listId: string;
  /**
   * The document wraps to the first page after its bound `lastIndex`, which starts at `total - 1` (and moves down
   * when the skill deletes the last page from the list: list-update-directives.ts buildListEndUpdate). A slideshow
   * that must not wrap (an endless ambient one, or loop off) gets NEVER_WRAP_TOTAL, an index no slideshow reaches.
   */
  total: number;
  startIndex: number;
  pageDurationMs: number;
}

export interface ListItemOptions {
  /** Locale the captions are written in, e.g. the request's 'de-DE'. Default en-US. */
  locale?: string;
  /** The device plays clips (video/video-support.ts); otherwise a clip is shown as its poster still. */
  video?: boolean;
}

export interface SlideshowOptions extends ListItemOptions {
  /** How long each photo stays before the slideshow moves on. */
  pageDurationMs?: number;
  /**
   * After the last photo, start over (default) or stay on it (the user's "loop off"). Endless slideshows have no
   * last photo and never wrap, whatever this says.
   */
  wrap?: boolean;
}

export const DEFAULT_PAGE_DURATION_MS = 8000;
/** Bounds for a page duration: faster than this burns renditions, slower than an hour is a stopped slideshow. */
export const MIN_PAGE_DURATION_MS = 1000;
export const MAX_PAGE_DURATION_MS = 3_600_000;
/**
 * `slideshow.total` for a slideshow that must never wrap: the document's wrap test (`shownIndex >= lastIndex`, with
 * lastIndex starting at total - 1) is then never true, and deleting pages never moves lastIndex, since no deleted
 * index equals it. Kept within a 32-bit integer, which every APL runtime represents exactly.
 */
export const NEVER_WRAP_TOTAL = 2_147_483_647;

/**
 * RenderDocument (pager bound to a dynamicIndexList whose listId is the slideshow id, plus the slideshow facts)
 * and ExecuteCommands starting the slideshow: an AutoPage on the paging sequencer with screenLock, so the device
 * doesn't time the document out while photos advance. `delay` gives the first photo its full time on screen
 * (AutoPage's first move is otherwise immediate). AutoPage only covers the pages loaded when it starts; from the
 * first page change on, the document's own loop re-arms it for pages that load later and wraps at the end.
 */
export function buildSlideshowDirectives(
  page: SlideshowPage,
  options: SlideshowOptions = {},
): [RenderDocumentDirective, ExecuteCommandsDirective] {
  const pageDurationMs = pageDurationOf(options.pageDurationMs);
  const wraps = options.wrap !== false && !page.endless;
  const facts: SlideshowFacts = {
    listId: page.slideshowId,
    total: wraps ? page.total : NEVER_WRAP_TOTAL,
    startIndex: page.startIndex,
    pageDurationMs,
  };
  const render: RenderDocumentDirective = {
    type: 'Alexa.Presentation.APL.RenderDocument',
    token: SLIDESHOW_TOKEN,
    document: SLIDESHOW_DOCUMENT,
    datasources: {
      [SLIDESHOW_DATASOURCE]: {
        type: 'dynamicIndexList',
        listId: page.slideshowId,
        startIndex: page.startIndex,
        ...listBounds(page),
        items: toListItems(page, options),
      },
      [SLIDESHOW_FACTS_DATASOURCE]: facts,
    },
  };
  const autoPage: ExecuteCommandsDirective = {
    type: 'Alexa.Presentation.APL.ExecuteCommands',
    token: SLIDESHOW_TOKEN,
    commands: [
      {
        type: 'AutoPage',
        componentId: SLIDESHOW_PAGER_ID,
        delay: pageDurationMs,
        duration: pageDurationMs,
        screenLock: true,
        sequencer: SLIDESHOW_SEQUENCER,
      },
    ],
  };
  return [render, autoPage];
}

/**
 * Answer to LoadIndexListData. Always versioned: a single unversioned load makes the device treat the list as
 * lazy-load-only, and every later UpdateIndexListData (a hidden photo leaving the list) then fails and breaks the
 * list (MISSING_LIST_VERSION_IN_SEND_DATA). `page` is in device indices (list-ledger.ts).
 */
export function buildSendIndexListData(
  page: SlideshowPage,
  correlationToken: string,
  listId: string,
  listVersion: number,
  options: ListItemOptions = {},
): SendIndexListDataDirective {
  return {
    type: 'Alexa.Presentation.APL.SendIndexListData',
    correlationToken,
    listId,
    listVersion,
    startIndex: page.startIndex,
    ...listBounds(page),
    items: toListItems(page, options),
  };
}

/**
 * The list starts at 0 and, unless the slideshow is endless, ends at its total. An endless (ambient) slideshow's
 * total only counts the items made so far, so its end is left open and the device keeps asking for more.
 */
function listBounds(page: SlideshowPage): { minimumInclusiveIndex: number; maximumExclusiveIndex?: number } {
  return page.endless
    ? { minimumInclusiveIndex: 0 }
    : { minimumInclusiveIndex: 0, maximumExclusiveIndex: page.total };
}

/** A page duration the document can use: whole milliseconds within bounds, the default when unset. */
export function pageDurationOf(pageDurationMs: number | undefined): number {
  if (pageDurationMs === undefined || !Number.isFinite(pageDurationMs)) return DEFAULT_PAGE_DURATION_MS;
  return Math.min(MAX_PAGE_DURATION_MS, Math.max(MIN_PAGE_DURATION_MS, Math.round(pageDurationMs)));
}

function toListItems(
  page: SlideshowPage,
  { locale = DEFAULT_CAPTION_LOCALE, video = false }: ListItemOptions,
): SlideshowListItem[] {
  return page.items.map((item) => {
    const clip = video ? item.clip : undefined;
    const motion = video ? item.motion : undefined;
    return {
      index: item.index,
      url: item.url,
      photoIds: item.photoIds,
      layout: item.layout,
      captionText: formatCaption(item.caption, locale),
      clipUrl: clip?.url ?? '',
      clipDurationMs: clip?.durationMs ?? 0,
      motionUrl: motion?.url ?? '',
      motionDurationMs: motion?.durationMs ?? 0,
    };
  });
}
