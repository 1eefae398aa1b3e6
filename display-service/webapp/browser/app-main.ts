import { ApiClient, ApiError } from './api-client';
import { h } from './dom';
import { framesView } from './frames-view';
import { peopleView } from './people-view';
import { photoSearchOf, photosView } from './photos-view';
import { photoView } from './photo-view';
import { statusView } from './status-view';

const SECTIONS: [string, string][] = [
  ['#status', 'Status'],
  ['#photos', 'Photos'],
  ['#people', 'People'],
  ['#frames', 'Frames'],
];

/**
 * The web app for the library: one page, sections chosen by the URL's hash (`#photos?q=…`, `#photo/<id>`), each
 * built from the API with plain DOM. Plain DOM like the frame: a handful of forms and lists need no framework, and
 * esbuild bundles it with no build step.
 */
function main(): void {
  const root = document.getElementById('app');
  const apiBase = document.body.dataset.api;
  if (!root || !apiBase) return;
  const api = new ApiClient(apiBase);
  const nav = h(
    'nav',
    { class: 'sections', 'aria-label': 'Sections' },
    ...SECTIONS.map(([href, label]) => h('a', { href }, label)),
    h('a', { href: '/frame', target: '_blank', rel: 'noopener' }, 'Open the frame'),
  );
  const content = h('main', { id: 'content', 'aria-live': 'polite' });
  root.replaceChildren(h('header', {}, h('h1', {}, 'Photo Frame'), nav), content);
  let shown = 0;
  const show = async (): Promise<void> => {
    const turn = ++shown;
    const [route = '#status', query = ''] = (window.location.hash || '#status').split('?');
    for (const link of nav.querySelectorAll('a')) {
      link.toggleAttribute('aria-current', link.getAttribute('href') === route.split('/')[0]);
    }
    content.setAttribute('aria-busy', 'true');
    try {
      const view = await viewFor(api, route, new URLSearchParams(query));
      if (turn === shown) content.replaceChildren(view);
    } catch (error) {
      if (turn !== shown) return;
      const message = error instanceof ApiError ? `${error.message} (${error.code})` : String(error);
      content.replaceChildren(h('p', { class: 'error', role: 'alert' }, message));
    } finally {
      if (turn === shown) content.removeAttribute('aria-busy');
    }
  };
  window.addEventListener('hashchange', () => void show());
  void show();
}

function viewFor(api: ApiClient, route: string, params: URLSearchParams): Promise<HTMLElement> {
  if (route.startsWith('#photo/')) return photoView(api, decodeURIComponent(route.slice('#photo/'.length)));
  if (route === '#photos') return photosView(api, photoSearchOf(params));
  if (route === '#people') return peopleView(api);
  if (route === '#frames') return framesView(api);
  return statusView(api);
}

main();
