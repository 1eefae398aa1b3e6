import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  APL_RESOURCE_BLOCKS,
  aplLayoutFor,
  aplViewportOf,
  type AplViewport,
} from '../../../../display-service/frame/browser/apl-layout';
import { PREVIEW_DEVICES, findPreviewDevice } from '../../../../display-service/frame/server/preview-devices';
import { DEVICES } from '../../../../tools/alexa-simulator/devices';

/*
 * The frame and the preview mirror a few things the skill owns (the caption line itself is shared code:
 * common/captions): the APL document's size classes and the simulator's device table. These tests fail as soon as either side moves.
 */

const DOCUMENT = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'skill-package',
  'response',
  'display',
  'PhotoSlideshow',
  'document.json',
);

interface DocumentResource {
  when?: string;
  dimensions: Record<string, number | string>;
  strings?: Record<string, string>;
}

describe('frame mirrors of the skill', () => {
  it('uses the APL document’s resource blocks, with the same values and the same conditions', () => {
    const doc = JSON.parse(readFileSync(DOCUMENT, 'utf8')) as { resources: DocumentResource[] };
    assert.equal(doc.resources.length, APL_RESOURCE_BLOCKS.length);
    const viewports: AplViewport[] = [
      ...PREVIEW_DEVICES.map(aplViewportOf),
      { width: 1024, height: 600, shape: 'rectangle', mode: 'hub' },
      { width: 2560, height: 1279, shape: 'rectangle', mode: 'hub' },
    ];
    doc.resources.forEach((resource, i) => {
      const mine = APL_RESOURCE_BLOCKS[i];
      assert.ok(mine);
      assert.deepEqual(mine.dimensions, resource.dimensions, `block ${i} dimensions`);
      if (resource.strings || mine.strings)
        assert.deepEqual(mine.strings, resource.strings, `block ${i} strings`);
      const condition = compileWhen(resource.when);
      for (const vp of viewports) {
        assert.equal(mine.when ? mine.when(vp) : true, condition(vp), `block ${i} on ${JSON.stringify(vp)}`);
      }
    });
  });

  it('sizes an Echo Show 8 caption as the document does on a 213 dpi medium hub, and a Fire TV inside the title-safe area', () => {
    const show8 = aplLayoutFor(findPreviewDevice('Echo Show 8'));
    assert.equal(show8.px.captionFontSize, (24 * 213) / 160);
    assert.equal(show8.px.captionInsetSide, (40 * 213) / 160);
    const tv = aplLayoutFor(findPreviewDevice('fire tv'));
    assert.equal(tv.px.captionInsetSide, 0.05 * 1920);
    assert.equal(tv.px.captionFontSize, 48);
    const spot = aplLayoutFor(findPreviewDevice('Echo Spot'));
    assert.equal(spot.captionTextAlign, 'center');
    assert.equal(spot.px.captionInsetSide, 0.18 * 480);
  });

  it('previews exactly the screens `npm run alexa` simulates, at the same pixels and dpi', () => {
    const simulated = DEVICES.filter((d) => d.viewport).map((d) => ({
      name: d.name,
      width: d.viewport?.pixelWidth,
      height: d.viewport?.pixelHeight,
      dpi: d.viewport?.dpi,
      shape: d.viewport?.shape,
      mode: d.viewport?.mode,
    }));
    assert.deepEqual(
      PREVIEW_DEVICES.map(({ name, width, height, dpi, shape, mode }) => ({
        name,
        width,
        height,
        dpi,
        shape,
        mode,
      })),
      simulated,
    );
  });
});

/**
 * `${viewport.height < 600}` → a function of the viewport. The document's conditions are comparisons joined by &&;
 * anything else fails the test, so a new kind of condition gets looked at rather than guessed.
 */
function compileWhen(when: string | undefined): (vp: AplViewport) => boolean {
  if (when === undefined) return () => true;
  const expression = /^\$\{(.*)\}$/.exec(when)?.[1];
  if (!expression) throw new Error(`unexpected condition ${when}`);
  const tests = expression.split('&&').map((part) => {
    const match = /^\s*viewport\.(\w+)\s*(<=|>=|<|>|==)\s*(viewport\.\w+|'[^']*'|\d+)\s*$/.exec(part);
    if (!match) throw new Error(`unexpected condition ${when}`);
    const [, field = '', op = '', operand = ''] = match;
    return (vp: AplViewport): boolean => {
      const left = vp[field as keyof AplViewport];
      const right = operand.startsWith('viewport.')
        ? vp[operand.slice('viewport.'.length) as keyof AplViewport]
        : operand.startsWith("'")
          ? operand.slice(1, -1)
          : Number(operand);
      if (op === '==') return left === right;
      if (op === '<') return left < right;
      if (op === '>') return left > right;
      if (op === '<=') return left <= right;
      return left >= right;
    };
  });
  return (vp) => tests.every((test) => test(vp));
}
