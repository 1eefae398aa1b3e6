import type { RequestInterceptor } from 'ask-sdk-core';
import { renditionViewportOf } from '../util/viewport';
import { setRequestFacts } from '../util/request-attributes';

/** Decides once per request whether the device gets the APL slideshow, and at what size. */
export const aplSupportInterceptor: RequestInterceptor = {
  process(input) {
    setRequestFacts(input, { aplViewport: renditionViewportOf(input.requestEnvelope) });
  },
};
