import type { ResponseEnvelope } from 'ask-sdk-model';

/** Words that only address Alexa or the skill ("Alexa, ask Photo Frame to …"): not part of what to show. */
const ADDRESSING =
  /^\s*(alexa[,\s]+)?((ask|tell|open|launch|start)\s+photo\s+frame(\s+(to|for|and))?[,\s]*)?/i;

/**
 * Where to see, in a browser, what the skill put on the device's screen: the display's /preview page at that
 * device's exact viewport (the same playlist rules, renditions and captions as the APL slideshow), for people
 * without an Echo at hand. Undefined when the answer showed nothing on screen.
 */
export function previewUrlFor(
  origin: string,
  deviceName: string,
  utterance: string | undefined,
  response: ResponseEnvelope,
): string | undefined {
  const rendered = (response.response.directives ?? []).some(
    (directive) => directive.type === 'Alexa.Presentation.APL.RenderDocument',
  );
  if (!rendered) return undefined;
  const url = new URL('/preview', origin);
  url.searchParams.set('device', deviceName);
  const text = utterance?.replace(ADDRESSING, '').trim();
  if (text) url.searchParams.set('q', text);
  return url.toString();
}
