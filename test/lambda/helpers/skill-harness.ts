import type { RequestEnvelope, ResponseEnvelope, ui } from 'ask-sdk-model';
import type { Logger } from '../../../common/logger';
import { createMemorySettingsStore } from '../../../lambda/persistence/memory-settings-store';
import { createSkill, type SkillDeps } from '../../../lambda/skill';
import { InMemoryDisplay, InMemoryLibrary, type TestPhoto } from './in-memory-apis';

/** Logger that keeps lines for assertions instead of writing them. */
export function recordingLogger(
  lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [],
): Logger {
  const at =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void => {
      lines.push({ level, message, fields });
    };
  const logger: Logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => logger,
  };
  return logger;
}

/** `photoCount` beach photos across summer 2025, plus a dog photo in winter, for every handler test. */
export function testPhotos(beachCount = 12): TestPhoto[] {
  const beach = Array.from({ length: beachCount }, (_, i) => ({
    id: `beach${i}`,
    labels: ['beach'],
    takenLocal: `2025-07-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00`,
  }));
  return [...beach, { id: 'dog0', labels: ['dog'], takenLocal: '2025-01-15T09:00:00' }];
}

/**
 * The whole skill over in-memory doubles, owned by the local owner `owner-1` with in-memory settings unless the
 * test says otherwise (e.g. `identity: {kind: 'login-with-amazon'}`, another settings store, a time zone).
 */
export function skillHarness(
  photos: TestPhoto[] = testPhotos(),
  today = new Date('2026-11-25T12:00:00Z'),
  overrides: Partial<SkillDeps> = {},
) {
  const display = new InMemoryDisplay(photos);
  const library = new InMemoryLibrary(photos);
  const userSettings = createMemorySettingsStore();
  const logLines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  const skill = createSkill({
    display,
    library,
    identity: { kind: 'local', ownerId: 'owner-1' },
    userSettings,
    logger: recordingLogger(logLines),
    now: () => today,
    ...overrides,
  });
  return {
    display,
    library,
    userSettings: overrides.userSettings ?? userSettings,
    logLines,
    invoke: (envelope: RequestEnvelope): Promise<ResponseEnvelope> => skill.invoke(envelope),
  };
}

export function speechOf(envelope: ResponseEnvelope): string {
  const speech = envelope.response.outputSpeech as ui.SsmlOutputSpeech | undefined;
  return (speech?.ssml ?? '').replace(/<[^>]+>/g, '');
}
