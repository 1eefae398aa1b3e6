import type { Understood } from './types';

/** One line a person can check: how a part of their text was read ("summer 2026 [2026-06-01…, 2026-09-01…)"). */
export function describeUnderstood(item: Understood): string {
  switch (item.kind) {
    case 'label':
      return item.value;
    case 'person':
    case 'album':
      return `${item.value.name} (${item.value.id})`;
    case 'place':
      return `${item.value.name} (${item.value.level})`;
    case 'date': {
      const [first] = item.value.ranges;
      // A date that has not begun finds nothing: say so beside the reading, so the empty answer is no surprise.
      const ahead = item.value.future ? ', still to come' : '';
      if (item.value.ranges.length === 1 && first)
        return `${item.value.description} [${first.from}, ${first.to})${ahead}`;
      return `${item.value.description} (${item.value.ranges.length} date ranges${ahead})`;
    }
    case 'on-this-day': {
      const { month, day, plusMinusDays } = item.value;
      const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      return `${md} in any year${plusMinusDays > 0 ? ` ±${plusMinusDays} days` : ''}`;
    }
    case 'favorites':
      return 'favourites only';
    case 'video':
      return 'videos only';
    case 'order':
      return { newest: 'newest first', oldest: 'oldest first', shuffle: 'shuffled' }[item.value];
  }
}
