/**
 * The settings around a server that the main form leaves out: per-server and per-tool approval
 * (`default_tools_approval_mode`, `[mcp_servers.NAME.tools.TOOL] approval_mode`) and, for OAuth on
 * headless, WSL or keyring-less machines, the TOP-LEVEL keys `mcp_oauth_credentials_store` and
 * `mcp_oauth_callback_port`. Accepted values come from the release table (codex/keys.ts) and are
 * proven per release by tests/conformance/settings.test.ts. Pure: no DOM, nothing thrown.
 */
import { stringify } from 'smol-toml';
import { APPROVAL_MODES, enumIn, MCP_OAUTH_TOP_LEVEL } from '../codex/keys.ts';
import { CODEX_NEWEST, type Release } from '../codex/releases.ts';
import { configPath, type Platform } from './config-path.ts';
import type { SettingsForm } from '../input/settings-form.ts';
import type { Generated } from './generate.ts';
import type { HeadlessContext } from './headless.ts';
import type { Diagnostic, Scope } from './model.ts';
import { orderedEntry, tomlTokens } from './toml.ts';
import { unsafeChar } from '../safety/unsafe-chars.ts';

export { emptySettings, type SettingsForm } from '../input/settings-form.ts';

/** Where the generator stands when it applies the settings. */
export interface SettingsContext {
  release?: Release;
  /** True when the server signs in with OAuth: only then are the top-level OAuth keys written. */
  oauth: boolean;
  scope: Scope;
  platform: Platform;
}

/** Keys for `[mcp_servers.NAME]`, and keys for the top of config.toml. */
export interface ResolvedSettings {
  server: {
    default_tools_approval_mode?: string;
    tools?: Record<string, { approval_mode: string }>;
  };
  topLevel: { mcp_oauth_credentials_store?: string; mcp_oauth_callback_port?: number };
  /** "No browser on this machine" is on (OAuth only): the steps follow headless.ts. */
  headless: boolean;
  diagnostics: Diagnostic[];
}

/** The generator's result with the settings applied, plus the top-level block (null when empty). */
export interface GeneratedWithSettings extends Generated {
  topLevel: string | null;
  /** The file the top-level block belongs in: always the user config (never a project's). */
  topLevelPath: string;
  /**
   * With "No browser on this machine" on: what its steps need. `headlessOf` (headless.ts) gives the
   * steps; the page loads that code only when the switch is on.
   */
  headless?: HeadlessContext;
}

const err = (field: string, message: string): Diagnostic => ({ field, severity: 'error', message });
const list = (values: string[]): string => values.map((v) => `"${v}"`).join(', ');

/** The approval mode `value` (field label `label`), or an error naming the accepted values. */
function checkMode(value: string, label: string, release: Release): string | undefined {
  const modes = enumIn(APPROVAL_MODES, release);
  if (modes.includes(value)) return undefined;
  const later = enumIn(APPROVAL_MODES, CODEX_NEWEST).includes(value)
    ? ` ("${value}" needs a newer Codex than ${release})`
    : '';
  return `${label} "${value}" is not a mode Codex ${release} accepts${later}: use one of ${list(modes)}.`;
}

/** Parses the per-tool lines; each problem is reported on the field with its line number. */
function toolApprovals(
  text: string,
  release: Release,
  out: Diagnostic[],
): Record<string, { approval_mode: string }> | undefined {
  const field = 'settings.toolApprovals';
  const tools: Record<string, { approval_mode: string }> = {};
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const where = `Per-tool approval, line ${i + 1}`;
    const m = /^([^=:]+?)\s*[=:]\s*(\S+)$/.exec(line);
    if (!m) {
      out.push(
        err(
          field,
          `${where} ("${line}") is not TOOL = MODE: write the tool's name, "=", then one of ${list(enumIn(APPROVAL_MODES, release))}, such as "search = approve".`,
        ),
      );
      return;
    }
    const [, tool, mode] = m as unknown as [string, string, string];
    const bad = unsafeChar(tool);
    if (bad)
      return void out.push(
        err(
          field,
          `${where}: the tool name holds ${bad.label}, which no field accepts: retype the name.`,
        ),
      );
    if (tool in tools)
      return void out.push(
        err(field, `${where}: "${tool}" is listed twice: keep one line per tool.`),
      );
    const problem = checkMode(mode, `${where}: mode`, release);
    if (problem) return void out.push(err(field, problem));
    tools[tool] = { approval_mode: mode };
  });
  return Object.keys(tools).length > 0 ? tools : undefined;
}

/** The callback port as a number, or an error; 0 (any free port) is what leaving it empty means. */
function callbackPort(text: string, out: Diagnostic[]): number | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  const { max } = MCP_OAUTH_TOP_LEVEL.mcp_oauth_callback_port;
  const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    out.push(
      err(
        'settings.callbackPort',
        `OAuth callback port "${value}" is not a port number: enter a whole number from 1 to ${max}, such as 8765, or leave it empty.`,
      ),
    );
    return undefined;
  }
  return n;
}

