/**
 * Merge preview: puts one `[mcp_servers.NAME]` block into an existing config.toml the way
 * `codex mcp add` would (an existing entry of that name is replaced as a whole), but as a text
 * splice: every line that is not part of the old entry stays byte-for-byte, comments included.
 * smol-toml checks both the input and the result, so a merge that would change anything else is
 * refused rather than shown.
 */
import { parse, TomlError } from 'smol-toml';
import { dotted, hasPrefix, scanToml, splitLines, type TomlStatement } from './toml-scan.ts';

/** A problem that stops the merge, with a position when it comes from a parse. */
export interface MergeError {
  message: string;
  line?: number;
  column?: number;
}

export interface MergeResult {
  /** The merged file, or null when the merge was refused (see `error`). */
  text: string | null;
  error: MergeError | null;
  /** True when the file already had a server of that name (it is replaced as a whole). */
  collision: boolean;
  /** Keys (dotted paths) of the old entry that the new block does not have: they are lost. */
  lostKeys: string[];
  /** Keys present in both whose value changes. */
  changedKeys: string[];
  /** Human-readable warnings (the collision, lost keys, removed comments). */
  warnings: string[];
}

type Table = Record<string, unknown>;

const isTable = (v: unknown): v is Table =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Deep equality for parsed TOML values (dates compared by their TOML text, NaN equal to NaN). */
export function sameValue(a: unknown, b: unknown): boolean {
  // An explicit stack, not recursion: a long dotted key nests tables deeper than the call stack goes.
  const stack: [unknown, unknown][] = [[a, b]];
  for (let pair = stack.pop(); pair !== undefined; pair = stack.pop()) {
    const [x, y] = pair;
    if (x instanceof Date || y instanceof Date) {
      if (!(
        x instanceof Date &&
        y instanceof Date &&
        String(x) === String(y) &&
        x.toISOString() === y.toISOString()
      ))
        return false;
    } else if (Array.isArray(x) || Array.isArray(y)) {
      if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) stack.push([x[i], y[i]]);
    } else if (isTable(x) || isTable(y)) {
      if (!isTable(x) || !isTable(y)) return false;
      const kx = Object.keys(x).sort();
      const ky = Object.keys(y).sort();
      if (kx.length !== ky.length || kx.some((k, i) => k !== ky[i])) return false;
      for (const k of kx) stack.push([x[k], y[k]]);
    } else if (!(Object.is(x, y) || (typeof x === 'number' && typeof y === 'number' && x === y)))
      return false;
  }
  return true;
}

/** Leaf paths of a table (arrays are leaves), as dotted strings with quoted parts where needed. */
function leaves(value: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  // Iterative for the same reason as sameValue.
  const stack: [unknown, string[]][] = [[value, []]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [v, prefix] = item;
    if (!isTable(v)) out.set(dotted(prefix), v);
    else for (const [k, x] of Object.entries(v)) stack.push([x, [...prefix, k]]);
  }
  return out;
}

const parseOptions = { integersAsBigInt: 'asNeeded' } as const;

function parseError(e: unknown, what: string): MergeError {
  if (e instanceof TomlError) {
    const first =
      e.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? 'invalid TOML';
    return {
      message: `${what} is not valid TOML (line ${e.line}, column ${e.column}): ${first}. Fix it first; nothing was merged.`,
      line: e.line,
      column: e.column,
    };
  }
  return { message: `${what} could not be read: ${e instanceof Error ? e.message : String(e)}` };
}

const refuse = (error: MergeError): MergeResult => ({
  text: null,
  error,
  collision: false,
  lostKeys: [],
  changedKeys: [],
  warnings: [],
});

