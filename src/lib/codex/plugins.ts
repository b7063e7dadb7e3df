/**
 * What Codex does with plugins and marketplaces, observed offline with a local marketplace in a
 * throwaway CODEX_HOME, identical on every release from CODEX_OLDEST to CODEX_NEWEST except where a
 * fact names an entry of changes.ts (pluginInlineServers, pluginsPathShort). Each fact is proven on
 * the release under test by tests/conformance/plugin.test.ts (and release-facts.test.ts for changes).
 * Git marketplaces cannot be fetched in the test environment: what is said about them is the
 * CLI's own help text, quoted as such (GIT_MARKETPLACE_HELP).
 */

import { CHANGES } from './changes.ts';
import { inRange, type Release } from './releases.ts';

/** Where each file of a marketplace lives, relative to the marketplace root (or the plugin folder). */
export const PLUGIN_PATHS = {
  /** The marketplace's list of plugins, relative to the marketplace root. */
  marketplace: '.agents/plugins/marketplace.json',
  /** The folder holding each plugin, relative to the marketplace root (`./plugins/NAME` in the list). */
  pluginsDir: 'plugins',
  /** The plugin's manifest, relative to the plugin folder. */
  manifest: '.codex-plugin/plugin.json',
  /** The plugin's MCP servers, relative to the plugin folder. */
  servers: '.mcp.json',
} as const;

/** The `policy` of a marketplace entry the facts were observed with (installable, sign-in on install). */
export const PLUGIN_POLICY = { installation: 'AVAILABLE', authentication: 'ON_INSTALL' } as const;

/** The argv (after `codex`) of each plugin command the site shows. */
export const PLUGIN_COMMANDS = {
  marketplaceAdd: ['plugin', 'marketplace', 'add'],
  add: ['plugin', 'add'],
  upgrade: ['plugin', 'marketplace', 'upgrade'],
  list: ['plugin', 'list'],
} as const;

/**
 * Marketplace and plugin names: ASCII letters, digits, `_` and `-`. Codex refuses any other
 * marketplace name (MARKETPLACE_NAME_REFUSAL); a plugin name with `@`, `:` or a space does not
 * install (`NAME@MARKETPLACE` cannot carry it). Other characters are left out: not proven alike on
 * every release.
 */
export const PLUGIN_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
/** Every run of characters PLUGIN_NAME_PATTERN refuses, for proposing a name it accepts. */
export const PLUGIN_NAME_REFUSED = /[^A-Za-z0-9_-]+/g;

/** What Codex prints when `codex plugin marketplace add` reads a marketplace name it refuses. */
export const MARKETPLACE_NAME_REFUSAL =
  'invalid marketplace name: only ASCII letters, digits, `_`, and `-` are allowed';

/** The first line `codex plugin marketplace add ./PATH` prints (PATH made absolute). */
export function marketplaceAdded(marketplace: string, absolutePath: string): string {
  return `Added marketplace \`${marketplace}\` from ${absolutePath}.`;
}

/** The first line `codex plugin add PLUGIN@MARKETPLACE` prints. */
export function pluginAdded(plugin: string, marketplace: string): string {
  return `Added plugin \`${plugin}\` from marketplace \`${marketplace}\`.`;
}

/** `codex plugin marketplace upgrade` with only local marketplaces: exit 0 and this line, nothing changed. */
export const UPGRADE_NOTHING = 'No configured Git marketplaces to upgrade.';

/** `codex plugin marketplace upgrade NAME` for a local marketplace: exit 1 with this error. */
export function upgradeLocalRefusal(marketplace: string): string {
  return `marketplace \`${marketplace}\` is not configured as a Git marketplace`;
}

/**
 * What the CLI's own `--help` says about Git marketplaces (quoted, not run here: fetching needs the
 * network). tests/conformance/plugin.test.ts checks each quote against the release's help.
 */
export const GIT_MARKETPLACE_HELP = {
  /** `codex plugin marketplace add --help`, the SOURCE argument. */
  source: 'Marketplace source: a local path, owner/repo[@ref], HTTPS Git URL, or SSH Git URL',
  /** `codex plugin marketplace upgrade --help`, its summary. */
  upgrade: 'Refresh configured Git marketplace snapshots.',
} as const;

/**
 * The keys a plugin's `.mcp.json` server has that Codex does not read: accepted without a word and
 * dropped (Claude's `type` and `headers`; a header sent that way never reaches the server). Every
 * key Codex reads there is a key of `[mcp_servers.NAME]` (keys.ts), with the same value rule.
 */
export const MCP_JSON_IGNORED_KEYS: readonly string[] = ['type', 'headers'];

