/**
 * Just enough SOQL for the emulator: SELECT fields | COUNT() FROM object [WHERE …] [ORDER BY …]
 * [LIMIT n] [OFFSET n]. WHERE supports AND / OR / NOT, parentheses, = != <> < <= > >= LIKE,
 * [NOT] IN (…), string / number / boolean / null / date literals, and one-level relationship paths
 * such as `Territory2.Territory2ModelId` (resolved through the `Territory2Id` lookup).
 */

export class SoqlError extends Error {
  readonly errorCode: string;
  constructor(errorCode: string, message: string) {
    super(message);
    this.errorCode = errorCode;
  }
}

type Literal = string | number | boolean | null;
export type Expr =
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'not'; expr: Expr }
  | { kind: 'cmp'; field: string; op: string; value: Literal }
  | { kind: 'in'; field: string; negate: boolean; values: Literal[] };

export interface ParsedQuery {
  count: boolean;
  fields: string[];
  object: string;
  where?: Expr;
  orderBy: { field: string; desc: boolean }[];
  limit?: number;
  offset?: number;
}

type Token = { t: 'id' | 'str' | 'num' | 'date' | 'op' | 'punct'; v: string };

function tokenize(soql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < soql.length) {
    const c = soql[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === "'") {
      let s = '';
      i++;
      while (i < soql.length && soql[i] !== "'") {
        if (soql[i] === '\\') { s += soql[i + 1]; i += 2; } else s += soql[i++];
      }
      if (soql[i] !== "'") throw new SoqlError('MALFORMED_QUERY', 'unterminated string literal');
      i++;
      out.push({ t: 'str', v: s });
      continue;
    }
    const date = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2}))?/.exec(soql.slice(i));
    if (date) { out.push({ t: 'date', v: date[0] }); i += date[0].length; continue; }
    const num = /^-?\d+(\.\d+)?/.exec(soql.slice(i));
    if (num) { out.push({ t: 'num', v: num[0] }); i += num[0].length; continue; }
    const op = /^(<=|>=|!=|<>|=|<|>)/.exec(soql.slice(i));
    if (op) { out.push({ t: 'op', v: op[0] === '<>' ? '!=' : op[0] }); i += op[0].length; continue; }
    if ('(),'.includes(c)) { out.push({ t: 'punct', v: c }); i++; continue; }
    const id = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(soql.slice(i));
    if (id) { out.push({ t: 'id', v: id[0] }); i += id[0].length; continue; }
    throw new SoqlError('MALFORMED_QUERY', `unexpected character ${JSON.stringify(c)} at ${i}`);
  }
  return out;
}

