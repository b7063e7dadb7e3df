/** The one-paragraph verdict on a plugin's own .mcp.json or plugin.json, by the rules of `release`. */
import { MCP_JSON_IGNORED_KEYS, type Release } from '../codex/index.ts';
import type { DoctorReport } from './types.ts';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function pluginSummary(report: Omit<DoctorReport, 'summary'>, release: Release): string {
  if (report.parseError)
    return `This is not valid JSON (line ${report.parseError.line}, column ${report.parseError.column}): ${report.parseError.message}`;
  const refused = report.file.find((f) => f.kind === 'rejected');
  const total = report.servers.length;
  const dropped = report.servers.filter((s) => s.rejected.length > 0).length;
  const ignored = report.servers.reduce((n, s) => n + s.ignored.length, 0);
  const parts = [`Codex ${release} reads a plugin's files itself.`];
  if (refused) parts.push(refused.message);
  if (total > 0) {
    const load = total === 1 ? 'Its server loads.' : `All ${plural(total, 'server')} load.`;
    if (!refused)
      parts.push(
        dropped === 0
          ? load
          : `${dropped} of ${plural(total, 'server')} ${dropped === 1 ? 'is' : 'are'} dropped without a word: Codex leaves out a server it cannot read (what config.toml would refuse) and loads the others.`,
      );
    if (ignored > 0)
      parts.push(
        `${plural(ignored, 'key')} ${ignored === 1 ? 'is' : 'are'} ignored without a word (Codex reads the keys of [mcp_servers.NAME] here, not Claude's ${MCP_JSON_IGNORED_KEYS.map((k) => `\`${k}\``).join(' or ')}).`,
      );
    parts.push(
      'Codex expands no variables in this file: `codex mcp get --json` shows every value as written, ${CLAUDE_PLUGIN_ROOT} included.',
    );
  }
  if (report.plugin?.files.length)
    parts.push(
      `The corrected ${report.plugin.files.map((f) => f.path).join(' and ')} below keep only what Codex reads.`,
    );
  return parts.join(' ');
}
