import '../../common/load-env';
import { resolve } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { z } from 'zod';
import { envPort, loadEnv } from '../../common/config';
import { printAnswer, wantsHelp } from '../../common/cli-arguments';
import { isAppError } from '../../common/errors';
import { readLocalSecrets } from '../../server/local-secrets';
import { localStackConfigFromEnv, startLocalStack } from '../../server/local-stack';
import { parseSimulatorArgs, USAGE, type SimulatorArgs } from './cli-args';
import { findDevice } from './devices';
import { buildRequestEnvelope, SIMULATOR_IDENTITY } from './envelope';
import { loadLanguageModel } from './interaction-model';
import { intentFromSlotValues, matchUtterance, type HeardRequest } from './interaction-model-matcher';
import { NothingListeningError, probeStack, sendToSkill, type SkillReply } from './skill-transport';
import { previewUrlFor } from './preview-link';
import { SimulatorSession, withDynamicEntities } from './simulator-session';
import { formatSummary } from './summary';

/** Exit codes: 0 answered, 1 transport or skill error, 2 usage error or no intent matched. */
const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const simulatorEnvSchema = z.object({
  PORT: envPort(8080),
  DATA_DIR: z.string().min(1).default('./data'),
});

async function main(argv: string[]): Promise<number> {
  // Before the environment is read: help never depends on a valid PORT or DATA_DIR.
  if (wantsHelp(argv)) return printAnswer({ kind: 'help', text: `${USAGE}\n` });
  let args: SimulatorArgs;
  let envelope: RequestEnvelope;
  let heard: HeardRequest;
  const env = loadEnv(simulatorEnvSchema);
  try {
    args = parseSimulatorArgs(argv);
    const device = findDevice(args.device);
    const model = loadLanguageModel(args.locale);
    // Each run is a new session, as a one-shot "Alexa, ask Photo Frame to …" is: no dynamic entities yet, so person
    // and album slots carry Alexa's static resolution only (ER_SUCCESS_NO_MATCH for a name outside the catalog), and
    // the skill resolves the owner's names itself from the heard words.
    const session = new SimulatorSession();
    const context = {
      today: new Date(),
      applicationId: SIMULATOR_IDENTITY.applicationId,
      locale: args.locale,
      dynamicEntities: session.entities,
    };
    heard = withDynamicEntities(
      args.intent === undefined
        ? matchUtterance(model, args.utterance, context)
        : intentFromSlotValues(model, args.intent, args.slots, context),
      model,
      session.entities,
      SIMULATOR_IDENTITY.applicationId,
    );
    envelope = buildRequestEnvelope({
      device,
      heard,
      locale: args.locale,
      session: session.next(),
      // "a,b" puts a pair on screen.
      contextPhotoId: args.contextPhotoId?.split(',').filter((id) => id !== ''),
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    process.stderr.write(`${error.publicMessage}\n`);
    return EXIT_USAGE;
  }

  const dataDir = resolve(env.DATA_DIR);
  let reply: SkillReply;
  try {
    reply = await sendStartingStackIfNeeded(envelope, env.PORT, dataDir);
  } catch (error) {
    if (!(error instanceof StackUnavailableError || error instanceof NothingListeningError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return EXIT_FAILED;
  }
  if (reply.status !== 200) {
    process.stderr.write(`Skill answered HTTP ${reply.status}: ${JSON.stringify(reply.body)}\n`);
    return EXIT_FAILED;
  }
  const response = reply.body as ResponseEnvelope;
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ request: envelope, response }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatSummary(findDevice(args.device), heard, response).join('\n')}\n`);
    const device = findDevice(args.device);
    const preview = previewUrlFor(`http://localhost:${env.PORT}`, device.name, args.utterance, response);
    if (preview) process.stdout.write(`See it in a browser: ${preview}\n`);
  }
  return EXIT_OK;
}

/** Why a running stack was expected rather than the in-process demo one, or undefined when nothing says so. */
function expectedStackReason(env: NodeJS.ProcessEnv): string | undefined {
  if (env.PORT !== undefined && env.PORT !== '') return 'PORT is set';
  if (env.DATABASE_URL !== undefined && env.DATABASE_URL !== '') return 'DATABASE_URL is set';
  if (env.PHOTOS_DIR !== undefined && env.PHOTOS_DIR !== '') return 'PHOTOS_DIR is set';
  return undefined;
}

/** Thrown with a sentence for the user: what was found on the port, and what to do. */
class StackUnavailableError extends Error {}

/**
 * Uses the running stack on PORT. Only when nothing is configured (no PORT, DATABASE_URL or PHOTOS_DIR) and nothing
 * listens does it run the demo stack in-process for the one request: an expected stack that is down, or a port
 * taken by another program, is reported, never hidden behind demo answers (issue 12).
 */
async function sendStartingStackIfNeeded(
  envelope: RequestEnvelope,
  port: number,
  dataDir: string,
): Promise<SkillReply> {
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/alexa`;
  const probe = await probeStack(origin);
  if (probe.kind === 'photo-frame') {
    return sendToSkill(url, envelope, readLocalSecrets(dataDir)?.simulatorToken);
  }
  if (probe.kind === 'other') {
    throw new StackUnavailableError(
      `Port ${port} is in use by something that is not a Photo Frame stack (${probe.answer}). ` +
        'Stop it, or set PORT to the port `npm start` listens on.',
    );
  }
  if (probe.kind === 'silent') {
    throw new StackUnavailableError(
      `Something on port ${port} accepts connections but does not answer: the Photo Frame stack there is not ` +
        'answering (stuck, or its database is down). Check its log, or restart it with `npm start`.',
    );
  }
  const expected = expectedStackReason(process.env);
  if (expected !== undefined) {
    throw new StackUnavailableError(
      `No Photo Frame stack is listening on port ${port} (${expected}, so a running stack was expected). ` +
        'Start it with `npm start` and try again.',
    );
  }
  process.stderr.write(
    `Nothing answers on port ${port} and nothing is configured; starting the demo stack in-process ` +
      `(DATA_DIR ${dataDir})...\n`,
  );
  const stack = await startLocalStack(localStackConfigFromEnv(process.env));
  try {
    return await sendToSkill(url, envelope, readLocalSecrets(dataDir)?.simulatorToken);
  } finally {
    await stack.close();
    process.stderr.write('The in-process stack has stopped: run `npm start` to fetch the rendition URLs.\n');
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `alexa simulator failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = EXIT_FAILED;
  },
);
