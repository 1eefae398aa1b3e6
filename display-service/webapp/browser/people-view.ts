import { ApiError, type ApiClient } from './api-client';
import type { Person } from './app-types';
import { button, h } from './dom';

/**
 * People with a face crop each: name (naming a person with a name someone already has merges the two), show
 * their photos, hide. Splitting a wrong face off a person is on the photo's page ("Not this person").
 */
export async function peopleView(api: ApiClient): Promise<HTMLElement> {
  const { people } = await api.get<{ people: Person[] }>('/people');
  const list = h('ul', { class: 'people' });
  for (const person of people) list.append(personCard(api, person));
  return h(
    'section',
    { class: 'people-page' },
    h('h2', {}, 'People'),
    h('p', { class: 'hint' }, 'Give the same name to two people to merge them.'),
    people.length === 0 ? h('p', {}, 'No people yet: vision finds faces as photos are indexed.') : list,
  );
}

function personCard(api: ApiClient, person: Person, note = ''): HTMLElement {
  const path = `/people/${encodeURIComponent(person.id)}`;
  const input = h('input', {
    type: 'text',
    name: 'name',
    value: person.name ?? '',
    placeholder: 'Who is this?',
    'aria-label': `Name of ${person.name ?? 'this person'}`,
  });
  const message = h('span', { class: 'message', role: 'status' }, note);
  const form = h('form', { class: 'name' }, input, h('button', { type: 'submit' }, 'Save name'), message);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (!name) return;
    api.patch<Person>(path, { name }).then(
      // Naming may give the person another id (merged into someone of that name): the card follows it.
      (after) => card.replaceWith(personCard(api, after, `Saved as ${after.name ?? name}`)),
      (error: unknown) => {
        message.textContent = error instanceof ApiError ? error.message : 'Not saved';
      },
    );
  });
  const card = h(
    'li',
    { 'data-person-id': person.id, 'data-name': person.name ?? '' },
    h('img', {
      class: 'face',
      src: `/app/api${path}/face`,
      alt: person.name ? `Face of ${person.name}` : 'Face of an unnamed person',
      loading: 'lazy',
    }),
    form,
    h(
      'p',
      {},
      h('a', { href: `#photos?person=${encodeURIComponent(person.id)}` }, `${person.photoCount} photos`),
      person.hidden ? ' · hidden' : '',
    ),
    button(person.hidden ? 'Show again' : 'Hide', async () => {
      const after = await api.patch<Person>(path, { hidden: !person.hidden });
      card.replaceWith(personCard(api, after));
    }),
  );
  return card;
}
