import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { StaticAplTemplateValidator, type IValidationInfo } from 'apl-suggester';

const DISPLAY_DIR = join(__dirname, '..', '..', 'skill-package', 'response', 'display');
const SLIDESHOW_FILE = join(DISPLAY_DIR, 'PhotoSlideshow', 'document.json');

type Json = Record<string, unknown>;

/** Every APL document under skill-package/response/display (one `document.json` per saved document). */
function documentFiles(dir: string = DISPLAY_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return documentFiles(path);
    return entry.name === 'document.json' ? [path] : [];
  });
}

const readJson = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;
const object = (value: unknown, what: string): Json => {
  assert.ok(typeof value === 'object' && value !== null && !Array.isArray(value), `${what} is an object`);
  return value as Json;
};
const array = (value: unknown, what: string): unknown[] => {
  assert.ok(Array.isArray(value), `${what} is an array`);
  return value;
};

async function warningsOf(document: Json): Promise<IValidationInfo[]> {
  return new StaticAplTemplateValidator().validate(document);
}

/** Component property names whose value is a list of commands. */
const COMMAND_PROPERTIES = [
  'onPress',
  'onPageChanged',
  'onFail',
  'onLoad',
  'onMount',
  'onFocus',
  'onBlur',
  'onPlay',
  'onEnd',
  'onTrackFail',
];

interface CommandSite {
  path: string;
  commands: unknown[];
}

/** Every list of commands attached to a component (handlers, key handlers), with where it sits. */
function commandSites(node: unknown, path = ''): CommandSite[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => commandSites(child, `${path}/${i}`));
  if (typeof node !== 'object' || node === null) return [];
  const sites: CommandSite[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (COMMAND_PROPERTIES.includes(key)) sites.push({ path: `${path}/${key}`, commands: array(value, key) });
    else if (key === 'handleKeyDown' || key === 'handleKeyUp') {
      array(value, key).forEach((handler, i) =>
        sites.push({
          path: `${path}/${key}/${i}`,
          commands: array(object(handler, key).commands, `${key} commands`),
        }),
      );
    } else sites.push(...commandSites(value, `${path}/${key}`));
  }
  return sites;
}

/** Every command object in a command list, nested ones (Sequential, Parallel, Select) included. */
function flattenCommands(commands: unknown[]): Json[] {
  return commands.flatMap((command) => {
    const json = object(command, 'command');
    const nested = ['commands', 'catch', 'finally', 'otherwise'].flatMap((key) =>
      Array.isArray(json[key]) ? flattenCommands(json[key] as unknown[]) : [],
    );
    return [json, ...nested];
  });
}

/** Every component in a component tree, depth first. */
function components(node: unknown): Json[] {
  if (Array.isArray(node)) return node.flatMap(components);
  if (typeof node !== 'object' || node === null) return [];
  const json = node as Json;
  const children = [json.item, json.items, json.firstItem, json.lastItem].flatMap(components);
  return typeof json.type === 'string' ? [json, ...children] : children;
}

/**
 * The validator checks commands only when the whole document passes its JSON schema, and a data-bound resource
 * `when` ("${viewport.shape == 'round'}") fails that schema (the error is then filtered out as a legitimate
 * binding), so for a responsive document it silently checks no commands at all. It never checks the commands
 * inside components. So every command list is validated again here, as user-defined commands of a minimal
 * document that passes the schema: the document's own `commands`, its `onMount`, and each component handler.
 */
function commandProbe(document: Json): { probe: Json; siteOf: (path: string) => string } {
  const sites = [
    { path: '/onMount', commands: array(document.onMount ?? [], 'onMount') },
    ...commandSites(document.mainTemplate, '/mainTemplate'),
  ];
  const probe: Json = {
    type: 'APL',
    version: document.version,
    mainTemplate: { items: [{ type: 'Frame' }] },
    commands: {
      ...object(document.commands ?? {}, 'commands'),
      ...Object.fromEntries(sites.map((site, i) => [`HandlerProbe${i}`, { commands: site.commands }])),
    },
  };
  const siteOf = (path: string): string => {
    const match = /^\/commands\/HandlerProbe(\d+)\/commands(.*)$/.exec(path);
    return match ? `${sites[Number(match[1])]?.path}${match[2]}` : path;
  };
  return { probe, siteOf };
}

