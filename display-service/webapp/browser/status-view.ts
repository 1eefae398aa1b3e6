import type { ApiClient } from './api-client';
import type { Progress, Status } from './app-types';
import { h } from './dom';

/** Status: photos, ingest and vision progress, what is not ready, and every skipped file with its reason. */
export async function statusView(api: ApiClient): Promise<HTMLElement> {
  const status = await api.get<Status>('/status');
  const rows: [string, string][] = [
    ['Photos', `${status.photoCount} ${status.photoCount === 1 ? 'photo' : 'photos'}`],
    ['Ingest', describe(status.ingest)],
    ['Vision', describe(status.vision)],
    ['Ready', status.notReady.length === 0 ? 'yes' : `no: ${status.notReady.join('; ')}`],
  ];
  return h(
    'section',
    { class: 'status', 'aria-labelledby': 'status-title' },
    h('h2', { id: 'status-title' }, 'Status'),
    h(
      'dl',
      { class: 'facts' },
      ...rows.flatMap(([label, value]) => [
        h('dt', {}, label),
        h('dd', { 'data-fact': label.toLowerCase() }, value),
      ]),
    ),
    h('h3', {}, `Skipped files (${status.skipped.length})`),
    status.skipped.length === 0
      ? h('p', { class: 'hint' }, 'Every file the last ingest found was indexed.')
      : h(
          'table',
          { class: 'skipped' },
          h('thead', {}, h('tr', {}, h('th', {}, 'File'), h('th', {}, 'Why'))),
          h(
            'tbody',
            {},
            ...status.skipped.map((file) =>
              h('tr', {}, h('td', {}, file.path), h('td', {}, `${file.reason} (${file.code})`)),
            ),
          ),
        ),
  );
}

function describe(progress: Progress | null): string {
  if (progress === null || progress.state === 'off') return 'off';
  const counted = progress.total > 0 ? ` (${progress.done} of ${progress.total})` : '';
  if (progress.state === 'failed') return `failed: ${progress.reason ?? 'unknown reason'}${counted}`;
  return `${progress.state}${counted}`;
}
