/**
 * The TOML route: an entry becomes a plain object in a fixed, readable key order, written as
 * smol-toml's `stringify` writes it. For the shapes resolve gives (strings, numbers, booleans, lists
 * of them, and tables of them) the block is put together from one remembered line per key, the
 * same bytes smol-toml writes (tests/unit/generator/toml.test.ts holds them against it on random
 * entries); any other shape goes to smol-toml itself.
 */
import { stringify } from 'smol-toml';
import { tomlKeyOrder } from '../codex/keys.ts';
import { guardOutputs } from './guard.ts';
import { deepFreeze } from './last-answer.ts';
import type { ServerEntry } from './model.ts';
import { tok, type Token } from './tokens.ts';

// Reading order (what the server is, how it authenticates, then tuning; sub-tables last): the table's.
const KEY_ORDER = tomlKeyOrder();

/** The entry as a plain object whose key order is the order the TOML block shows. */
export function orderedEntry(entry: ServerEntry): Record<string, unknown> {
  const source: Readonly<Record<string, unknown>> = { ...entry };
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) {
    if (source[key] !== undefined) ordered[key] = source[key];
  }
  return ordered;
}

/**
 * The `[mcp_servers.NAME]` block for config.toml (names quoted when TOML needs it); a comment instead
 * when a string holds a refused character or a variable name is not a POSIX name (guard.ts).
 */
export function tomlBlock(name: string, entry: ServerEntry): string {
  if (guardOutputs(name, entry, []).length > 0)
    return '# Not shown: a setting holds a character or a variable name no config file may carry (its field says which).\n';
  return guardedTomlBlock(name, entry);
}

/** tomlBlock for an entry whose name and strings guardOutputs has already passed (generate.ts). */
export function guardedTomlBlock(name: string, entry: ServerEntry): string {
  return guardedToml(name, entry).text;
}

/** The TOML block through smol-toml itself: what guardedToml writes, for any shape. */
export function smolTomlBlock(name: string, entry: ServerEntry): string {
  return stringify({ mcp_servers: { [name]: orderedEntry(entry) } }).trimEnd() + '\n';
}

/** The block of guardedTomlBlock and its tokens (exactly `tomlTokens(text)`). */
export function guardedToml(name: string, entry: ServerEntry): { text: string; tokens: Token[] } {
  const ordered = orderedEntry(entry);
  const table = `mcp_servers.${formatKey(name)}`;
  const preamble: Chunk[] = [];
  const tables: { header: string; body: Chunk }[] = [];
  for (const key of Object.keys(ordered)) {
    const value = ordered[key];
    if (value === null || value === undefined) continue;
    const shape = shapeOf(value);
    if (shape === 'table') {
      const body = tableChunk(key, value as Record<string, unknown>);
      if (!body) return fromSmolToml(name, entry);
      tables.push({ header: `[${table}.${formatKey(key)}]`, body });
    } else if (shape === 'value') {
      preamble.push(keyChunk(key, value));
    } else return fromSmolToml(name, entry);
  }
  // smol-toml's stringifyTable: the table's header when it has a preamble or nothing else, then the
  // preamble, then the sub-tables, a blank line before each (none before the first without a preamble).
  const parts: Chunk[] = [];
  if (preamble.length > 0 || tables.length === 0)
    parts.push(headerChunk(`[${table}]`), ...preamble);
  tables.forEach((t, i) => {
    if (i > 0 || preamble.length > 0) parts.push(BLANK);
    parts.push(headerChunk(t.header), t.body);
  });
  let text = '';
  for (const p of parts) text += p.text;
  return { text, tokens: EMPTY.concat(...parts.map((p) => p.tokens)) };
}

/**
 * Whole lines of the block: their text (each line ending with a line break) and their tokens, which
 * are exactly tomlTokens' for those lines, each line's followed by the line break's.
 */
interface Chunk {
  text: string;
  tokens: readonly Token[];
}

const NEWLINE = Object.freeze(tok('plain', '\n'));
const EMPTY: Token[] = [];
// Frozen objects; lists are never frozen (last-answer.ts says why), and never handed out.
const BLANK: Chunk = Object.freeze({ text: '\n', tokens: [NEWLINE] });
const headerChunk = (header: string): Chunk => ({
  text: header + '\n',
  tokens: [tok('header', header), NEWLINE],
});

