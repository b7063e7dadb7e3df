/** Stage 8: the summary, which says plainly which part of the input was checked, and by which release's rules. */
import { CODEX_NEWEST, factsFor, type Release } from '../codex/index.ts';
import type { DoctorReport } from './types.ts';

/** "1 server", "2 servers". */
function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * What a refused file does, per command, in `release`'s words (the first lines come from the table,
 * src/lib/codex/facts.ts; the session's from tests/conformance/runtime/cli-facts.test.ts).
 */
function refusedEffect(release: Release): string {
  const says = factsFor(release).configRefusal;
  const commands =
    says.add === says.get
      ? `\`codex mcp list\`, \`get\`, \`add\` and \`login\` stop with "Error: ${says.get}"`
      : `\`codex mcp list\`, \`get\` and \`login\` stop with "Error: ${says.get}", \`codex mcp add\` with "Error: ${says.add}"`;
  return `${commands}, \`codex mcp remove\` with "Error: ${says.remove} …", a session with "Error loading config.toml: …", and \`codex doctor\` reports it.`;
}

/**
 * Said whenever the file is not refused: the doctor judges the TOML syntax, [mcp_servers], the
 * plugin tables and the top-level keys it knows (checks/top-level.ts); `unchecked` names the rest.
 */
function notChecked(unchecked: readonly string[] | undefined): string {
  if (!unchecked || unchecked.length === 0)
    return 'Nothing in the file was left unchecked, so this covers all of it.';
  const shown = unchecked
    .slice(0, 5)
    .map((k) => `\`${k}\``)
    .join(', ');
  const more = unchecked.length > 5 ? ` and ${unchecked.length - 5} more` : '';
  return `Some top-level keys (${shown}${more}) were NOT checked: one wrong value under them and Codex refuses the whole file, so this verdict does not cover them. After saving, \`codex mcp list\` tells.`;
}

/** The one-paragraph verdict on a config.toml, by the rules of `release`. */
export function tomlSummary(
  report: Omit<DoctorReport, 'summary'>,
  release: Release = CODEX_NEWEST,
): string {
  const effect = refusedEffect(release);
  if (report.parseError) {
    return `This is not valid TOML (line ${report.parseError.line}, column ${report.parseError.column}: ${report.parseError.message}). Codex refuses to load a file it cannot read: ${effect}`;
  }
  const rejected = [...report.file, ...report.servers.flatMap((s) => s.rejected)].filter(
    (f) => f.kind === 'rejected',
  );
  // Keys ignored in a plugin's server table are named on their own: no session warning is known for them.
  const pluginIgnored = report.file.filter(
    (f) => f.kind === 'ignored' && f.codexPath.startsWith('plugins.'),
  ).length;
  const ignored =
    report.servers.reduce((n, s) => n + s.ignored.length, 0) +
    report.file.filter((f) => f.kind === 'ignored').length -
    pluginIgnored;
  const risks = report.servers.reduce(
    (n, s) => n + s.risks.filter((r) => r.severity !== 'info').length,
    0,
  );
  if (rejected.length > 0) {
    const names = report.servers.filter((s) => s.rejected.length > 0).map((s) => s.name);
    const whole =
      names.length === 0
        ? 'Codex refuses to load this WHOLE file, every server in it'
        : `Codex refuses to load this WHOLE file, not just the broken ${names.length === 1 ? 'server' : 'servers'}`;
    return `${whole}: ${plural(rejected.length, 'problem')}${names.length > 0 ? ` in ${names.map((n) => `"${n}"`).join(', ')}` : ''} ${rejected.length === 1 ? 'stops' : 'stop'} Codex ${release}: ${effect} Fix ${rejected.length === 1 ? 'it' : 'them'} (or use the corrected blocks) and every server loads again.`;
  }
  const rest = notChecked(report.unchecked);
  const pluginNote =
    pluginIgnored > 0
      ? ` In the plugin tables, ${plural(pluginIgnored, 'key')} ${pluginIgnored === 1 ? 'is' : 'are'} ignored (see above).`
      : '';
  if (report.servers.length === 0)
    return `This file defines no MCP servers of its own: Codex reads them from [mcp_servers.NAME] tables (an installed plugin brings its own).${pluginNote} ${rest}`;
  return `Codex ${release} accepts the [mcp_servers] part of this file (${plural(report.servers.length, 'server')}).${ignored > 0 ? ` ${plural(ignored, 'key')} ${ignored === 1 ? 'is' : 'are'} ignored: a session warns about ${ignored === 1 ? 'it' : 'them'}, while \`codex mcp list\` and \`get\` stay silent.` : ''}${risks > 0 ? ` ${plural(risks, 'risk')} to look at.` : ''}${ignored + risks === 0 ? ' Nothing to fix there.' : ''}${pluginNote} ${rest}`;
}

/** A report for input the doctor itself failed on (a bug): never a crash in the page. */
export function internalError(source: DoctorReport['source'], e: unknown): DoctorReport {
  const message = `The doctor failed on this input (${e instanceof Error ? e.message : 'unknown error'}), so nothing was checked. Please report it, with the input if you can share it.`;
  return {
    source,
    parseError: null,
    file: [{ kind: 'risk', severity: 'error', key: [], codexPath: '', message }],
    servers: [],
    loads: false,
    summary: message,
  };
}

/** The one-paragraph result of converting another client's JSON. */
export function jsonSummary(report: Omit<DoctorReport, 'summary'>): string {
  if (report.parseError)
    return `This is not valid JSON (line ${report.parseError.line}, column ${report.parseError.column}): ${report.parseError.message}`;
  const total = report.servers.length;
  if (total === 0)
    return 'No servers found: paste the object that holds them, such as { "mcpServers": { "name": { "command": "…" } } }.';
  const converted = report.servers.filter((s) => s.corrected).length;
  return `Converted ${converted} of ${plural(total, 'server')} into Codex [mcp_servers.NAME] blocks. Paste them into ~/.codex/config.toml (the merge preview below shows the result first).${converted < total ? ' The others need a fix first (see below).' : ''}`;
}
