/**
 * The doctor for a plugin's own files: `.mcp.json` and `.codex-plugin/plugin.json`. Codex reads a
 * plugin's `.mcp.json` itself, with the keys and value rules of `[mcp_servers.NAME]`, so every
 * server goes through the same checks as a config.toml entry; what differs is the outcome
 * (src/lib/codex/plugins.ts): a server config.toml would refuse is dropped alone and silently,
 * keys Codex does not read (Claude's `type`, `headers`) are dropped silently, and nothing is
 * expanded, `${CLAUDE_PLUGIN_ROOT}` included. The corrected file is the corrected blocks as JSON.
 */
import { parse } from 'smol-toml';
import {
  CODEX_NEWEST,
  MANIFEST_REFUSAL,
  MANIFEST_SERVERS,
  PLUGIN_NAME_PATTERN,
  PLUGIN_PATHS,
  readsInlineServers,
  topKeysIn,
  type Release,
} from '../codex/index.ts';
import { Findings, type Context } from './findings.ts';
import { jsonLineFinder, parseJsonc } from './read/jsonc.ts';
import { checkServer } from './server.ts';
import { pluginSummary } from './plugin-summary.ts';
import { exportedSet } from './toml.ts';
import {
  isTable,
  type DiagnoseOptions,
  type DoctorReport,
  type Finding,
  type ServerReport,
  type Table,
} from './types.ts';

/** Claude Code's variable for the plugin's folder, which Codex does not expand. */
export const PLUGIN_ROOT_VAR = '${CLAUDE_PLUGIN_ROOT}';

/** True for a plugin manifest (a name and a version or description), or a file naming Claude's plugin folder. */
export function looksLikePluginFile(root: unknown, text: string): boolean {
  return isManifest(root) || (isTable(root) && text.includes(PLUGIN_ROOT_VAR));
}

function isManifest(root: unknown): root is Table {
  return (
    isTable(root) &&
    typeof root['name'] === 'string' &&
    (typeof root['version'] === 'string' || typeof root['description'] === 'string')
  );
}

/** Diagnoses a pasted `.mcp.json` or `plugin.json` (may throw on a bug: the public wrapper catches). */
export function diagnosePlugin(pasted: string, options: DiagnoseOptions): DoctorReport {
  const text = pasted.replace(/^\uFEFF/, '');
  const release = options.release ?? CODEX_NEWEST;
  const base = { source: 'plugin' as const, servers: [] as ServerReport[] };
  const parsed = parseJsonc(text);
  if ('parseError' in parsed) {
    const partial = { ...base, file: [], parseError: parsed.parseError, loads: false };
    return { ...partial, summary: pluginSummary(partial, release) };
  }
  const root = parsed.root;
  const file: Finding[] = [];
  const note = (
    message: string,
    kind: Finding['kind'] = 'ignored',
    severity: Finding['severity'] = 'info',
  ) => file.push({ kind, severity, key: [], codexPath: '', message });
  let servers: unknown = isTable(root) ? root['mcpServers'] : undefined;
  let path: string = PLUGIN_PATHS.servers;
  let manifest: Table | null = null;
  if (isManifest(root)) {
    manifest = root;
    path = PLUGIN_PATHS.manifest;
    manifestFindings(root, release, note);
    if (!isTable(servers)) servers = undefined;
  } else if (!isTable(servers)) {
    note(
      `Expected a plugin's ${PLUGIN_PATHS.servers}, { "mcpServers": { "name": { "command": "…" } } }, or its ${PLUGIN_PATHS.manifest}.`,
      'rejected',
      'error',
    );
  }
  const lineOf = jsonLineFinder(text);
  const exported = exportedSet(options);
  const reports = isTable(servers)
    ? Object.entries(servers).map(([name, raw]) =>
        pluginServer(name, raw, lineOf(name), exported, release),
      )
    : [];
  const corrected = correctedFile(manifest, isTable(servers) ? servers : {}, reports, release);
  const partial = {
    ...base,
    parseError: null,
    file,
    servers: reports,
    loads:
      !file.some((f) => f.kind === 'rejected') && reports.every((s) => s.rejected.length === 0),
    ...(corrected && { plugin: { path, ...corrected } }),
  };
  return { ...partial, summary: pluginSummary(partial, release) };
}

