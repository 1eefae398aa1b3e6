import type { RequestEnvelope } from 'ask-sdk-model';

/** The H.264 levels clip renditions are made at (High 4.1) or below, as devices list them in Viewport.video. */
const PLAYABLE_CODECS: readonly string[] = ['H_264_41', 'H_264_42'];

/**
 * Whether the device can play a clip in the APL `Video` component: it must show APL and say in its viewport that
 * it decodes H.264 at level 4.1 or above (Echo Show and Fire TV list `video.codecs`). Anything else gets only
 * the clip's poster still, never a Video it cannot play.
 */
export function playsVideo(envelope: RequestEnvelope): boolean {
  if (!envelope.context?.System?.device?.supportedInterfaces?.['Alexa.Presentation.APL']) return false;
  const codecs = (envelope.context.Viewport as { video?: { codecs?: unknown } } | undefined)?.video?.codecs;
  return Array.isArray(codecs) && codecs.some((codec) => PLAYABLE_CODECS.includes(String(codec)));
}
