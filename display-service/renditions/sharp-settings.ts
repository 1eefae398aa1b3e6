import { availableParallelism } from 'node:os';
import sharp from 'sharp';

/**
 * Every sharp/libvips knob the display turns, in one place, tuned for throughput on small (2-core) machines.
 *
 * - `concurrency` (libvips threads per image): 1. Renditions are many small independent jobs, so parallelism comes
 *   from rendering several images at once on libuv's thread pool, which scales better than splitting one image
 *   across threads. sharp picks 1 itself on glibc without jemalloc, to limit memory fragmentation.
 * - `loneRenderConcurrency`: 2 (at most the cores) while a render runs alone. With nothing else to run, a second
 *   libvips thread resizes what the first has just decoded, instead of the one thread doing both in turn: a lone
 *   cold 1280x800 rendition of a 12 MP JPEG took p50 55 ms instead of 60 (p95 67 instead of 72) in-process. That is
 *   the photo a device waits for after someone speaks. As soon as a second render starts, new pipelines go back to
 *   `concurrency` (one already running keeps its threads until it ends). sharp's setting is process-wide, so any
 *   other sharp work in the process (the embedded library's ingest) follows the same switch.
 * - `cache` (libvips operation cache): off. It memoises operations by their inputs; every rendition reads
 *   different bytes, so it would only pin decoded pixels in memory (the rendition cache does the real caching).
 * - `maxConcurrentRenders`: one per core. More renders at once do not finish sooner on a busy CPU; they only hold
 *   more decoded images in memory and make every waiting device slower.
 * - The libuv thread pool (UV_THREADPOOL_SIZE, default 4) runs sharp pipelines, file reads and crypto. It must
 *   exceed `maxConcurrentRenders` so file reads of cached renditions never queue behind renders; the default 4
 *   does on 2-3 cores. On bigger machines set UV_THREADPOOL_SIZE = cores + 2 in the process environment (it is
 *   read once, when the pool first starts, so it cannot be changed from here).
 * - MALLOC_ARENA_MAX=1 in the process environment (sharp's advice for glibc, taken one step further): otherwise
 *   each libvips worker thread grows its own malloc arena and RSS climbs far past what is in use. One arena instead
 *   of two took the peak RSS of 50 starting slideshows from 337-343 MB to 296-298 MB (bench/display section 4)
 *   at the same CPU per cold render (76-83 ms against 78-88 ms, concurrency 2); a fixed mmap threshold
 *   (MALLOC_MMAP_THRESHOLD_) cut the peak too but cost ~2,000 page faults and +15 ms of system time per render.
 *   Like UV_THREADPOOL_SIZE it must be set before the process starts (the npm scripts, the Dockerfile and the
 *   bench's server process set it; so should a service unit).
 * - SIMD (highway) stays on: it is what makes resize and colour conversion fast.
 */
export interface SharpSettings {
  concurrency: number;
  loneRenderConcurrency: number;
  cacheEnabled: boolean;
  maxConcurrentRenders: number;
}

export function defaultSharpSettings(): SharpSettings {
  const cores = Math.max(1, availableParallelism());
  return {
    concurrency: 1,
    loneRenderConcurrency: Math.min(2, cores),
    cacheEnabled: false,
    maxConcurrentRenders: cores,
  };
}

/** sharp's settings are process-wide; applying the same ones twice (two displays in one process) is harmless. */
export function applySharpSettings(overrides: Partial<SharpSettings> = {}): SharpSettings {
  const settings = { ...defaultSharpSettings(), ...overrides };
  sharp.concurrency(settings.concurrency);
  sharp.cache(settings.cacheEnabled);
  sharp.simd(true);
  return settings;
}

/**
 * The libvips threads a render's pipelines get while `active` renders run (for RenderLimiter's onActiveChange):
 * loneRenderConcurrency for a render on its own, concurrency otherwise.
 */
export function renderThreadsFor(settings: SharpSettings): (active: number) => void {
  return (active) => {
    const wanted = active <= 1 ? settings.loneRenderConcurrency : settings.concurrency;
    if (sharp.concurrency() !== wanted) sharp.concurrency(wanted);
  };
}
