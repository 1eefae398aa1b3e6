import type { ApiClient } from './api-client';
import type { LabelSource, PhotoDetails } from './app-types';
import { button, h } from './dom';

/** One photo: the picture, its facts, every label and person with where it came from, favourite and hide. */
export async function photoView(api: ApiClient, photoId: string): Promise<HTMLElement> {
  const details = await api.get<PhotoDetails>(`/photos/${encodeURIComponent(photoId)}`);
  const { facts } = details;
  const section = h('section', { class: 'photo', 'data-photo-id': facts.id });
  const flags = h('div', { class: 'flags' });
  const renderFlags = (favorite: boolean, hidden: boolean): void => {
    flags.replaceChildren(
      button(favorite ? '★ Favourite' : '☆ Make favourite', async () => {
        const after = await api.patch<{ favorite: boolean; hidden: boolean }>(
          `/photos/${encodeURIComponent(facts.id)}/flags`,
          { favorite: !favorite },
        );
        renderFlags(after.favorite, after.hidden);
      }),
      button(hidden ? 'Show on frames again' : 'Hide from frames', async () => {
        const after = await api.patch<{ favorite: boolean; hidden: boolean }>(
          `/photos/${encodeURIComponent(facts.id)}/flags`,
          { hidden: !hidden },
        );
        renderFlags(after.favorite, after.hidden);
      }),
      h('span', { class: 'flag-state', role: 'status' }, hidden ? 'Hidden: no frame shows it' : ''),
    );
  };
  renderFlags(facts.favorite, facts.hidden);
  const place = facts.place
    ? [facts.place.city, facts.place.region, facts.place.country].filter(Boolean).join(', ')
    : '';
  const camera = facts.camera ? [facts.camera.make, facts.camera.model].filter(Boolean).join(' ') : '';
  section.append(h('h2', {}, facts.takenLocal ? `Taken ${facts.takenLocal.replace('T', ' ')}` : 'Photo'));
  // A hidden photo's renditions are refused (signed URLs stop working once it is hidden).
  if (!facts.hidden) section.append(h('img', { class: 'large', src: details.url, alt: 'The photo' }));
  section.append(
    flags,
    h(
      'dl',
      { class: 'facts' },
      ...fact('File', facts.source.path),
      ...fact('Taken', `${facts.takenLocal ?? 'unknown'} (from ${facts.takenTimeSource})`),
      ...(place ? fact('Place', place) : []),
      ...(camera ? fact('Camera', camera) : []),
      ...(facts.albums.length > 0 ? fact('Albums', facts.albums.map((a) => a.name).join(', ')) : []),
    ),
    h('h3', {}, 'Labels and where they came from'),
    h(
      'ul',
      { class: 'provenance' },
      ...(facts.provenance?.labels ?? []).map((label) =>
        h(
          'li',
          { 'data-label': label.name },
          h('strong', {}, label.name),
          label.answersSearch ? '' : ' (a hint only)',
          ': ',
          label.sources.map(describeSource).join('; '),
        ),
      ),
    ),
    h('h3', {}, 'People'),
    h(
      'ul',
      { class: 'people-in-photo' },
      ...(facts.provenance?.people ?? []).map((person) => {
        const faceIds = person.sources.flatMap((source) => (source.faceId ? [source.faceId] : []));
        return h(
          'li',
          {},
          h(
            'a',
            { href: `#photos?person=${encodeURIComponent(person.id)}` },
            person.name ?? 'Unnamed person',
          ),
          ': ',
          person.sources
            .map((source) => (source.kind === 'face' ? 'a face vision found' : 'the photo’s metadata'))
            .join('; '),
          ...faceIds.map((faceId) =>
            button('Not this person', async () => {
              await api.delete(`/photos/${encodeURIComponent(facts.id)}/faces/${encodeURIComponent(faceId)}`);
              window.dispatchEvent(new HashChangeEvent('hashchange'));
            }),
          ),
        );
      }),
    ),
  );
  return section;
}

function fact(label: string, value: string): HTMLElement[] {
  return [h('dt', {}, label), h('dd', {}, value)];
}

/** A label source in words: the keyword, folder, text or model it came from and how sure it was. */
function describeSource(source: LabelSource): string {
  const detail = Object.entries(source)
    .filter(([key, value]) => key !== 'kind' && key !== 'confidence' && value !== null && value !== undefined)
    .map(([key, value]) => `${key} ${typeof value === 'string' ? `“${value}”` : JSON.stringify(value)}`)
    .join(', ');
  const confidence = typeof source.confidence === 'number' ? ` ${Math.round(source.confidence * 100)} %` : '';
  return `${source.kind}${detail ? ` (${detail})` : ''}${confidence}`;
}
