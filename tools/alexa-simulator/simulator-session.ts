import { randomUUID } from 'node:crypto';
import type { Directive, ResponseEnvelope, Slot, er, slu } from 'ask-sdk-model';
import type { LanguageModel } from './interaction-model';
import type { HeardRequest } from './interaction-model-matcher';

/** The types and values a skill taught Alexa with Dialog.UpdateDynamicEntities, by slot type name. */
export type DynamicEntities = ReadonlyMap<string, readonly er.dynamic.Entity[]>;

/**
 * One simulated Alexa session: the id and attributes Alexa carries from one request to the next, and the dynamic
 * entities the skill has sent so far. Alexa keeps dynamic entities for the session only (up to 30 minutes); a new
 * session starts with none, so a one-shot request's slots resolve against the static catalog alone.
 */
export class SimulatorSession {
  readonly sessionId = `amzn1.echo-api.session.${randomUUID()}`;
  private requests = 0;
  private attributes: Record<string, unknown> = {};
  private dynamicEntities = new Map<string, er.dynamic.Entity[]>();
  private ended = false;

  /** The envelope's session part for the next request: new on the first, then the attributes the skill returned. */
  next(): { sessionId: string; new: boolean; attributes: Record<string, unknown> } {
    if (this.ended) throw new Error('the session has ended; start a new SimulatorSession');
    const isNew = this.requests === 0;
    this.requests += 1;
    return { sessionId: this.sessionId, new: isNew, attributes: { ...this.attributes } };
  }

  /** What the skill answered: its session attributes, dynamic entities (REPLACE or CLEAR) and whether it ended. */
  record(reply: ResponseEnvelope): void {
    this.attributes = { ...(reply.sessionAttributes ?? {}) };
    for (const directive of reply.response?.directives ?? []) applyDirective(this.dynamicEntities, directive);
    if (reply.response?.shouldEndSession === true) this.ended = true;
  }

  get entities(): DynamicEntities {
    return this.dynamicEntities;
  }

  get isOver(): boolean {
    return this.ended;
  }
}

function applyDirective(entities: Map<string, er.dynamic.Entity[]>, directive: Directive): void {
  if (directive.type !== 'Dialog.UpdateDynamicEntities') return;
  entities.clear();
  if (directive.updateBehavior === 'CLEAR') return;
  for (const type of directive.types ?? []) {
    if (type.name) entities.set(type.name, [...(type.values ?? [])]);
  }
}

const normalize = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A heard request as Alexa resolves it with the session's dynamic entities: every filled slot whose type the skill
 * extended gets the dynamic authority first (ER_SUCCESS_MATCH with each entity whose name or synonym was heard, or
 * ER_SUCCESS_NO_MATCH), ahead of the static authority it already has. Without dynamic entities nothing changes.
 */
export function withDynamicEntities(
  heard: HeardRequest,
  model: LanguageModel,
  entities: DynamicEntities,
  applicationId: string,
): HeardRequest {
  if (heard.type !== 'IntentRequest' || entities.size === 0) return heard;
  const declared = model.intents.find((intent) => intent.name === heard.intent.name)?.slots ?? [];
  const slots: Record<string, Slot> = { ...(heard.intent.slots ?? {}) };
  for (const { name, type } of declared) {
    const slot = slots[name];
    const values = entities.get(type);
    if (!slot?.value || !values) continue;
    const wanted = normalize(slot.value);
    const matched = values.filter((entity) =>
      [entity.name.value, ...(entity.name.synonyms ?? [])].some((form) => normalize(form) === wanted),
    );
    const dynamic: slu.entityresolution.Resolution = {
      authority: `amzn1.er-authority.echo-sdk.dynamic.${applicationId}.${type}`,
      status: { code: matched.length > 0 ? 'ER_SUCCESS_MATCH' : 'ER_SUCCESS_NO_MATCH' },
      values: matched.map((entity) => ({
        value: { id: entity.id ?? entity.name.value, name: entity.name.value },
      })),
    };
    const staticOnes = slot.resolutions?.resolutionsPerAuthority ?? [];
    slots[name] = { ...slot, resolutions: { resolutionsPerAuthority: [dynamic, ...staticOnes] } };
  }
  return { ...heard, intent: { ...heard.intent, slots } };
}
