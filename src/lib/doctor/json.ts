/** The doctor for another client's JSON: parse (JSONC) → find the servers → convert each → the same checks as config.toml → summary. */
import { CODEX_NEWEST, type Release } from '../codex/index.ts';
import { fromClientJson, findServers } from './read/client-json.ts';
import { Findings, type Context } from './findings.ts';
import { jsonLineFinder, parseJsonc } from './read/jsonc.ts';
import { describe } from './schema.ts';
import { looksLikeServerJson } from '../server-json/index.ts';
import { checkServer } from './server.ts';
import { convertServerJson } from './server-json.ts';
import { jsonSummary } from './summary.ts';
import { exportedSet } from './toml.ts';
import {
  isTable,
  type DiagnoseOptions,
  type DoctorReport,
  type Finding,
  type ServerReport,
} from './types.ts';
import { diagnosePlugin, looksLikePluginFile } from './plugin-json.ts';

/** Converts a JSON text (may throw on a bug: the public wrapper catches). */
export function convertJson(pasted: string, options: DiagnoseOptions): DoctorReport {
  // A byte order mark (Windows editors save one) is not JSON: JSON.parse refuses it.
  const text = pasted.replace(/^\uFEFF/, '');
  const exported = exportedSet(options);
  const base = { source: 'json' as const, file: [] as Finding[], servers: [] as ServerReport[] };
  const parsed = parseJsonc(text);
  if ('parseError' in parsed) {
    const partial = { ...base, parseError: parsed.parseError, loads: false };
    return { ...partial, summary: jsonSummary(partial) };
  }
  const { root, clean } = parsed;
  // A server.json from the MCP Registry, rather than a client's configuration.
  if (looksLikeServerJson(root)) return convertServerJson(text, options.provider);
  // A plugin's own file (its manifest, or an .mcp.json naming Claude's plugin folder): read by Codex itself.
  if (looksLikePluginFile(root, text))
    return { ...diagnosePlugin(text, options), readAsPlugin: true };
  const found = findServers(root);
  const file: Finding[] = [];
  if (!found) {
    file.push({
      kind: 'rejected',
      severity: 'error',
      key: [],
      codexPath: 'mcpServers',
      message: 'Expected a JSON object, such as { "mcpServers": { "name": { "command": "…" } } }.',
    });
    const partial = { ...base, parseError: null, file, loads: false };
    return { ...partial, summary: jsonSummary(partial) };
  }
  if (found.note)
    file.push({
      kind: 'ignored',
      severity: 'info',
      key: [],
      codexPath: 'mcpServers',
      message: found.note,
    });
  if (clean.changed)
    file.push({
      kind: 'ignored',
      severity: 'info',
      key: [],
      codexPath: 'mcpServers',
      message: 'Comments and trailing commas were skipped (JSONC).',
    });
  const jsonLineOf = jsonLineFinder(text);
  const release = options.release ?? CODEX_NEWEST;
  const servers = Object.entries(found.servers).map(([name, raw]) =>
    convertServer(name, raw, jsonLineOf(name), exported, release),
  );
  const partial = {
    ...base,
    parseError: null,
    file,
    servers,
    loads: servers.length > 0 && servers.every((s) => s.corrected !== null),
  };
  return { ...partial, summary: jsonSummary(partial) };
}

/** One server of the JSON: converted, checked like a config.toml entry, findings named by the JSON's keys. */
function convertServer(
  name: string,
  raw: unknown,
  line: number | undefined,
  exported: Set<string> | null,
  release: Release,
): ServerReport {
  const ctx: Context = { name, statements: null, base: ['mcp_servers'], exported, release };
  const out = new Findings(ctx);
  if (!isTable(raw)) {
    out.reject([], `"${name}" is ${describe(raw)}, not a server object with "command" or "url".`);
    const r: ServerReport = {
      name,
      transport: null,
      rejected: out.rejected,
      ignored: out.ignored,
      risks: out.risks,
      corrected: null,
      correctedProblems: ['Not a server object.'],
    };
    if (line !== undefined) r.line = line;
    return r;
  }
  const table = fromClientJson(raw, out);
  // The converted entry goes through the same checks as a config.toml entry; findings then name
  // the keys as the JSON spells them.
  const checked = checkServer(table, ctx);
  const aliases: Record<string, string> = {};
  if ('headers' in raw && !('http_headers' in raw)) aliases['http_headers'] = 'headers';
  const urlFrom = ['serverUrl', 'httpUrl'].find((k) => k in raw && !('url' in raw));
  if (urlFrom) aliases['url'] = urlFrom;
  if ('disabled' in raw && !('enabled' in raw)) aliases['enabled'] = 'disabled';
  const jsonKey = (f: Finding): Finding => {
    const from = f.key[0] ?? '';
    const to = Object.hasOwn(aliases, from) ? aliases[from] : undefined;
    return to
      ? {
          ...f,
          key: [to, ...f.key.slice(1)],
          message: f.message.split(`\`${from}`).join(`\`${to}`),
        }
      : f;
  };
  const r: ServerReport = {
    ...checked,
    rejected: [...out.rejected, ...checked.rejected.map(jsonKey)],
    ignored: [...out.ignored, ...checked.ignored.map(jsonKey)],
    risks: [...out.risks, ...checked.risks.map(jsonKey)],
  };
  if (line !== undefined) {
    r.line = line;
    for (const f of [...r.rejected, ...r.ignored, ...r.risks]) f.line ??= line;
  }
  return r;
}
