/** Stage 8: the summary, which says plainly which part of the input was checked. */
import type { DoctorReport } from './types.ts';

/** "1 server", "2 servers". */
function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Said whenever the file is not refused: the doctor checks the TOML syntax and [mcp_servers], nothing else. */
// What a refused file does, per command, as the CLI facts suite records it (tests/conformance/runtime/cli-facts.test.ts).
const REFUSED_EFFECT =
  '`codex mcp list`, `get`, `add` and `login` stop with "Error: failed to load bootstrap configuration", `codex mcp remove` with "Error: failed to load MCP servers from …", a session with "Error loading config.toml: …", and `codex doctor` reports it.';
const NOT_CHECKED = 'Keys outside [mcp_servers] were not checked.';

/** The one-paragraph verdict on a config.toml. */
export function tomlSummary(report: Omit<DoctorReport, 'summary'>): string {
  if (report.parseError) {
    return `This is not valid TOML (line ${report.parseError.line}, column ${report.parseError.column}: ${report.parseError.message}). Codex refuses to load a file it cannot read: ${REFUSED_EFFECT}`;
  }
  const rejected = [...report.file, ...report.servers.flatMap((s) => s.rejected)].filter((f) => f.kind === 'rejected');
  const ignored = report.servers.reduce((n, s) => n + s.ignored.length, 0) + report.file.filter((f) => f.kind === 'ignored').length;
  const risks = report.servers.reduce((n, s) => n + s.risks.filter((r) => r.severity !== 'info').length, 0);
  if (rejected.length > 0) {
    const names = report.servers.filter((s) => s.rejected.length > 0).map((s) => s.name);
    return `Codex refuses to load this WHOLE file, not just the broken ${names.length === 1 ? 'server' : 'servers'}: ${plural(rejected.length, 'problem')}${names.length > 0 ? ` in ${names.map((n) => `"${n}"`).join(', ')}` : ''} ${rejected.length === 1 ? 'stops' : 'stop'} Codex: ${REFUSED_EFFECT} Fix ${rejected.length === 1 ? 'it' : 'them'} (or use the corrected blocks) and every server loads again.`;
  }
  if (report.servers.length === 0) return `This file defines no MCP servers: Codex reads them only from [mcp_servers.NAME] tables. ${NOT_CHECKED}`;
  return `Codex accepts the [mcp_servers] part of this file (${plural(report.servers.length, 'server')}).${ignored > 0 ? ` ${plural(ignored, 'key')} ${ignored === 1 ? 'is' : 'are'} ignored: a session warns about ${ignored === 1 ? 'it' : 'them'}, while \`codex mcp list\` and \`get\` stay silent.` : ''}${risks > 0 ? ` ${plural(risks, 'risk')} to look at.` : ''}${ignored + risks === 0 ? ' Nothing to fix there.' : ''} ${NOT_CHECKED}`;
}

/** A report for input the doctor itself failed on (a bug): never a crash in the page. */
export function internalError(source: 'toml' | 'json', e: unknown): DoctorReport {
  const message = `The doctor failed on this input (${e instanceof Error ? e.message : 'unknown error'}), so nothing was checked. Please report it, with the input if you can share it.`;
  return { source, parseError: null, file: [{ kind: 'risk', severity: 'error', key: [], codexPath: '', message }], servers: [], loads: false, summary: message };
}

/** The one-paragraph result of converting another client's JSON. */
export function jsonSummary(report: Omit<DoctorReport, 'summary'>): string {
  if (report.parseError) return `This is not valid JSON (line ${report.parseError.line}, column ${report.parseError.column}): ${report.parseError.message}`;
  const total = report.servers.length;
  if (total === 0) return 'No servers found: paste the object that holds them, such as { "mcpServers": { "name": { "command": "…" } } }.';
  const converted = report.servers.filter((s) => s.corrected).length;
  return `Converted ${converted} of ${plural(total, 'server')} into Codex [mcp_servers.NAME] blocks. Paste them into ~/.codex/config.toml (the merge preview below shows the result first).${converted < total ? ' The others need a fix first (see below).' : ''}`;
}
