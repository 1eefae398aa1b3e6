import assert from 'node:assert/strict';
import { parseSimulatorArgs } from '../../../tools/alexa-simulator/cli-args';

describe('simulator arguments', () => {
  it('reads an utterance with device, locale and --json', () => {
    assert.deepEqual(
      parseSimulatorArgs(['show beach photos', '--device', 'Fire TV', '--locale', 'en-US', '--json']),
      {
        utterance: 'show beach photos',
        device: 'Fire TV',
        locale: 'en-US',
        json: true,
        intent: undefined,
        slots: {},
        contextPhotoId: undefined,
      },
    );
  });

  it('reads --intent with repeated --slot name=value and --context-photo; defaults device to Echo Show 8', () => {
    const args = parseSimulatorArgs([
      '--intent',
      'ShowPhotosIntent',
      '--slot',
      'subject=beach',
      '--slot',
      'date=2026-SU',
      '--context-photo',
      'ph_1',
    ]);
    assert.deepEqual(args.slots, { subject: 'beach', date: '2026-SU' });
    assert.equal(args.intent, 'ShowPhotosIntent');
    assert.equal(args.device, 'Echo Show 8');
    assert.equal(args.contextPhotoId, 'ph_1');
  });

  const bad: Array<[string[], RegExp]> = [
    [['--bogus'], /Unknown option '--bogus'/],
    [['one', 'two'], /one quoted argument/],
    [['show me', '--intent', 'ShowPhotosIntent'], /not both/],
    [['--slot', 'subject=beach'], /--slot needs --intent/],
    [['--intent', 'ShowPhotosIntent', '--slot', 'subject'], /name=value/],
  ];
  for (const [argv, message] of bad) {
    it(`rejects ${JSON.stringify(argv)} with usage`, () => {
      assert.throws(
        () => parseSimulatorArgs(argv),
        (error: unknown) => {
          const publicMessage = String((error as { publicMessage?: string }).publicMessage);
          assert.match(publicMessage, message);
          assert.match(publicMessage, /Usage: npm run alexa/);
          return true;
        },
      );
    });
  }
});