/** What the manifest itself decides: whether it installs, and where the servers come from. */
function manifestFindings(
  m: Table,
  release: Release,
  note: (message: string, kind?: Finding['kind'], severity?: Finding['severity']) => void,
): void {
  const name = m['name'] as string;
  if (!PLUGIN_NAME_PATTERN.test(name))
    note(
      `The plugin name "${name}" is outside what Codex installs: use ASCII letters, digits, "_" and "-" only (with "@", ":" or a space, \`codex plugin add\` fails).`,
      'risk',
      'error',
    );
  const servers = m['mcpServers'];
  if (servers === undefined)
    note(
      `Codex reads this plugin's servers from ${PLUGIN_PATHS.servers} next to .codex-plugin/: paste that file here to check them.`,
    );
  else if (typeof servers === 'string')
    note(
      `Codex reads this plugin's servers from ${servers} (relative to the plugin's folder) instead of ${PLUGIN_PATHS.servers}: paste that file here to check them.`,
    );
  else if (isTable(servers) && !readsInlineServers(release))
    note(
      `Codex ${release} refuses to install a plugin with "mcpServers" written inline in plugin.json: \`codex plugin add\` stops with "Error: ${MANIFEST_REFUSAL}" (releases from ${MANIFEST_SERVERS.inlineSince} read them). Move the servers to ${PLUGIN_PATHS.servers}; the corrected files below do this.`,
      'rejected',
      'error',
    );
  else if (isTable(servers))
    note(`Codex reads the servers written inline here, and then not ${PLUGIN_PATHS.servers}.`);
}

/** One server, checked as Codex reads it from a plugin: same rules, other outcomes. */
function pluginServer(
  name: string,
  raw: unknown,
  line: number | undefined,
  exported: Set<string> | null,
  release: Release,
): ServerReport {
  const ctx: Context = {
    name,
    statements: null,
    base: ['mcpServers'],
    exported,
    release,
    plugin: true,
  };
  const r = checkServer(raw, ctx);
  const out = new Findings(ctx);
  if (r.rejected.length > 0)
    out.reject(
      [],
      `Codex drops this server without a word: \`codex mcp list\` does not show it and \`codex mcp get ${name}\` says "No MCP server named '${name}' found." The plugin's other servers still load.`,
    );
  const word = (f: Finding): Finding => ({
    ...f,
    message: rootMessage(f, raw) ?? f.message.split('config.toml').join(PLUGIN_PATHS.servers),
    ...(line !== undefined && { line: f.line ?? line }),
  });
  const report: ServerReport = {
    ...r,
    rejected: [...out.rejected, ...r.rejected].map(word),
    ignored: r.ignored.map(word),
    risks: r.risks.map(word),
  };
  if (line !== undefined) report.line = line;
  return report;
}

/** The finding about a value holding ${CLAUDE_PLUGIN_ROOT}, said for what it is. */
function rootMessage(f: Finding, raw: unknown): string | undefined {
  let v: unknown = raw;
  for (const k of f.key) v = isTable(v) ? v[k] : undefined;
  const values = Array.isArray(v) ? v : [v];
  if (
    f.kind !== 'risk' ||
    !values.some((x) => typeof x === 'string' && x.includes(PLUGIN_ROOT_VAR))
  )
    return undefined;
  const where = `\`${f.key.join('.')}\``;
  return f.key[0] === 'command'
    ? `${where} uses ${PLUGIN_ROOT_VAR}, Claude Code's variable for the plugin's folder: Codex does not expand it (\`codex mcp get --json\` shows it as written), so no program of that name exists. Run the script through a program on PATH (node, python3, sh…) with its path relative to "cwd": "." as an argument.`
    : `${where} uses ${PLUGIN_ROOT_VAR}, Claude Code's variable for the plugin's folder: Codex does not expand it (\`codex mcp get --json\` shows it as written). A relative path is the way: Codex resolves a relative "cwd" against the installed plugin's folder, so "cwd": "." is that folder; the corrected file does this.`;
}

