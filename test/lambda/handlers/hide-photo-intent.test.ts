import assert from 'node:assert/strict';
import type { interfaces, ResponseEnvelope } from 'ask-sdk-model';
import {
  catalogSlot,
  deviceRequestEnvelope,
  intentEnvelope,
  intentOnScreen,
  launchEnvelope,
  subjectSlot,
} from '../helpers/envelopes';
import { onListPage } from '../helpers/list-pages';
import { skillHarness, speechOf, testPhotos } from '../helpers/skill-harness';

type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;
type UpdateIndexListData = interfaces.alexa.presentation.apl.UpdateIndexListDataDirective;
type SendIndexListData = interfaces.alexa.presentation.apl.SendIndexListDataDirective;
type ExecuteCommands = interfaces.alexa.presentation.apl.ExecuteCommandsDirective;
type Harness = ReturnType<typeof skillHarness>;

const OWNER = 'owner-1';

/** A 25-photo beach slideshow on screen: its list id and the photo at each slideshow index. */
async function beachSlideshow(harness: Harness): Promise<{ listId: string; photoAt: string[] }> {
  const response = await harness.invoke(
    intentEnvelope('ShowPhotosIntent', { subject: subjectSlot('beach', 'BEACH') }),
  );
  return slideshowOn(harness, response);
}

async function slideshowOn(
  harness: Harness,
  response: ResponseEnvelope,
): Promise<{ listId: string; photoAt: string[] }> {
  const render = response.response.directives?.[0] as RenderDocument;
  const listId = (render.datasources as { photos: { listId: string } }).photos.listId;
  const all = await harness.display.getSlideshowPage(OWNER, listId, 0, 100, false);
  return { listId, photoAt: all.items.map((item) => item.photoIds[0] ?? '') };
}

function hideOnPage(listId: string, index: number, photoIds: string | string[], reportedVersion?: number) {
  return onListPage(intentOnScreen('HidePhotoIntent', photoIds), { listId, index }, reportedVersion);
}

async function load(harness: Harness, listId: string, startIndex: number, count: number) {
  const response = await harness.invoke(
    deviceRequestEnvelope({
      type: 'Alexa.Presentation.APL.LoadIndexListData',
      token: 'photo-slideshow',
      correlationToken: `corr-${startIndex}`,
      listId,
      startIndex,
      count,
    }),
  );
  return response.response.directives?.[0] as SendIndexListData;
}

function updateOf(response: ResponseEnvelope): UpdateIndexListData | undefined {
  return (response.response.directives ?? []).find(
    (directive): directive is UpdateIndexListData =>
      directive.type === 'Alexa.Presentation.APL.UpdateIndexListData',
  );
}

function commandsOf(response: ResponseEnvelope): unknown[] | undefined {
  return (response.response.directives ?? []).find(
    (directive): directive is ExecuteCommands => directive.type === 'Alexa.Presentation.APL.ExecuteCommands',
  )?.commands;
}

function indicesOf(send: SendIndexListData): number[] {
  return (send.items as Array<{ index: number }>).map((item) => item.index);
}

