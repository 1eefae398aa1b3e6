import { escapeHtml } from '../../frame/server/pages';

/** The web app's one page: an empty shell the script fills; where its API lives is handed over as a data attribute. */
export function webAppPage(assets: { jsVersion: string; cssVersion: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#1d2a3a">
<title>Photo Frame</title>
<link rel="manifest" href="/manifest.webmanifest">
<link rel="icon" href="/icon.svg" type="image/svg+xml">
<link rel="apple-touch-icon" href="/icon-192.png">
<link rel="stylesheet" href="/app.css?v=${escapeHtml(assets.cssVersion)}">
</head>
<body data-api="/app/api">
<div id="app"><p class="loading">Loading Photo Frame…</p></div>
<noscript>Photo Frame's library pages need JavaScript.</noscript>
<script src="/app.js?v=${escapeHtml(assets.jsVersion)}" defer></script>
</body>
</html>
`;
}
