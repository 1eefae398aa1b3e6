import type { SlideshowPage } from '../frame-api-types';
import { bindControls } from './controls';
import { DeviceIdentity, safeStorage } from './device-identity';
import { browserPage } from './browser-page';
import { backoffMs, sleep } from './dom';
import { FrameClient, HttpError, NetworkError } from './frame-client';
import { acceptHeaderFor, chooseFormat } from './image-format';
import { Player } from './player';
import { Playlist } from './playlist';
import { RenditionStore } from './rendition-store';
import { SessionRecovery, leavingPage } from './session-recovery';
import { screenViewport } from './screen-viewport';
import { SettingsPanel } from './settings-panel';
import { isDimTime, loadSettings, sanitizeSettings, saveSettings, type FrameSettings } from './settings';
import { Stage } from './stage';

const PAGE_SIZE = 10;
const QUERY_KEY = 'photoframe.query';
/** Saving the ambient position at most this often (each save is a request). */
const POSITION_SAVE_MS = 5000;
/**
 * How often a playing frame asks whether its session still holds. Photos come from signed URLs and a short
 * playlist is all loaded at the start, so without asking, a revoked session would go unnoticed for hours.
 */
const SESSION_CHECK_MS = 30_000;

/** What tests and diagnostics can read from the page. */
interface FrameHook {
  /** ms from navigation start to the first photo on screen. */
  firstPhotoMs?: number;
  state?: () => ReturnType<Player['snapshot']>;
  error?: string;
  /** Set when the session was lost and the page is leaving: `reload` or the sign-in URL it went to. */
  leaving?: string;
}
declare global {
  interface Window {
    photoFrame?: FrameHook;
  }
}

/**
 * The web frame: links itself if frame accounts ask for it, opens the ambient slideshow (or `?q=` free text),
 * and plays it with the overlays and controls the settings ask for.
 */
async function main(): Promise<void> {
  const root = document.getElementById('frame');
  const apiBase = document.body.dataset.api;
  if (!root || !apiBase) return;
  const hook: FrameHook = {};
  window.photoFrame = hook;
  const params = new URLSearchParams(window.location.search);
  const storage = safeStorage();
  const identity = new DeviceIdentity(storage);
  const client = new FrameClient(apiBase, identity);
  const stage = new Stage(root);
  const recovery = new SessionRecovery(browserPage(apiBase));
  // The session is gone (expired, revoked): off to sign-in (or a reload on this machine), photos left on screen.
  const sessionLost = (error: unknown): boolean => {
    if (!recovery.handle(error)) return false;
    hook.error = error instanceof HttpError ? error.code : String(error);
    const step = recovery.leaving;
    hook.leaving = step?.kind === 'sign-in' ? step.url : step?.kind;
    return true;
  };
  let settings = loadSettings(params, storage);
  const locale = navigator.language || 'en-US';
  stage.setCaptionsVisible(settings.captions);

  const [format, profileVersion] = await Promise.all([
    chooseFormat(params.get('format')),
    waitUntilLinked(client, identity, stage, sessionLost),
  ]);
  // The owner's profile for this frame (set in the web app) wins over what this browser remembers.
  if (profileVersion !== null) {
    const { profile } = await client.profile().catch(() => ({ profile: null }));
    if (profile) settings = sanitizeSettings({ ...settings, ...profile });
  }
  const q = params.get('q')?.trim() || undefined;
  const first = await retrying(() => openSlideshow(client, q, params, storage), stage, hook, sessionLost);
  recovery.confirmed();
  if (first.items.length === 0) {
    stage.showMessage([
      { text: 'No photos to show yet.' },
      { text: 'Add photos to the library; this frame checks again every minute.', className: 'hint' },
    ]);
    await sleep(60_000);
    window.location.reload();
    return;
  }

  // Once the session is lost nothing changes on screen any more: the photo stays until the browser navigates.
  const stopIfSessionLost = (error: unknown): boolean => {
    if (!sessionLost(error)) return false;
    player.stop();
    return true;
  };
  const playlist = new Playlist(first, (id, start, count) => client.page(id, start, count), PAGE_SIZE);
  const store = new RenditionStore({
    accept: acceptHeaderFor(format),
    memoryEntries: 24,
    persistentEntries: 60,
  });
  const player = new Player({
    playlist,
    store,
    stage,
    locale,
    look: () => ({
      captions: settings.captions,
      kenBurns: settings.kenBurns,
      intervalMs: settings.intervalSeconds * 1000,
    }),
    persist: positionSaver(client, playlist, q, storage, (error) => void stopIfSessionLost(error)),
    onFatal: (error) => {
      if (!stopIfSessionLost(error)) restart(error, stage, hook);
    },
    onFirstPhoto: () => {
      hook.firstPhotoMs = Math.round(performance.now());
    },
  });
  hook.state = () => player.snapshot();

  const panel = new SettingsPanel(
    settings,
    (changed) => {
      const intervalChanged = changed.intervalSeconds !== settings.intervalSeconds;
      settings = changed;
      saveSettings(settings, storage);
      applyOverlays(stage, settings, locale);
      if (intervalChanged) player.reschedule();
    },
    () => closePanel(),
  );
  root.append(panel.element);
  const closePanel = (): void => {
    panel.hide();
    root.focus();
  };
  stage.gear.addEventListener('click', () => (panel.open ? closePanel() : panel.show()));

  bindControls(root, {
    next: () => {
      player.next();
      stage.flash('Next ›');
    },
    previous: () => {
      player.previous();
      stage.flash('‹ Previous');
    },
    togglePause: () => {
      player.togglePause();
      if (!player.isPaused) stage.flash('Playing');
    },
    play: () => player.setPaused(false),
    pause: () => player.setPaused(true),
    toggleSettings: () => (panel.open ? closePanel() : panel.show()),
    settingsOpen: () => panel.open,
    closeSettings: () => closePanel(),
  });
  applyOverlays(stage, settings, locale);
  window.setInterval(() => applyOverlays(stage, settings, locale), 10_000);
  reloadOnScreenChange();
  checkSessionWhilePlaying(client, stopIfSessionLost, profileVersion);
  await player.start(first.startIndex);
}

