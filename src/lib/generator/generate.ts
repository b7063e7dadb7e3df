/**
 * Everything a guide shows for one spec, derived from one resolved entry:
 * the `codex mcp add` command (bash/zsh, fish and PowerShell), the TOML block, env-var lines,
 * the login command and the verification commands, plus diagnostics.
 */
import { planCli, type CliPlan } from './cli.ts';
import { factsFor, NO_BROWSER_FLAG } from '../codex/facts.ts';
import { MCP_KEYS } from '../codex/keys.ts';
import { CODEX_NEWEST, type Release } from '../codex/releases.ts';
import { reservedNameProblem } from '../codex/reserved.ts';
import { configPath } from './config-path.ts';
import { envLines, type EnvLines } from './env.ts';
import { guardOutputs } from './guard.ts';
import type { Diagnostic, ServerEntry, ServerSpec } from './model.ts';
import { resolveSpec } from './resolve.ts';
import { fishCommand } from './shell/fish.ts';
import { posixCommand } from './shell/posix.ts';
import { powershellCommand } from './shell/powershell.ts';
import { tomlBlock } from './toml.ts';

/** The Codex CLI version every output is checked against. */
export { CODEX_NEWEST as CODEX_VERSION } from '../codex/releases.ts';
/** Codex's default startup timeout in seconds, for the pages that state it. */
export { DEFAULT_STARTUP_TIMEOUT_SEC } from '../codex/defaults.ts';

/** The command-line route, rendered for each shell (fish and PowerShell quote differently from bash/zsh). */
export interface CliOutput extends CliPlan {
  posix: string | null;
  fish: string | null;
  powershell: string | null;
}

/** All outputs; null when the spec still has errors (a wrong command is never shown). */
export interface Outputs {
  name: string;
  entry: ServerEntry;
  cli: CliOutput;
  toml: string;
  configPath: string;
  env: EnvLines | null;
  login: string | null;
  verify: string;
  /** The approval keys the settings add to the TOML block (withSettings, settings.ts); absent when none. */
  approval?: ApprovalKeys;
}

/** `default_tools_approval_mode` and `tools.TOOL.approval_mode` of `[mcp_servers.NAME]`. */
export interface ApprovalKeys {
  default_tools_approval_mode?: string;
  tools?: Record<string, { approval_mode: string }>;
}

/** The outputs that depend only on the server name, kept while another field is invalid. */
export interface Standalone {
  /** The OAuth login command, when the entry signs in with OAuth and asks for no scopes. */
  login: string | null;
  verify: string;
}

/** The result of generating: outputs when valid, and every diagnostic either way. */
export interface Generated {
  diagnostics: Diagnostic[];
  outputs: Outputs | null;
  /** With `outputs` null: what a valid name alone still gives (absent when the name is invalid). */
  standalone?: Standalone;
}

export { configPath } from './config-path.ts';

/**
 * A word that means the same in bash, zsh, fish and PowerShell (proven by the real shells in
 * tests/unit/generate.test.ts), or null when no single rendering does. The login and verify blocks
 * are shared by every shell: bare when plainly safe in all of them, otherwise single-quoted, which
 * only works when the word holds no character that is special inside single quotes in one of them:
 * `'` (all), `\` (fish) and the typographic single quotes (PowerShell). Server names never hold
 * them, and resolve.ts refuses them in scopes.
 */
