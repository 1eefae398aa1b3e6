import type { PreviewDevice, SlideshowItem } from '../frame-api-types';
import { aplLayoutFor, type AplLayout } from './apl-layout';
import { browserPage } from './browser-page';
import { altTextOf, formatCaption } from './caption-text';
import { DeviceIdentity, safeStorage } from './device-identity';
import { el } from './dom';
import { FrameClient, HttpError } from './frame-client';
import { Playlist } from './playlist';
import { SESSION_REQUIRED, SessionRecovery } from './session-recovery';

const PAGE_SIZE = 10;

declare global {
  interface Window {
    photoPreview?: { index?: number; total?: number; error?: string; ready?: boolean; leaving?: string };
  }
}

/**
 * The device preview: the skill's slideshow drawn on a stage of the device's exact pixels, as the APL document
 * draws it (best-fit image, caption on a scrim, paused badge, the document's sizes for that device class).
 * Renditions are fetched as an Echo fetches them: plain JPEG, the URL as the skill would send it.
 */
async function main(): Promise<void> {
  const stage = document.getElementById('stage');
  const status = document.getElementById('preview-status');
  const { api, device: deviceName, q } = document.body.dataset;
  if (!stage || !api || !deviceName) return;
  const hook: NonNullable<Window['photoPreview']> = {};
  window.photoPreview = hook;
  const locale = new URLSearchParams(window.location.search).get('locale') ?? 'en-US';
  const client = new FrameClient(api, new DeviceIdentity(safeStorage()));
  const recovery = new SessionRecovery(browserPage(api));
  // The session is gone (expired, revoked): off to sign-in (or a reload on this machine), the photo left as it is.
  const sessionLost = (error: unknown): boolean => {
    if (!recovery.handle(error)) return false;
    hook.error = SESSION_REQUIRED;
    const step = recovery.leaving;
    hook.leaving = step?.kind === 'sign-in' ? step.url : step?.kind;
    return true;
  };
  let response;
  try {
    response = await client.preview({
      device: deviceName,
      ...(q === undefined ? {} : { q }),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  } catch (error) {
    if (sessionLost(error)) return;
    hook.error = error instanceof HttpError ? error.code : String(error);
    const message = el('div', 'stage-message');
    message.textContent =
      error instanceof HttpError && error.code === 'FRAME_NOT_LINKED'
        ? 'Open /frame in this browser and link it first.'
        : error instanceof Error
          ? error.message
          : String(error);
    stage.append(message);
    return;
  }
  recovery.confirmed();
  const { device, page, pageDurationMs } = response;
  const layout = aplLayoutFor(device);
  const playlist = new Playlist(page, (id, start, count) => client.page(id, start, count), PAGE_SIZE);
  hook.total = page.photoCount ?? page.total;
  if (status) status.textContent = `${page.endless ? 'ambient' : `${page.photoCount ?? page.total} photos`}`;
  const badge = pausedBadge(layout);
  let index = page.startIndex;
  let paused = false;
  let timer = 0;
  let leaving = false;

  const show = async (target: number): Promise<void> => {
    const at = playlist.normalize(target);
    let item;
    try {
      item = await playlist.itemAt(at);
    } catch (error) {
      // A page that did not load is tried again on the next tick, unless the session is gone.
      if (sessionLost(error)) leaving = true;
      return;
    }
    if (!item) return;
    let image: HTMLImageElement;
    try {
      image = await loaded(item.url);
    } catch {
      // As the document's onFail does: skip a photo that does not load.
      if (target - index < PAGE_SIZE) await show(target + 1);
      return;
    }
    stage.replaceChildren(pageOf(item, image, layout, device, locale), badge);
    index = at;
    hook.index = at;
    hook.ready = true;
  };
  const schedule = (): void => {
    window.clearTimeout(timer);
    if (!paused && !leaving)
      timer = window.setTimeout(() => void show(index + 1).finally(schedule), pageDurationMs);
  };
  stage.addEventListener('click', () => {
    paused = !paused;
    badge.hidden = !paused;
    schedule();
  });
  window.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowRight') void show(index + 1).finally(schedule);
    if (event.key === 'ArrowLeft') void show(Math.max(0, index - 1)).finally(schedule);
  });
  if (page.items.length === 0) {
    const message = el('div', 'stage-message');
    message.textContent = 'No photos to show.';
    stage.append(message);
    return;
  }
  await show(index);
  schedule();
}

/** One pager page: the photo best-fill (as the APL document), the caption frame (left out when empty), the photo regions. */
function pageOf(
  item: SlideshowItem,
  image: HTMLImageElement,
  layout: AplLayout,
  device: PreviewDevice,
  locale: string,
): HTMLElement {
  const page = el('div', 'page', { 'data-index': String(item.index), 'data-layout': item.layout });
  const text = formatCaption(item.caption, locale);
  image.alt = altTextOf(text, item.layout);
  page.append(image);
  if (text !== '') {
    const { px } = layout;
    const caption = el('div', 'apl-caption');
    caption.textContent = text;
    Object.assign(caption.style, {
      paddingTop: `${px.captionScrimRise}px`,
      paddingBottom: `${px.captionInsetBottom}px`,
      paddingLeft: `${px.captionInsetSide}px`,
      paddingRight: `${px.captionInsetSide}px`,
      fontSize: `${px.captionFontSize}px`,
      lineHeight: '1.2',
      textAlign: layout.captionTextAlign === 'center' ? 'center' : 'left',
      webkitLineClamp: '2',
    });
    caption.dataset.fontPx = String(Math.round(px.captionFontSize));
    page.append(caption);
  }
  page.dataset.device = device.name;
  return page;
}

function pausedBadge(layout: AplLayout): HTMLElement {
  const { px } = layout;
  const row = el('div', 'apl-badge');
  Object.assign(row.style, {
    paddingTop: `${px.badgeInsetTop}px`,
    paddingLeft: `${px.badgeInsetSide}px`,
    paddingRight: `${px.badgeInsetSide}px`,
    justifyContent: layout.badgeAlign === 'center' ? 'center' : 'flex-end',
  });
  const disc = el('div', 'disc');
  Object.assign(disc.style, {
    width: `${px.badgeSize}px`,
    height: `${px.badgeSize}px`,
    gap: `${px.badgeBarGap}px`,
  });
  for (let i = 0; i < 2; i++) {
    const bar = el('div', 'bar');
    Object.assign(bar.style, { width: `${px.badgeBarWidth}px`, height: `${px.badgeBarHeight}px` });
    disc.append(bar);
  }
  row.append(disc);
  row.hidden = true;
  return row;
}

let shownObjectUrl: string | undefined;

/** The rendition as an Echo gets it: JPEG (APL runtimes send no WebP/AVIF Accept), decoded before it is shown. */
async function loaded(url: string): Promise<HTMLImageElement> {
  const response = await fetch(url, { headers: { Accept: 'image/jpeg' } });
  if (!response.ok)
    throw new HttpError(response.status, 'RENDITION_FAILED', `rendition answered ${response.status}`);
  const objectUrl = URL.createObjectURL(await response.blob());
  const image = new Image();
  image.src = objectUrl;
  try {
    await image.decode();
  } catch (error) {
    URL.revokeObjectURL(objectUrl);
    throw error;
  }
  if (shownObjectUrl !== undefined) URL.revokeObjectURL(shownObjectUrl);
  shownObjectUrl = objectUrl;
  return image;
}

void main();
