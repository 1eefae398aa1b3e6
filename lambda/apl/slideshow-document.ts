import slideshowDocument from '../../skill-package/response/display/PhotoSlideshow/document.json';

/**
 * The slideshow APL document, sent inline so the skill works offline and in tests without a console-saved copy.
 * Its single source of truth is the skill-package file.
 */
export const SLIDESHOW_DOCUMENT: Readonly<Record<string, unknown>> = slideshowDocument;

/** RenderDocument/ExecuteCommands token: ExecuteCommands only reaches a document rendered with the same one. */
export const SLIDESHOW_TOKEN = 'photo-slideshow';
/** Id of the Pager in the document; AutoPage targets it. */
export const SLIDESHOW_PAGER_ID = 'slideshow';
/** mainTemplate parameter the dynamicIndexList is bound to. */
export const SLIDESHOW_DATASOURCE = 'photos';
