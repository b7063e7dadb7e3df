/**
 * The plugin tables of config.toml, which `codex plugin marketplace add` and `codex plugin add`
 * write: `[marketplaces.NAME]`, `[plugins."PLUGIN@MARKETPLACE"]` and a plugin's server overrides
 * `[plugins."PLUGIN@MARKETPLACE".mcp_servers.SERVER]`. Wrong values are refused the way Codex
 * refuses them (at the path the release prints); keys Codex ignores in a plugin's server table are
 * named. Facts: src/lib/codex/plugins.ts (PLUGIN_CONFIG), proven by tests/conformance/plugin-config.test.ts.
 */
import {
  PLUGIN_CONFIG,
  pluginsRefusalPath,
  sourceTypeRefusal,
  type Release,
} from '../../codex/index.ts';
import { lineOf, type TomlStatement } from '../../config-file/toml-scan.ts';
import { describe, keyCheck, type TypeProblem } from '../schema.ts';
import { isTable, type Finding, type Table } from '../types.ts';
import { fileRefusal } from './file-refusal.ts';

/** A TOML path as one writes it: `plugins."p@m".mcp_servers.s` (quoted where a bare key cannot be). */
export function tomlPath(path: readonly string[]): string {
  return path.map((p) => (/^[A-Za-z0-9_-]+$/.test(p) ? p : JSON.stringify(p))).join('.');
}

const SERVER_KEYS: readonly string[] = PLUGIN_CONFIG.pluginServerKeys;

/** The findings, and the top-level keys (`marketplaces`, `plugins`) whose every key was judged. */
export function checkPluginTables(
  doc: Table,
  statements: TomlStatement[] | null,
  release: Release,
): { findings: Finding[]; checked: Set<string> } {
  const findings: Finding[] = [];
  const checked = new Set<string>();
  const add = (f: Omit<Finding, 'line'>, path: string[]): void => {
    const line = lineOf(statements, path);
    findings.push(line === undefined ? f : { ...f, line });
  };
  const refuse = (path: string[], codexPath: string, message: string, codexMessage?: string) => {
    const whole = `${message} Codex refuses the whole file.`;
    findings.push(fileRefusal(statements, path, codexPath, whole, codexMessage));
  };
  const typeProblem = (base: string[], p: TypeProblem, codexPath: string) =>
    refuse(
      [...base, ...p.at],
      codexPath,
      `\`${tomlPath([...base, ...p.at])}\` must be ${p.expected}, but it is ${describe(p.got)}.`,
    );

  if ('marketplaces' in doc && checkMarketplaces(doc['marketplaces'], refuse, typeProblem))
    checked.add('marketplaces');
  if ('plugins' in doc) {
    const all = checkPlugins(doc['plugins'], release, { add, refuse, typeProblem });
    if (all) checked.add('plugins');
  }
  return { findings, checked };
}

type Refuse = (path: string[], codexPath: string, message: string, codexMessage?: string) => void;
type TypeRefuse = (base: string[], p: TypeProblem, codexPath: string) => void;

/** `[marketplaces.NAME]`: true when every key was one Codex reads (the rest is not judged). */
function checkMarketplaces(value: unknown, refuse: Refuse, typeProblem: TypeRefuse): boolean {
  if (!isTable(value)) {
    refuse(
      ['marketplaces'],
      'marketplaces',
      `\`marketplaces\` must be a table of marketplaces ([marketplaces.NAME]), but it is ${describe(value)}.`,
    );
    return true;
  }
  let all = true;
  const keys: Record<string, unknown> = PLUGIN_CONFIG.marketplaceKeys;
  for (const [name, m] of Object.entries(value)) {
    const base = ['marketplaces', name];
    if (!isTable(m)) {
      refuse(
        base,
        base.join('.'),
        `\`${tomlPath(base)}\` must be a table, but it is ${describe(m)}.`,
      );
      continue;
    }
    for (const [key, v] of Object.entries(m)) {
      const rule = Object.hasOwn(keys, key) ? keys[key] : undefined;
      const at = [...base, key].join('.');
      if (rule === undefined) all = false;
      else if (typeof rule === 'object' && typeof v === 'string') {
        const values = (rule as { oneOf: readonly string[] }).oneOf;
        if (!values.includes(v))
          refuse(
            [...base, key],
            at,
            `\`${tomlPath([...base, key])}\` must be one of ${values.map((x) => `"${x}"`).join(', ')}.`,
            sourceTypeRefusal(v),
          );
      } else {
        const check = keyCheck(rule === 'string list' ? 'args' : 'command');
        const p = check?.(v, [key]);
        if (p) typeProblem(base, p, at);
      }
    }
  }
  return all;
}