/** What an install writes to config.toml, and how a plugin's servers relate to config.toml's. */
export const PLUGIN_INSTALL = {
  /** `[marketplaces.NAME]` gets `source_type = "local"` and `source` = the absolute path. */
  marketplaceSourceType: 'local',
  /** `[plugins."PLUGIN@MARKETPLACE"]` gets `enabled = true`. */
  pluginTable: (plugin: string, marketplace: string): string => `${plugin}@${marketplace}`,
  /**
   * The installed copy is what Codex reads: editing the marketplace changes nothing until
   * `codex plugin add` runs again, which installs the edited files (same version or not).
   */
  copiedOnAdd: true,
  /**
   * Where `codex plugin add` copies a plugin (its "Installed plugin root"), under CODEX_HOME. A
   * relative `cwd` in `.mcp.json` is resolved against it (`C:\\…` too, on Linux), unlike the
   * same `cwd` in config.toml, which Codex keeps as typed: only an absolute `cwd` means the same.
   */
  installedRoot: (
    codexHome: string,
    marketplace: string,
    plugin: string,
    version: string,
  ): string => `${codexHome}/plugins/cache/${marketplace}/${plugin}/${version}`,
  /** A `[mcp_servers.NAME]` in config.toml wins over a plugin's server of the same name. */
  configTomlWins: true,
  /** A server entry Codex cannot read (a wrong value) is dropped silently: `codex mcp get` says "No MCP server named". */
  badEntryDropped: true,
} as const;

/**
 * What Codex does with `${VAR}`, `$VAR` and `${CLAUDE_PLUGIN_ROOT}` (Claude Code's variable for the
 * plugin's folder) in a plugin's `.mcp.json`: nothing. `codex mcp get --json` shows every value as
 * written, in command, args, env, cwd, url, bearer_token_env_var and the header tables; a relative
 * `cwd` such as `${CLAUDE_PLUGIN_ROOT}` is then resolved against the installed copy like any other
 * (PLUGIN_INSTALL.installedRoot), so `"cwd": "."` is the way to name the plugin's folder.
 */
export const MCP_JSON_EXPANDS_VARIABLES = false;

/**
 * A server of `.mcp.json` that config.toml would refuse (a wrong type, `url` next to `command`, no
 * transport…) is dropped alone and without a word: the plugin's other servers load
 * (PLUGIN_INSTALL.badEntryDropped). Keys Codex does not read there, Claude's `type` and `headers`
 * (MCP_JSON_IGNORED_KEYS) as well as any other, are dropped without a word too.
 */
export const MCP_JSON_BAD_SERVER_ALONE = true;

/** Where a plugin's servers come from, by the `mcpServers` of its plugin.json. */
export const MANIFEST_SERVERS = {
  /** No `mcpServers` in plugin.json: `.mcp.json` next to `.codex-plugin/`. */
  absent: PLUGIN_PATHS.servers,
  /** `"mcpServers": "./other.json"`: that file, relative to the plugin folder (`.mcp.json` is not read). */
  path: true,
  /** `"mcpServers": { … }` inline: read from pluginInlineServers on (`.mcp.json` is not read); before, the plugin does not install (MANIFEST_REFUSAL). */
  inlineSince: CHANGES.pluginInlineServers.since,
} as const;

/**
 * The plugin tables of config.toml, observed on every release of the window (the value rules, and
 * Codex's refusal of a wrong one, as for `[mcp_servers]`); proven by tests/conformance/plugin.test.ts
 * and the doctor corpus.
 */
export const PLUGIN_CONFIG = {
  /** `[marketplaces.NAME]`: its keys and their values (`source_type` one of `git`, `local`). */
  marketplaceKeys: {
    source_type: { oneOf: ['git', 'local'] },
    source: 'string',
    ref: 'string',
    sparse_paths: 'string list',
    last_updated: 'string',
    last_revision: 'string',
  },
  /** `[plugins."PLUGIN@MARKETPLACE"]`: its keys. */
  pluginKeys: { enabled: 'boolean', mcp_servers: 'table' },
  /**
   * The keys of `[plugins."PLUGIN@MARKETPLACE".mcp_servers.SERVER]` Codex reads, each with its
   * `[mcp_servers.NAME]` value rule (keys.ts): `enabled` and the tool lists show in
   * `codex mcp get --json`. Every other key (command, url, timeouts…) is ignored without a word:
   * the plugin's own file sets those.
   */
  pluginServerKeys: [
    'enabled',
    'enabled_tools',
    'disabled_tools',
    'default_tools_approval_mode',
    'tools',
  ],
  /** A plugin is named `PLUGIN@MARKETPLACE` there: `[plugins."p".mcp_servers.s]` changes nothing. */
  keyedByPluginAtMarketplace: true,
} as const satisfies {
  marketplaceKeys: Record<string, 'string' | 'string list' | { oneOf: readonly string[] }>;
  pluginKeys: Record<string, 'boolean' | 'table'>;
  pluginServerKeys: readonly string[];
  keyedByPluginAtMarketplace: boolean;
};

