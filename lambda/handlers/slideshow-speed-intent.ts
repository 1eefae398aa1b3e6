import type { RequestHandler } from 'ask-sdk-core';
import { buildSlideshowControl } from '../apl/slideshow-controls';
import { stringsOf } from '../i18n';
import { slideshowIsOnScreen } from '../util/photo-on-screen';
import { steppedPace } from '../util/slideshow-pace';
import { saveUserSettings, userSettingsOf } from '../util/user-context';
import { ask, tell } from './answers';
import { isIntent } from './matchers';
import { slotIdOf } from './slot-ids';

export const SLIDESHOW_SPEED_INTENT = 'SlideshowSpeedIntent';
/** SLIDESHOW_SPEED: FASTER ("faster", "speed up", "shorter") or SLOWER ("slow down", "show each photo longer"). */
export const SPEED_SLOT = 'speed';

/**
 * "Faster", "slow down", "show each photo longer": one step along the pace steps, kept as the user's interval (every
 * later slideshow, on every screen, plays at it). The slideshow on screen takes the new pace at once; resuming is
 * how the document re-arms its paging loop, so a paused slideshow starts again at the new pace.
 */
export const slideshowSpeedIntentHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, SLIDESHOW_SPEED_INTENT),
  handle: async (input) => {
    const strings = stringsOf(input);
    const speed = slotIdOf(input, SPEED_SLOT, ['FASTER', 'SLOWER'] as const);
    if (!speed) return ask(input, strings, strings.paceUnclear);
    const faster = speed === 'FASTER';
    const pace = steppedPace((await userSettingsOf(input)).intervalSeconds, faster);
    if (!pace.changed) return tell(input, strings.paceLimit(pace.seconds, faster));
    await saveUserSettings(input, { intervalSeconds: pace.seconds });
    if (slideshowIsOnScreen(input.requestEnvelope)) {
      input.responseBuilder.addDirective(
        buildSlideshowControl('resume', { pageDurationMs: pace.seconds * 1000 }),
      );
    }
    return tell(input, strings.paceChanged(pace.seconds, faster));
  },
};
