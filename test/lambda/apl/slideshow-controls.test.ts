import assert from 'node:assert/strict';
import { buildSlideshowControl, type SlideshowControl } from '../../../lambda/apl/slideshow-controls';
import { SLIDESHOW_DOCUMENT } from '../../../lambda/apl/slideshow-document';

type Json = Record<string, unknown>;

const macros = SLIDESHOW_DOCUMENT.commands as Record<string, { parameters?: Array<{ name: string }> }>;
const baseProperties = new Set(['type', 'when', 'delay', 'description', 'screenLock', 'sequencer']);
const CONTROLS: SlideshowControl[] = ['next', 'previous', 'start-over', 'pause', 'resume'];

describe('buildSlideshowControl', () => {
  it('runs the document command for each control on the slideshow token', () => {
    const sent = CONTROLS.map((control) => {
      const directive = buildSlideshowControl(control);
      assert.equal(directive.type, 'Alexa.Presentation.APL.ExecuteCommands');
      assert.equal(directive.token, 'photo-slideshow');
      return directive.commands;
    });
    assert.deepEqual(sent, [
      [{ type: 'SlideshowNext' }],
      [{ type: 'SlideshowPrevious' }],
      [{ type: 'SlideshowStartOver' }],
      [{ type: 'SlideshowPause' }],
      [{ type: 'SlideshowResume' }],
    ]);
  });

  it('with a new pace stores it in the document and pages at it from now on', () => {
    assert.deepEqual(buildSlideshowControl('resume', { pageDurationMs: 5000 }).commands, [
      { type: 'SetValue', componentId: 'slideshow', property: 'pageDuration', value: 5000 },
      { type: 'SlideshowResume', pageDuration: 5000 },
    ]);
    assert.deepEqual(buildSlideshowControl('pause', { pageDurationMs: 20 }).commands, [
      { type: 'SetValue', componentId: 'slideshow', property: 'pageDuration', value: 1000 },
      { type: 'SlideshowPause' },
    ]);
  });

  it('runs the commands it is given first, before the control and after a new pace', () => {
    const first = { type: 'SetValue', componentId: 'slideshow', property: 'lastIndex', value: 4 };
    assert.deepEqual(buildSlideshowControl('next', { first: [first as never] }).commands, [
      first,
      { type: 'SlideshowNext' },
    ]);
    assert.deepEqual(
      buildSlideshowControl('next', { pageDurationMs: 5000, first: [first as never] }).commands,
      [
        { type: 'SetValue', componentId: 'slideshow', property: 'pageDuration', value: 5000 },
        first,
        { type: 'SlideshowNext', pageDuration: 5000 },
      ],
    );
  });

  it('only calls commands the document defines, with parameters they declare', () => {
    const bindings = (SLIDESHOW_DOCUMENT.mainTemplate as { bind: Array<{ name: string }> }).bind;
    for (const control of CONTROLS) {
      for (const command of buildSlideshowControl(control, { pageDurationMs: 6000 })
        .commands as unknown as Json[]) {
        if (command.type === 'SetValue') {
          assert.ok(
            bindings.some((binding) => binding.name === command.property),
            String(command.property),
          );
          continue;
        }
        const macro = macros[String(command.type)];
        assert.ok(macro, `${String(command.type)} is defined in the document`);
        for (const key of Object.keys(command)) {
          const declared = (macro.parameters ?? []).some((parameter) => parameter.name === key);
          assert.ok(baseProperties.has(key) || declared, `${String(command.type)} declares ${key}`);
        }
      }
    }
  });
});
