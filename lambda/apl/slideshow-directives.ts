import type { interfaces } from 'ask-sdk-model';
import type { SlideshowItem, SlideshowPage } from '../../common/contracts';
import { DEFAULT_CAPTION_LOCALE, formatCaption } from './slideshow-caption';
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
}

/** The slideshow facts the document reads (`${slideshow.total}`, …), passed as the second datasource. */
export interface SlideshowFacts {
  total: number;
  startIndex: number;
  pageDurationMs: number;
}

export interface ListItemOptions {
  /** Locale the captions are written in, e.g. the request's 'de-DE'. Default en-US. */
  locale?: string;
}

export interface SlideshowOptions extends ListItemOptions {
  /** How long each photo stays before the slideshow moves on. */
  pageDurationMs?: number;
}

export const DEFAULT_PAGE_DURATION_MS = 8000;
/** Bounds for a page duration: faster than this burns renditions, slower than an hour is a stopped slideshow. */
export const MIN_PAGE_DURATION_MS = 1000;
export const MAX_PAGE_DURATION_MS = 3_600_000;

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
  const facts: SlideshowFacts = { total: page.total, startIndex: page.startIndex, pageDurationMs };
  const render: RenderDocumentDirective = {
    type: 'Alexa.Presentation.APL.RenderDocument',
    token: SLIDESHOW_TOKEN,
    document: SLIDESHOW_DOCUMENT,
    datasources: {
      [SLIDESHOW_DATASOURCE]: {
        type: 'dynamicIndexList',
        listId: page.slideshowId,
        startIndex: page.startIndex,
        minimumInclusiveIndex: 0,
        maximumExclusiveIndex: page.total,
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
 * Answer to LoadIndexListData. No listVersion: a versioned payload would make every later load need the next
 * version number, and this list is only ever lazily loaded.
 */
export function buildSendIndexListData(
  page: SlideshowPage,
  correlationToken: string,
  listId: string,
  options: ListItemOptions = {},
): SendIndexListDataDirective {
  return {
    type: 'Alexa.Presentation.APL.SendIndexListData',
    correlationToken,
    listId,
    startIndex: page.startIndex,
    minimumInclusiveIndex: 0,
    maximumExclusiveIndex: page.total,
    items: toListItems(page, options),
  };
}

/** A page duration the document can use: whole milliseconds within bounds, the default when unset. */
export function pageDurationOf(pageDurationMs: number | undefined): number {
  if (pageDurationMs === undefined || !Number.isFinite(pageDurationMs)) return DEFAULT_PAGE_DURATION_MS;
  return Math.min(MAX_PAGE_DURATION_MS, Math.max(MIN_PAGE_DURATION_MS, Math.round(pageDurationMs)));
}

function toListItems(
  page: SlideshowPage,
  { locale = DEFAULT_CAPTION_LOCALE }: ListItemOptions,
): SlideshowListItem[] {
  return page.items.map((item) => ({
    index: item.index,
    url: item.url,
    photoIds: item.photoIds,
    layout: item.layout,
    captionText: formatCaption(item.caption, locale),
  }));
}
