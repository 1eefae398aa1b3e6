import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PAGE_DURATION_MS } from '../../../lambda/apl/slideshow-directives';
import {
  PAGE_DURATION_BINDING,
  SLIDESHOW_COMMANDS,
  SLIDESHOW_DATASOURCE,
  SLIDESHOW_DOCUMENT,
  SLIDESHOW_FACTS_DATASOURCE,
  SLIDESHOW_PAGER_ID,
  SLIDESHOW_SEQUENCER,
} from '../../../lambda/apl/slideshow-document';

const DOCUMENT_FILE = join(
  __dirname,
  '..',
  '..',
  '..',
  'skill-package',
  'response',
  'display',
  'PhotoSlideshow',
  'document.json',
);

type Json = Record<string, unknown>;

describe('slideshow-document names', () => {
  const document = JSON.parse(readFileSync(DOCUMENT_FILE, 'utf8')) as Json;
  const mainTemplate = document.mainTemplate as { parameters: string[]; bind: Json[]; items: Json[] };

  it('is the skill-package document itself, with a long idle timeout', () => {
    assert.deepEqual(SLIDESHOW_DOCUMENT, document);
    assert.equal(document.type, 'APL');
    assert.ok(Number((document.settings as Json).idleTimeout) >= 600_000);
  });

  it('names the pager, the two datasources and the pace binding the document declares', () => {
    assert.equal(mainTemplate.items[0]?.id, SLIDESHOW_PAGER_ID);
    assert.deepEqual(mainTemplate.parameters, [SLIDESHOW_DATASOURCE, SLIDESHOW_FACTS_DATASOURCE]);
    const pace = mainTemplate.bind.find((binding) => binding.name === PAGE_DURATION_BINDING);
    // Without a duration from the skill the document falls back to the skill's own default.
    assert.ok(String(pace?.value).endsWith(`: ${DEFAULT_PAGE_DURATION_MS}}`), String(pace?.value));
  });

  it('names the sequencer the document pages on, and commands it defines', () => {
    const macros = document.commands as Record<string, { commands: Json[] }>;
    assert.equal(macros.SlideshowKeepPaging?.commands[0]?.sequencer, SLIDESHOW_SEQUENCER);
    for (const name of Object.values(SLIDESHOW_COMMANDS)) assert.ok(macros[name], `${name} is defined`);
  });
});