interface PluginOut {
  add: (f: Omit<Finding, 'line'>, path: string[]) => void;
  refuse: Refuse;
  typeProblem: TypeRefuse;
}

/** `[plugins."P@M"]` and its server overrides: true when every key was judged. */
function checkPlugins(value: unknown, release: Release, out: PluginOut): boolean {
  const at = (path: string[]) => pluginsRefusalPath(path, release);
  if (!isTable(value)) {
    out.refuse(
      ['plugins'],
      'plugins',
      `\`plugins\` must be a table of plugins ([plugins."PLUGIN@MARKETPLACE"]), but it is ${describe(value)}.`,
    );
    return true;
  }
  let all = true;
  for (const [id, p] of Object.entries(value)) {
    const base = ['plugins', id];
    if (!isTable(p)) {
      out.refuse(
        base,
        at([id]),
        `\`${tomlPath(base)}\` must be a table, but it is ${describe(p)}.`,
      );
      continue;
    }
    if (!id.includes('@'))
      out.add(
        {
          kind: 'risk',
          severity: 'warning',
          key: [],
          codexPath: base.join('.'),
          message: `\`[${tomlPath(base)}]\` names no plugin: Codex names an installed plugin PLUGIN@MARKETPLACE here (as \`codex plugin add\` writes it), so this table changes nothing. Write \`[plugins."${id}@MARKETPLACE"]\`.`,
        },
        base,
      );
    for (const [key, v] of Object.entries(p)) {
      if (key === 'enabled') {
        const problem = keyCheck('enabled', release)?.(v, [key]);
        if (problem) out.typeProblem(base, problem, at([id, key]));
      } else if (key === 'mcp_servers') {
        checkServers(id, v, release, out);
      } else all = false;
    }
  }
  return all;
}

/** `[plugins."P@M".mcp_servers.SERVER]`: the keys Codex reads there, checked; the others named as ignored. */
function checkServers(id: string, value: unknown, release: Release, out: PluginOut): void {
  const base = ['plugins', id, 'mcp_servers'];
  const at = (path: string[]) => pluginsRefusalPath([id, 'mcp_servers', ...path], release);
  if (!isTable(value)) {
    out.refuse(
      base,
      at([]),
      `\`${tomlPath(base)}\` must be a table of servers, but it is ${describe(value)}.`,
    );
    return;
  }
  for (const [server, s] of Object.entries(value)) {
    const where = [...base, server];
    if (!isTable(s)) {
      out.refuse(
        where,
        at([server]),
        `\`${tomlPath(where)}\` must be a table, but it is ${describe(s)}.`,
      );
      continue;
    }
    for (const [key, v] of Object.entries(s)) {
      if (SERVER_KEYS.includes(key)) {
        const problem = keyCheck(key, release)?.(v, [key]);
        if (problem) out.typeProblem(where, problem, at([server, ...problem.at]));
        continue;
      }
      out.add(
        {
          kind: 'ignored',
          severity: 'warning',
          key: [],
          codexPath: [...where, key].join('.'),
          message: `Codex ignores \`${key}\` in \`[${tomlPath(where)}]\`: there it reads only ${SERVER_KEYS.map((k) => `\`${k}\``).join(', ')}. The plugin's own .mcp.json sets the rest (a \`[mcp_servers.${server}]\` table of your own wins over the plugin's server).`,
        },
        [...where, key],
      );
    }
  }
}
