/** The doctor for config.toml: parse → locate servers → check each (keys, entry rules, risks, corrected block) → summary. */
import { CODEX_NEWEST } from '../codex/index.ts';
import { parseConfig } from './read/parse.ts';
import { locateServers } from './read/locate.ts';
import { checkServer } from './server.ts';
import { tomlSummary } from './summary.ts';
import type {
  DiagnoseOptions,
  DoctorReport,
  Finding,
  ParseProblem,
  ServerReport,
} from './types.ts';
import { codexEscapeMessage, isEscapeProblem, repairBackslashes } from './read/windows.ts';
import { checkTopLevel } from './checks/top-level.ts';
import { checkPluginTables } from './checks/plugin-tables.ts';

/** The set of exported variable names, when the reader gave them. */
export function exportedSet(options: DiagnoseOptions): Set<string> | null {
  return options.exportedEnv
    ? new Set(options.exportedEnv.map((v) => v.trim()).filter(Boolean))
    : null;
}

/** Diagnoses a config.toml (may throw on a bug: the public wrapper catches). */
export function diagnoseToml(text: string, options: DiagnoseOptions): DoctorReport {
  const exported = exportedSet(options);
  const release = options.release ?? CODEX_NEWEST;
  const base = { source: 'toml' as const, file: [] as Finding[], servers: [] as ServerReport[] };
  const parsed = parseConfig(text);
  if ('problem' in parsed) {
    if (isEscapeProblem(parsed.problem)) return diagnoseBackslashes(text, parsed.problem, options);
    const partial = { ...base, parseError: parsed.problem, loads: false };
    return { ...partial, summary: tomlSummary(partial, release) };
  }
  const { doc, statements } = parsed;
  const { file, entries } = locateServers(doc, statements);
  const topLevel = checkTopLevel(doc, statements, text);
  file.push(...topLevel.findings);
  const plugins = checkPluginTables(doc, statements, release);
  file.push(...plugins.findings);
  const limit = options.correctedLimit ?? Number.POSITIVE_INFINITY;
  const servers = entries.map((e, i) =>
    checkServer(
      e.entry,
      { name: e.name, statements, base: [e.base], exported, release },
      e.misplaced,
      i < limit,
    ),
  );
  const loads =
    !file.some((f) => f.kind === 'rejected') && !servers.some((s) => s.rejected.length > 0);
  const misplaced = new Set(entries.flatMap((e) => (e.misplaced ? [e.misplaced] : [])));
  const unchecked = Object.keys(doc).filter(
    (k) =>
      k !== 'mcp_servers' &&
      !misplaced.has(k) &&
      !topLevel.checked.has(k) &&
      !plugins.checked.has(k),
  );
  const partial = { ...base, parseError: null, file, servers, loads, unchecked };
  return { ...partial, summary: tomlSummary(partial, release) };
}

/**
 * A file refused for single backslashes in basic strings (Windows paths): the problem, named, and
 * the servers read from the file with those strings rewritten, so the corrected blocks still come.
 */
function diagnoseBackslashes(
  text: string,
  problem: ParseProblem,
  options: DiagnoseOptions,
): DoctorReport {
  const lineText = text.split('\n')[problem.line - 1] ?? '';
  const codexMessage = codexEscapeMessage(lineText, problem.column);
  const parseError: ParseProblem = {
    ...problem,
    ...(codexMessage !== undefined && { codexMessage }),
  };
  const repair = repairBackslashes(text, problem);
  const fixed = repair ? diagnoseToml(repair.text, options) : null;
  const where = repair ? linesText(repair.lines) : `line ${problem.line}`;
  const message = `A backslash in a "double-quoted" string starts an escape (\\n, \\t, \\u…), so a Windows path such as "C:\\Users\\me" is not valid TOML and Codex refuses the whole file. Write such paths in 'single quotes' (a literal string keeps every backslash) or double each backslash ("C:\\\\Users\\\\me").${repair ? ` The fixed file below does the first on ${where}; the servers are checked as read from it.` : ''}`;
  const finding: Finding = {
    kind: 'rejected',
    severity: 'error',
    key: [],
    codexPath: '',
    message,
    line: problem.line,
  };
  if (codexMessage !== undefined) finding.codexMessage = codexMessage;
  // A card whose entry held a rewritten line says so: its block is not "the same entry".
  for (const s of fixed?.servers ?? []) {
    const mine = repair?.lines.some(
      (l) =>
        l >= (s.line ?? Infinity) &&
        !(fixed?.servers ?? []).some(
          (o) => o !== s && (o.line ?? 0) > (s.line ?? 0) && (o.line ?? 0) <= l,
        ),
    );
    if (mine && s.corrected)
      s.corrected.changes.unshift(
        'The paths are written with doubled backslashes ("C:\\\\…"): the single ones in your file are what Codex refuses.',
      );
  }
  const partial = {
    source: 'toml' as const,
    parseError,
    file: [finding, ...(fixed?.file ?? [])],
    servers: fixed?.servers ?? [],
    loads: false,
    ...(repair && { repair }),
  };
  return { ...partial, summary: tomlSummary(partial, options.release) };
}

/** "line 4", "lines 4, 5", or "1200 lines from line 4 on" for a long list. */
export function linesText(lines: readonly number[]): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  return lines.length <= 8
    ? `lines ${lines.join(', ')}`
    : `${lines.length} lines from line ${lines[0]} on`;
}
