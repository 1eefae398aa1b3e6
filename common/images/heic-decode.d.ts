/** heic-decode 2.1 ships no types: its default export decodes the primary image of a HEIC buffer to RGBA. */
declare module 'heic-decode' {
  interface DecodedHeic {
    width: number;
    height: number;
    data: Uint8ClampedArray;
  }
  function decode(input: { buffer: Uint8Array }): Promise<DecodedHeic>;
  export = decode;
}
