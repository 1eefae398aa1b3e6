import slideshowDocument from '../../skill-package/response/display/PhotoSlideshow/document.json';

/**
 * The slideshow APL document, sent inline so the skill works offline and in tests without a console-saved copy.
 * Its single source of truth is the skill-package file; the names below must match it (a test checks they do).
 */
export const SLIDESHOW_DOCUMENT: Readonly<Record<string, unknown>> = slideshowDocument;

/** RenderDocument/ExecuteCommands token: ExecuteCommands only reaches a document rendered with the same one. */
export const SLIDESHOW_TOKEN = 'photo-slideshow';
/** Id of the Pager in the document; every paging command targets it. */
export const SLIDESHOW_PAGER_ID = 'slideshow';
/** mainTemplate parameter the dynamicIndexList of photos is bound to. */
export const SLIDESHOW_DATASOURCE = 'photos';
/** mainTemplate parameter with the slideshow's facts the document needs: total, start index, page duration. */
export const SLIDESHOW_FACTS_DATASOURCE = 'slideshow';
/**
 * The named sequencer all paging runs on. A command on a sequencer stops the one running there, so a pause, a
 * "next" or a re-armed AutoPage always replaces whatever was paging before instead of racing it.
 */
export const SLIDESHOW_SEQUENCER = 'slideshow-paging';
/** Document-level bound value holding the current page duration in ms (SetValue changes the pace). */
export const PAGE_DURATION_BINDING = 'pageDuration';
/**
 * Document-level bound value holding the slideshow index of the last page still in the list, after which the loop
 * wraps to the first page. It starts as the slideshow's total - 1; the skill lowers it when it deletes that page.
 */
export const LAST_INDEX_BINDING = 'lastIndex';

/** The document's user-defined commands the skill invokes by name (defined under `commands` in the document). */
export const SLIDESHOW_COMMANDS = {
  next: 'SlideshowNext',
  previous: 'SlideshowPrevious',
  startOver: 'SlideshowStartOver',
  pause: 'SlideshowPause',
  resume: 'SlideshowResume',
} as const;
export type SlideshowCommandName = (typeof SLIDESHOW_COMMANDS)[keyof typeof SLIDESHOW_COMMANDS];
