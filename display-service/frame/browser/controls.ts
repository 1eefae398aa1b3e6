export interface FrameActions {
  next(): void;
  previous(): void;
  togglePause(): void;
  play(): void;
  pause(): void;
  toggleSettings(): void;
  settingsOpen(): boolean;
  closeSettings(): void;
}

/** Pixels a finger must travel sideways for a swipe rather than a tap. */
const SWIPE_PX = 50;
const TAP_PX = 12;
/** Fire TV's remote sends these key codes where `key` is 'Unidentified'. */
const KEY_CODE_PLAY_PAUSE = 179;
const KEY_CODE_REWIND = 227;
const KEY_CODE_FAST_FORWARD = 228;

/**
 * Keyboard, TV remote, touch and mouse. Right/left (D-pad, arrows, media next/previous, fast-forward/rewind) step;
 * select/Enter, Space and play/pause toggle the pause; up/down or the menu key open the settings; a sideways swipe
 * steps and a tap pauses or resumes.
 */
export function bindControls(root: HTMLElement, actions: FrameActions): void {
  window.addEventListener('keydown', (event) => {
    if (actions.settingsOpen()) {
      if (event.key === 'Escape' || event.key === 'GoBack' || event.key === 'BrowserBack') {
        event.preventDefault();
        actions.closeSettings();
      }
      return;
    }
    const action = actionFor(event);
    if (!action) return;
    event.preventDefault();
    actions[action]();
  });

  let start: { x: number; y: number; id: number } | undefined;
  root.addEventListener('pointerdown', (event) => {
    if (isInteractive(event.target)) return;
    start = { x: event.clientX, y: event.clientY, id: event.pointerId };
  });
  root.addEventListener('pointerup', (event) => {
    if (!start || start.id !== event.pointerId || isInteractive(event.target)) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    start = undefined;
    if (actions.settingsOpen()) {
      actions.closeSettings();
      return;
    }
    if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > Math.abs(dy)) {
      if (dx < 0) actions.next();
      else actions.previous();
    } else if (Math.hypot(dx, dy) <= TAP_PX) {
      actions.togglePause();
    }
  });
  root.addEventListener('pointercancel', () => {
    start = undefined;
  });

  // The pointer shows the cursor and the settings button for a few seconds, then both hide again.
  let idle = 0;
  root.addEventListener('pointermove', () => {
    root.classList.add('pointer-active');
    window.clearTimeout(idle);
    idle = window.setTimeout(() => root.classList.remove('pointer-active'), 3000);
  });
}

function actionFor(event: KeyboardEvent): keyof FrameActions | undefined {
  const { key, code } = event;
  if (key === 'ArrowRight' || key === 'MediaTrackNext' || key === 'MediaFastForward') return 'next';
  if (event.keyCode === KEY_CODE_FAST_FORWARD) return 'next';
  if (key === 'ArrowLeft' || key === 'MediaTrackPrevious' || key === 'MediaRewind') return 'previous';
  if (event.keyCode === KEY_CODE_REWIND) return 'previous';
  if (key === ' ' || code === 'Space' || key === 'Enter' || code === 'NumpadEnter') return 'togglePause';
  if (key === 'MediaPlayPause' || event.keyCode === KEY_CODE_PLAY_PAUSE) return 'togglePause';
  if (key === 'MediaPlay') return 'play';
  if (key === 'MediaPause') return 'pause';
  if (key === 'ArrowUp' || key === 'ArrowDown' || key === 'ContextMenu' || key === 's' || key === 'S') {
    return 'toggleSettings';
  }
  return undefined;
}

function isInteractive(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('button, input, select, form, a') !== null;
}
