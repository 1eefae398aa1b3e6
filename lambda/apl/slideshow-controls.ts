import type { interfaces } from 'ask-sdk-model';
import { pageDurationOf } from './slideshow-directives';
import {
  PAGE_DURATION_BINDING,
  SLIDESHOW_COMMANDS,
  SLIDESHOW_PAGER_ID,
  SLIDESHOW_TOKEN,
  type SlideshowCommandName,
} from './slideshow-document';

type ExecuteCommandsDirective = interfaces.alexa.presentation.apl.ExecuteCommandsDirective;
type Command = interfaces.alexa.presentation.apl.Command;

export type SlideshowControl = 'next' | 'previous' | 'start-over' | 'pause' | 'resume';

export interface SlideshowControlOptions {
  /**
   * A new pace (e.g. after "faster"/"slower"): stored in the document, so the photos that follow keep it. Left out,
   * the slideshow keeps the pace it already has.
   */
  pageDurationMs?: number;
  /**
   * Document commands to run first, in the same ExecuteCommands, because the control reads what they set (a hidden
   * photo's "next" needs the loop's end already moved when the deleted page was the last).
   */
  first?: readonly Command[];
}

const COMMAND_OF: Readonly<Record<SlideshowControl, SlideshowCommandName>> = {
  next: SLIDESHOW_COMMANDS.next,
  previous: SLIDESHOW_COMMANDS.previous,
  'start-over': SLIDESHOW_COMMANDS.startOver,
  pause: SLIDESHOW_COMMANDS.pause,
  resume: SLIDESHOW_COMMANDS.resume,
};

/**
 * Voice controls run the same user-defined commands as the document's own tap and remote-key handlers, so a voice
 * "pause" shows the same badge and stops the same paging loop as a tap. Each of them runs on the document's paging
 * sequencer, which stops whatever was paging; moving and resuming end by re-arming AutoPage with screenLock.
 */
export function buildSlideshowControl(
  control: SlideshowControl,
  options: SlideshowControlOptions = {},
): ExecuteCommandsDirective {
  const commands: Command[] = [];
  const call: Record<string, unknown> = { type: COMMAND_OF[control] };
  if (options.pageDurationMs !== undefined) {
    const pageDurationMs = pageDurationOf(options.pageDurationMs);
    commands.push(
      asCommand({
        type: 'SetValue',
        componentId: SLIDESHOW_PAGER_ID,
        property: PAGE_DURATION_BINDING,
        value: pageDurationMs,
      }),
    );
    if (control !== 'pause') call.pageDuration = pageDurationMs;
  }
  commands.push(...(options.first ?? []), asCommand(call));
  return { type: 'Alexa.Presentation.APL.ExecuteCommands', token: SLIDESHOW_TOKEN, commands };
}

/**
 * ask-sdk-model types only APL's standard commands, and SetValue's value only as a string; a call to one of the
 * document's own commands, or a numeric SetValue for a number binding, is the same JSON the model can't express.
 */
function asCommand(command: Record<string, unknown>): Command {
  return command as unknown as Command;
}
