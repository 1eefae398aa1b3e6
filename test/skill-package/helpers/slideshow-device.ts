import assert from 'node:assert/strict';
import type { interfaces } from 'ask-sdk-model';
import { evaluate, truthy, type Scope } from './apl-expressions';

type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;
type ExecuteCommands = interfaces.alexa.presentation.apl.ExecuteCommandsDirective;
type UpdateIndexListData = interfaces.alexa.presentation.apl.UpdateIndexListDataDirective;
type Json = Record<string, unknown>;

/** One run of commands on a sequencer; a command later put on the same sequencer stops it (alive = false). */
interface Run {
  alive: boolean;
  steps: Generator<number, void, void>;
  wakeAt: number;
}

const MAIN = '__main__';
/** Rounds of a loop that may pass without waiting before the model calls it a spin. */
const MAX_ROUNDS_WITHOUT_WAIT = 1000;

/**
 * An Echo Show as far as the PhotoSlideshow document's paging goes: it runs the document's own bindings and
 * commands (its user-defined paging commands, the Pager's onPageChanged, commands the skill sends) against a Pager
 * bound to a dynamicIndexList, on a virtual clock. Modelled on APL core 2024.3 (alexa/apl-core-library), the parts
 * the paging depends on:
 * - AutoPage moves from the current page towards the last one and does nothing on the last page or with fewer than
 *   two pages (autopageaction.cpp); SetPage clamps an absolute page, ignores a relative move out of range on a
 *   'normal' pager, and does nothing when the target is the current page (setpageaction.cpp). Both are ignored in
 *   fast mode, and a page change runs onPageChanged in fast mode (pagercomponent.cpp).
 * - A command with a `sequencer` runs in normal mode on it, stopping what ran there; a child command inherits its
 *   parent's sequencer and then runs inline (arrayaction.cpp, sequencer.cpp, corecommand.cpp).
 * - DeleteItem removes the item at that list position; the pager stays on its page index unless it was on or after
 *   the removed page and not on page 0, when it moves back one, and no onPageChanged runs
 *   (PagerComponent::removeChildAfterMarkedRemoved). Each versioned payload must be the list's version + 1.
 * Media (ControlMedia) and focus are not modelled. The list holds what the RenderDocument sent and must start at 0.
 */
export class SlideshowDevice {
  /** Virtual milliseconds since the document was rendered. */
  now = 0;
  /** The slideshow index (data.index) of every page that came on screen, in order, the first page included. */
  readonly shown: number[];
  /** The pager's current page. */
  page = 0;
  private readonly photos: Json[];
  private readonly bindings: Record<string, unknown> = {};
  private readonly sequencers = new Map<string, Run>();
  private listVersion = 0;
  private readonly document: Json;
  private readonly facts: Json;

  constructor(render: RenderDocument) {
    this.document = render.document as Json;
    const datasources = render.datasources as Record<string, Json>;
    const mainTemplate = this.document.mainTemplate as { parameters: string[]; bind: Json[]; items: Json[] };
    const [listName, factsName] = mainTemplate.parameters as [string, string];
    const list = datasources[listName] as Json;
    assert.equal(list.type, 'dynamicIndexList');
    assert.equal(list.startIndex, 0, 'the model holds a list loaded from its first item');
    this.photos = [...(list.items as Json[])];
    assert.ok(
      list.maximumExclusiveIndex === this.photos.length,
      'the model needs the whole list in the RenderDocument (no lazy loading)',
    );
    this.facts = datasources[factsName] as Json;
    for (const binding of mainTemplate.bind) {
      this.bindings[String(binding.name)] = evaluate(binding.value, this.scope());
    }
    this.shown = [this.current()];
  }

  /** The slideshow index of the page on screen. */
  current(): number {
    return Number(this.photos[this.page]?.index);
  }

  /** The page on screen, as the list item the skill sent. */
  currentItem(): Json {
    const item = this.photos[this.page];
    assert.ok(item, 'a page is on screen');
    return item;
  }

  binding(name: string): unknown {
    assert.ok(name in this.bindings, `the document binds ${name}`);
    return this.bindings[name];
  }

