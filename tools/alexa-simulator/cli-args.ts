import { parseArgs } from 'node:util';
import { AppError } from '../../common/errors';

export interface SimulatorArgs {
  utterance: string;
  device: string;
  locale: string;
  json: boolean;
  /** Exact intent and slot values instead of an utterance. */
  intent?: string;
  slots: Record<string, string>;
  contextPhotoId?: string;
}

export const USAGE = `Usage: npm run alexa -- "<utterance>" [--device "Echo Show 8"] [--locale en-US] [--json]
       npm run alexa -- --intent ShowPhotosIntent --slot subject=beach --slot date=2026-SU [--device ...]
Options:
  --device <name>          device preset (default "Echo Show 8")
  --locale <locale>        interaction model locale (default en-US)
  --json                   print {request, response} as JSON
  --intent <name>          send this intent with exact --slot values instead of matching an utterance
  --slot <name=value>      slot value as Alexa resolves it (repeatable; needs --intent)
  --context-photo <id>     put this photo on screen in the APL visual context (<left>,<right> for a pair)
  -h, --help               this text

Sends the request a device would send to the skill of the stack on PORT and prints what the skill heard, said
and showed. When nothing listens there and nothing is configured (no PORT, DATABASE_URL or PHOTOS_DIR), it
starts the demo stack in-process for the one request.

Environment:
  PORT          8080     port of the running stack (npm start)
  DATA_DIR      ./data   where the stack keeps local-secrets.json (the simulator's token)
  DATABASE_URL, PHOTOS_DIR   when set, a running stack is expected (never the in-process demo)

Exit codes: 0 answered, 1 transport or skill error, 2 bad usage or no intent matched.`;

const usageError = (message: string): AppError =>
  new AppError({ status: 400, code: 'INVALID_ARGUMENTS', publicMessage: `${message}\n${USAGE}` });

export function parseSimulatorArgs(argv: string[]): SimulatorArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        device: { type: 'string', default: 'Echo Show 8' },
        locale: { type: 'string', default: 'en-US' },
        json: { type: 'boolean', default: false },
        intent: { type: 'string' },
        slot: { type: 'string', multiple: true, default: [] },
        'context-photo': { type: 'string' },
      },
    });
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw usageError('Give the utterance as one quoted argument.');
  const utterance = positionals[0] ?? '';
  if (values.intent !== undefined && utterance !== '') {
    throw usageError('Give either an utterance or --intent, not both.');
  }
  if (values.intent === undefined && values.slot.length > 0) throw usageError('--slot needs --intent.');
  const slots: Record<string, string> = {};
  for (const pair of values.slot) {
    const at = pair.indexOf('=');
    if (at <= 0) throw usageError(`--slot expects name=value, got "${pair}".`);
    slots[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return {
    utterance,
    device: values.device,
    locale: values.locale,
    json: values.json,
    intent: values.intent,
    slots,
    contextPhotoId: values['context-photo'],
  };
}
