import type { SlideshowItem } from '../frame-api-types';
import { altTextOf } from './caption-text';
import { el } from './dom';

/** A decoded photo ready to go on screen, with the object URL it was decoded from (revoked when it leaves). */
export interface ReadyPhoto {
  item: SlideshowItem;
  image: HTMLImageElement;
  objectUrl: string;
  captionText: string;
}

export interface StageLook {
  captions: boolean;
  kenBurns: boolean;
  /** How long the photo stays: the zoom runs over this. */
  intervalMs: number;
}

/**
 * The frame's DOM: at most two slides (the one on screen and, during a crossfade, the one leaving beneath it), the
 * overlays (clock, badges, toast, dimming) and the message screen. Slides only ever receive decoded images, so what
 * is on screen is never blank or broken: a new photo fades in over the old one, which is removed afterwards.
 */
export class Stage {
  readonly root: HTMLElement;
  private readonly slides = el('div', 'slides');
  private readonly clock = el('div', 'clock', { 'aria-hidden': 'true' });
  private readonly pausedBadge = el('div', 'badge paused', { role: 'status' });
  private readonly offlineBadge = el('div', 'badge offline', { role: 'status' });
  private readonly toast = el('div', 'toast', { 'aria-live': 'polite' });
  private readonly dim = el('div', 'dim');
  private readonly message = el('div', 'message', { role: 'status' });
  readonly gear = el('button', 'gear', { type: 'button', 'aria-label': 'Settings' });
  private current: { slide: HTMLElement; objectUrl: string } | undefined;
  private leaving: Array<{ slide: HTMLElement; objectUrl: string; timer: number }> = [];
  private toastTimer = 0;
  private readonly reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)');
  /** Called when the clip on screen has played to its end, or cannot play (its poster still stays). */
  onClipEnded: (() => void) | undefined;

  constructor(root: HTMLElement) {
    this.root = root;
    this.clock.hidden = true;
    const glyph = el('span', 'pause-glyph', { 'aria-hidden': 'true' });
    const pausedText = el('span');
    pausedText.textContent = 'Paused';
    this.pausedBadge.append(glyph, pausedText);
    this.pausedBadge.hidden = true;
    this.offlineBadge.textContent = 'Offline · showing saved photos';
    this.offlineBadge.hidden = true;
    this.toast.hidden = true;
    this.message.hidden = true;
    this.gear.textContent = '⚙';
    const badges = el('div', 'badges');
    badges.append(this.offlineBadge, this.pausedBadge);
    root.append(this.slides, this.clock, badges, this.toast, this.gear, this.dim, this.message);
  }

  /** Crossfades to a decoded photo. */
  present(photo: ReadyPhoto, look: StageLook): void {
    const { item, image } = photo;
    const slide = el('figure', 'slide', {
      'data-index': String(item.index),
      'data-layout': item.layout,
      'data-photo-ids': item.photoIds.join(','),
    });
    image.alt = altTextOf(photo.captionText, item.layout);
    image.draggable = false;
    const caption = el('figcaption', 'caption');
    if (look.captions) caption.textContent = photo.captionText;
    slide.append(image, caption);
    if (item.clip) slide.insertBefore(this.clipOver(item.clip.url, slide), caption);
    // A live photo moves briefly, once, then rests on its still; never for people who asked for less motion.
    else if (item.motion && !this.reducedMotion?.matches) {
      slide.insertBefore(motionOver(item.motion.url), caption);
    }
    // Gentle zoom only where it cannot cut a photo in half: never on a pair, never with reduced motion.
    if (look.kenBurns && item.layout === 'single' && !this.reducedMotion?.matches) {
      slide.classList.add('kenburns');
      slide.style.setProperty('--kb-ms', `${Math.max(look.intervalMs + 2000, 3000)}ms`);
    }
    this.slides.append(slide);
    // Commit the start state, then fade in on top of the old slide.
    void slide.offsetWidth;
    slide.classList.add('shown');
    this.hideMessage();
    if (this.current) this.retire(this.current);
    this.current = { slide, objectUrl: photo.objectUrl };
  }

  /** The slide on screen: which index and layout, for tests and the visual state. */
  get shownIndex(): number | undefined {
    const index = this.current?.slide.dataset.index;
    return index === undefined ? undefined : Number(index);
  }

  get hasPhoto(): boolean {
    return this.current !== undefined;
  }

  setCaptionsVisible(visible: boolean): void {
    this.root.classList.toggle('no-captions', !visible);
  }

  setPaused(paused: boolean): void {
    const clip = this.current?.slide.querySelector('video');
    if (clip && paused) clip.pause();
    else if (clip && !clip.ended) void clip.play().catch(() => undefined);
    this.pausedBadge.hidden = !paused;
    this.root.dataset.paused = String(paused);
  }

  setOffline(offline: boolean): void {
    this.offlineBadge.hidden = !offline;
    this.root.dataset.offline = String(offline);
  }

  setClock(text: string | null): void {
    this.clock.hidden = text === null;
    if (text !== null && this.clock.textContent !== text) this.clock.textContent = text;
  }

  setDim(level: number): void {
    this.dim.style.opacity = String(level);
    this.root.dataset.dimmed = String(level > 0);
  }

  flash(text: string): void {
    this.toast.textContent = text;
    this.toast.hidden = false;
    window.clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => {
      this.toast.hidden = true;
    }, 1200);
  }

  /** A full-screen message (linking code, nothing to show, connecting); photos stay underneath if there are any. */
  showMessage(lines: Array<{ text: string; className?: string }>): void {
    this.message.replaceChildren(
      ...lines.map((line) => {
        const p = el('p', line.className);
        p.textContent = line.text;
        return p;
      }),
    );
    this.message.hidden = false;
  }

  hideMessage(): void {
    this.message.hidden = true;
  }

  /**
   * A clip plays muted over its poster still (the slide's image, already decoded): `<video muted autoplay
   * playsinline>`, which every browser lets start without a gesture; hidden until its first frame, so the poster
   * shows while it loads and stays if it cannot play.
   */
  private clipOver(url: string, slide: HTMLElement): HTMLVideoElement {
    const video = mutedInlineVideo('clip');
    const ended = () => {
      if (this.current?.slide === slide) this.onClipEnded?.();
    };
    video.addEventListener('playing', () => video.classList.add('playing'), { once: true });
    video.addEventListener('ended', ended);
    video.addEventListener('error', ended);
    video.src = url;
    return video;
  }

  /** The old slide stays fully opaque beneath the new one until the fade is over, then leaves and frees its image. */
  private retire(old: { slide: HTMLElement; objectUrl: string }): void {
    // A clip leaving stops at once (it would otherwise play on, and keep its connection, under the new slide).
    old.slide.querySelector('video')?.pause();
    const fadeMs = this.reducedMotion?.matches ? 0 : 1400;
    const entry = {
      ...old,
      timer: window.setTimeout(() => {
        old.slide.remove();
        URL.revokeObjectURL(old.objectUrl);
        this.leaving = this.leaving.filter((e) => e !== entry);
      }, fadeMs),
    };
    this.leaving.push(entry);
    // Quick key presses: never more than one slide leaving at a time.
    while (this.leaving.length > 1) {
      const oldest = this.leaving.shift();
      if (!oldest) break;
      window.clearTimeout(oldest.timer);
      oldest.slide.remove();
      URL.revokeObjectURL(oldest.objectUrl);
    }
  }
}

/**
 * A live photo's motion: muted, played once over its still (`<video muted autoplay playsinline>`, no `loop`), shown
 * from its first frame and hidden again when it ends or cannot play, so the slide rests on the still for the rest of
 * its time. It never moves the slideshow on: the item is timed like any photo.
 */
function motionOver(url: string): HTMLVideoElement {
  const video = mutedInlineVideo('motion');
  video.addEventListener('playing', () => video.classList.add('playing'));
  const rest = (): void => {
    video.classList.remove('playing');
    video.classList.add('rested');
  };
  video.addEventListener('ended', rest);
  video.addEventListener('error', rest);
  video.src = url;
  return video;
}

/**
 * `<video muted autoplay playsinline>`, the one form every browser lets start without a gesture (attributes as well
 * as properties: some engines read only the attribute before playing). The caller adds its listeners, then `src`.
 */
function mutedInlineVideo(className: string): HTMLVideoElement {
  const video = document.createElement('video');
  video.className = className;
  video.muted = true;
  video.autoplay = true;
  video.playsInline = true;
  video.setAttribute('muted', '');
  video.setAttribute('playsinline', '');
  video.preload = 'auto';
  return video;
}