  /** A directive from the skill: ExecuteCommands and UpdateIndexListData act, RenderDocument is refused. */
  receive(directive: { type: string }): void {
    if (directive.type === 'Alexa.Presentation.APL.ExecuteCommands') {
      const { commands } = directive as ExecuteCommands;
      this.start(MAIN, (run) => this.sequence(commands as unknown as Json[], this.scope(), MAIN, run));
    } else if (directive.type === 'Alexa.Presentation.APL.UpdateIndexListData') {
      this.update(directive as UpdateIndexListData);
    } else {
      assert.fail(`the model does not take ${directive.type}`);
    }
  }

  /** Lets `ms` pass, running whatever the sequencers do in that time. */
  run(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const next = [...this.sequencers.entries()]
        .filter(([, run]) => run.alive)
        .sort(([, a], [, b]) => a.wakeAt - b.wakeAt)[0];
      if (!next || next[1].wakeAt > end) break;
      const [name, run] = next;
      this.now = Math.max(this.now, run.wakeAt);
      this.step(name, run);
    }
    this.now = end;
  }

  /** Runs until the page on screen is `slideshowIndex` (at most `ms`); false if it never came. */
  runUntilShown(slideshowIndex: number, ms: number): boolean {
    const end = this.now + ms;
    while (this.now < end) {
      if (this.current() === slideshowIndex) return true;
      this.run(Math.min(500, end - this.now));
    }
    return this.current() === slideshowIndex;
  }

  private update(directive: UpdateIndexListData): void {
    assert.equal(directive.listVersion, this.listVersion + 1, 'each list payload is the next version');
    this.listVersion = directive.listVersion;
    for (const operation of directive.operations) {
      assert.equal(operation.type, 'DeleteItem', 'the model only deletes');
      const index = (operation as { index: number }).index;
      assert.ok(index >= 0 && index < this.photos.length, `DeleteItem ${index} is in the list`);
      this.photos.splice(index, 1);
      if (this.page >= index && this.page !== 0) this.page -= 1;
    }
  }

  private scope(extra: Record<string, unknown> = {}): Scope {
    // Live: a command reads the bindings as they are when it runs, not when its caller started.
    const mainTemplate = this.document.mainTemplate as { parameters: string[] };
    const [listName, factsName] = mainTemplate.parameters as [string, string];
    const fixed: Record<string, unknown> = { [listName]: this.photos, [factsName]: this.facts };
    const bindings = this.bindings;
    return new Proxy(
      {},
      {
        has: (_, name) => typeof name === 'string' && (name in extra || name in bindings || name in fixed),
        get: (_, name) => {
          if (typeof name !== 'string') return undefined;
          if (name in extra) return extra[name];
          if (name in bindings) return bindings[name];
          return fixed[name];
        },
      },
    );
  }

  private start(sequencer: string, make: (run: Run) => Generator<number, void, void>): void {
    const running = this.sequencers.get(sequencer);
    if (running) running.alive = false;
    const run: Run = {
      alive: true,
      steps: undefined as unknown as Generator<number, void, void>,
      wakeAt: this.now,
    };
    run.steps = make(run);
    this.sequencers.set(sequencer, run);
    // Like APL core, a command starts at once: it runs up to its first wait before the caller goes on.
    this.step(sequencer, run);
  }

  private step(sequencer: string, run: Run): void {
    const step = run.steps.next();
    if (step.done || !run.alive) {
      if (this.sequencers.get(sequencer) === run) this.sequencers.delete(sequencer);
    } else {
      run.wakeAt = this.now + step.value;
    }
  }

  /** Commands in normal mode on the sequencer of `run`, yielding each wait in ms; they stop once it is replaced. */
  private *sequence(
    commands: Json[],
    scope: Scope,
    sequencer: string,
    run: Run,
  ): Generator<number, void, void> {
    for (const command of commands) {
      if (!run.alive) return;
      yield* this.command(command, scope, sequencer, run);
    }
  }

  private *command(command: Json, scope: Scope, sequencer: string, run: Run): Generator<number, void, void> {
    if (command.when !== undefined && !truthy(evaluate(command.when, scope))) return;
    const own = command.sequencer === undefined ? sequencer : String(evaluate(command.sequencer, scope));
    if (own !== sequencer) {
      // Runs on its own sequencer, in normal mode, replacing what ran there; this sequence goes on at once.
      this.start(own, (its) => this.command(command, scope, own, its));
      return;
    }
    const delay = Number(evaluate(command.delay ?? 0, scope));
    if (delay > 0) yield delay;
    if (!run.alive) return;
    const type = String(command.type);
    switch (type) {
      case 'Sequential': {
        const repeat = Number(evaluate(command.repeatCount ?? 0, scope));
        let roundsWithoutWait = 0;
        for (let round = 0; round <= repeat && run.alive; round += 1) {
          let waited = false;
          for (const child of command.commands as Json[]) {
            if (!run.alive) return;
            for (const wait of this.command(child, scope, sequencer, run)) {
              waited = true;
              yield wait;
              if (!run.alive) return;
            }
          }
          roundsWithoutWait = waited ? 0 : roundsWithoutWait + 1;
          assert.ok(
            roundsWithoutWait < MAX_ROUNDS_WITHOUT_WAIT,
            'a repeating Sequential spins without waiting',
          );
        }
        return;
      }
      case 'SetValue':
        this.setValue(command, scope);
        return;
      case 'AutoPage': {
        // From the next page to the last one, or `count` pages: the first move at once (after the command's
        // delay), each later one `duration` after the one before, and a last rest of `duration`.
        const count = command.count === undefined ? Infinity : Number(evaluate(command.count, scope));
        const duration = Number(evaluate(command.duration ?? 0, scope));
        const first = this.page + 1;
        if (this.photos.length < 2 || count <= 0 || first >= this.photos.length) return;
        const end = first + Math.min(this.photos.length - first, count);
        for (let next = first; next < end; next += 1) {
          if (next > first && duration > 0) yield duration;
          if (!run.alive || next >= this.photos.length) return;
          this.changePage(next);
          if (!run.alive) return;
        }
        if (duration > 0) yield duration;
        return;
      }
      case 'SetPage':
        this.setPage(command, scope);
        return;
      case 'Idle':
      case 'ControlMedia':
      case 'SetFocus':
        return;
      default: {
        const { body, inner } = this.expand(command, scope);
        yield* this.sequence(body, inner, sequencer, run);
      }
    }
  }

  /** Commands in fast mode (onPageChanged): no waits, paging ignored, except what names its own sequencer. */
  private fast(commands: Json[], scope: Scope): void {
    for (const command of commands) {
      if (command.when !== undefined && !truthy(evaluate(command.when, scope))) continue;
      if (command.sequencer !== undefined) {
        const own = String(evaluate(command.sequencer, scope));
        this.start(own, (its) => this.command(command, scope, own, its));
        continue;
      }
      const type = String(command.type);
      if (type === 'SetValue') this.setValue(command, scope);
      else if (type === 'Sequential') this.fast(command.commands as Json[], scope);
      else if (!['AutoPage', 'SetPage', 'Idle', 'ControlMedia', 'SetFocus'].includes(type)) {
        const { body, inner } = this.expand(command, scope);
        this.fast(body, inner);
      }
    }
  }

  /** A user-defined command's body and the scope it runs in (its parameters over the document's). */
  private expand(command: Json, scope: Scope): { body: Json[]; inner: Scope } {
    const type = String(command.type);
    const macros = (this.document.commands ?? {}) as Record<string, Json>;
    const macro = macros[type];
    assert.ok(macro, `the model knows no command ${type}`);
    const parameters: Record<string, unknown> = {};
    for (const parameter of (macro.parameters ?? []) as Json[]) {
      const name = String(parameter.name);
      parameters[name] = name in command ? evaluate(command[name], scope) : parameter.default;
    }
    return { body: macro.commands as Json[], inner: this.scope(parameters) };
  }

  private setValue(command: Json, scope: Scope): void {
    const property = String(command.property);
    assert.ok(
      property in this.bindings,
      `SetValue of ${property}: the model only sets the document's bindings`,
    );
    this.bindings[property] = evaluate(command.value, scope);
  }

  private setPage(command: Json, scope: Scope): void {
    const length = this.photos.length;
    if (length < 2) return;
    const value = Math.round(Number(evaluate(command.value, scope)));
    const position = String(evaluate(command.position ?? 'absolute', scope));
    let target: number;
    if (position === 'absolute') {
      target = Math.min(length - 1, Math.max(0, value < 0 ? value + length : value));
    } else {
      target = this.page + value;
      if (target < 0 || target >= length) return;
    }
    if (target !== this.page) this.changePage(target);
  }

  private changePage(page: number): void {
    this.page = page;
    this.shown.push(this.current());
    const pager = (this.document.mainTemplate as { items: Json[] }).items[0] as Json;
    const event = { source: { page, value: page, id: pager.id } };
    this.fast(pager.onPageChanged as Json[], this.scope({ event }));
  }
}
