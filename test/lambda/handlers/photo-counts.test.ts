import assert from 'node:assert/strict';
import type { interfaces, ResponseEnvelope } from 'ask-sdk-model';
import type { PhotoSummary, SlideshowItem } from '../../../common/contracts';
import { createMemorySettingsStore } from '../../../lambda/persistence/memory-settings-store';
import { createSkill } from '../../../lambda/skill';
import { DEVICES } from '../../../tools/alexa-simulator/devices';
import { startDisplay, type RunningDisplay } from '../../display-service/helpers/display-harness';
import { fakeSummary, makeTempDir } from '../../display-service/helpers/image-fixtures';
import { InMemoryLibrary } from '../../display-service/helpers/in-memory-library';
import { intentEnvelope, subjectSlot } from '../helpers/envelopes';
import { recordingLogger, speechOf } from '../helpers/skill-harness';

type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;
const OWNER = 'owner-1';

/** A photo taken on 2025-07-<day>: portrait (as phones take them) or landscape (as cameras do). */
function photo(id: string, day: number, portrait: boolean): PhotoSummary {
  const summary = fakeSummary(id, `2025-07-${String(day).padStart(2, '0')}T10:00:00`);
  return portrait ? { ...summary, width: 3000, height: 4000 } : summary;
}

/**
 * A beach day shaped like a real phone roll: portraits and landscapes mixed (so landscape screens pair portraits),
 * a burst of three near-duplicates (one shown), and some photos of something else.
 */
function beachLibrary(): InMemoryLibrary {
  const library = new InMemoryLibrary();
  for (let i = 0; i < 13; i++) library.add(OWNER, photo(`b${i}`, 1 + i, i % 3 !== 1), ['beach']);
  for (const [at, id] of ['burst1', 'burst2', 'burst3'].entries()) {
    library.add(OWNER, photo(id, 20 + at, true), ['beach'], { duplicateGroupId: 'burst1' });
  }
  library.add(OWNER, photo('dog1', 25, false), ['dog']);
  library.add(OWNER, photo('dog2', 26, true), ['dog']);
  return library;
}

/** Every item of the slideshow an answer shows, paging through to the end (none without a slideshow). */
async function itemsInSlideshow(
  running: RunningDisplay,
  response: ResponseEnvelope,
): Promise<SlideshowItem[]> {
  const render = response.response.directives?.find(
    (directive): directive is RenderDocument => directive.type === 'Alexa.Presentation.APL.RenderDocument',
  );
  const listId = (render?.datasources as { photos?: { listId?: string } } | undefined)?.photos?.listId;
  if (!listId) return [];
  const items: SlideshowItem[] = [];
  for (let start = 0; ; start += 7) {
    const page = await running.display.api.getSlideshowPage(OWNER, listId, start, 7);
    items.push(...page.items);
    if (start + 7 >= page.total) break;
  }
  return items;
}

describe('counts are photos, the same on every device', () => {
  let temp: { dir: string; cleanup: () => Promise<void> };
  let running: RunningDisplay;

  beforeEach(async () => {
    temp = await makeTempDir();
    running = await startDisplay(temp.dir, { library: beachLibrary() });
  });
  afterEach(async () => {
    await running.close();
    await temp.cleanup();
  });

  it('every device in the simulator says the number of photos the slideshow holds (a pair is two)', async () => {
    const skill = createSkill({
      display: running.display.api,
      library: running.library,
      identity: { kind: 'local', ownerId: OWNER },
      userSettings: createMemorySettingsStore(),
      logger: recordingLogger(),
      now: () => new Date('2026-11-25T12:00:00Z'),
    });
    const said = new Map<string, number>();
    let pairedSomewhere = false;
    for (const device of DEVICES) {
      const response = await skill.invoke(
        intentEnvelope('ShowPhotosIntent', { subject: subjectSlot('beach', 'BEACH') }, device.name),
      );
      const spoken = /(\d+) beach photos/.exec(speechOf(response));
      assert.ok(spoken, `${device.name}: ${speechOf(response)}`);
      const count = Number(spoken[1]);
      said.set(device.name, count);
      const items = await itemsInSlideshow(running, response);
      const shown = items.flatMap((item) => item.photoIds);
      if (device.viewport) {
        assert.equal(
          count,
          shown.length,
          `${device.name} says ${count}, its slideshow holds ${shown.length}`,
        );
        assert.equal(new Set(shown).size, shown.length, `${device.name}: no photo twice`);
        pairedSomewhere ||= items.some((item) => item.layout === 'pair');
      } else {
        assert.deepEqual(shown, [], `${device.name} has no screen: no slideshow`);
      }
    }
    // 13 beach photos plus one of the burst of three: 14, on every device, paired or not.
    assert.deepEqual([...new Set(said.values())], [14], JSON.stringify([...said]));
    assert.ok(pairedSomewhere, 'some landscape screen showed portrait pairs');
  });
});
