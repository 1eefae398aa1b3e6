import type { PreviewDevice } from '../frame-api-types';

/** Everything in a page that came from a request goes through here first. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface PageAssets {
  /** Where the router is mounted, e.g. `/frame`; assets and the API live under it. */
  base: string;
  jsVersion: string;
  cssVersion: string;
}

/** The frame: one fullscreen element the script fills; the API base is handed over as a data attribute. */
export function framePage(assets: PageAssets): string {
  const base = escapeHtml(assets.base);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#000000">
<meta name="mobile-web-app-capable" content="yes">
<title>Photo Frame</title>
<link rel="stylesheet" href="${base}/frame.css?v=${escapeHtml(assets.cssVersion)}">
</head>
<body data-api="${base}/api">
<main id="frame" class="frame" aria-roledescription="photo slideshow"></main>
<noscript>Photo Frame needs JavaScript to show photos.</noscript>
<script src="${base}/frame.js?v=${escapeHtml(assets.jsVersion)}" defer></script>
</body>
</html>
`;
}

/** The preview: a stage of exactly the device's pixels, described to the script through data attributes. */
export function previewPage(assets: PageAssets, device: PreviewDevice, q: string | undefined): string {
  const base = escapeHtml(assets.base);
  const round = device.shape === 'ROUND' ? ' round' : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(device.name)} preview · Photo Frame</title>
<link rel="stylesheet" href="${base}/preview.css?v=${escapeHtml(assets.cssVersion)}">
</head>
<body data-api="${base}/api" data-device="${escapeHtml(device.name)}"${q === undefined ? '' : ` data-q="${escapeHtml(q)}"`}>
<header class="preview-bar">
<strong>${escapeHtml(device.name)}</strong> · ${device.width}×${device.height} px · ${device.dpi} dpi${device.mode === 'TV' ? ' · TV' : ''}${q === undefined ? ' · ambient frame' : ` · “${escapeHtml(q)}”`}
<span id="preview-status" role="status"></span>
</header>
<div id="stage" class="stage${round}" style="width:${device.width}px;height:${device.height}px" aria-label="${escapeHtml(device.name)} screen"></div>
<script src="${base}/preview.js?v=${escapeHtml(assets.jsVersion)}" defer></script>
</body>
</html>
`;
}

/** A plain page for a preview that cannot be shown (unknown device). */
export function messagePage(title: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>\n`;
}

/**
 * Headers for the frame and preview pages: scripts and styles from this origin only, images and API calls from
 * here or the rendition origin (PUBLIC_BASE_URL may differ from the origin the page was opened on), never framed.
 * The preview sizes its stage with a style attribute, so it alone allows inline styles.
 */
export function pageSecurityHeaders(
  renditionOrigin: string,
  options: { inlineStyles: boolean },
): Record<string, string> {
  const styles = options.inlineStyles ? "'self' 'unsafe-inline'" : "'self'";
  return {
    'Content-Security-Policy': [
      "default-src 'none'",
      "script-src 'self'",
      `style-src ${styles}`,
      `img-src 'self' blob: data: ${renditionOrigin}`,
      `connect-src 'self' ${renditionOrigin}`,
      // Clips play from their signed rendition URLs.
      `media-src ${renditionOrigin}`,
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}
