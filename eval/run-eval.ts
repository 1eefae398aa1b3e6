/**
 * Runs every acceptance query three ways against the real stack on the acceptance library: (a) the skill with
 * Alexa's exact slot values, (b) the skill through the simulator's utterance matching, (c) free text through
 * POST /v1/library/search {q}. Photo sets come from an Echo Show 8's slideshow (every item's photo ids, paged like
 * the device pages) and the spoken count from an Echo Dot; both are compared with the ground truth's answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { isAppError } from '../common/errors';
import { localStackConfigFromEnv, startLocalStack } from '../server/local-stack';
import { findDevice } from '../tools/alexa-simulator/devices';
import { loadLanguageModel } from '../tools/alexa-simulator/interaction-model';
import {
  intentFromSlotValues,
  matchUtterance,
  type HeardRequest,
} from '../tools/alexa-simulator/interaction-model-matcher';
import { SIMULATOR_IDENTITY } from '../tools/alexa-simulator/envelope';
import { ensureAcceptanceLibrary } from './build-library';
import { expectedFor, type Expected } from './expected';
import { GROUND_TRUTH } from './ground-truth';
import {
  REFERENCE,
  REFERENCE_INSTANT,
  REFERENCE_ZONE,
  SEARCH_CASES,
  WHAT_IS_THIS_CASES,
  type SearchCase,
} from './queries';
import { speechOf, spokenCount, stackClient, type StackClient } from './stack-client';

export type Way = 'slots' | 'utterance' | 'text';
export const WAYS: readonly Way[] = ['slots', 'utterance', 'text'];

export interface WayResult {
  /** undefined: the case has no form for this way. */
  pass?: boolean;
  got?: string;
  detail?: string;
}

export interface CaseResult {
  id: string;
  category: string;
  expected: string;
  ways: Record<Way, WayResult>;
}

const OWNER = 'local';
const SHOW = findDevice('Echo Show 8');
const DOT = findDevice('Echo Dot');
const NOW = new Date(REFERENCE_INSTANT);

export interface EvalRun {
  libraryRoot: string;
  /** Files of the table the library did not index (skipped, unreadable, or left out as screenshots). */
  notIndexed: string[];
  results: CaseResult[];
  seconds: number;
}