/**
 * With frame accounts on, shows the linking code until the owner links this frame. Answers the version of the
 * frame's profile (null: none).
 */
async function waitUntilLinked(
  client: FrameClient,
  identity: DeviceIdentity,
  stage: Stage,
  sessionLost: (error: unknown) => boolean,
): Promise<string | null> {
  for (let attempt = 0; ;) {
    try {
      const session = await client.session();
      if (session.status === 'ready') return session.profileVersion ?? null;
      if (session.token) identity.saveToken(session.token);
      stage.showMessage([
        { text: 'Link this frame to your photos' },
        { text: session.code, className: 'code' },
        {
          text: `Say “Alexa, ask Photo Frame to link frame ${session.code.split('').join(' ')}”, or enter the code in Photo Frame. The code changes every few minutes.`,
          className: 'hint',
        },
      ]);
      attempt = 0;
      await sleep(3000);
    } catch (error) {
      if (sessionLost(error)) return leavingPage();
      if (!(error instanceof NetworkError) && !(error instanceof HttpError && error.transient)) throw error;
      stage.showMessage([{ text: 'Connecting to Photo Frame…' }]);
      await sleep(backoffMs(attempt++));
    }
  }
}

async function openSlideshow(
  client: FrameClient,
  q: string | undefined,
  params: URLSearchParams,
  storage: Storage | null,
): Promise<SlideshowPage> {
  const viewport = screenViewport();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (q === undefined) return client.startAmbient({ viewport, timeZone, pageSize: PAGE_SIZE });
  // The same text on the same screen resumes its playlist where it stopped; anything else makes a new one.
  const saved = readSavedQuery(storage);
  if (saved && saved.q === q && saved.width === viewport.width && saved.height === viewport.height) {
    try {
      const start = saved.index - (saved.index % PAGE_SIZE);
      const page = await client.page(saved.slideshowId, start, PAGE_SIZE);
      if (page.items.length > 0) return { ...page, startIndex: saved.index };
    } catch (error) {
      if (!(error instanceof HttpError) || error.transient) throw error;
    }
  }
  const shuffle = params.get('shuffle') === '1' || params.get('order') === 'shuffle';
  const page = await client.createQuerySlideshow({ q, viewport, timeZone, shuffle, pageSize: PAGE_SIZE });
  writeSavedQuery(storage, { q, slideshowId: page.slideshowId, index: 0, ...viewport });
  return page;
}

interface SavedQuery {
  q: string;
  slideshowId: string;
  index: number;
  width: number;
  height: number;
}

function readSavedQuery(storage: Storage | null): SavedQuery | undefined {
  try {
    const saved = JSON.parse(storage?.getItem(QUERY_KEY) ?? 'null') as SavedQuery | null;
    return saved && typeof saved.slideshowId === 'string' && Number.isInteger(saved.index)
      ? saved
      : undefined;
  } catch {
    return undefined;
  }
}

