import { availableParallelism } from 'node:os';
import type { RawImage } from './context';

/**
 * Screen buffers given back once their rendition is encoded, kept for the next canvas of the same size. Measured
 * reason: a fresh 3 MB buffer per cold render was half of the external memory a render churns through, and that
 * churn is what starts V8's major collections (2-4 ms of pauses a render, plus marking on helper threads, at 2
 * renders at once). One kept per core: as many as renders run at once (display-service/renditions/sharp-settings).
 */
const KEPT_FREE_BUFFERS = Math.max(2, availableParallelism());
const freeBuffers: Buffer[] = [];

function takeBuffer(bytes: number): Buffer {
  const at = freeBuffers.findIndex((buffer) => buffer.length === bytes);
  // allocUnsafe + fill, not alloc: alloc's fresh zeroed pages cost ~3.5 ms of page faults per 1280x800 screen,
  // filling a pooled allocation ~0.9 ms (npm run bench:display).
  return at >= 0 ? freeBuffers.splice(at, 1)[0]! : Buffer.allocUnsafe(bytes);
}

/**
 * The screen as one buffer of 3-channel 8-bit pixels that tiles, fills and photos are copied into, row by row.
 * Hand-written for a measured reason: libvips' composite works in floating point over every pixel of the screen,
 * and compositing a contained photo over its upscaled fill cost more than decoding the 12 MP original and encoding
 * the result together (npm run bench:display); opaque pixels only ever need copying.
 */
export class RawCanvas {
  readonly channels = 3;
  readonly data: Buffer;
  private released = false;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    // Zero-filled: whatever no tile covers is black.
    this.data = takeBuffer(width * height * this.channels).fill(0);
  }

  /**
   * Gives the pixels back for a later canvas. Only once nothing reads them any more (the encoder has finished):
   * neither this canvas nor its `data` may be used afterwards.
   */
  release(): void {
    if (this.released) return;
    this.released = true;
    if (freeBuffers.length >= KEPT_FREE_BUFFERS) freeBuffers.shift();
    freeBuffers.push(this.data);
  }

  /** Copies `image` with its top-left corner at (left, top); whatever falls outside the canvas is cut off. */
  paste(image: RawImage, left: number, top: number): void {
    if (image.channels !== this.channels) {
      throw new Error(`RawCanvas takes ${this.channels}-channel pixels, got ${image.channels}`);
    }
    const fromX = Math.max(0, -left);
    const toX = Math.min(image.width, this.width - left);
    if (toX <= fromX) return;
    const rowBytes = (toX - fromX) * this.channels;
    for (let y = Math.max(0, -top); y < image.height && top + y < this.height; y++) {
      const source = (y * image.width + fromX) * this.channels;
      const target = ((top + y) * this.width + left + fromX) * this.channels;
      // TypedArray.set over a subarray: a plain memcpy, ~3x cheaper per row than Buffer.copy on Node 20.
      this.data.set(image.data.subarray(source, source + rowBytes), target);
    }
  }

  /** The canvas as sharp's raw input description. */
  get raw(): { width: number; height: number; channels: 3 } {
    return { width: this.width, height: this.height, channels: 3 };
  }
}
