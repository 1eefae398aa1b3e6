import type { RequestEnvelope } from 'ask-sdk-model';
import { SLIDESHOW_TOKEN } from '../apl/slideshow-document';
import type { PhotoRef } from '../i18n';

interface VisibleComponent {
  visibility?: number;
  entities?: Array<{ type?: string; id?: string; index?: unknown; listId?: unknown }>;
  children?: VisibleComponent[];
}

/** The page of the slideshow's device list a photo is on, as the document's `photo` entity names it. */
export interface PageOnScreen {
  listId: string;
  /** The page's slideshow index (its item's `index`), not its position in the device's list. */
  index: number;
}

interface PhotoEntity {
  id: string;
  visibility: number;
  page?: PageOnScreen;
}

/** A photo at least this visible is "on screen"; both photos of a pair at rest are fully visible. */
const ON_SCREEN_VISIBILITY = 0.5;

/** Whether our slideshow document is what the screen shows (the visual context carries its token). */
export function slideshowIsOnScreen(envelope: RequestEnvelope): boolean {
  return envelope.context['Alexa.Presentation.APL']?.token === SLIDESHOW_TOKEN;
}

/** Every photo entity the visual context reports, in document order (left before right). */
function photoEntities(envelope: RequestEnvelope): PhotoEntity[] {
  if (!slideshowIsOnScreen(envelope)) return [];
  const found: PhotoEntity[] = [];
  const visit = (components: VisibleComponent[] | undefined): void => {
    for (const component of components ?? []) {
      for (const entity of component.entities ?? []) {
        if (entity.type === 'photo' && entity.id) {
          const page = pageOf(entity.listId, entity.index);
          found.push({ id: entity.id, visibility: component.visibility ?? 1, ...(page ? { page } : {}) });
        }
      }
      visit(component.children);
    }
  };
  visit(envelope.context['Alexa.Presentation.APL']?.componentsVisibleOnScreen);
  return found;
}

/** Documents rendered before entities named their page (and the simulator) leave it out: then it is unknown. */
function pageOf(listId: unknown, index: unknown): PageOnScreen | undefined {
  const number = typeof index === 'string' && index.trim() !== '' ? Number(index) : index;
  if (typeof listId !== 'string' || listId === '') return undefined;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) return undefined;
  return { listId, index: number };
}

/**
 * The photo the slideshow shows right now, from the request's APL visual context: the most visible component
 * carrying a `photo` entity (a page mid-transition reports two). Undefined when our document is not on screen.
 */
export function photoOnScreen(envelope: RequestEnvelope): string | undefined {
  let best: PhotoEntity | undefined;
  for (const entity of photoEntities(envelope)) {
    if (!best || entity.visibility > best.visibility) best = entity;
  }
  return best?.id;
}

/**
 * The photos on screen, left to right: one, or two when the page is a pair of portraits side by side. A page
 * mid-transition counts only what is mostly visible; if nothing is, the most visible photo.
 */
export function photosOnScreen(envelope: RequestEnvelope): string[] {
  const entities = photoEntities(envelope);
  const visible = [...new Set(entities.filter((e) => e.visibility >= ON_SCREEN_VISIBILITY).map((e) => e.id))];
  if (visible.length > 0) return visible;
  const best = photoOnScreen(envelope);
  return best ? [best] : [];
}

export interface ChosenPhoto {
  photoId: string;
  /** How speech names it: "this photo", or a side of a pair. */
  which: PhotoRef;
  /** The page showing it, when the visual context names one. */
  page?: PageOnScreen;
}

/** The page the most visible component showing `photoId` belongs to. */
function pageShowing(envelope: RequestEnvelope, photoId: string): PageOnScreen | undefined {
  let best: PhotoEntity | undefined;
  for (const entity of photoEntities(envelope)) {
    if (entity.id !== photoId || !entity.page) continue;
    if (!best || entity.visibility > best.visibility) best = entity;
  }
  return best?.page;
}

/**
 * The photo a follow-up ("favourite this", "hide the one on the right") is about. On a pair, the side asked for,
 * else the left one; speech then says which side it acted on.
 */
export function chosenPhotoOnScreen(
  envelope: RequestEnvelope,
  side?: 'left' | 'right',
): ChosenPhoto | undefined {
  const [left, right] = photosOnScreen(envelope);
  if (!left) return undefined;
  const chosen: ChosenPhoto = !right
    ? { photoId: left, which: 'this' }
    : side === 'right'
      ? { photoId: right, which: 'right' }
      : { photoId: left, which: 'left' };
  const page = pageShowing(envelope, chosen.photoId);
  return page ? { ...chosen, page } : chosen;
}
