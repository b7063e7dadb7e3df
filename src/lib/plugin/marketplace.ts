/**
 * A marketplace repository for a team: `.agents/plugins/marketplace.json`, one folder per plugin
 * (`plugins/NAME/.codex-plugin/plugin.json`, `plugins/NAME/.mcp.json`) and a README saying how to
 * install, set the variables and update. Pure: invalid input gives diagnostics, never a throw.
 */
import {
  MARKETPLACE_NAME_REFUSAL,
  PLUGIN_NAME_PATTERN,
  PLUGIN_PATHS,
  PLUGIN_POLICY,
} from '../codex/plugins.ts';
import type { Diagnostic } from '../generator/model.ts';
import { pluginFiles, pluginNameFor, pluginProblems, type PluginSource } from './files.ts';
import { teamReadme } from './readme.ts';

/** One file of the repository: its path from the root, and its text. */
export interface RepoFile {
  path: string;
  text: string;
}

/** What a team asks for. */
export interface MarketplaceSpec {
  /** The marketplace's name (`NAME` of `codex plugin add PLUGIN@NAME`). */
  name: string;
  /** The GitHub repository it will live in, `OWNER/REPO`; empty shows the placeholder. */
  repo: string;
  plugins: PluginSource[];
}

/** The repository's files (null while a field is invalid), and every problem found. */
export interface Marketplace {
  files: RepoFile[] | null;
  diagnostics: Diagnostic[];
}

/** The `OWNER/REPO` the README shows when none is given. */
export const REPO_PLACEHOLDER = 'OWNER/REPO';

// GitHub's owner and repository names: letters, digits, `-`, `_` and `.` (owners have no `.` or `_`).
const REPO_PATTERN = /^[A-Za-z0-9-]+\/[A-Za-z0-9_.-]+$/;

function problems(spec: MarketplaceSpec, names: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const name = spec.name.trim();
  if (!PLUGIN_NAME_PATTERN.test(name))
    out.push({
      field: 'name',
      severity: 'error',
      message:
        name === ''
          ? 'Marketplace name: required (letters, digits, "-" and "_"), for example "acme-tools".'
          : `Marketplace name: Codex refuses "${name}" (${MARKETPLACE_NAME_REFUSAL}). Try "${pluginNameFor(name)}".`,
    });
  const repo = spec.repo.trim();
  if (repo !== '' && !REPO_PATTERN.test(repo))
    out.push({
      field: 'repo',
      severity: 'error',
      message: `Repository: "${repo}" is not OWNER/REPO as on GitHub (for example "acme/codex-plugins").`,
    });
  if (spec.plugins.length === 0)
    out.push({ field: 'plugins', severity: 'error', message: 'Add at least one server.' });
  names.forEach((plugin, i) => {
    if (!PLUGIN_NAME_PATTERN.test(plugin))
      out.push({
        field: `plugins.${i}`,
        severity: 'error',
        message: `Plugin name: "${plugin}" cannot be installed; use letters, digits, "-" and "_".`,
      });
    else if (names.indexOf(plugin) !== i)
      out.push({
        field: `plugins.${i}`,
        severity: 'error',
        message: `Plugin name: "${plugin}" is already used by another server here; rename one of them.`,
      });
  });
  spec.plugins.forEach((p, i) => {
    for (const d of pluginProblems(p)) out.push({ ...d, field: `plugins.${i}.${d.field}` });
  });
  const servers = spec.plugins.map((p) => p.server);
  servers.forEach((server, i) => {
    if (servers.indexOf(server) !== i)
      out.push({
        field: `plugins.${i}`,
        severity: 'error',
        message: `Server name: "${server}" is already used by another server here; Codex would load only one of them.`,
      });
  });
  return out;
}

/** The marketplace repository for `spec`, or its diagnostics. */
export function marketplace(spec: MarketplaceSpec): Marketplace {
  const names = spec.plugins.map((p) => p.plugin ?? pluginNameFor(p.server));
  const diagnostics = problems(spec, names);
  if (diagnostics.length > 0) return { files: null, diagnostics };
  const name = spec.name.trim();
  const plugins = spec.plugins.map((p, i) => pluginFiles({ ...p, plugin: names[i] as string }));
  const list = {
    name,
    plugins: plugins.map((p) => ({
      name: p.plugin,
      source: { source: 'local', path: `./${PLUGIN_PATHS.pluginsDir}/${p.plugin}` },
      policy: { ...PLUGIN_POLICY },
      category: 'Productivity',
    })),
  };
  const files: RepoFile[] = [
    {
      path: 'README.md',
      text: teamReadme(name, spec.repo.trim() || REPO_PLACEHOLDER, spec.plugins, names),
    },
    { path: PLUGIN_PATHS.marketplace, text: JSON.stringify(list, null, 2) + '\n' },
  ];
  for (const p of plugins) {
    const dir = `${PLUGIN_PATHS.pluginsDir}/${p.plugin}`;
    files.push({ path: `${dir}/${PLUGIN_PATHS.manifest}`, text: p.manifest });
    files.push({ path: `${dir}/${PLUGIN_PATHS.servers}`, text: p.servers });
  }
  return { files, diagnostics };
}
