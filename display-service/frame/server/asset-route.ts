import type { RequestHandler } from 'express';
import type { BrowserBundles, BrowserEntry } from './browser-bundle';

/**
 * Serves a built bundle. Pages name it with `?v=<etag>`, so a cached copy is never stale; `no-cache` still makes a
 * bare URL revalidate (304 on a matching ETag).
 */
export function assetRoute(bundles: BrowserBundles, entry: BrowserEntry, kind: 'js' | 'css'): RequestHandler {
  return async (req, res) => {
    const asset = await bundles.asset(entry, kind);
    res.set({ 'Cache-Control': 'no-cache', ETag: asset.etag, 'Content-Type': asset.contentType });
    if (req.get('if-none-match') === asset.etag) {
      res.status(304).end();
      return;
    }
    res.send(asset.body);
  };
}

/** The short version string a page puts on its asset URLs. */
export async function assetVersions(
  bundles: BrowserBundles,
  entry: BrowserEntry,
): Promise<{ jsVersion: string; cssVersion: string }> {
  const [js, css] = await Promise.all([bundles.asset(entry, 'js'), bundles.asset(entry, 'css')]);
  return { jsVersion: js.etag.slice(1, 13), cssVersion: css.etag.slice(1, 13) };
}
