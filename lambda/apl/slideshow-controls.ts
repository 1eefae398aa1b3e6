import type { interfaces } from 'ask-sdk-model';
import { DEFAULT_PAGE_DURATION_MS } from './slideshow-directives';
import { SLIDESHOW_PAGER_ID, SLIDESHOW_TOKEN } from './slideshow-document';

type ExecuteCommandsDirective = interfaces.alexa.presentation.apl.ExecuteCommandsDirective;
type Command = interfaces.alexa.presentation.apl.Command;

export type SlideshowControl = 'next' | 'previous' | 'start-over' | 'pause' | 'resume';

/**
 * Voice controls as APL commands on the slideshow's pager. A new ExecuteCommands ends the running AutoPage (both
 * run on the main sequencer), so moving is "go there, then keep auto-paging", and pausing is a zero-step move that
 * stops it; resuming starts AutoPage again. screenLock keeps the device from timing the document out meanwhile.
 */
export function buildSlideshowControl(control: SlideshowControl): ExecuteCommandsDirective {
  const autoPage: Command = {
    type: 'AutoPage',
    componentId: SLIDESHOW_PAGER_ID,
    duration: DEFAULT_PAGE_DURATION_MS,
    screenLock: true,
  };
  const setPage = (position: 'relative' | 'absolute', value: number): Command => ({
    type: 'SetPage',
    componentId: SLIDESHOW_PAGER_ID,
    position,
    value,
  });
  const commands: Command[] = {
    next: [setPage('relative', 1), autoPage],
    previous: [setPage('relative', -1), autoPage],
    'start-over': [setPage('absolute', 0), autoPage],
    pause: [setPage('relative', 0)],
    resume: [autoPage],
  }[control];
  return {
    type: 'Alexa.Presentation.APL.ExecuteCommands',
    token: SLIDESHOW_TOKEN,
    commands: [{ type: 'Sequential', commands }],
  };
}