describe('APL documents in skill-package/response/display', () => {
  const files = documentFiles();

  it('finds the documents, the slideshow among them', () => {
    assert.ok(files.includes(SLIDESHOW_FILE), `documents found: ${files.join(', ')}`);
  });

  for (const file of files) {
    const name = relative(DISPLAY_DIR, file);

    it(`${name}: apl-suggester's StaticAplTemplateValidator reports no errors and no warnings`, async () => {
      const warnings = await warningsOf(readJson(file));
      assert.deepEqual(warnings, [], `${name}:\n${JSON.stringify(warnings, null, 2)}`);
    });

    it(`${name}: every command (user-defined, onMount and in component handlers) passes the validator`, async () => {
      const { probe, siteOf } = commandProbe(readJson(file));
      const warnings = (await warningsOf(probe)).map((warning) => ({
        ...warning,
        path: siteOf(warning.path),
      }));
      assert.deepEqual(warnings, [], `${name}:\n${JSON.stringify(warnings, null, 2)}`);
    });
  }

  it('the checks are live: a misspelt handler command and an Image without a size are reported', async () => {
    const document = readJson(SLIDESHOW_FILE);
    const pager = object(array(object(document.mainTemplate, 'mainTemplate').items, 'items')[0], 'pager');
    const brokenHandler: Json = {
      ...document,
      mainTemplate: {
        ...object(document.mainTemplate, 'mainTemplate'),
        items: [{ ...pager, onPageChanged: [{ type: 'SetPage', componentId: 'slideshow', valeu: 1 }] }],
      },
    };
    const { probe, siteOf } = commandProbe(brokenHandler);
    const commandWarnings = (await warningsOf(probe)).map(
      (warning) => `${siteOf(warning.path)} ${warning.errorMessage}`,
    );
    assert.ok(
      commandWarnings.some((warning) => /^\/mainTemplate\/items\/0\/onPageChanged.*valeu/.test(warning)),
      commandWarnings.join('\n'),
    );
    const unsized: Json = {
      ...document,
      mainTemplate: { items: [{ type: 'Image', source: 'https://x.test/a.jpg' }] },
    };
    const messages = (await warningsOf(unsized)).map((warning) => warning.errorMessage).join('\n');
    assert.match(messages, /Image width and height must be defined/);
  });
});

