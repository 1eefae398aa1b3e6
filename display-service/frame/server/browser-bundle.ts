import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { frameErrors } from './frame-errors';

/** A built browser asset, kept in memory for the life of the process. */
export interface BuiltAsset {
  body: Buffer;
  contentType: string;
  etag: string;
}

export type BrowserEntry = 'frame' | 'preview' | 'webapp';

const BROWSER_DIR = join(__dirname, '..', 'browser');
const WEBAPP_DIR = join(__dirname, '..', '..', 'webapp', 'browser');
const ENTRIES: Record<BrowserEntry, { js: string; css: string }> = {
  frame: { js: join(BROWSER_DIR, 'frame-main.ts'), css: join(BROWSER_DIR, 'frame.css') },
  preview: { js: join(BROWSER_DIR, 'preview-main.ts'), css: join(BROWSER_DIR, 'preview.css') },
  webapp: { js: join(WEBAPP_DIR, 'app-main.ts'), css: join(WEBAPP_DIR, 'app.css') },
};
/** Fire TV's Silk, Raspberry Pi Chromium and tablets from the last few years (Safari 14 is left out: esbuild cannot lower its destructuring quirk): no syntax newer than these. */
const TARGETS = ['chrome87', 'safari15', 'firefox78'];

/**
 * Bundles the browser sources with esbuild on first request, in-process, once per process, so `npm start` and
 * `npm test` need no build step. A failed build is not cached: the next request tries again.
 */
export class BrowserBundles {
  private readonly builds = new Map<BrowserEntry, Promise<{ js: BuiltAsset; css: BuiltAsset }>>();

  constructor(private readonly options: { minify: boolean } = { minify: true }) {}

  async asset(entry: BrowserEntry, kind: 'js' | 'css'): Promise<BuiltAsset> {
    let build = this.builds.get(entry);
    if (!build) {
      build = this.build(entry);
      this.builds.set(entry, build);
      build.catch(() => this.builds.delete(entry));
    }
    try {
      return (await build)[kind];
    } catch (error) {
      throw frameErrors.bundleUnavailable(error);
    }
  }

  private async build(entry: BrowserEntry): Promise<{ js: BuiltAsset; css: BuiltAsset }> {
    // Loaded on first use: a process that never serves a frame never loads esbuild.
    const esbuild = await import('esbuild');
    const files = ENTRIES[entry];
    const common = {
      bundle: true,
      write: false,
      minify: this.options.minify,
      target: TARGETS,
      logLevel: 'silent' as const,
      legalComments: 'none' as const,
    };
    const [js, css] = await Promise.all([
      esbuild.build({ ...common, entryPoints: [files.js], format: 'iife' }),
      esbuild.build({ ...common, entryPoints: [files.css] }),
    ]);
    return {
      js: toAsset(js.outputFiles?.[0]?.contents, 'text/javascript; charset=utf-8'),
      css: toAsset(css.outputFiles?.[0]?.contents, 'text/css; charset=utf-8'),
    };
  }
}

function toAsset(contents: Uint8Array | undefined, contentType: string): BuiltAsset {
  if (!contents) throw new Error('esbuild produced no output');
  const body = Buffer.from(contents);
  return {
    body,
    contentType,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  };
}