/** The chunk of `key = value` lines (texts without line breaks). */
function chunkOf(lines: readonly string[]): Chunk {
  let text = '';
  const tokens: Token[] = [];
  for (const line of lines) {
    text += line + '\n';
    for (const t of tomlTokens(line)) tokens.push(t);
    tokens.push(NEWLINE);
  }
  return deepFreeze({ text, tokens });
}

function fromSmolToml(name: string, entry: ServerEntry): { text: string; tokens: Token[] } {
  const text = smolTomlBlock(name, entry);
  return { text, tokens: tomlTokens(text) };
}

// smol-toml's key and string formats (stringify.js: formatKey, formatString), where
// isWellFormed/toWellFormed may be missing (older browsers) as there.
const BARE_KEY = /^[a-z0-9-_]+$/i;
const HAS_WELLFORMED = !!''.isWellFormed;
function formatKey(key: string): string {
  if (BARE_KEY.test(key)) return key;
  if (HAS_WELLFORMED && !key.isWellFormed())
    throw new RangeError('key contains illegal lone surrogates');
  return JSON.stringify(key).replaceAll('\x7f', '\\u007f');
}
const formatString = (s: string): string =>
  JSON.stringify(HAS_WELLFORMED ? s.toWellFormed() : s).replaceAll('\x7f', '\\u007f');

/** A scalar as smol-toml writes it (stringify.js: stringifyValue), for strings, numbers and booleans. */
function formatScalar(value: string | number | boolean): string {
  if (typeof value === 'string') return formatString(value);
  if (typeof value === 'number') {
    if (isNaN(value)) return 'nan';
    if (value === Infinity) return 'inf';
    if (value === -Infinity) return '-inf';
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) return value.toFixed(1);
  }
  return value.toString();
}

const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * How this writer takes a value: a `key = value` line (a scalar, or a list of scalars), a sub-table
 * (a plain object), or not at all (anything else: smol-toml writes the whole block).
 */
function shapeOf(value: unknown): 'value' | 'table' | 'other' {
  if (isScalar(value)) return 'value';
  if (Array.isArray(value)) return value.every(isScalar) ? 'value' : 'other';
  if (typeof value !== 'object' || value === null) return 'other';
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null ? 'table' : 'other';
}

/** `key = value`, as smol-toml writes a scalar or a list of scalars (stringifyArray). */
function valueText(
  value: string | number | boolean | readonly (string | number | boolean)[],
): string {
  if (!Array.isArray(value)) return formatScalar(value as string | number | boolean);
  if (value.length === 0) return '[]';
  let text = '[ ';
  for (let i = 0; i < value.length; i++) {
    if (i) text += ', ';
    text += formatScalar(value[i]!);
  }
  return text + ' ]';
}

// The last line written per key and value: a keystroke changes one field, so every other key's line
// (80 tool names, 40 headers) is the one written before. Keyed by the key's name and compared by
// content; one value per key, for the keys the block has (bounded).
const keyChunks = new Map<
  string,
  { value: readonly unknown[] | string | number | boolean; chunk: Chunk }
>();
const tableChunks = new Map<string, { keys: string[]; values: unknown[]; chunk: Chunk }>();
const MEMO_KEYS = 64;

