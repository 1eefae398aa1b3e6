import { resolve } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { z } from 'zod';
import { envPort, loadEnv } from '../../common/config';
import { isAppError } from '../../common/errors';
import { readLocalSecrets } from '../../server/local-secrets';
import { localStackConfigFromEnv, startLocalStack } from '../../server/local-stack';
import { parseSimulatorArgs, type SimulatorArgs } from './cli-args';
import { findDevice } from './devices';
import { buildRequestEnvelope, SIMULATOR_IDENTITY } from './envelope';
import { loadLanguageModel } from './interaction-model';
import { intentFromSlotValues, matchUtterance, type HeardRequest } from './interaction-model-matcher';
import { NothingListeningError, sendToSkill, type SkillReply } from './skill-transport';
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
  let args: SimulatorArgs;
  let envelope: RequestEnvelope;
  let heard: HeardRequest;
  const env = loadEnv(simulatorEnvSchema);
  try {
    args = parseSimulatorArgs(argv);
    const device = findDevice(args.device);
    const model = loadLanguageModel(args.locale);
    const context = {
      today: new Date(),
      applicationId: SIMULATOR_IDENTITY.applicationId,
      locale: args.locale,
    };
    // Each run is a new session, as a one-shot "Alexa, ask Photo Frame to …" is: no dynamic entities yet, so person
    // and album slots carry Alexa's static resolution only, and the skill resolves the owner's names itself.
    const session = new SimulatorSession();
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
  const reply = await sendStartingStackIfNeeded(envelope, env.PORT, dataDir);
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

/** Uses a running stack on PORT; if none answers, runs one in this process for the one request. */
async function sendStartingStackIfNeeded(
  envelope: RequestEnvelope,
  port: number,
  dataDir: string,
): Promise<SkillReply> {
  const url = `http://127.0.0.1:${port}/alexa`;
  try {
    return await sendToSkill(url, envelope, readLocalSecrets(dataDir)?.simulatorToken);
  } catch (error) {
    if (!(error instanceof NothingListeningError)) throw error;
  }
  process.stderr.write(
    `Nothing answers on port ${port}; starting the local stack in-process (DATA_DIR ${dataDir})...\n`,
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