/** Parses the subset; throws SoqlError MALFORMED_QUERY on anything else. */
export function parseSoql(soql: string): ParsedQuery {
  const tokens = tokenize(soql);
  let p = 0;
  const peek = () => tokens[p];
  const kw = (word: string) => peek()?.t === 'id' && peek().v.toUpperCase() === word;
  const expectKw = (word: string) => {
    if (!kw(word)) throw new SoqlError('MALFORMED_QUERY', `expected ${word} near ${JSON.stringify(peek()?.v ?? 'end')}`);
    p++;
  };
  const expectPunct = (v: string) => {
    if (peek()?.v !== v) throw new SoqlError('MALFORMED_QUERY', `expected '${v}' near ${JSON.stringify(peek()?.v ?? 'end')}`);
    p++;
  };
  const ident = () => {
    const tok = tokens[p++];
    if (tok?.t !== 'id') throw new SoqlError('MALFORMED_QUERY', `expected a field name near ${JSON.stringify(tok?.v ?? 'end')}`);
    return tok.v;
  };
  const literal = (): Literal => {
    const tok = tokens[p++];
    if (!tok) throw new SoqlError('MALFORMED_QUERY', 'expected a value');
    if (tok.t === 'str' || tok.t === 'date') return tok.v;
    if (tok.t === 'num') return Number(tok.v);
    if (tok.t === 'id') {
      const u = tok.v.toUpperCase();
      if (u === 'TRUE') return true;
      if (u === 'FALSE') return false;
      if (u === 'NULL') return null;
    }
    throw new SoqlError('MALFORMED_QUERY', `unexpected value ${JSON.stringify(tok.v)}`);
  };

  expectKw('SELECT');
  let count = false;
  const fields: string[] = [];
  if (kw('COUNT') && tokens[p + 1]?.v === '(' && tokens[p + 2]?.v === ')') {
    count = true;
    p += 3;
  } else {
    fields.push(ident());
    while (peek()?.v === ',') { p++; fields.push(ident()); }
  }
  expectKw('FROM');
  const object = ident();

  const factor = (): Expr => {
    if (kw('NOT')) { p++; return { kind: 'not', expr: factor() }; }
    if (peek()?.v === '(') { p++; const e = expr(); expectPunct(')'); return e; }
    const field = ident();
    let negate = false;
    if (kw('NOT')) { p++; negate = true; }
    if (kw('IN')) {
      p++;
      expectPunct('(');
      const values: Literal[] = [literal()];
      while (peek()?.v === ',') { p++; values.push(literal()); }
      expectPunct(')');
      return { kind: 'in', field, negate, values };
    }
    if (negate) throw new SoqlError('MALFORMED_QUERY', 'expected IN after NOT');
    let op: string;
    if (peek()?.t === 'op') op = tokens[p++].v;
    else if (kw('LIKE')) { p++; op = 'LIKE'; } else throw new SoqlError('MALFORMED_QUERY', `expected an operator after ${field}`);
    return { kind: 'cmp', field, op, value: literal() };
  };
  const term = (): Expr => {
    let left = factor();
    while (kw('AND')) { p++; left = { kind: 'and', left, right: factor() }; }
    return left;
  };
  const expr = (): Expr => {
    let left = term();
    while (kw('OR')) { p++; left = { kind: 'or', left, right: term() }; }
    return left;
  };

  const query: ParsedQuery = { count, fields, object, orderBy: [] };
  if (kw('WHERE')) { p++; query.where = expr(); }
  if (kw('ORDER')) {
    p++;
    expectKw('BY');
    do {
      if (peek()?.v === ',') p++;
      const field = ident();
      let desc = false;
      if (kw('ASC')) p++;
      else if (kw('DESC')) { p++; desc = true; }
      query.orderBy.push({ field, desc });
    } while (peek()?.v === ',');
  }
  if (kw('LIMIT')) { p++; query.limit = Number(literal()); }
  if (kw('OFFSET')) { p++; query.offset = Number(literal()); }
  if (p < tokens.length) throw new SoqlError('MALFORMED_QUERY', `unexpected token ${JSON.stringify(tokens[p].v)}`);
  return query;
}

/** Reads a (possibly one-level relationship) field from a record. */
export type FieldReader = (record: Record<string, unknown>, field: string) => unknown;

function compare(a: unknown, b: Literal): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

function like(value: unknown, pattern: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 'i');
  return typeof value === 'string' && re.test(value);
}

/** Evaluates a WHERE expression against one record. */
export function matches(e: Expr, record: Record<string, unknown>, read: FieldReader): boolean {
  switch (e.kind) {
    case 'and': return matches(e.left, record, read) && matches(e.right, record, read);
    case 'or': return matches(e.left, record, read) || matches(e.right, record, read);
    case 'not': return !matches(e.expr, record, read);
    case 'in': {
      const v = read(record, e.field) ?? null;
      const set = (e as { set?: Set<unknown> }).set ?? ((e as { set?: Set<unknown> }).set = new Set(e.values));
      const found = set.has(v);
      return e.negate ? !found : found;
    }
    case 'cmp': {
      const v = read(record, e.field) ?? null;
      if (e.op === '=') return v === e.value;
      if (e.op === '!=') return v !== e.value;
      if (e.op === 'LIKE') return like(v, String(e.value));
      if (v === null || e.value === null) return false;
      const c = compare(v, e.value);
      return e.op === '<' ? c < 0 : e.op === '<=' ? c <= 0 : e.op === '>' ? c > 0 : c >= 0;
    }
  }
}

export function sortRecords(records: Record<string, unknown>[], orderBy: ParsedQuery['orderBy'], read: FieldReader): void {
  if (orderBy.length === 0) return;
  records.sort((a, b) => {
    for (const { field, desc } of orderBy) {
      const x = read(a, field) ?? null;
      const y = read(b, field) ?? null;
      if (x === y) continue;
      if (x === null) return desc ? 1 : -1; // nulls first ascending, as Salesforce does
      if (y === null) return desc ? -1 : 1;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1;
      return desc ? -c : c;
    }
    return 0;
  });
}