function sameList(a: unknown, b: readonly unknown[]): boolean {
  if (!Array.isArray(a) || a.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The line `key = value` (value: a scalar or a list of scalars). */
function keyChunk(key: string, value: unknown): Chunk {
  const v = value as string | number | boolean | readonly (string | number | boolean)[];
  const known = keyChunks.get(key);
  if (known && (Array.isArray(v) ? sameList(known.value, v) : known.value === v))
    return known.chunk;
  const chunk = chunkOf([`${formatKey(key)} = ${valueText(v)}`]);
  if (keyChunks.size < MEMO_KEYS || keyChunks.has(key))
    keyChunks.set(key, { value: Array.isArray(v) ? v.slice() : v, chunk });
  return chunk;
}

/**
 * The lines of a sub-table of scalars and lists of scalars; undefined for any other shape, and for
 * a table with nothing to write (smol-toml writes its header with no blank line after it).
 */
function tableChunk(key: string, table: Record<string, unknown>): Chunk | undefined {
  const keys = Object.keys(table);
  const values = keys.map((k) => table[k]);
  const known = tableChunks.get(key);
  if (known && sameList(known.keys, keys) && sameValues(known.values, values)) return known.chunk;
  const lines: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (shapeOf(v) !== 'value') return undefined;
    lines.push(`${formatKey(keys[i]!)} = ${valueText(v as string | number | boolean)}`);
  }
  if (lines.length === 0) return undefined;
  const chunk = chunkOf(lines);
  if (tableChunks.size < MEMO_KEYS || tableChunks.has(key))
    tableChunks.set(key, {
      keys,
      values: values.map((v) => (Array.isArray(v) ? v.slice() : v)),
      chunk,
    });
  return chunk;
}

/** The same scalars, or lists of the same scalars (anything else never counts as the same). */
function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) {
    const v = b[i];
    if (Array.isArray(v)) {
      if (!v.every(isScalar) || !sameList(a[i], v)) return false;
    } else if (!isScalar(v) || a[i] !== v) return false;
  }
  return true;
}

/** Where the string starting at `from` (a quote) ends, just past its closing quote; `\` escapes only in "…". */
function stringEnd(line: string, from: number): number {
  const quote = line[from];
  for (let i = from + 1; i < line.length; i++) {
    if (quote === '"' && line[i] === '\\') i++;
    else if (line[i] === quote) return i + 1;
  }
  return line.length;
}

const BEFORE_EQUALS = /\s*=/y;
/** A bare run: up to the next space, quote, bracket, brace, comma or `=` (always matches). */
const BARE = /[^\s"'[\]{},=]*/y;

/** One line of a value (or a key before ` = `) onto `out`: strings, punctuation, spaces, and bare runs. */
function valueTokens(line: string, bareKind: 'key' | 'literal', out: Token[]): void {
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    let end = i + 1;
    let kind: Token['kind'];
    if (c === '"' || c === "'") {
      end = stringEnd(line, i);
      kind = bareKind === 'key' ? 'key' : 'string';
    } else if ('[]{},='.includes(c)) kind = 'operator';
    else if (c === ' ') {
      while (line[end] === ' ') end++;
      kind = 'plain';
    } else {
      BARE.lastIndex = end;
      BARE.test(line);
      end = BARE.lastIndex;
      // A bare word right before `=` is an inline table's key.
      BEFORE_EQUALS.lastIndex = end;
      kind = bareKind === 'key' || BEFORE_EQUALS.test(line) ? 'key' : 'literal';
    }
    out.push(tok(kind, line.slice(i, end)));
    i = end;
  }
}

/** Where a `key = value` line's ` = ` is: the first one outside a quoted key. */
function assignAt(line: string): number {
  // Most lines have no quote before their ` = `: found at once.
  const eq = line.indexOf(' = ');
  const dq = line.indexOf('"');
  const sq = line.indexOf("'");
  const quote = dq < 0 ? sq : sq < 0 ? dq : Math.min(dq, sq);
  if (quote < 0 || (eq >= 0 && eq < quote)) return eq;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"' || line[i] === "'") i = stringEnd(line, i) - 1;
    else if (line.startsWith(' = ', i)) return i;
  }
  return -1;
}

/**
 * The tokens of a TOML text that smol-toml wrote (tomlBlock, topLevelBlock): table headers, keys,
 * strings, literals, punctuation and comments. Its grammar is small and closed (no multi-line
 * strings), so each line is read on its own; the tokens' concatenation is always exactly `text`.
 */
export function tomlTokens(text: string): Token[] {
  const out: Token[] = [];
  text.split('\n').forEach((line, n) => {
    if (n > 0) out.push(tok('plain', '\n'));
    if (line === '') return;
    const at = assignAt(line);
    if (line.startsWith('#')) out.push(tok('comment', line));
    else if (line.startsWith('[')) out.push(tok('header', line));
    else if (at < 0) valueTokens(line, 'literal', out);
    else {
      // Pushed one by one: an `args` line may hold ~100k values (a spread that long overflows the stack).
      valueTokens(line.slice(0, at), 'key', out);
      out.push(tok('operator', ' = '));
      valueTokens(line.slice(at + 3), 'literal', out);
    }
  });
  return out;
}
