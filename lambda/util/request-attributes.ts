import type { HandlerInput } from 'ask-sdk-core';
import type { Viewport } from '../../common/contracts';

/** Per-request facts computed once by interceptors and read by handlers. */
interface PhotoFrameRequestAttributes {
  /** Set when the device can show the APL slideshow; the size renditions are made for. */
  aplViewport?: Viewport;
}

const KEY = 'photoFrame';

export function setRequestFacts(input: HandlerInput, facts: PhotoFrameRequestAttributes): void {
  const attributes = input.attributesManager.getRequestAttributes();
  input.attributesManager.setRequestAttributes({ ...attributes, [KEY]: facts });
}

export function requestFactsOf(input: HandlerInput): PhotoFrameRequestAttributes {
  const facts = input.attributesManager.getRequestAttributes()[KEY] as
    PhotoFrameRequestAttributes | undefined;
  return facts ?? {};
}