export async function runEval(options: { ways?: readonly Way[]; only?: RegExp } = {}): Promise<EvalRun> {
  const started = Date.now();
  const ways = options.ways ?? WAYS;
  const library = await ensureAcceptanceLibrary();
  const dataDir = mkdtempSync(join(tmpdir(), 'photo-frame-eval-'));
  const config = {
    ...localStackConfigFromEnv({
      DATA_DIR: dataDir,
      PHOTOS_DIR: library.root,
      VISION: 'false',
      ALEXA_VERIFY_REQUESTS: 'false',
      SKILL_TIME_ZONE: REFERENCE_ZONE,
      PHOTO_OWNER_ID: OWNER,
      LOG_LEVEL: 'silent',
    }),
    port: 0,
  };
  const stack = await startLocalStack(config, { now: () => NOW });
  try {
    await stack.ingestDone;
    const client = stackClient(`http://127.0.0.1:${stack.port}`, dataDir, OWNER);
    const pathOf = await photoPaths(client);
    const idOf = new Map([...pathOf].map(([id, path]) => [path, id]));
    const results: CaseResult[] = [];
    for (const c of SEARCH_CASES) {
      if (options.only && !options.only.test(c.id)) continue;
      results.push(await runSearchCase(c, client, pathOf, ways));
    }
    for (const c of WHAT_IS_THIS_CASES) {
      if (options.only && !options.only.test(c.id)) continue;
      results.push(await runWhatIsThis(c.id, c.path, client, idOf.get(c.path), ways));
    }
    const indexed = new Set(pathOf.values());
    const notIndexed = GROUND_TRUTH.map((row) => row.path).filter((path) => !indexed.has(path));
    return { libraryRoot: library.root, notIndexed, results, seconds: (Date.now() - started) / 1000 };
  } finally {
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** photo id → path relative to the library root, for every photo the library holds. */
async function photoPaths(client: StackClient): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await client.library<{
      photos: { id: string; source: { path: string } }[];
      nextCursor?: string;
    }>('/search', { limit: 1000, ...(cursor === undefined ? {} : { cursor }) });
    for (const photo of page.photos) map.set(photo.id, photo.source.path);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return map;
}

const short = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const list = (paths: readonly string[]) => {
  if (paths.length === 0) return '∅';
  const names = paths.map(short).sort();
  return names.length <= 10 ? names.join(' ') : `${names.slice(0, 8).join(' ')} …(+${names.length - 8})`;
};

/**
 * What a wrong answer lacks and what it has too many of, by file name. A slideshow may show any one photo of a
 * near-duplicate group, so a group counts as missing only when none of it is shown.
 */
function difference(got: readonly string[], expected: Expected, collapsed = false): string {
  const have = new Set(got);
  const groups = collapsed ? expected.groups : expected.paths.map((path) => [path]);
  const missing = groups.filter((group) => !group.some((p) => have.has(p))).map((group) => group[0] ?? '');
  const want = new Set(expected.paths);
  const shownTwice = collapsed ? groups.filter((group) => group.filter((p) => have.has(p)).length > 1) : [];
  const extra = [...got.filter((p) => !want.has(p)), ...shownTwice.flatMap((group) => group.slice(1))];
  return [
    missing.length > 0 ? `missing ${list(missing)}` : '',
    extra.length > 0 ? `extra ${list(extra)}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

function describeExpected(expected: Expected): string {
  if (expected.paths.length > 0) return `${expected.paths.length}: ${list(expected.paths)}`;
  return `0 (${expected.failed.map((f) => `${f.kind}:${f.reason}`).join(', ')})`;
}

async function runSearchCase(
  c: SearchCase,
  client: StackClient,
  pathOf: Map<string, string>,
  ways: readonly Way[],
): Promise<CaseResult> {
  const locale = c.locale ?? 'en-US';
  const hemisphere = locale === 'en-AU' ? 'S' : 'N';
  const expected = expectedFor(c.expect, { reference: REFERENCE, hemisphere });
  const model = loadLanguageModel(locale);
  const matchContext = { today: NOW, applicationId: SIMULATOR_IDENTITY.applicationId, locale };
  const result: CaseResult = {
    id: c.id,
    category: c.category,
    expected: describeExpected(expected),
    ways: {
      slots: {},
      utterance: {},
      text: {},
    },
  };
  if (ways.includes('slots') && c.slots !== undefined) {
    const slots = c.slots;
    result.ways.slots = await skillWay(
      () => intentFromSlotValues(model, 'ShowPhotosIntent', slots, matchContext),
      client,
      pathOf,
      expected,
      locale,
    );
  }
  if (ways.includes('utterance') && c.utterance !== undefined) {
    const utterance = c.utterance;
    result.ways.utterance = await skillWay(
      () => matchUtterance(model, oneShot(model.invocationName, utterance, locale), matchContext),
      client,
      pathOf,
      expected,
      locale,
    );
  }
  if (ways.includes('text') && c.text !== undefined) {
    result.ways.text = await textWay(c.text, hemisphere, client, expected);
  }
  return result;
}

async function skillWay(
  hear: () => HeardRequest,
  client: StackClient,
  pathOf: Map<string, string>,
  expected: Expected,
  locale: string,
): Promise<WayResult> {
  let heard: HeardRequest;
  try {
    heard = hear();
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { pass: false, got: `not heard: ${error.code}`, detail: error.publicMessage.slice(0, 160) };
  }
  try {
    const shown = await client.ask({ device: SHOW, heard, locale });
    const ids = (await client.slideshowPhotoIds(shown, SHOW, locale)) ?? [];
    const paths = ids.map((id) => pathOf.get(id) ?? `?${id}`);
    const setOk = sameAsGroups(paths, expected);
    const dot = await client.ask({ device: DOT, heard, locale });
    const speech = speechOf(dot);
    const count = spokenCount(speech);
    const showCount = spokenCount(speechOf(shown));
    const wantCount = expected.groups.length;
    // Counts are photos, the same on every device: what Echo Show 8 shows, it says, and so does an Echo Dot.
    const countOk =
      wantCount === 0
        ? paths.length === 0
        : count === wantCount && (showCount === undefined || showCount === paths.length);
    const diff = difference(paths, expected, true);
    const got = `${paths.length}${diff ? ` (${diff})` : ''}; Show 8 says ${showCount ?? '-'}, Dot says ${count ?? '-'}`;
    return {
      pass: setOk && countOk,
      got,
      detail:
        setOk && countOk
          ? undefined
          : `Show 8: "${speechOf(shown).slice(0, 140)}" | Dot: "${speech.slice(0, 140)}"`,
    };
  } catch (error) {
    return { pass: false, got: `error: ${(error as Error).message.slice(0, 200)}` };
  }
}

/** A slideshow holds one photo of each near-duplicate group and nothing else. */
function sameAsGroups(paths: readonly string[], expected: Expected): boolean {
  const seen = new Set(paths);
  if (seen.size !== paths.length) return false;
  const allowed = new Set(expected.paths);
  if (paths.some((p) => !allowed.has(p))) return false;
  return expected.groups.every((group) => group.filter((p) => seen.has(p)).length === 1);
}

interface TextAnswer {
  total: number;
  photos: { id: string; source: { path: string } }[];
  nextCursor?: string;
  nothingFound?: { failed: { kind: string; reason: string; text: string }[] };
  ignored?: string[];
  unmatched?: string[];
  understood?: { kind: string; text: string; reading: string }[];
}

async function textWay(
  q: string,
  hemisphere: 'N' | 'S',
  client: StackClient,
  expected: Expected,
): Promise<WayResult> {
  try {
    const paths: string[] = [];
    let cursor: string | undefined;
    let first: TextAnswer | undefined;
    do {
      const page = await client.library<TextAnswer>('/search', {
        q,
        timeZone: REFERENCE_ZONE,
        hemisphere,
        reference: REFERENCE_INSTANT,
        limit: 1000,
        ...(cursor === undefined ? {} : { cursor }),
      });
      first ??= page;
      paths.push(...page.photos.map((p) => p.source.path));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    const setOk =
      paths.length === expected.paths.length && [...paths].sort().join('\n') === expected.paths.join('\n');
    let failedOk = true;
    let failedText = '';
    if (expected.paths.length === 0) {
      const got = first?.nothingFound?.failed ?? [];
      failedText = ` nothingFound: ${got.map((f) => `${f.kind}:${f.reason}("${f.text}")`).join(', ') || 'absent'}`;
      failedOk = sameFailures(got, expected.failed);
    }
    return {
      pass: setOk && failedOk,
      got: `${paths.length}${setOk ? '' : ` (${difference(paths, expected)})`}${failedText}`,
      detail: setOk && failedOk ? undefined : readingOf(first),
    };
  } catch (error) {
    return { pass: false, got: `error: ${(error as Error).message.slice(0, 200)}` };
  }
}

/** How the library read the text (its own account), for the failure report. */
function readingOf(answer: TextAnswer | undefined): string | undefined {
  const understood = (answer?.understood ?? []).map((u) => `${u.kind} "${u.text}" → ${u.reading}`);
  const unmatchedWords = [...(answer?.unmatched ?? []), ...(answer?.ignored ?? [])];
  const ignored = unmatchedWords.length > 0 ? [`unmatched ${unmatchedWords.join(', ')}`] : [];
  const parts = [...understood, ...ignored];
  return parts.length > 0 ? `read as: ${parts.join('; ')}` : undefined;
}

/** A one-shot request as people say it ("ask photo frame to …", "öffne Fotorahmen und …"). */
function oneShot(invocationName: string, utterance: string, locale: string): string {
  return locale.startsWith('de')
    ? `öffne ${invocationName} und ${utterance}`
    : `ask ${invocationName} to ${utterance}`;
}

/**
 * Same reasons; same kinds too, except for 'combination' (any of the combined constraints may be named) and for
 * 'unknown', where a word the product does not know at all may be named as a plain word (it cannot tell that
 * "Zorblax" was meant as a place).
 */
function sameFailures(got: readonly { kind: string; reason: string }[], want: Expected['failed']): boolean {
  const key = (f: { kind: string; reason: string }) =>
    f.reason === 'combination' ? f.reason : `${f.kind}:${f.reason}`;
  const wanted = new Set(want.map(key));
  const unknownWanted = want.filter((f) => f.reason === 'unknown').map(key);
  const have = new Set(
    got.map((f) =>
      f.reason === 'unknown' && f.kind === 'word' && !wanted.has(key(f))
        ? (unknownWanted[0] ?? key(f))
        : key(f),
    ),
  );
  return have.size === wanted.size && [...have].every((k) => wanted.has(k));
}

/** What a "what is this?" answer must say about the photo on screen, from its table row. */
function factsToSpeak(path: string): {
  year: string;
  people: readonly string[];
  placeNames: string[];
  fileDate: boolean;
} {
  const row = GROUND_TRUTH.find((r) => r.path === path);
  if (!row) throw new Error(`no ground truth for ${path}`);
  const place = row.place;
  // Any of the names a person would use for where it was (not the country alone) will do.
  const placeNames = place
    ? [place.sublocation, place.city, place.metro, place.county, place.region].filter(
        (name): name is string => name !== undefined,
      )
    : [];
  return {
    year: row.taken.slice(0, 4),
    people: row.people,
    placeNames,
    fileDate: row.dateFrom === 'file-date',
  };
}

async function runWhatIsThis(
  id: string,
  path: string,
  client: StackClient,
  photoId: string | undefined,
  ways: readonly Way[],
): Promise<CaseResult> {
  const { year, people, placeNames, fileDate } = factsToSpeak(path);
  const placeText = placeNames.length > 0 ? `, one of ${placeNames.join('/')}` : '';
  const expected = `${short(path)}: says ${[year, ...people].join(', ')}${placeText}${fileDate ? ', "the file is from"' : ''}`;
  const result: CaseResult = {
    id,
    category: 'what-is-this',
    expected,
    ways: { slots: {}, utterance: {}, text: {} },
  };
  if (photoId === undefined) {
    const missing = { pass: false, got: 'photo not in the library' };
    return { ...result, ways: { slots: missing, utterance: missing, text: missing } };
  }
  const model = loadLanguageModel('en-US');
  const context = { today: NOW, applicationId: SIMULATOR_IDENTITY.applicationId, locale: 'en-US' };
  const judge = (speech: string): WayResult => {
    const lower = speech.toLowerCase();
    const missingWords = [year, ...people].filter((w) => !lower.includes(w.toLowerCase()));
    if (placeNames.length > 0 && !placeNames.some((name) => lower.includes(name.toLowerCase()))) {
      missingWords.push(placeNames.join('/'));
    }
    const fileOk = !fileDate || lower.includes('file');
    return {
      pass: missingWords.length === 0 && fileOk,
      got: `"${speech.slice(0, 160)}"`,
      detail:
        missingWords.length > 0 || !fileOk
          ? `missing: ${[...missingWords, ...(fileOk ? [] : ['file'])].join(', ')}`
          : undefined,
    };
  };
  const ask = async (heard: () => HeardRequest): Promise<WayResult> => {
    try {
      const response: ResponseEnvelope = await client.ask({
        device: SHOW,
        heard: heard(),
        locale: 'en-US',
        contextPhotoId: photoId,
      });
      return judge(speechOf(response));
    } catch (error) {
      return { pass: false, got: `error: ${(error as Error).message.slice(0, 160)}` };
    }
  };
  if (ways.includes('slots')) {
    result.ways.slots = await ask(() =>
      intentFromSlotValues(model, 'PhotoInfoIntent', { question: 'what' }, context),
    );
  }
  if (ways.includes('utterance')) {
    result.ways.utterance = await ask(() => matchUtterance(model, 'what is this photo', context));
  }
  if (ways.includes('text')) {
    // The library's facts for the photo (what the web frame's caption and `npm run search` print).
    try {
      const facts = await client.library<{
        takenLocal: string | null;
        place: { city: string | null; region: string | null; country: string | null } | null;
        people: { name: string }[];
        takenTimeSource: string;
      }>(`/photos/${photoId}`);
      const text = [
        facts.takenLocal ?? '',
        facts.place?.city,
        facts.place?.region,
        facts.place?.country,
        ...facts.people.map((p) => p.name),
      ]
        .filter(Boolean)
        .join(' ');
      // A date read from the file must be marked as such (takenTimeSource), as speech says "the file is from".
      result.ways.text = judge(facts.takenTimeSource === 'file-modified' ? `${text} (file date)` : text);
    } catch (error) {
      result.ways.text = { pass: false, got: `error: ${(error as Error).message.slice(0, 160)}` };
    }
  }
  return result;
}
