/**
 * The TOML route: an entry becomes a plain object in a fixed, readable key order, and smol-toml
 * serializes it. Nothing here concatenates TOML by hand.
 */
import { stringify } from 'smol-toml';
import { tomlKeyOrder } from '../codex/keys.ts';
import { guardOutputs } from './guard.ts';
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
  return stringify({ mcp_servers: { [name]: orderedEntry(entry) } }).trimEnd() + '\n';
}

// A name whose block is any other name's once its table headers are retitled (`retitle`).
const ANY = 'x';
/** What a table header of ANY's block starts with: the part `retitle` replaces. */
const ANY_HEAD_TEXT = `[mcp_servers.${ANY}`;
const ANY_HEAD = new RegExp(`^${ANY_HEAD_TEXT.replace(/[[\].]/g, '\\$&')}`, 'm');

/** guardedTomlBlock for a name given later by `retitle`, cut where the name goes (generate.ts remembers it). */
export interface NamelessToml {
  /** The block's text, cut before each table header's name. */
  parts: string[];
  tokens: Token[];
  /** Where the table headers are among the tokens. */
  heads: number[];
}

/** guardedTomlBlock and its tokens for a name given later by `retitle`. */
export function namelessToml(entry: ServerEntry): NamelessToml {
  const text = guardedTomlBlock(ANY, entry);
  const tokens = tomlTokens(text);
  const heads: number[] = [];
  tokens.forEach((t, i) => t.kind === 'header' && heads.push(i));
  return { parts: text.split(ANY_HEAD), tokens, heads };
}

/** A namelessToml block for `name`: exactly guardedTomlBlock(name, entry) and its tomlTokens. */
export function retitle(name: string, block: NamelessToml): { text: string; tokens: Token[] } {
  // smol-toml writes the table's header for this name; only table headers start a line with `[`.
  const head = stringify({ mcp_servers: { [name]: {} } }).slice(0, -2);
  const tokens = block.tokens.slice();
  for (const i of block.heads)
    tokens[i] = tok('header', head + tokens[i]!.text.slice(ANY_HEAD_TEXT.length));
  return { text: block.parts.join(head), tokens };
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