/** `${CLAUDE_PLUGIN_ROOT}` at the start of a path becomes ".", the folder a relative cwd names. */
function fromRoot(v: string): string {
  return v.split(PLUGIN_ROOT_VAR).join('.');
}

/** The corrected `.mcp.json` (and manifest, when its servers had to move out), or null with no server to write. */
function correctedFile(
  manifest: Table | null,
  servers: Table,
  reports: ServerReport[],
  release: Release,
): { files: { path: string; text: string }[]; changes: string[] } | null {
  const changes: string[] = [];
  const out: Table = {};
  const readKeys = new Set(topKeysIn(release));
  for (const r of reports) {
    const raw = servers[r.name];
    if (!r.corrected || !isTable(raw)) {
      changes.push(
        `Left out "${r.name}": ${r.correctedProblems.join(' ') || 'nothing to build it from.'}`,
      );
      continue;
    }
    const doc = parse(r.corrected.toml) as { mcp_servers?: Record<string, Table> };
    const entry: Table = { ...(doc.mcp_servers?.[r.corrected.name] ?? {}) };
    // Valid keys the generator does not write (tools, approvals…) are Codex's own: kept as they were.
    const bad = new Set(r.rejected.map((f) => f.key[0]));
    for (const k of r.corrected.notCarried)
      if (!k.includes('.') && readKeys.has(k) && k in raw && !bad.has(k)) entry[k] = raw[k];
    if (typeof raw['cwd'] === 'string' && raw['cwd'].includes(PLUGIN_ROOT_VAR)) {
      entry['cwd'] = fromRoot(raw['cwd']);
      changes.push(
        `${r.name}: cwd "${raw['cwd']}" became "${entry['cwd']}" (Codex resolves it against the installed plugin's folder).`,
      );
    }
    const args = entry['args'];
    if (
      Array.isArray(args) &&
      args.some((a) => typeof a === 'string' && a.includes(PLUGIN_ROOT_VAR))
    ) {
      entry['args'] = args.map((a) => (typeof a === 'string' ? fromRoot(a) : a));
      entry['cwd'] ??= '.';
      changes.push(
        `${r.name}: ${PLUGIN_ROOT_VAR} in args became "." with "cwd": "${String(entry['cwd'])}".`,
      );
    }
    changes.push(...r.corrected.changes.map((c) => `${r.corrected?.name ?? r.name}: ${c}`));
    out[r.corrected.name] = entry;
  }
  if (Object.keys(out).length === 0 && !manifest) return null;
  const json = (v: unknown) =>
    `${JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x), 2)}\n`;
  if (!manifest)
    return { files: [{ path: PLUGIN_PATHS.servers, text: json({ mcpServers: out }) }], changes };
  if (!isTable(manifest['mcpServers'])) return null;
  if (readsInlineServers(release))
    return {
      files: [{ path: PLUGIN_PATHS.manifest, text: json({ ...manifest, mcpServers: out }) }],
      changes,
    };
  const { mcpServers: _moved, ...rest } = manifest;
  return {
    files: [
      { path: PLUGIN_PATHS.manifest, text: json(rest) },
      { path: PLUGIN_PATHS.servers, text: json({ mcpServers: out }) },
    ],
    changes: [`The servers moved from plugin.json to ${PLUGIN_PATHS.servers}.`, ...changes],
  };
}