/** What `codex plugin add` says about a plugin.json it cannot read (before pluginInlineServers: one with inline `mcpServers`). */
export const MANIFEST_REFUSAL = 'missing or invalid plugin.json';

/** Codex's refusal of a `source_type` it does not know. */
export function sourceTypeRefusal(value: string): string {
  return `unknown variant \`${value}\`, expected \`git\` or \`local\``;
}

/** The path `release` prints for a wrong value at `path` inside `plugins` (pluginsPathShort). */
export function pluginsRefusalPath(path: readonly string[], release: Release): string {
  return inRange(release, { from: CHANGES.pluginsPathShort.since })
    ? 'plugins'
    : ['plugins', ...path].join('.');
}

/** True when `release` reads `mcpServers` written inline in plugin.json (pluginInlineServers). */
export function readsInlineServers(release: Release): boolean {
  return inRange(release, { from: MANIFEST_SERVERS.inlineSince });
}

// -------------------------------------------------------------------------------------------------
// A plugin's servers in real `codex exec` sessions (issue 23). Proven on the release under test by
// tests/conformance/runtime/plugins.test.ts: fake model, fake MCP servers, private network namespace.
// -------------------------------------------------------------------------------------------------

/** What a plugin's server gets in a session, next to the same entry in config.toml. */
export const PLUGIN_SESSION = {
  /**
   * A remote server gets exactly the headers, a local one exactly the environment, that the same
   * entry gets from `[mcp_servers.NAME]` (bearer variable, `http_headers`, `env_http_headers`,
   * `env`, `env_vars`, the parent variables Codex passes on).
   */
  sameAsConfigToml: true,
  /** Without `cwd`, a plugin's local server starts in the folder Codex started in, not in the installed copy. */
  stdioStartsWhereCodexStarts: true,
} as const;

/** One way to run a tool call through a plugin's server under `codex exec`, and what happens. */
export interface ToolCallCase {
  /** What was set, in words for the page. */
  setting: string;
  /** True: the call reaches the server (`tools/call`); false: Codex refuses it before. */
  reaches: boolean;
}

/**
 * A tool call through a plugin's server in `codex exec` (whose approval policy is `never`): refused
 * unless an approval setting allows it, exactly like a server in config.toml. The approval keys of
 * `[mcp_servers.NAME]` are honoured in a plugin's `.mcp.json`, and in config.toml under
 * `[plugins."PLUGIN@MARKETPLACE".mcp_servers.SERVER]`.
 */
export const PLUGIN_TOOL_CALLS = {
  /** The approval policy `codex exec` states in its header (`approval: never`) in every case below, `-c approval_policy=on-request` included. */
  execApprovalPolicy: 'never',
  /** The tool's output Codex hands the model (and prints) when it refuses, since CHANGES.execToolApprovalMessage. */
  refusal: 'MCP tool call requires approval, but approval policy is never',
  /** The same, on releases before CHANGES.execToolApprovalMessage. */
  refusalBefore: 'user cancelled MCP tool call',
  cases: {
    plain: { setting: 'nothing set', reaches: false },
    policyNever: { setting: '`codex exec -c approval_policy=never`', reaches: false },
    // exec's header still says `approval: never`: the option does not change exec's policy.
    policyOnRequest: { setting: '`codex exec -c approval_policy=on-request`', reaches: false },
    defaultApprove: {
      setting: '`"default_tools_approval_mode": "approve"` in the plugin\'s `.mcp.json`',
      reaches: true,
    },
    toolApprove: {
      setting: '`"tools": {"TOOL": {"approval_mode": "approve"}}` in the plugin\'s `.mcp.json`',
      reaches: true,
    },
    pluginOverride: {
      setting:
        '`default_tools_approval_mode = "approve"` under `[plugins."PLUGIN@MARKETPLACE".mcp_servers.SERVER]` in config.toml',
      reaches: true,
    },
    bypass: { setting: '`codex exec --dangerously-bypass-approvals-and-sandbox`', reaches: true },
    configTomlPlain: {
      setting: 'nothing set, the same server in `[mcp_servers.NAME]` instead of a plugin',
      reaches: false,
    },
  } satisfies Record<string, ToolCallCase>,
} as const;
