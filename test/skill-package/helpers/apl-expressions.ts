/**
 * APL data-binding expressions (`${…}`), the subset the PhotoSlideshow document uses, evaluated the way APL core
 * does (aplcore/src/datagrammar): literals, names, `a.b` and `a[i]` (null on a missing field or an index out of
 * range, a negative index counting from the end, `.length` of an array), `!`, unary `-`, `+ - * / %`, comparisons,
 * `== !=`, `&& ||` (returning an operand), `?:` and parentheses. Anything else throws, so a document using syntax
 * this model does not know fails the test instead of being misread.
 */

export type Scope = Readonly<Record<string, unknown>>;

/** The value of a property as APL computes it: a string that is exactly one `${…}` keeps its type. */
export function evaluate(value: unknown, scope: Scope): unknown {
  if (typeof value !== 'string' || !value.includes('${')) return value;
  const whole = /^\$\{([^}]*)\}$/.exec(value);
  if (whole) return evaluateExpression(whole[1] ?? '', scope);
  return value.replace(/\$\{([^}]*)\}/g, (_, expression: string) =>
    text(evaluateExpression(expression, scope)),
  );
}

export function truthy(value: unknown): boolean {
  return value !== null && value !== undefined && value !== false && value !== 0 && value !== '';
}

function evaluateExpression(source: string, scope: Scope): unknown {
  const parser = new Parser(tokenize(source), scope, source);
  const value = parser.conditional();
  parser.expectEnd();
  return value;
}

type Token =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'name' | 'op'; value: string };

const OPERATORS = [
  '==',
  '!=',
  '>=',
  '<=',
  '&&',
  '||',
  '>',
  '<',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
  '?',
  ':',
  '.',
  '[',
  ']',
  '(',
  ')',
];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const rest = source.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const number = /^\d+(\.\d+)?/.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]) });
      at += number[0].length;
      continue;
    }
    const quoted = /^'([^']*)'/.exec(rest) ?? /^"([^"]*)"/.exec(rest);
    if (quoted) {
      tokens.push({ kind: 'string', value: quoted[1] ?? '' });
      at += quoted[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', value: name[0] });
      at += name[0].length;
      continue;
    }
    const operator = OPERATORS.find((candidate) => rest.startsWith(candidate));
    if (!operator) throw new Error(`APL expression "${source}": unexpected "${rest}"`);
    tokens.push({ kind: 'op', value: operator });
    at += operator.length;
  }
  return tokens;
}

class Parser {
  private at = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly scope: Scope,
    private readonly source: string,
  ) {}

  expectEnd(): void {
    if (this.at !== this.tokens.length) this.fail('trailing tokens');
  }

  conditional(): unknown {
    const test = this.or();
    if (!this.take('?')) return test;
    const yes = this.conditional();
    if (!this.take(':')) this.fail('":" expected');
    const no = this.conditional();
    return truthy(test) ? yes : no;
  }

  private or(): unknown {
    let left = this.and();
    while (this.take('||')) {
      const right = this.and();
      left = truthy(left) ? left : right;
    }
    return left;
  }

  private and(): unknown {
    let left = this.equality();
    while (this.take('&&')) {
      const right = this.equality();
      left = truthy(left) ? right : left;
    }
    return left;
  }

  private equality(): unknown {
    let left = this.comparison();
    for (;;) {
      if (this.take('==')) left = same(left, this.comparison());
      else if (this.take('!=')) left = !same(left, this.comparison());
      else return left;
    }
  }

  private comparison(): unknown {
    let left = this.additive();
    for (;;) {
      const operator = ['>=', '<=', '>', '<'].find((candidate) => this.take(candidate));
      if (!operator) return left;
      const right = this.additive();
      const [a, b] = [numberOf(left), numberOf(right)];
      left = operator === '>=' ? a >= b : operator === '<=' ? a <= b : operator === '>' ? a > b : a < b;
    }
  }

  private additive(): unknown {
    let left = this.multiplicative();
    for (;;) {
      if (this.take('+')) {
        const right = this.multiplicative();
        left =
          typeof left === 'number' && typeof right === 'number'
            ? left + right
            : `${text(left)}${text(right)}`;
      } else if (this.take('-')) left = numberOf(left) - numberOf(this.multiplicative());
      else return left;
    }
  }

  private multiplicative(): unknown {
    let left = this.unary();
    for (;;) {
      if (this.take('*')) left = numberOf(left) * numberOf(this.unary());
      else if (this.take('/')) left = numberOf(left) / numberOf(this.unary());
      else if (this.take('%')) left = numberOf(left) % numberOf(this.unary());
      else return left;
    }
  }

  private unary(): unknown {
    if (this.take('!')) return !truthy(this.unary());
    if (this.take('-')) return -numberOf(this.unary());
    return this.postfix();
  }

  private postfix(): unknown {
    let value = this.primary();
    for (;;) {
      if (this.take('.')) {
        const name = this.tokens[this.at++];
        if (name?.kind !== 'name') this.fail('a field name expected after "."');
        value = field(value, name.value);
      } else if (this.take('[')) {
        const key = this.conditional();
        if (!this.take(']')) this.fail('"]" expected');
        value = field(value, key);
      } else return value;
    }
  }

  private primary(): unknown {
    const token = this.tokens[this.at++];
    if (!token) return this.fail('unexpected end');
    if (token.kind === 'number' || token.kind === 'string') return token.value;
    if (token.kind === 'op') {
      if (token.value !== '(') return this.fail(`unexpected "${token.value}"`);
      const inner = this.conditional();
      if (!this.take(')')) this.fail('")" expected');
      return inner;
    }
    if (token.value === 'true') return true;
    if (token.value === 'false') return false;
    if (token.value === 'null') return null;
    if (!(token.value in this.scope)) return this.fail(`"${token.value}" is not bound`);
    return this.scope[token.value];
  }

  private take(operator: string): boolean {
    const token = this.tokens[this.at];
    if (token?.kind !== 'op' || token.value !== operator) return false;
    this.at += 1;
    return true;
  }

  private fail(why: string): never {
    throw new Error(`APL expression "${this.source}": ${why}`);
  }
}

function field(value: unknown, key: unknown): unknown {
  if (Array.isArray(value)) {
    if (key === 'length') return value.length;
    if (typeof key !== 'number') return null;
    const index = Math.round(key) < 0 ? Math.round(key) + value.length : Math.round(key);
    return index >= 0 && index < value.length ? (value[index] as unknown) : null;
  }
  if (typeof value === 'object' && value !== null && typeof key === 'string' && key in value) {
    return (value as Record<string, unknown>)[key];
  }
  return null;
}

/** A value as text: null is empty; maps and arrays as JSON (the document never joins those to text). */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function same(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  return a === b;
}

function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return NaN;
}