describe('HidePhotoIntent: the hidden photo leaves the list the device has loaded', () => {
  it('deletes its page with the list version after the RenderDocument, then moves on', async () => {
    const harness = skillHarness(testPhotos(25));
    const { listId, photoAt } = await beachSlideshow(harness);
    const hidden = photoAt[3] ?? '';
    const response = await harness.invoke(hideOnPage(listId, 3, hidden));

    assert.deepEqual(
      (response.response.directives ?? []).map((directive) => directive.type),
      ['Alexa.Presentation.APL.UpdateIndexListData', 'Alexa.Presentation.APL.ExecuteCommands'],
      'deleted before the page turn',
    );
    assert.deepEqual(updateOf(response), {
      type: 'Alexa.Presentation.APL.UpdateIndexListData',
      token: 'photo-slideshow',
      listId,
      listVersion: 1,
      operations: [{ type: 'DeleteItem', index: 3 }],
    });
    assert.equal(speechOf(response), "OK, I won't show that photo again.");
    assert.equal((await harness.library.getPhoto(OWNER, hidden)).hidden, true);
  });

  it('moves the document\'s loop end before "next", for the device to apply if the deleted page was the last', async () => {
    const harness = skillHarness(testPhotos(25));
    const { listId, photoAt } = await beachSlideshow(harness);
    const first = await harness.invoke(hideOnPage(listId, 23, photoAt[23] ?? ''));
    assert.deepEqual(commandsOf(first), [
      {
        type: 'SetValue',
        componentId: 'slideshow',
        property: 'lastIndex',
        value: 22,
        when: '${lastIndex == 23}',
      },
      { type: 'SlideshowNext' },
    ]);
    // With 23 gone, the end moves past it to 22 when 24, the last page, goes.
    const last = await harness.invoke(hideOnPage(listId, 24, photoAt[24] ?? ''));
    assert.deepEqual(updateOf(last)?.operations, [{ type: 'DeleteItem', index: 23 }]);
    assert.deepEqual(commandsOf(last), [
      {
        type: 'SetValue',
        componentId: 'slideshow',
        property: 'lastIndex',
        value: 22,
        when: '${lastIndex == 24}',
      },
      { type: 'SlideshowNext' },
    ]);
  });

  it('two hides and the loads between them: one version after another, indices as the device holds them', async () => {
    const harness = skillHarness(testPhotos(25));
    const { listId, photoAt } = await beachSlideshow(harness);

    const first = updateOf(await harness.invoke(hideOnPage(listId, 3, photoAt[3] ?? '')));
    assert.deepEqual([first?.listVersion, first?.operations], [1, [{ type: 'DeleteItem', index: 3 }]]);

    // The device's 10..19 are slideshow items 11..20 now, and its list ends one earlier.
    const second = await load(harness, listId, 10, 10);
    assert.equal(second.listVersion, 2);
    assert.equal(second.startIndex, 10);
    assert.equal(second.maximumExclusiveIndex, 24);
    assert.deepEqual(indicesOf(second), [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    assert.ok(
      !(second.items as Array<{ photoIds: string[] }>).some((item) =>
        item.photoIds.includes(photoAt[3] ?? ''),
      ),
    );

    // Slideshow item 15 sits at device index 14.
    const third = updateOf(await harness.invoke(hideOnPage(listId, 15, photoAt[15] ?? '')));
    assert.deepEqual([third?.listVersion, third?.operations], [3, [{ type: 'DeleteItem', index: 14 }]]);

    // The device now holds 23 items; its 20.. are slideshow items 22, 23 and 24.
    const fourth = await load(harness, listId, 20, 10);
    assert.equal(fourth.listVersion, 4);
    assert.equal(fourth.maximumExclusiveIndex, 23);
    assert.deepEqual(indicesOf(fourth), [22, 23, 24]);
    assert.deepEqual(
      harness.display.pageRequests.map(({ start, count }) => [start, count]),
      [
        [11, 10],
        [22, 10],
      ],
    );
  });

  it('on a pair the whole page goes (the pair is one item), and only the chosen side is hidden', async () => {
    const harness = skillHarness(testPhotos(25));
    const { listId, photoAt } = await beachSlideshow(harness);
    const [left, right] = [photoAt[4] ?? '', photoAt[5] ?? ''];
    const envelope = onListPage(
      intentOnScreen('HidePhotoIntent', [left, right], {
        side: catalogSlot('right', 'PHOTO_SIDE', 'RIGHT'),
      }),
      { listId, index: 4 },
    );
    const response = await harness.invoke(envelope);
    assert.deepEqual(updateOf(response)?.operations, [{ type: 'DeleteItem', index: 4 }]);
    assert.equal(speechOf(response), "OK, I won't show the photo on the right again.");
    assert.equal((await harness.library.getPhoto(OWNER, right)).hidden, true);
    assert.equal((await harness.library.getPhoto(OWNER, left)).hidden, false);
  });

  it('when the visual context does not say which page shows the photo, it is only hidden and the slideshow moves on', async () => {
    const harness = skillHarness(testPhotos(25));
    const { listId, photoAt } = await beachSlideshow(harness);
    const response = await harness.invoke(intentOnScreen('HidePhotoIntent', photoAt[3] ?? ''));
    assert.deepEqual(
      (response.response.directives ?? []).map((directive) => directive.type),
      ['Alexa.Presentation.APL.ExecuteCommands'],
    );
    assert.deepEqual(commandsOf(response), [{ type: 'SlideshowNext' }], 'no page deleted, no end moved');
    assert.equal((await harness.library.getPhoto(OWNER, photoAt[3] ?? '')).hidden, true);
    const next = await load(harness, listId, 10, 10);
    assert.equal(next.listVersion, 1);
    assert.deepEqual(indicesOf(next), [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('a page already taken out is not deleted twice', async () => {
    const harness = skillHarness(testPhotos(25));
    const { listId, photoAt } = await beachSlideshow(harness);
    await harness.invoke(hideOnPage(listId, 4, photoAt[4] ?? ''));
    // Still reported on screen mid-transition: its other photo of a pair, or the same request heard twice.
    const again = await harness.invoke(hideOnPage(listId, 4, photoAt[4] ?? ''));
    assert.equal(updateOf(again), undefined);
    assert.equal((await load(harness, listId, 10, 1)).listVersion, 2);
  });

  it("takes the device's own report of the list version when it is ahead of the skill's count", async () => {
    const harness = skillHarness(testPhotos(25));
    const { listId, photoAt } = await beachSlideshow(harness);
    const response = await harness.invoke(hideOnPage(listId, 2, photoAt[2] ?? '', 6));
    assert.equal(updateOf(response)?.listVersion, 7);
    assert.equal((await load(harness, listId, 10, 10)).listVersion, 8);
  });

  it('a version error from the device sets the count to the version the device has', async () => {
    const harness = skillHarness(testPhotos(25));
    const { listId, photoAt } = await beachSlideshow(harness);
    await harness.invoke(hideOnPage(listId, 3, photoAt[3] ?? ''));
    await load(harness, listId, 10, 10);
    await load(harness, listId, 20, 4);
    // The skill is at 3; one of its answers never reached the device, which stayed at 2.
    const response = await harness.invoke(
      deviceRequestEnvelope({
        type: 'Alexa.Presentation.APL.RuntimeError',
        token: 'photo-slideshow',
        errors: [
          {
            type: 'LIST_ERROR',
            reason: 'MISSING_LIST_VERSION',
            listId,
            listVersion: 2,
            message: 'Update to version 4 buffered longer than expected.',
          },
        ],
      }),
    );
    assert.deepEqual(response.response, {});
    assert.equal((await load(harness, listId, 10, 10)).listVersion, 3);

    // And the other way: the device took more than the skill counted.
    await harness.invoke(
      deviceRequestEnvelope({
        type: 'Alexa.Presentation.APL.RuntimeError',
        token: 'photo-slideshow',
        errors: [
          {
            type: 'LIST_ERROR',
            reason: 'DUPLICATE_LIST_VERSION',
            listId,
            listVersion: 9,
            message: 'Duplicate',
          },
        ],
      }),
    );
    const update = updateOf(await harness.invoke(hideOnPage(listId, 12, photoAt[12] ?? '')));
    assert.deepEqual([update?.listVersion, update?.operations], [10, [{ type: 'DeleteItem', index: 11 }]]);
  });

  it('a new RenderDocument of the same list (the ambient frame reopened) starts the count and indices over', async () => {
    const harness = skillHarness(testPhotos(25));
    const { listId, photoAt } = await slideshowOn(harness, await harness.invoke(launchEnvelope()));
    const update = updateOf(await harness.invoke(hideOnPage(listId, 2, photoAt[2] ?? '')));
    assert.equal(update?.listVersion, 1);

    const reopened = await slideshowOn(harness, await harness.invoke(launchEnvelope()));
    assert.equal(reopened.listId, listId, 'the ambient slideshow keeps its id');
    const next = await load(harness, listId, 10, 3);
    assert.equal(next.listVersion, 1);
    assert.equal(next.startIndex, 10);
    assert.deepEqual(indicesOf(next), [10, 11, 12]);
  });
});
