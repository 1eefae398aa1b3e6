import type { ApiClient } from './api-client';
import type { NamedEntry, SearchAnswer, Tile } from './app-types';
import { button, h } from './dom';

/** What a grid of photos is of: free text (as the skill reads it) or one way of browsing. */
export type PhotoSearch =
  { q: string } | { personId: string } | { albumId: string } | { favourites: true } | { year: number };

/** Search and browse: a text box, the owner's albums and years, and the grid of what was asked for. */
export async function photosView(api: ApiClient, search: PhotoSearch | null): Promise<HTMLElement> {
  const form = h('form', { class: 'search', role: 'search' });
  const input = h('input', {
    type: 'search',
    name: 'q',
    'aria-label': 'Search photos',
    placeholder: 'beach photos from last summer',
    value: search !== null && 'q' in search ? search.q : undefined,
  });
  form.append(input, h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (q) window.location.hash = `#photos?q=${encodeURIComponent(q)}`;
  });
  const browse = await api.get<{ albums: NamedEntry[] }>('/browse');
  const thisYear = new Date().getFullYear();
  const links = h(
    'nav',
    { class: 'browse', 'aria-label': 'Browse' },
    h('a', { href: '#photos?favourites=1' }, 'Favourites'),
    ...browse.albums.map((album) =>
      h(
        'a',
        { href: `#photos?album=${encodeURIComponent(album.id)}` },
        `${album.name} (${album.photoCount})`,
      ),
    ),
    ...Array.from({ length: 8 }, (_, i) => thisYear - i).map((year) =>
      h('a', { href: `#photos?year=${year}` }, String(year)),
    ),
  );
  const section = h('section', { class: 'photos' }, h('h2', {}, 'Photos'), form, links);
  if (search !== null) section.append(await resultsOf(api, search));
  return section;
}

async function resultsOf(api: ApiClient, search: PhotoSearch): Promise<HTMLElement> {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const body = { ...search, ...('q' in search ? { timeZone } : {}) };
  const answer = await api.post<SearchAnswer>('/search', body);
  const results = h('div', { class: 'results' });
  if (answer.total === 0) {
    results.append(h('p', { class: 'nothing', role: 'status' }, answer.nothingFound ?? 'No photos match.'));
    return results;
  }
  const understood = answer.understood.map((part) => `${part.text} → ${part.reading}`).join(', ');
  results.append(
    h(
      'p',
      { class: 'total', role: 'status', 'data-total': String(answer.total) },
      `${answer.total} ${answer.total === 1 ? 'photo' : 'photos'}`,
      understood ? ` · read as ${understood}` : '',
    ),
  );
  const grid = h('ul', { class: 'grid' });
  results.append(grid);
  addTiles(grid, answer.photos);
  let cursor = answer.nextCursor;
  if (cursor !== null) {
    const more: HTMLButtonElement = button('More photos', async () => {
      const next = await api.post<SearchAnswer>('/search', { ...body, cursor });
      addTiles(grid, next.photos);
      cursor = next.nextCursor;
      if (cursor === null) more.remove();
    });
    results.append(more);
  }
  return results;
}

function addTiles(grid: HTMLElement, tiles: readonly Tile[]): void {
  for (const tile of tiles) {
    grid.append(
      h(
        'li',
        {},
        h(
          'a',
          { href: `#photo/${encodeURIComponent(tile.id)}`, 'data-photo-id': tile.id },
          h('img', {
            src: tile.url,
            alt: tile.takenLocal ? `Photo taken ${tile.takenLocal}` : 'Photo',
            loading: 'lazy',
          }),
        ),
      ),
    );
  }
}

/** Reads a `#photos?…` route's parameters. */
export function photoSearchOf(params: URLSearchParams): PhotoSearch | null {
  const q = params.get('q');
  if (q) return { q };
  const person = params.get('person');
  if (person) return { personId: person };
  const album = params.get('album');
  if (album) return { albumId: album };
  if (params.get('favourites') === '1') return { favourites: true };
  const year = Number(params.get('year'));
  if (params.has('year') && Number.isInteger(year)) return { year };
  return null;
}