/** Checks every settings field for `release`; the keys to write, and a diagnostic per problem. */
export function resolveSettings(form: SettingsForm, ctx: SettingsContext): ResolvedSettings {
  const release = ctx.release ?? CODEX_NEWEST;
  const diagnostics: Diagnostic[] = [];
  const server: ResolvedSettings['server'] = {};
  const mode = form.defaultApproval.trim();
  if (mode !== '') {
    const problem = checkMode(mode, 'Default tool approval', release);
    if (problem) diagnostics.push(err('settings.defaultApproval', problem));
    else server.default_tools_approval_mode = mode;
  }
  const tools = toolApprovals(form.toolApprovals, release, diagnostics);
  if (tools) server.tools = tools;
  const topLevel: ResolvedSettings['topLevel'] = {};
  const headless = ctx.oauth && headlessOn(form.headless ?? '', diagnostics);
  if (ctx.oauth) {
    // No browser here usually means no keyring either: the "file" store, unless another was chosen.
    const store = form.credentialsStore.trim() || (headless ? 'file' : '');
    const stores = MCP_OAUTH_TOP_LEVEL.mcp_oauth_credentials_store.map((v) => v.value as string);
    if (store !== '' && !stores.includes(store)) {
      diagnostics.push(
        err(
          'settings.credentialsStore',
          `OAuth credential store "${store}" is not one Codex accepts: use one of ${list(stores)}.`,
        ),
      );
    } else if (store !== '') topLevel.mcp_oauth_credentials_store = store;
    const port = callbackPort(form.callbackPort, diagnostics);
    if (port !== undefined) topLevel.mcp_oauth_callback_port = port;
    if (headless && store !== 'file' && topLevel.mcp_oauth_credentials_store)
      diagnostics.push({
        field: 'settings.credentialsStore',
        severity: 'warning',
        message: `With no browser on this machine there is usually no keyring either: the steps below are written for "file" (the store "${store}" was chosen here).`,
      });
  }
  return { server, topLevel, headless, diagnostics };
}

/** The switch's value: `on` or empty; anything else (from a link) is an error at the field. */
function headlessOn(value: string, out: Diagnostic[]): boolean {
  const v = value.trim();
  if (v === '' || v === 'on') return v === 'on';
  out.push(
    err(
      'settings.headless',
      `No browser on this machine "${v}" is not a value it takes: use "on", or leave it out.`,
    ),
  );
  return false;
}

/** The top-level block: bare keys, to be placed above the first `[table]` of config.toml. */
export function topLevelBlock(topLevel: ResolvedSettings['topLevel']): string | null {
  if (Object.keys(topLevel).length === 0) return null;
  return stringify(topLevel).trimEnd() + '\n';
}

/**
 * Applies the settings to what `generate` returned: the TOML block gains the server keys, the
 * command route lists them as keys to add by hand, setting errors block the outputs, and the
 * config path is written for the reader's platform.
 */
export function withSettings(
  generated: Generated,
  form: SettingsForm,
  ctx: SettingsContext,
): GeneratedWithSettings {
  const resolved = resolveSettings(form, ctx);
  const diagnostics = [...generated.diagnostics, ...resolved.diagnostics];
  const topLevelPath = configPath('user', ctx.platform);
  const out = generated.outputs;
  if (!out || resolved.diagnostics.some((d) => d.severity === 'error')) {
    // A setting's error blocks the TOML and the command; the name's own lines stay.
    const standalone = out
      ? {
          login: out.login,
          verify: out.verify,
          tokens: { login: out.tokens.login, verify: out.tokens.verify },
        }
      : generated.standalone;
    return {
      diagnostics,
      outputs: null,
      ...(standalone && { standalone }),
      topLevel: null,
      topLevelPath,
    };
  }
  const added = Object.keys(resolved.server);
  const table = { ...orderedEntry(out.entry), ...resolved.server };
  const toml =
    added.length === 0
      ? out.toml
      : stringify({ mcp_servers: { [out.name]: table } }).trimEnd() + '\n';
  const missing = [...out.cli.missing, ...added.filter((k) => !out.cli.missing.includes(k))];
  // The command has no flag for these keys: it becomes "run it, then add the rest by hand".
  const cli =
    out.cli.mode === 'toml-only' || added.length === 0
      ? out.cli
      : { ...out.cli, mode: 'partial' as const, missing };
  const outputs = {
    ...out,
    toml,
    cli,
    configPath: configPath(ctx.scope, ctx.platform),
    tokens: { ...out.tokens, toml: toml === out.toml ? out.tokens.toml : tomlTokens(toml) },
    ...(added.length > 0 && { approval: resolved.server }),
  };
  const topLevel = topLevelBlock(resolved.topLevel);
  const headless: HeadlessContext | undefined =
    resolved.headless && topLevel
      ? {
          topLevel,
          topLevelPath,
          release: ctx.release ?? CODEX_NEWEST,
          callbackPort: resolved.topLevel.mcp_oauth_callback_port,
        }
      : undefined;
  return { diagnostics, outputs, topLevel, topLevelPath, ...(headless && { headless }) };
}