/** The line ending the file mostly uses, so inserted lines match it. */
function eolOf(text: string): string {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (text[i - 1] === '\r') crlf += 1;
    else lf += 1;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** `text` with every trailing `eol` removed and exactly one added (a loop: a `(eol)*$` regex is quadratic). */
function endWithOneEol(text: string, eol: string): string {
  let end = text.length;
  while (end >= eol.length && text.startsWith(eol, end - eol.length)) end -= eol.length;
  return text.slice(0, end) + eol;
}

/** The smallest member of a set of line numbers (a loop: spreading a large set overflows the stack). */
function smallest(lines: ReadonlySet<number>): number | undefined {
  let min: number | undefined;
  for (const l of lines) if (min === undefined || l < min) min = l;
  return min;
}

/** Which lines belong to the entry `[mcp_servers.NAME]`, and where its header was. */
function entryLines(
  statements: readonly TomlStatement[],
  name: string,
  candidates?: readonly number[],
): { remove: Set<number>; at: number | null } {
  const prefix = ['mcp_servers', name];
  const remove = new Set<number>();
  let at: number | null = null;
  let mainHeader: number | null = null;
  const indexes = candidates ?? statements.map((_, i) => i);
  indexes.forEach((index) => {
    const st = statements[index] as TomlStatement;
    if (!hasPrefix(st.path, prefix)) return;
    if (st.kind === 'keyval') {
      // A dotted key (`mcp_servers.NAME.command = ...`, or `NAME = { ... }` under [mcp_servers]).
      for (let l = st.startLine; l <= st.endLine; l++) remove.add(l);
      return;
    }
    // A table of the entry: its header and every statement up to the next header. Comment and
    // blank lines after its last key are left alone: they usually introduce what follows.
    let last = st.endLine;
    for (let j = index + 1; j < statements.length; j++) {
      const next = statements[j] as TomlStatement;
      if (next.kind !== 'keyval') break;
      last = next.endLine;
    }
    for (let l = st.startLine; l <= last; l++) remove.add(l);
    at ??= st.startLine;
    if (st.kind === 'table' && st.path.length === 2 && mainHeader === null)
      mainHeader = st.startLine;
  });
  return { remove, at: mainHeader ?? at };
}

/**
 * Merges `block` (a `[mcp_servers.NAME]` block such as the generator's) into `existingToml`.
 * Never throws: problems come back in `error`, with `text` null.
 */
export function mergeServer(existingToml: string, name: string, block: string): MergeResult {
  try {
    return merge(existingToml, name, block);
  } catch (e) {
    // A bug, not a verdict: say so rather than show a preview that may have dropped part of the file.
    return refuse({
      message: `The merge preview failed on this input (${e instanceof Error ? e.message : 'unknown error'}), so nothing is shown. Paste the block by hand, and please report it.`,
    });
  }
}

/** The entry a block defines for `name`, or why it cannot be merged. */
function readBlock(block: string, name: string): { entry: unknown } | { error: MergeError } {
  let blockDoc: Table;
  try {
    blockDoc = parse(block, parseOptions) as Table;
  } catch (e) {
    return { error: parseError(e, 'The block to merge') };
  }
  const blockServers = blockDoc['mcp_servers'];
  if (
    Object.keys(blockDoc).length !== 1 ||
    !isTable(blockServers) ||
    Object.keys(blockServers).length !== 1 ||
    !(name in blockServers)
  ) {
    return {
      error: {
        message: `The block to merge must define exactly one table, [mcp_servers.${dotted([name])}], and nothing else.`,
      },
    };
  }
  return { entry: blockServers[name] };
}

function merge(existingToml: string, name: string, block: string): MergeResult {
  const read = readBlock(block, name);
  if ('error' in read) return refuse(read.error);
  const newEntry = read.entry;

  let existing: Table;
  try {
    existing = parse(existingToml, parseOptions) as Table;
  } catch (e) {
    return refuse(parseError(e, 'Your existing config.toml'));
  }
  const statements = scanToml(existingToml);
  if (!statements)
    return refuse({
      message:
        'Your existing config.toml parses, but its layout could not be followed line by line, so it cannot be merged without rewriting it. Paste the block by hand.',
    });

  const servers = existing['mcp_servers'];
  if (servers !== undefined && !isTable(servers)) {
    return refuse({
      message:
        'In your existing file, mcp_servers is not a table, which Codex refuses to load anyway: fix that first.',
    });
  }
  const oldEntry = isTable(servers) ? servers[name] : undefined;
  const collision = oldEntry !== undefined;

  const { remove, at } = entryLines(statements, name);
  const lines = splitLines(existingToml);
  const text = splice(existingToml, lines, remove, at, block);
  const problem = checkMerged(text, name, newEntry, existing);
  if (problem) return refuse(problem);
  const report = collision
    ? collisionReport(name, oldEntry, newEntry, remove, lines)
    : { lostKeys: [], changedKeys: [], warnings: [] };
  return { text, error: null, collision, ...report };
}

/** The file with the entry's lines removed and the block at the old header's place (or appended). */
function splice(
  existingToml: string,
  lines: readonly string[],
  remove: ReadonlySet<number>,
  at: number | null,
  block: string,
): string {
  const eol = eolOf(existingToml);
  const blockText = endWithOneEol(block.replace(/\r?\n/g, eol), eol);
  if (at !== null)
    return lines
      .map((line, i) => (i === at ? blockText : '') + (remove.has(i) ? '' : line))
      .join('');
  return append(lines.filter((_, i) => !remove.has(i)).join(''), blockText, eol);
}

/** `blockText` after `kept`, after exactly one blank line (the file's own bytes stay a prefix of the result). */
function append(kept: string, blockText: string, eol: string): string {
  if (kept === '') return blockText;
  // The last line, found from the end (splitting a megabyte into lines for one line was slow).
  const end = kept.endsWith('\n') ? kept.length - 1 : kept.length;
  const lastStart = end === 0 ? 0 : kept.lastIndexOf('\n', end - 1) + 1;
  const lastLine = kept.slice(lastStart);
  const terminated = lastLine.endsWith('\n');
  const blank = lastLine.trim() === '';
  return kept + (terminated ? '' : eol) + (blank ? '' : eol) + blockText;
}

/** Null when `text` parses, holds exactly the new entry for `name`, and is unchanged everywhere else. */
function checkMerged(
  text: string,
  name: string,
  newEntry: unknown,
  existing: Table,
): MergeError | null {
  return checkMergedAll(text, new Map([[name, newEntry]]), existing);
}

/** checkMerged for several entries at once: each name holds its new entry, the rest is unchanged. */
function checkMergedAll(
  text: string,
  entries: ReadonlyMap<string, unknown>,
  existing: Table,
): MergeError | null {
  let merged: Table;
  try {
    merged = parse(text, parseOptions) as Table;
  } catch (e) {
    const why =
      e instanceof TomlError
        ? `: ${e.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '')} (line ${e.line})`
        : '';
    return {
      message: `The block cannot be added to this file as a table${why}. This happens when mcp_servers (or the server) is written as an inline table (mcp_servers = { ... }): rewrite it as [mcp_servers.NAME] tables first, or edit by hand.`,
    };
  }
  const hadServers = existing['mcp_servers'] !== undefined;
  const without = (doc: Table): Table => {
    const s = doc['mcp_servers'];
    if (!isTable(s)) return doc;
    const rest: Table = {};
    for (const [k, v] of Object.entries(s)) if (!entries.has(k)) rest[k] = v;
    const copy: Table = { ...doc };
    if (Object.keys(rest).length > 0 || hadServers) copy['mcp_servers'] = rest;
    else delete copy['mcp_servers'];
    return copy;
  };
  const mergedServers = merged['mcp_servers'];
  if (
    !isTable(mergedServers) ||
    [...entries].some(([name, entry]) => !sameValue(mergedServers[name], entry)) ||
    !sameValue(without(merged), without(existing))
  ) {
    return {
      message:
        'The merge could not be done without changing other parts of your file, so it was not shown. Paste the block by hand.',
    };
  }
  return null;
}

/** What replacing an existing entry loses or changes, as warnings for the reader. */
function collisionReport(
  name: string,
  oldEntry: unknown,
  newEntry: unknown,
  remove: ReadonlySet<number>,
  lines: readonly string[],
): Pick<MergeResult, 'lostKeys' | 'changedKeys' | 'warnings'> {
  const before = leaves(oldEntry);
  const after = leaves(newEntry);
  const lostKeys = [...before.keys()].filter((k) => !after.has(k));
  const changedKeys = [...before.keys()].filter(
    (k) => after.has(k) && !sameValue(before.get(k), after.get(k)),
  );
  const first = smallest(remove);
  const warnings = [
    `A server named "${name}" already exists${first !== undefined ? ` (line ${first + 1})` : ''}. Merging replaces its whole entry, exactly as re-running \`codex mcp add ${name}\` would: keys you added to it by hand are not kept.`,
  ];
  if (lostKeys.length > 0)
    warnings.push(
      `These keys of the old entry would be lost: ${lostKeys.join(', ')}. Add them to the block first if you still need them.`,
    );
  if (changedKeys.length > 0) warnings.push(`These keys change value: ${changedKeys.join(', ')}.`);
  const droppedComments = [...remove].filter((i) => /^\s*#/.test(lines[i] ?? '')).length;
  if (droppedComments > 0)
    warnings.push(
      `${droppedComments} comment line${droppedComments === 1 ? '' : 's'} inside the old entry ${droppedComments === 1 ? 'goes' : 'go'} with it.`,
    );
  return { lostKeys, changedKeys, warnings };
}

/** One block to merge: the server's name and its `[mcp_servers.NAME]` block. */
export interface BlockToMerge {
  name: string;
  toml: string;
}

export interface MergeAllResult {
  /** The file with every block that could be merged (the input itself when none could). */
  text: string;
  /** Names merged, in order. */
  merged: string[];
  /** Blocks left out, each with why (a second block of the same name, or the merge's own refusal). */
  skipped: { name: string; reason: string }[];
  /** The warnings of each merge (replaced entries, lost keys), prefixed with the server's name. */
  warnings: string[];
}

/**
 * Merges several blocks one after the other into `existingToml`, each exactly as `mergeServer`
 * does (the rest of the file stays byte for byte). A block the merge refuses is skipped and named;
 * the others still go in. Never throws.
 */
export function mergeServers(
  existingToml: string,
  blocks: readonly BlockToMerge[],
): MergeAllResult {
  try {
    const once = mergeAtOnce(existingToml, blocks);
    if (once) return once;
  } catch {
    // The block by block merge below gives each block its own verdict.
  }
  return mergeOneByOne(existingToml, blocks);
}

/**
 * Every block in one splice, the file parsed and checked once: merging block by block parsed a
 * 428 KB file three times per block (15 s for "Merge all"). Null when the file itself is refused
 * or the check fails: the block by block merge then names what went wrong, block by block.
 */
function mergeAtOnce(existingToml: string, blocks: readonly BlockToMerge[]): MergeAllResult | null {
  if (blocks.length < 2) return null;
  const existing = parse(existingToml, parseOptions) as Table;
  const statements = scanToml(existingToml);
  const servers = existing['mcp_servers'];
  if (!statements || (servers !== undefined && !isTable(servers))) return null;
  // The statements of each server, so finding an entry's lines is not a scan of the whole file per block.
  const byName = new Map<string, number[]>();
  statements.forEach((st, i) => {
    if (st.path[0] !== 'mcp_servers' || st.path.length < 2) return;
    const name = st.path[1] as string;
    const list = byName.get(name);
    if (list) list.push(i);
    else byName.set(name, [i]);
  });
  const out: MergeAllResult = { text: existingToml, merged: [], skipped: [], warnings: [] };
  const entries = new Map<string, unknown>();
  const removeAll = new Set<number>();
  const insertAt = new Map<number, string>();
  const appended: string[] = [];
  const lines = splitLines(existingToml);
  const eol = eolOf(existingToml);
  for (const b of blocks) {
    if (entries.has(b.name)) {
      out.skipped.push({ name: b.name, reason: alreadyMerged(b.name) });
      continue;
    }
    const read = readBlock(b.toml, b.name);
    if ('error' in read) {
      out.skipped.push({ name: b.name, reason: read.error.message });
      continue;
    }
    entries.set(b.name, read.entry);
    out.merged.push(b.name);
    const { remove, at } = entryLines(statements, b.name, byName.get(b.name) ?? []);
    for (const l of remove) removeAll.add(l);
    const blockText = endWithOneEol(b.toml.replace(/\r?\n/g, eol), eol);
    if (at !== null) insertAt.set(at, blockText);
    else appended.push(blockText);
    const oldEntry = isTable(servers) ? servers[b.name] : undefined;
    if (oldEntry !== undefined)
      out.warnings.push(
        ...collisionReport(b.name, oldEntry, read.entry, remove, lines).warnings.map(
          (w) => `${b.name}: ${w}`,
        ),
      );
  }
  let text = lines
    .map((line, i) => (insertAt.get(i) ?? '') + (removeAll.has(i) ? '' : line))
    .join('');
  for (const blockText of appended) text = append(text, blockText, eol);
  if (checkMergedAll(text, entries, existing)) return null;
  out.text = text;
  return out;
}

const alreadyMerged = (name: string): string =>
  `A block named "${name}" was already merged; only the first is kept.`;

/** Merges the blocks one after the other, each exactly as `mergeServer` does. */
function mergeOneByOne(existingToml: string, blocks: readonly BlockToMerge[]): MergeAllResult {
  const out: MergeAllResult = { text: existingToml, merged: [], skipped: [], warnings: [] };
  for (const b of blocks) {
    if (out.merged.includes(b.name)) {
      out.skipped.push({ name: b.name, reason: alreadyMerged(b.name) });
      continue;
    }
    const r = mergeServer(out.text, b.name, b.toml);
    if (r.error || r.text === null) {
      out.skipped.push({ name: b.name, reason: r.error?.message ?? 'The merge was refused.' });
      continue;
    }
    out.text = r.text;
    out.merged.push(b.name);
    out.warnings.push(...r.warnings.map((w) => `${b.name}: ${w}`));
  }
  return out;
}