export function portableWord(word: string): string | null {
  // PowerShell drops an argument that is exactly `--%` however it is quoted (shell/powershell.ts).
  if (word === '--%') return null;
  // No `,` (PowerShell makes an array of a bare a,b), no leading `@` (splatting), no `%` (`%self` in fish).
  const bare =
    /^[A-Za-z0-9_-][A-Za-z0-9_@./:=+-]*$/.test(word) && word !== '--' && !/^-.*[.:]/.test(word);
  if (bare) return word;
  return /['\\\u2018-\u201b]/.test(word) ? null : `'${word}'`;
}

/**
 * `codex mcp login NAME [--scopes a,b]`, with the headless variant as a comment where Codex `release`
 * has `--no-browser` (0.156.0 on); null when not portable.
 */
export function loginCommand(
  name: string,
  scopes: readonly string[] = [],
  release: Release = CODEX_NEWEST,
): string | null {
  const argv = ['codex', 'mcp', 'login', name];
  const scopesFlag = MCP_KEYS['scopes']?.loginFlag;
  if (scopes.length > 0 && scopesFlag !== undefined) argv.push(scopesFlag, scopes.join(','));
  const words = argv.map(portableWord);
  if (words.includes(null)) return null;
  const cmd = words.join(' ') + '\n';
  if (!factsFor(release).loginFlags.includes(NO_BROWSER_FLAG)) return cmd;
  return `${cmd}# No browser on this machine (SSH, container)? Add ${NO_BROWSER_FLAG} and paste the callback URL back.\n`;
}

/** The verification commands for a server name, those Codex `release` has (names it accepts are always portable). */
export function verifyCommands(name: string, release: Release = CODEX_NEWEST): string {
  const n = portableWord(name) ?? `'${name}'`;
  const commands = factsFor(release).commands;
  const lines = [
    commands.includes('mcp list') ? 'codex mcp list' : '',
    commands.includes('mcp get') ? `codex mcp get ${n} --json` : '',
    commands.includes('doctor') ? 'codex doctor' : '',
  ];
  return lines.filter((line) => line !== '').join('\n') + '\n';
}

/**
 * One invalid field blocks only the outputs that depend on it: with a valid name, the verify lines
 * (and the login line of an OAuth entry without scopes) are exactly those a valid spec would get.
 */
function standaloneOf(
  spec: ServerSpec,
  diagnostics: readonly Diagnostic[],
  release: Release,
): { standalone?: Standalone } {
  const errorAt = (field: string) =>
    diagnostics.some((d) => d.severity === 'error' && d.field.split('.')[0] === field);
  if (errorAt('name')) return {};
  const name = spec.name.trim();
  const oauth = spec.auth === 'oauth' && spec.transport === 'http';
  const noScopes = spec.scopes.every((s) => s.trim() === '') && !errorAt('scopes');
  const login = oauth && noScopes ? loginCommand(name, [], release) : null;
  return { standalone: { login, verify: verifyCommands(name, release) } };
}

/**
 * Generates every output for a spec, exact for Codex `release`. Pure: same input, same result. Total:
 * whatever produced the spec, an entry the output guard refuses (guard.ts), or anything that throws
 * (a producer's malformed spec), gives diagnostics and no outputs, never an exception.
 */
export function generate(spec: ServerSpec, release: Release = CODEX_NEWEST): Generated {
  try {
    return generateChecked(spec, release);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const message = `The outputs could not be written (${why}): nothing is shown rather than something wrong. Please report this.`;
    return { diagnostics: [{ field: 'general', severity: 'error', message }], outputs: null };
  }
}

function generateChecked(spec: ServerSpec, release: Release): Generated {
  const { entry, diagnostics } = resolveSpec(spec, release);
  // A name Codex keeps for its own server: the entry would never start, so no output is shown.
  const reserved = reservedNameProblem(spec.name.trim());
  if (reserved) diagnostics.push({ field: 'name', severity: 'error', message: reserved });
  const name = spec.name.trim();
  // The field checks have spoken; the guard looks once more at exactly what the outputs will carry.
  if (entry && !reserved) diagnostics.push(...guardOutputs(name, entry, spec.envVarLines));
  if (!entry || diagnostics.some((d) => d.severity === 'error'))
    return { diagnostics, outputs: null, ...standaloneOf(spec, diagnostics, release) };
  return { diagnostics, outputs: outputsOf(spec, name, entry, release) };
}

/** Every output of a valid, guarded entry. */
function outputsOf(spec: ServerSpec, name: string, entry: ServerEntry, release: Release): Outputs {
  const plan = planCli(name, entry, spec.scope, spec.auth, release);
  const cli: CliOutput = {
    ...plan,
    posix: plan.argv ? posixCommand(plan.argv) + '\n' : null,
    fish: plan.argv ? fishCommand(plan.argv) + '\n' : null,
    powershell: plan.argv ? powershellCommand(plan.argv) + '\n' : null,
  };
  const scopes = 'scopes' in entry ? (entry.scopes ?? []) : [];
  return {
    name,
    entry,
    cli,
    toml: tomlBlock(name, entry),
    configPath: configPath(spec.scope),
    env: envLines(spec.envVarLines),
    login:
      spec.auth === 'oauth' && spec.transport === 'http'
        ? loginCommand(name, scopes, release)
        : null,
    verify: verifyCommands(name, release),
  };
}
