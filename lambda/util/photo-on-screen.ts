import type { RequestEnvelope } from 'ask-sdk-model';
import { SLIDESHOW_TOKEN } from '../apl/slideshow-document';

interface VisibleComponent {
  visibility?: number;
  entities?: Array<{ type?: string; id?: string }>;
  children?: VisibleComponent[];
}

/**
 * The photo the slideshow shows right now, from the request's APL visual context: the most visible component
 * carrying a `photo` entity (a page mid-transition reports two). Undefined when our document is not on screen.
 */
export function photoOnScreen(envelope: RequestEnvelope): string | undefined {
  const state = envelope.context['Alexa.Presentation.APL'];
  if (state?.token !== SLIDESHOW_TOKEN) return undefined;
  let best: { id: string; visibility: number } | undefined;
  const visit = (components: VisibleComponent[] | undefined): void => {
    for (const component of components ?? []) {
      for (const entity of component.entities ?? []) {
        const visibility = component.visibility ?? 1;
        if (entity.type === 'photo' && entity.id && (!best || visibility > best.visibility)) {
          best = { id: entity.id, visibility };
        }
      }
      visit(component.children);
    }
  };
  visit(state.componentsVisibleOnScreen);
  return best?.id;
}
