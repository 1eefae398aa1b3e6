import { ApiError, type ApiClient } from './api-client';
import type { Frame, FrameProfile, NamedEntry, Person, Shows } from './app-types';
import { button, h } from './dom';

/** Frames: link one with the code it shows, unlink, and set what each shows and how (its profile). */
export async function framesView(api: ApiClient): Promise<HTMLElement> {
  const [{ accounts, defaultClipSharePercent, frames }, { people }, { albums }] = await Promise.all([
    api.get<{ accounts: boolean; defaultClipSharePercent: number; frames: Frame[] }>('/frames'),
    api.get<{ people: Person[] }>('/people'),
    api.get<{ albums: NamedEntry[] }>('/browse'),
  ]);
  const section = h('section', { class: 'frames' }, h('h2', {}, 'Frames'));
  if (accounts) section.append(linkForm(api));
  else section.append(h('p', { class: 'hint' }, 'Open /frame on any screen signed in to this library.'));
  const list = h('ul', { class: 'frame-list' });
  for (const frame of frames) list.append(frameCard(api, frame, people, albums, defaultClipSharePercent));
  section.append(frames.length === 0 ? h('p', {}, 'No frames yet.') : list);
  return section;
}

function linkForm(api: ApiClient): HTMLElement {
  const input = h('input', {
    type: 'text',
    name: 'code',
    inputmode: 'numeric',
    autocomplete: 'off',
    'aria-label': 'Code the frame shows',
    placeholder: '4821',
  });
  const message = h('span', { class: 'message', role: 'status' });
  const form = h('form', { class: 'link' }, input, h('button', { type: 'submit' }, 'Link frame'), message);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    api.post('/frames/link', { code: input.value.trim() }).then(
      () => window.dispatchEvent(new HashChangeEvent('hashchange')),
      (error: unknown) => {
        message.textContent = error instanceof ApiError ? error.message : 'Not linked';
      },
    );
  });
  return form;
}

function frameCard(
  api: ApiClient,
  frame: Frame,
  people: Person[],
  albums: NamedEntry[],
  defaultClipShare: number,
): HTMLElement {
  const profile = frame.profile;
  const title = frame.frameId ? `Web frame ${frame.frameId}` : nameOfScreen(frame.deviceId);
  const showsSelect = h('select', { name: 'shows', 'aria-label': 'What it shows' });
  const options: [string, string][] = [
    ['everything', 'The whole library'],
    ['favourites', 'Favourites'],
    ['query', 'Photos matching text…'],
    ...people
      .filter((p) => p.name)
      .map((p): [string, string] => [`person:${p.id}`, `Photos of ${p.name ?? ''}`]),
    ...albums.map((a): [string, string] => [`album:${a.id}`, `Album ${a.name}`]),
  ];
  for (const [value, label] of options) showsSelect.append(h('option', { value }, label));
  showsSelect.value = selectValueOf(profile?.shows);
  const text = h('input', {
    type: 'text',
    name: 'q',
    'aria-label': 'Text of the photos it shows',
    value: profile?.shows.kind === 'query' ? profile.shows.q : '',
    placeholder: 'beach photos from last summer',
  });
  const interval = h('input', {
    type: 'number',
    name: 'interval',
    min: '1',
    max: '3600',
    value: String(profile?.intervalSeconds ?? 10),
    'aria-label': 'Seconds per photo',
  });
  // The share of clips the ambient slideshow mixes in (whole percent; the server refuses anything else).
  const clipShare = h('input', {
    type: 'number',
    name: 'clipSharePercent',
    min: '0',
    max: '100',
    step: '1',
    value: String(profile?.clipSharePercent ?? defaultClipShare),
    'aria-label': 'Share of clips, percent',
  });
  const captions = checkbox('captions', 'Captions', profile?.captions ?? true);
  const clock = checkbox('clock', 'Clock', profile?.clock ?? false);
  const dim = checkbox('dim', 'Dim at night', profile?.dim ?? false);
  const dimFrom = h('input', {
    type: 'time',
    name: 'dimFrom',
    value: profile?.dimFrom ?? '22:00',
    'aria-label': 'Dim from',
  });
  const dimTo = h('input', {
    type: 'time',
    name: 'dimTo',
    value: profile?.dimTo ?? '07:00',
    'aria-label': 'Dim until',
  });
  const message = h(
    'span',
    { class: 'message', role: 'status' },
    profile ? `Shows: ${profile.showsText}` : '',
  );
  const form = h(
    'form',
    { class: 'profile' },
    h('label', {}, 'Shows ', showsSelect),
    h('label', {}, 'Text ', text),
    h('label', {}, 'Seconds per photo ', interval),
    h('label', {}, 'Clips ', clipShare, ' %'),
    captions.label,
    clock.label,
    dim.label,
    h('label', {}, 'from ', dimFrom, ' to ', dimTo),
    h('button', { type: 'submit' }, 'Save'),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const shows = showsOf(showsSelect.value, text.value.trim());
    const settings = {
      shows,
      intervalSeconds: Math.round(Number(interval.value) || 10),
      captions: captions.input.checked,
      clock: clock.input.checked,
      dim: dim.input.checked,
      dimFrom: dimFrom.value || '22:00',
      dimTo: dimTo.value || '07:00',
      dimLevel: profile?.dimLevel ?? 0.75,
      // Sent as typed: "150" or "abc" is refused by the server with INVALID_CLIP_SHARE, shown below.
      clipSharePercent: clipShare.value.trim() === '' ? defaultClipShare : Number(clipShare.value),
    };
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    api.put<FrameProfile>('/frames/profile', { deviceId: frame.deviceId, settings, timeZone }).then(
      (saved) => {
        message.textContent = `Saved. Shows: ${saved.showsText}`;
      },
      (error: unknown) => {
        message.textContent = error instanceof ApiError ? error.message : 'Not saved';
      },
    );
  });
  return h(
    'li',
    { 'data-device-id': frame.deviceId },
    h('h3', {}, title),
    h('p', { class: 'hint' }, `Since ${frame.since.slice(0, 10)}`),
    form,
    frame.frameId === null
      ? null
      : button('Unlink', async () => {
          await api.delete(`/frames/${encodeURIComponent(frame.frameId ?? '')}/link`);
          window.dispatchEvent(new HashChangeEvent('hashchange'));
        }),
  );
}

function checkbox(
  name: string,
  label: string,
  checked: boolean,
): { label: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { type: 'checkbox', name });
  input.checked = checked;
  return { label: h('label', {}, input, ` ${label}`), input };
}

function selectValueOf(shows: Shows | undefined): string {
  if (!shows) return 'everything';
  if (shows.kind === 'person') return `person:${shows.personId}`;
  if (shows.kind === 'album') return `album:${shows.albumId}`;
  return shows.kind;
}

function showsOf(value: string, q: string): Shows {
  if (value.startsWith('person:')) return { kind: 'person', personId: value.slice('person:'.length) };
  if (value.startsWith('album:')) return { kind: 'album', albumId: value.slice('album:'.length) };
  if (value === 'favourites') return { kind: 'favourites' };
  if (value === 'query') return { kind: 'query', q };
  return { kind: 'everything' };
}

/** Screens other than linked web frames: a browser's web frame, or an Echo device (Alexa's long device ids). */
function nameOfScreen(deviceId: string): string {
  if (deviceId.startsWith('web-frame:'))
    return `Web frame on a signed-in browser (${deviceId.slice(10, 22)})`;
  if (deviceId.startsWith('amzn1.ask.device.')) return `Echo device …${deviceId.slice(-6)}`;
  return deviceId.slice(0, 40);
}
