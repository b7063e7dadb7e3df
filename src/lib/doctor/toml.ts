/** The doctor for config.toml: parse → locate servers → check each (keys, entry rules, risks, corrected block) → summary. */
import { parseConfig } from './parse.ts';
import { locateServers } from './locate.ts';
import { checkServer } from './server.ts';
import { tomlSummary } from './summary.ts';
import type { DiagnoseOptions, DoctorReport, Finding, ServerReport } from './types.ts';

/** The set of exported variable names, when the reader gave them. */
export function exportedSet(options: DiagnoseOptions): Set<string> | null {
  return options.exportedEnv ? new Set(options.exportedEnv.map((v) => v.trim()).filter(Boolean)) : null;
}

/** Diagnoses a config.toml (may throw on a bug: the public wrapper catches). */
export function diagnoseToml(text: string, options: DiagnoseOptions): DoctorReport {
  const exported = exportedSet(options);
  const base = { source: 'toml' as const, file: [] as Finding[], servers: [] as ServerReport[] };
  const parsed = parseConfig(text);
  if ('problem' in parsed) {
    const partial = { ...base, parseError: parsed.problem, loads: false };
    return { ...partial, summary: tomlSummary(partial) };
  }
  const { doc, statements } = parsed;
  const { file, entries } = locateServers(doc, statements);
  const limit = options.correctedLimit ?? Number.POSITIVE_INFINITY;
  const servers = entries.map((e, i) => checkServer(e.entry, { name: e.name, statements, base: [e.base], exported }, e.misplaced, i < limit));
  const loads = !file.some((f) => f.kind === 'rejected') && !servers.some((s) => s.rejected.length > 0);
  const partial = { ...base, parseError: null, file, servers, loads };
  return { ...partial, summary: tomlSummary(partial) };
}