function writeSavedQuery(storage: Storage | null, saved: SavedQuery): void {
  try {
    storage?.setItem(QUERY_KEY, JSON.stringify(saved));
  } catch {
    // Not resumable after a reload, that's all.
  }
}

/** Ambient: the server keeps the position (throttled). Query slideshows: this browser does. */
function positionSaver(
  client: FrameClient,
  playlist: Playlist,
  q: string | undefined,
  storage: Storage | null,
  onRefused: (error: unknown) => void,
): (index: number) => void {
  if (q !== undefined) {
    return (index) => {
      const saved = readSavedQuery(storage);
      if (saved?.slideshowId === playlist.slideshowId) writeSavedQuery(storage, { ...saved, index });
    };
  }
  let latest = -1;
  let saved = -1;
  let timer = 0;
  const flush = (): void => {
    timer = 0;
    if (latest === saved) return;
    const index = latest;
    client.savePosition(playlist.slideshowId, index).then(
      () => {
        saved = index;
      },
      // A lost save is retried with the next position; a refused one may mean the session is gone.
      onRefused,
    );
  };
  return (index) => {
    latest = index;
    if (timer === 0) timer = window.setTimeout(flush, POSITION_SAVE_MS);
  };
}

/**
 * Keeps trying while the server is away (backoff); other errors are shown and retried slowly, except a lost
 * session, which leaves for sign-in and never returns.
 */
async function retrying<T>(
  work: () => Promise<T>,
  stage: Stage,
  hook: FrameHook,
  sessionLost: (error: unknown) => boolean,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (sessionLost(error)) return leavingPage();
      if (error instanceof HttpError && !error.transient) {
        hook.error = error.code;
        // An answer about the text (what found nothing) is said in words alone; other errors show their code.
        if (error.code === 'TEXT_NOT_UNDERSTOOD' || error.code === 'NO_MATCHING_PHOTOS') {
          stage.showMessage([{ text: error.message }]);
          throw error;
        }
        stage.showMessage([{ text: error.message }, { text: `(${error.code})`, className: 'hint' }]);
        await sleep(30_000);
        continue;
      }
      if (!stage.hasPhoto) stage.showMessage([{ text: 'Connecting to Photo Frame…' }]);
      await sleep(backoffMs(attempt));
    }
  }
}

/** The slideshow is gone or this frame was refused: show why, then start over. */
function restart(error: unknown, stage: Stage, hook: FrameHook): void {
  hook.error = error instanceof HttpError ? error.code : String(error);
  if (!stage.hasPhoto) stage.showMessage([{ text: 'Starting over…' }]);
  window.setTimeout(() => window.location.reload(), 5000);
}

function applyOverlays(stage: Stage, settings: FrameSettings, locale: string): void {
  const now = new Date();
  stage.setCaptionsVisible(settings.captions);
  stage.setClock(
    settings.clock
      ? new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(now)
      : null,
  );
  stage.setDim(isDimTime(settings, now) ? settings.dimLevel : 0);
}

/**
 * Asks the server every SESSION_CHECK_MS whether this page's session (or frame link) still holds. A failure goes
 * to `onRefused`, which answers true when the page is leaving (a lost session); anything else (an unreachable
 * server) is left to the player. A frame whose link was removed reloads to show its linking code.
 */
function checkSessionWhilePlaying(
  client: FrameClient,
  onRefused: (error: unknown) => boolean,
  profileVersion: string | null,
): void {
  const timer = window.setInterval(() => {
    client.session().then(
      (session) => {
        // Unlinked: show the code. A changed profile (the owner edited it in the web app): start again with it.
        if (session.status === 'unlinked') window.location.reload();
        else if ((session.profileVersion ?? null) !== profileVersion) window.location.reload();
      },
      (error: unknown) => {
        if (onRefused(error)) window.clearInterval(timer);
      },
    );
  }, SESSION_CHECK_MS);
}

/** A rotated tablet or a moved window wants renditions of another shape: start again at the new size. */
function reloadOnScreenChange(): void {
  const initial = screenViewport();
  let timer = 0;
  window.addEventListener('resize', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const now = screenViewport();
      const turned = now.width > now.height !== initial.width > initial.height;
      const resized =
        Math.abs(now.width * now.height - initial.width * initial.height) >
        0.3 * initial.width * initial.height;
      if (turned || resized) window.location.reload();
    }, 2000);
  });
}

main().catch((error: unknown) => {
  const hook = window.photoFrame;
  if (hook) hook.error = error instanceof HttpError ? error.code : String(error);
});