describe('PhotoSlideshow document structure', () => {
  const document = readJson(SLIDESHOW_FILE);
  const macros = object(document.commands, 'commands');
  const mainTemplate = object(document.mainTemplate, 'mainTemplate');
  const pager = object(array(mainTemplate.items, 'mainTemplate.items')[0], 'pager');
  const page = object(array(pager.items, 'pager.items')[0], 'page');
  const pageComponents = components(page);
  const allCommands = [
    ...Object.values(macros).flatMap((macro) =>
      flattenCommands(array(object(macro, 'macro').commands, 'macro')),
    ),
    ...flattenCommands(array(document.onMount, 'onMount')),
    ...commandSites(mainTemplate).flatMap((site) => flattenCommands(site.commands)),
  ];

  it('a clip plays muted in a Video over its poster, pages on when it ends, and pauses with the slideshow', () => {
    const video = pageComponents.find((component) => component.type === 'Video');
    assert.ok(video, 'the page has a Video');
    assert.deepEqual(
      {
        when: video.when,
        id: video.id,
        source: video.source,
        autoplay: video.autoplay,
        audioTrack: video.audioTrack,
      },
      {
        when: "${data.clipUrl != null && data.clipUrl != ''}",
        id: 'clip-${data.index}',
        source: '${data.clipUrl}',
        autoplay: false,
        audioTrack: 'none',
      },
    );
    // The poster Image comes first, so the Video (invisible until it plays) is drawn over it.
    const kinds = pageComponents.map((component) => component.type);
    assert.ok(kinds.indexOf('Image') < kinds.indexOf('Video'));
    const onEnd = flattenCommands(array(video.onEnd, 'onEnd'));
    assert.ok(onEnd.some((command) => command.type === 'SlideshowStep' && command.step === 1));
    assert.ok(onEnd.some((command) => command.type === 'SlideshowKeepPaging'));
    const pause = flattenCommands(array(object(macros.SlideshowPause, 'pause').commands, 'pause'));
    assert.ok(
      pause.some(
        (command) =>
          command.type === 'ControlMedia' &&
          command.command === 'pause' &&
          command.componentId === 'clip-${shownIndex}',
      ),
    );
    const keepPaging = flattenCommands(array(object(macros.SlideshowKeepPaging, 'loop').commands, 'loop'));
    assert.ok(
      keepPaging.some(
        (command) =>
          command.type === 'ControlMedia' && command.command === 'play' && command.when === '${shownClip}',
      ),
      'resuming (and arriving on) a clip plays it',
    );
  });

  it('one full-screen Pager "slideshow" bound to the ${photos} dynamicIndexList, with the slideshow facts', () => {
    assert.deepEqual(mainTemplate.parameters, ['photos', 'slideshow']);
    assert.equal(array(mainTemplate.items, 'items').length, 1);
    assert.deepEqual(
      { type: pager.type, id: pager.id, data: pager.data, width: pager.width, height: pager.height },
      { type: 'Pager', id: 'slideshow', data: '${photos}', width: '100vw', height: '100vh' },
    );
    // 'normal': no wrap-around while later pages are still loading; the document wraps itself at the real end.
    assert.equal(pager.navigation, 'normal');
  });

  it('each page shows its rendition in an Image with an explicit size that skips itself when it fails', () => {
    const images = pageComponents.filter((component) => component.type === 'Image');
    assert.equal(images.length, 1);
    const image = images[0] as Json;
    assert.deepEqual(
      { source: image.source, width: image.width, height: image.height, scale: image.scale },
      { source: '${data.url}', width: '100vw', height: '100vh', scale: 'best-fill' },
    );
    const onFail = flattenCommands(array(image.onFail, 'onFail'));
    assert.ok(onFail.some((command) => command.type === 'SlideshowSkipFailed'));
    // Skipping is a SetPage that wraps to the first page after the slideshow's last photo still in the list.
    const step = flattenCommands(array(object(macros.SlideshowStep, 'SlideshowStep').commands, 'step'));
    assert.deepEqual(
      step.map((command) => [command.type, command.position, command.value]),
      [
        [
          'SetPage',
          "${step > 0 && shownIndex >= lastIndex ? 'absolute' : 'relative'}",
          '${step > 0 && shownIndex >= lastIndex ? 0 : step}',
        ],
      ],
    );
  });

  it('the loop wraps after the bound lastIndex, which starts at the last slideshow index; no command reads the static total', () => {
    assert.ok(
      array(mainTemplate.bind, 'bind').some(
        (binding) =>
          JSON.stringify(binding) ===
          JSON.stringify({ name: 'lastIndex', type: 'number', value: '${slideshow.total - 1}' }),
      ),
      'lastIndex is bound to slideshow.total - 1',
    );
    // Hidden photos leave the device's list, so the static total no longer says where the list ends: every
    // command must read lastIndex, which the skill lowers when it deletes the last page.
    const readingTotal = allCommands.filter((command) => JSON.stringify(command).includes('slideshow.total'));
    assert.deepEqual(readingTotal, []);
    const wrapTests = allCommands
      .map((command) => JSON.stringify(command))
      .filter((text) => text.includes('lastIndex'));
    assert.ok(wrapTests.length >= 3, 'the loop, its wrap and the step all read lastIndex');
  });

  it('names one photo entity per photo id on the page, so a pair has two', () => {
    const layer = pageComponents.find((component) => component.data === '${data.photoIds}');
    assert.ok(layer, 'a component repeated over ${data.photoIds}');
    const entityOf = (photoId: string): unknown =>
      JSON.parse(JSON.stringify(object(layer.item, 'entity item').entities).replaceAll('${data}', photoId));
    const entitiesOn = (photoIds: string[]): unknown[] => photoIds.flatMap((id) => entityOf(id) as unknown[]);
    // Each entity also names its page (slideshow index, bound on the layer before data is rebound) and list.
    const page = { index: '${pageIndex}', listId: '${slideshow.listId}' };
    assert.deepEqual(entitiesOn(['ph_1']), [{ type: 'photo', id: 'ph_1', ...page }]);
    assert.deepEqual(entitiesOn(['ph_1', 'ph_2']), [
      { type: 'photo', id: 'ph_1', ...page },
      { type: 'photo', id: 'ph_2', ...page },
    ]);
    assert.deepEqual(layer.bind, [{ name: 'pageIndex', type: 'number', value: '${data.index}' }]);
    assert.equal(layer.direction, 'row', 'a pair is two photos side by side');
  });

  it('captions sit on a bottom gradient scrim and are left out when the caption is empty', () => {
    const caption = pageComponents.find((component) => component.type === 'Text');
    assert.equal(caption?.text, '${data.captionText}');
    const scrim = pageComponents.find((component) => component.item === caption);
    assert.ok(scrim);
    assert.equal(scrim.when, "${data.captionText != null && data.captionText != ''}");
    assert.equal(scrim.bottom, 0);
    const background = object(scrim.background, 'scrim background');
    assert.equal(background.type, 'linear');
    assert.equal(background.angle, 0, 'darkest at the bottom edge');
    assert.match(String(array(background.colorRange, 'colorRange').at(-1)), /^#000000(00)?$/);
  });

  it('a tap toggles pause, and a badge bound to the document-level "paused" value shows the state', () => {
    assert.deepEqual(array(mainTemplate.bind, 'bind')[0], { name: 'paused', type: 'boolean', value: false });
    assert.equal(page.type, 'TouchWrapper');
    assert.deepEqual(
      flattenCommands(array(page.onPress, 'onPress')).map((command) => command.type),
      ['SlideshowTogglePause'],
    );
    assert.ok(pageComponents.some((component) => component.opacity === '${paused ? 1 : 0}'));
    const toggle = array(object(macros.SlideshowTogglePause, 'toggle').commands, 'toggle');
    assert.deepEqual(toggle[0], {
      type: 'SetValue',
      componentId: 'slideshow',
      property: 'paused',
      value: '${!paused}',
    });
  });

  it('remote keys: left/right move and keep paging, play/pause and select toggle', () => {
    const handlers = array(pager.handleKeyDown, 'handleKeyDown').map((handler) => object(handler, 'handler'));
    const commandFor = (code: string): unknown[] =>
      handlers
        .filter((handler) => String(handler.when).includes(`event.keyboard.code == '${code}'`))
        .flatMap((handler) =>
          flattenCommands(array(handler.commands, 'commands')).map((command) => command.type),
        );
    assert.deepEqual(commandFor('ArrowRight'), ['SlideshowNext']);
    assert.deepEqual(commandFor('ArrowLeft'), ['SlideshowPrevious']);
    assert.deepEqual(commandFor('MediaPlayPause'), ['SlideshowTogglePause']);
    assert.deepEqual(commandFor('Enter'), ['SlideshowTogglePause']);
    // Keys only reach the pager's handlers once it has focus.
    const setFocus = object(array(document.onMount, 'onMount')[0], 'onMount');
    assert.deepEqual([setFocus.type, setFocus.componentId], ['SetFocus', 'slideshow']);
  });

  it('auto-pages with AutoPage on the named sequencer with screenLock, re-armed after every page change', () => {
    const loop = array(object(macros.SlideshowKeepPaging, 'loop').commands, 'loop');
    const sequential = object(loop[0], 'loop body');
    assert.equal(sequential.type, 'Sequential');
    assert.equal(sequential.sequencer, 'slideshow-paging');
    assert.equal(sequential.screenLock, true);
    assert.ok(
      Number(sequential.repeatCount) >= 10_000,
      'keeps retrying while the next page is still loading',
    );
    // A live photo's motion is started first (it plays during the wait); the AutoPage is the first paging step.
    const autoPage = object(
      array(sequential.commands, 'loop commands').find(
        (command) => object(command, 'command').type === 'AutoPage',
      ),
      'AutoPage',
    );
    assert.deepEqual(
      { type: autoPage.type, componentId: autoPage.componentId, count: autoPage.count },
      { type: 'AutoPage', componentId: 'slideshow', count: 1 },
    );
    const onPageChanged = flattenCommands(array(pager.onPageChanged, 'onPageChanged'));
    assert.ok(onPageChanged.some((command) => command.type === 'SlideshowKeepPaging' && command.when));
    // Everything that pages runs on that sequencer, so each replaces whatever paged before.
    for (const name of ['SlideshowNext', 'SlideshowPrevious', 'SlideshowStartOver', 'SlideshowPause']) {
      const body = object(array(object(macros[name], name).commands, name)[0], name);
      assert.equal(body.sequencer, 'slideshow-paging', name);
    }
  });

  it('every command used is a standard APL command or one the document defines, called with its parameters', () => {
    const standard = new Set([
      'AutoPage',
      'ControlMedia',
      'Idle',
      'Parallel',
      'Select',
      'Sequential',
      'SetFocus',
      'SetPage',
      'SetValue',
    ]);
    const baseProperties = new Set(['type', 'when', 'delay', 'description', 'screenLock', 'sequencer']);
    for (const command of allCommands) {
      const type = String(command.type);
      if (standard.has(type)) continue;
      const macro = macros[type];
      assert.ok(macro, `command ${type} is defined in the document`);
      const parameters = (object(macro, type).parameters as Array<{ name: string }> | undefined) ?? [];
      for (const key of Object.keys(command)) {
        assert.ok(
          baseProperties.has(key) || parameters.some((parameter) => parameter.name === key),
          `${type} has a parameter ${key}`,
        );
      }
    }
  });
});

type Viewport = { width: number; height: number; shape: 'rectangle' | 'round'; mode: 'hub' | 'tv' };

/**
 * Resolves the document's resources for one viewport the way APL does: blocks in order, a block applies when its
 * `when` holds, later values win. Understands the comparisons the document uses (`viewport.x op value`, `&&`).
 */
function resourcesFor(document: Json, viewport: Viewport): Record<string, unknown> {
  const resolved: Record<string, unknown> = {};
  for (const block of array(document.resources, 'resources').map((b) => object(b, 'resource block'))) {
    if (block.when !== undefined) {
      assert.equal(typeof block.when, 'string', 'a resource condition is a binding');
      if (!holds(block.when as string, viewport)) continue;
    }
    Object.assign(resolved, block.dimensions, block.strings);
  }
  return resolved;
}

function holds(when: string, viewport: Viewport): boolean {
  const body = /^\$\{(.*)\}$/.exec(when)?.[1];
  assert.ok(body, `resource condition ${when} is a binding`);
  return body.split('&&').every((clause) => {
    const parts = /^\s*(\S+)\s*(==|>=|<=|>|<)\s*(\S+)\s*$/.exec(clause);
    assert.ok(parts, `resource condition clause "${clause}" is a simple comparison`);
    const [, left, op, right] = parts as unknown as [string, string, string, string];
    const a = operand(left, viewport);
    const b = operand(right, viewport);
    if (op === '==') return a === b;
    assert.ok(typeof a === 'number' && typeof b === 'number', `numeric comparison in ${clause}`);
    return op === '>=' ? a >= b : op === '<=' ? a <= b : op === '>' ? a > b : a < b;
  });
}

function operand(text: string, viewport: Viewport): string | number {
  const field = /^viewport\.(\w+)$/.exec(text)?.[1];
  if (field) {
    assert.ok(field in viewport, `viewport.${field} is known`);
    return viewport[field as keyof Viewport];
  }
  const quoted = /^'(.*)'$/.exec(text)?.[1];
  if (quoted !== undefined) return quoted;
  assert.ok(/^\d+$/.test(text), `literal ${text}`);
  return Number(text);
}

describe('PhotoSlideshow sizes per screen class (resources)', () => {
  const document = readJson(SLIDESHOW_FILE);
  const devices: Record<string, Viewport> = {
    'Echo Spot (round 480x480)': { width: 480, height: 480, shape: 'round', mode: 'hub' },
    'Echo Show 5 (960x480)': { width: 960, height: 480, shape: 'rectangle', mode: 'hub' },
    'Echo Show 8 (960x600 dp)': { width: 960, height: 600, shape: 'rectangle', mode: 'hub' },
    'Echo Show 10 (1280x800)': { width: 1280, height: 800, shape: 'rectangle', mode: 'hub' },
    'Echo Show 15 (1920x1080)': { width: 1920, height: 1080, shape: 'rectangle', mode: 'hub' },
    'Echo Show 15 portrait (1080x1920)': { width: 1080, height: 1920, shape: 'rectangle', mode: 'hub' },
    'Fire TV (960x540 dp, 1080p and 4K)': { width: 960, height: 540, shape: 'rectangle', mode: 'tv' },
  };
  const at = (device: string): Record<string, unknown> => {
    const viewport = devices[device];
    assert.ok(viewport, device);
    return resourcesFor(document, viewport);
  };
  const used = new Set(
    [...JSON.stringify(document.mainTemplate).matchAll(/"@(\w+)"/g)].map((match) => match[1] as string),
  );

  it('defines every resource the layout uses on every screen', () => {
    assert.ok(used.size >= 10, `resources used: ${[...used].join(', ')}`);
    for (const device of Object.keys(devices)) {
      const resources = at(device);
      for (const name of used) assert.ok(name in resources, `${device} defines @${name}`);
    }
  });

  it('captions grow with the screen: small < medium < large < extra-large; portrait as large as landscape XL', () => {
    const font = (device: string): number => Number(at(device).captionFontSize);
    assert.ok(font('Echo Show 5 (960x480)') < font('Echo Show 8 (960x600 dp)'));
    assert.ok(font('Echo Show 8 (960x600 dp)') < font('Echo Show 10 (1280x800)'));
    assert.ok(font('Echo Show 10 (1280x800)') < font('Echo Show 15 (1920x1080)'));
    assert.equal(font('Echo Show 15 portrait (1080x1920)'), font('Echo Show 15 (1920x1080)'));
  });

  it('round: centred caption inset from the circle edge, badge at the top centre', () => {
    const round = at('Echo Spot (round 480x480)');
    assert.equal(round.captionTextAlign, 'center');
    assert.equal(round.badgeAlign, 'center');
    // A two-line caption starting 12% up needs about 18% side insets to stay inside a circle.
    assert.ok(
      parseFloat(String(round.captionInsetSide)) >= 15 && String(round.captionInsetSide).endsWith('vw'),
    );
    assert.ok(String(round.captionInsetBottom).endsWith('vh'));
  });

  it('TV: caption and badge inside the 5% title-safe area', () => {
    const tv = at('Fire TV (960x540 dp, 1080p and 4K)');
    assert.deepEqual(
      [tv.captionInsetSide, tv.captionInsetBottom, tv.badgeInsetSide, tv.badgeInsetTop],
      ['5vw', '5vh', '5vw', '5vh'],
    );
  });

  it('landscape hubs keep a start-aligned caption and the badge at the top end', () => {
    for (const device of ['Echo Show 5 (960x480)', 'Echo Show 8 (960x600 dp)', 'Echo Show 15 (1920x1080)']) {
      assert.equal(at(device).captionTextAlign, 'start', device);
      assert.equal(at(device).badgeAlign, 'end', device);
    }
  });
});
