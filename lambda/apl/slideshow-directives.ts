import type { interfaces } from 'ask-sdk-model';
import type { SlideshowItem, SlideshowPage } from '../../common/contracts';
import {
  SLIDESHOW_DATASOURCE,
  SLIDESHOW_DOCUMENT,
  SLIDESHOW_PAGER_ID,
  SLIDESHOW_TOKEN,
} from './slideshow-document';

type RenderDocumentDirective = interfaces.alexa.presentation.apl.RenderDocumentDirective;
type ExecuteCommandsDirective = interfaces.alexa.presentation.apl.ExecuteCommandsDirective;
type SendIndexListDataDirective = interfaces.alexa.presentation.apl.SendIndexListDataDirective;

/** What one pager page binds to (`${data.url}`, `${data.photoIds[0]}`, …). */
export interface SlideshowListItem {
  index: number;
  url: string;
  photoIds: string[];
  takenLocal: string | null;
}

export interface SlideshowOptions {
  /** How long each photo stays before AutoPage moves on. */
  pageDurationMs?: number;
}

export const DEFAULT_PAGE_DURATION_MS = 8000;

/**
 * RenderDocument (pager bound to a dynamicIndexList whose listId is the slideshow id) and ExecuteCommands
 * (AutoPage with screenLock, so the device doesn't time the document out while photos advance).
 */
export function buildSlideshowDirectives(
  page: SlideshowPage,
  options: SlideshowOptions = {},
): [RenderDocumentDirective, ExecuteCommandsDirective] {
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
        items: page.items.map(toListItem),
      },
    },
  };
  const autoPage: ExecuteCommandsDirective = {
    type: 'Alexa.Presentation.APL.ExecuteCommands',
    token: SLIDESHOW_TOKEN,
    commands: [
      {
        type: 'AutoPage',
        componentId: SLIDESHOW_PAGER_ID,
        // An explicit count covers the whole slideshow, not just the pages loaded when the command starts.
        count: Math.max(page.total - 1, 0),
        duration: options.pageDurationMs ?? DEFAULT_PAGE_DURATION_MS,
        screenLock: true,
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
): SendIndexListDataDirective {
  return {
    type: 'Alexa.Presentation.APL.SendIndexListData',
    correlationToken,
    listId,
    startIndex: page.startIndex,
    minimumInclusiveIndex: 0,
    maximumExclusiveIndex: page.total,
    items: page.items.map(toListItem),
  };
}

function toListItem(item: SlideshowItem): SlideshowListItem {
  return { index: item.index, url: item.url, photoIds: item.photoIds, takenLocal: item.takenLocal };
}
