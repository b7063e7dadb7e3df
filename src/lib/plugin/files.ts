/**
 * One server as a Codex plugin: `.codex-plugin/plugin.json` and `.mcp.json`, written from the same
 * resolved entry as the generator's command and TOML block, in Codex's own key names. The entry
 * never holds a secret (resolution refuses credentials in literal values); variables appear by name
 * only, and values typed into the form are never read here.
 */
import { proposeName } from '../codex/facts.ts';
import { PLUGIN_NAME_REFUSED } from '../codex/plugins.ts';
import type { ApprovalKeys, Outputs } from '../generator/generate.ts';
import {
  isStdio,
  type Diagnostic,
  type EnvVarSpec,
  type ServerEntry,
  type ServerSpec,
} from '../generator/model.ts';
import { orderedEntry } from '../generator/toml.ts';

/** What a plugin is made from: a server's name and resolved entry, and the variables it needs (names and placeholders only). */
export interface PluginSource {
  /** The server's name, the key under `mcpServers` (what `codex mcp get NAME` takes). */
  server: string;
  entry: ServerEntry;
  /** The variables to export, with every typed value removed. */
  env: EnvVarSpec[];
  /** The plugin's name; when absent, derived from the server name (pluginNameFor). */
  plugin?: string;
  description?: string;
  /**
   * Tool approval, written after the entry's keys as in the TOML block: Codex honours both keys in
   * a plugin's `.mcp.json` (codex/plugins.ts PLUGIN_TOOL_CALLS, proven in real sessions).
   */
  approval?: ApprovalKeys;
}

/** The text of a plugin's two files. */
export interface PluginFiles {
  /** The plugin's name: its folder, `plugin.json` name and the `PLUGIN` of `PLUGIN@MARKETPLACE`. */
  plugin: string;
  manifest: string;
  servers: string;
}

/** The version a new plugin's manifest states. */
export const FIRST_VERSION = '1.0.0';

/** A plugin name Codex installs, from a server name: runs of other characters become "-". */
export function pluginNameFor(server: string): string {
  return proposeName(server, { refused: PLUGIN_NAME_REFUSED });
}

/** The variables with every typed value removed: a file or a README shows placeholders only. */
export function namesOnly(lines: readonly EnvVarSpec[]): EnvVarSpec[] {
  return lines.map((line) => ({ ...line, value: '' }));
}

/** A plugin source from the generator's outputs for a spec (the spec only gives variable names). */
export function sourceOf(outputs: Outputs, spec: ServerSpec): PluginSource {
  return {
    server: outputs.name,
    entry: outputs.entry,
    env: namesOnly(spec.envVarLines),
    ...(outputs.approval && { approval: outputs.approval }),
  };
}

const json = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

/**
 * What keeps an entry from meaning the same as a plugin: a relative `cwd`, which Codex resolves
 * against the plugin's installed copy (codex/plugins.ts `installedRoot`), not where it starts.
 * Fields are paths into `ServerSpec`, as the form's diagnostics.
 */
export function pluginProblems(source: PluginSource): Diagnostic[] {
  const entry = source.entry;
  if (!isStdio(entry) || entry.cwd === undefined || entry.cwd.startsWith('/')) return [];
  return [
    {
      field: 'cwd',
      severity: 'error',
      message:
        `Working directory: in a plugin, Codex reads "${entry.cwd}" as a folder inside the plugin's ` +
        'installed copy (~/.codex/plugins/cache/…), not where Codex starts. Use an absolute path ' +
        'starting with / for the plugin files, or keep the TOML block.',
    },
  ];
}

/** The plugin's files, or null with the diagnostics when the entry cannot mean the same as a plugin. */
export function pluginOutput(
  source: PluginSource,
  version: string = FIRST_VERSION,
): { files: PluginFiles | null; diagnostics: Diagnostic[] } {
  const diagnostics = pluginProblems(source);
  return { files: diagnostics.length > 0 ? null : pluginFiles(source, version), diagnostics };
}

/** `plugin.json` and `.mcp.json` for one server (check pluginProblems first, or use pluginOutput), the keys in the TOML block's order. */
export function pluginFiles(source: PluginSource, version: string = FIRST_VERSION): PluginFiles {
  const plugin = source.plugin ?? pluginNameFor(source.server);
  const description = source.description ?? `The ${source.server} MCP server for Codex`;
  return {
    plugin,
    manifest: json({ name: plugin, version, description }),
    servers: json({
      mcpServers: { [source.server]: { ...orderedEntry(source.entry), ...source.approval } },
    }),
  };
}
