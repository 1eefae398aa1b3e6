import type { RequestHandler } from 'express';
import { NotReadyError } from '../readiness';

/** What a tier's home page shows: a title, a few facts, and where to go from here. */
export interface HomePageView {
  title: string;
  /** One line each, e.g. ['Library', 'ready']; a value that is a problem is marked `warning`. */
  facts: ReadonlyArray<{ label: string; value: string; warning?: boolean }>;
  links: ReadonlyArray<{ href: string; label: string; note?: string }>;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * A small, self-contained HTML page (no script, inline style) until the web app exists: every value is escaped,
 * since facts carry text from outside (an ingest failure's reason).
 */
export function renderHomePage(view: HomePageView): string {
  const facts = view.facts
    .map(
      (fact) =>
        `<dt>${escapeHtml(fact.label)}</dt><dd${fact.warning ? ' class="warning"' : ''}>${escapeHtml(fact.value)}</dd>`,
    )
    .join('\n      ');
  const links = view.links
    .map(
      (link) =>
        `<li><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a>${
          link.note ? ` <span>${escapeHtml(link.note)}</span>` : ''
        }</li>`,
    )
    .join('\n      ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(view.title)}</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
      dt { font-weight: 600; }
      dd { margin: 0; }
      .warning { color: #a40000; }
      li span { color: #666; }
    </style>
  </head>
  <body>
    <h1>${escapeHtml(view.title)}</h1>
    <dl>
      ${facts}
    </dl>
    <ul>
      ${links}
    </ul>
  </body>
</html>
`;
}

export interface TierHomePageOptions {
  title: string;
  /** The tier's readiness check: its NotReadyError reasons are shown, any other failure as `notReady`. */
  ready: () => Promise<void>;
  notReady: string;
  /** Facts after readiness and the process id, read on each request. */
  facts?: () => HomePageView['facts'];
  links: HomePageView['links'];
}

/**
 * `GET /` of a tier on its own (start:display, start:library): the process's state and links to its endpoints. It
 * holds no owner data, so it is open like /healthz.
 */
export function tierHomePage(options: TierHomePageOptions): RequestHandler {
  return (_req, res) => {
    const send = (notReady: readonly string[]) => {
      const page = renderHomePage({
        title: options.title,
        facts: [
          {
            label: 'Ready',
            value: notReady.length === 0 ? 'yes' : `no: ${notReady.join('; ')}`,
            warning: notReady.length > 0,
          },
          { label: 'Process', value: String(process.pid) },
          ...(options.facts?.() ?? []),
        ],
        links: options.links,
      });
      res.set('cache-control', 'no-store').type('html').send(page);
    };
    options.ready().then(
      () => send([]),
      (error: unknown) => send(error instanceof NotReadyError ? error.reasons : [options.notReady]),
    );
  };
}
