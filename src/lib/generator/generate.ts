/**
 * Everything a guide shows for one spec, derived from one resolved entry:
 * the `codex mcp add` command (bash/zsh, fish and PowerShell), the TOML block, env-var lines,
 * the login command and the verification commands, plus diagnostics.
 */
import { addArgv, planCli, type CliPlan } from './cli.ts';
import { factsFor, NO_BROWSER_FLAG } from '../codex/facts.ts';
import { MCP_KEYS } from '../codex/keys.ts';
import { CODEX_NEWEST, type Release } from '../codex/releases.ts';
import { reservedNameProblem } from '../codex/reserved.ts';
import { configPath } from './config-path.ts';
import { envText, envTokens, type EnvLines, type EnvTokens } from './env.ts';
import { guardEntry, guardName } from './guard.ts';
import { copied, lastAnswer } from './last-answer.ts';
import type { Diagnostic, EnvVarSpec, ServerEntry, ServerSpec } from './model.ts';
import { nameDiagnostics, resolveFields } from './resolve.ts';
import { fishCommandTokens } from './shell/fish.ts';
import { posixCommandTokens } from './shell/posix.ts';
import { powershellCommandTokens } from './shell/powershell.ts';
import { wordTokens } from './shell/words.ts';
import type { Shell } from './shells.ts';
import { linesOf, textOf, tok, type Token } from './tokens.ts';
import { namelessToml, retitle } from './toml.ts';

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
  /** Every block above as tokens, whose concatenation is exactly its text: what the page shows. */
  tokens: OutputTokens;
  /** The approval keys the settings add to the TOML block (withSettings, settings.ts); absent when none. */
  approval?: ApprovalKeys;
}

/** `default_tools_approval_mode` and `tools.TOOL.approval_mode` of `[mcp_servers.NAME]`. */
export interface ApprovalKeys {
  default_tools_approval_mode?: string;
  tools?: Record<string, { approval_mode: string }>;
}

/** The blocks of `Outputs` as tokens (see tokens.ts). */
export interface OutputTokens {
  cli: Record<Shell, Token[]> | null;
  toml: Token[];
  env: EnvTokens | null;
  login: Token[] | null;
  verify: Token[];
}

/** The outputs that depend only on the server name, kept while another field is invalid. */
export interface Standalone {
  /** The OAuth login command, when the entry signs in with OAuth and asks for no scopes. */
  login: string | null;
  verify: string;
  tokens: Pick<OutputTokens, 'login' | 'verify'>;
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
 * has `--no-browser` (0.156.0 on); with `noBrowser`, that variant itself (the plain command where
 * the release lacks the option: headless.ts says what to do there). Null when not portable.
 */
export function loginTokens(
  name: string,
  scopes: readonly string[] = [],
  release: Release = CODEX_NEWEST,
  noBrowser = false,
): Token[] | null {
  const argv = ['codex', 'mcp', 'login', name];
  const scopesFlag = MCP_KEYS['scopes']?.loginFlag;
  if (scopes.length > 0 && scopesFlag !== undefined) argv.push(scopesFlag, scopes.join(','));
  if (argv.some((word) => portableWord(word) === null)) return null;
  const cmd = wordTokens(argv, (word) => portableWord(word) ?? word);
  if (!factsFor(release).loginFlags.includes(NO_BROWSER_FLAG)) return linesOf([cmd]);
  if (noBrowser) return linesOf([[...cmd, tok('plain', ' '), tok('flag', NO_BROWSER_FLAG)]]);
  const note = `# No browser on this machine (SSH, container)? Add ${NO_BROWSER_FLAG} and paste the callback URL back.`;
  return linesOf([cmd, [tok('comment', note)]]);
}

/** The login block's text (see loginTokens). */
export function loginCommand(
  name: string,
  scopes: readonly string[] = [],
  release: Release = CODEX_NEWEST,
  noBrowser = false,
): string | null {
  const tokens = loginTokens(name, scopes, release, noBrowser);
  return tokens && textOf(tokens);
}

/** The verification commands for a server name as tokens, those Codex `release` has (names it accepts are always portable). */
export function verifyTokens(name: string, release: Release = CODEX_NEWEST): Token[] {
  const quote = (word: string) => portableWord(word) ?? `'${word}'`;
  const commands = factsFor(release).commands;
  const lines = [
    commands.includes('mcp list') ? ['codex', 'mcp', 'list'] : [],
    commands.includes('mcp get') ? ['codex', 'mcp', 'get', name, '--json'] : [],
    commands.includes('doctor') ? ['codex', 'doctor'] : [],
  ];
  return linesOf(lines.filter((argv) => argv.length > 0).map((argv) => wordTokens(argv, quote)));
}

/** The verification block's text (see verifyTokens). */
export const verifyCommands = (name: string, release: Release = CODEX_NEWEST): string =>
  textOf(verifyTokens(name, release));

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
  const login = oauth && noScopes ? loginTokens(name, [], release) : null;
  const verify = verifyTokens(name, release);
  return {
    standalone: {
      login: login && textOf(login),
      verify: textOf(verify),
      tokens: { login, verify },
    },
  };
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
  // The same checks, in the same order, as resolveSpec: the notes and the name's, then every other field's.
  const diagnostics = nameDiagnostics(spec, release).list;
  const fields = nameless({ ...spec, name: '' }, release);
  for (const d of fields.diagnostics) diagnostics.push({ ...d });
  const entry = diagnostics.some((d) => d.severity === 'error') ? null : fields.entry;
  // A name Codex keeps for its own server: the entry would never start, so no output is shown.
  const reserved = reservedNameProblem(spec.name.trim());
  if (reserved) diagnostics.push({ field: 'name', severity: 'error', message: reserved });
  const name = spec.name.trim();
  // The field checks have spoken; the guard looks once more at exactly what the outputs will carry.
  if (entry && !reserved)
    for (const d of [...guardName(name), ...fields.guard]) diagnostics.push({ ...d });
  if (!entry || !fields.outputs || diagnostics.some((d) => d.severity === 'error'))
    return { diagnostics, outputs: null, ...standaloneOf(spec, diagnostics, release) };
  return { diagnostics, outputs: outputsOf(spec, name, fields.outputs, release) };
}

/**
 * What a spec gives whatever its server name (generateChecked passes it with an empty one): every
 * other field's diagnostics and entry, the guard's errors for them, and, when those pass, the
 * outputs that do not hold the name. The last answer is kept (last-answer.ts): a keystroke in the
 * name field, or a render with nothing changed, redoes none of it. What is handed out is copied
 * (diagnostics, the entry, the plan, every list), so no caller can change the kept answer; only
 * the tokens are shared, which are read-only (tokens.ts) and shared between blocks already.
 */
const nameless = lastAnswer((spec: ServerSpec, release: Release) => {
  const { entry, diagnostics } = resolveFields(spec);
  const ok = !diagnostics.some((d) => d.severity === 'error');
  const guard = ok ? guardEntry(entry, spec.envVarLines) : [];
  const outputs =
    ok && guard.length === 0
      ? {
          entry,
          // planCli's argv holds the name: outputsOf writes it.
          plan: planCli('', entry, spec.scope, spec.auth, release),
          toml: namelessToml(entry),
          env: envOutputs(spec.envVarLines),
        }
      : undefined;
  return { entry, diagnostics, guard, outputs };
});

/** The variables' lines for each shell, as tokens and as text. */
function envOutputs(lines: readonly EnvVarSpec[]): { tokens: EnvTokens; text: EnvLines } | null {
  const tokens = envTokens(lines);
  return tokens && { tokens, text: envText(tokens) };
}

type Nameless = NonNullable<ReturnType<typeof nameless>['outputs']>;

/** Every output of a valid, guarded entry. */
function outputsOf(spec: ServerSpec, name: string, known: Nameless, release: Release): Outputs {
  const entry = copied(known.entry);
  const argv = known.plan.argv && addArgv(name, entry, release);
  const plan = { ...known.plan, argv, missing: known.plan.missing.slice() };
  const cliTokens = argv && {
    posix: linesOf([posixCommandTokens(argv)]),
    fish: linesOf([fishCommandTokens(argv)]),
    powershell: linesOf([powershellCommandTokens(argv)]),
  };
  const cli: CliOutput = {
    ...plan,
    posix: cliTokens && textOf(cliTokens.posix),
    fish: cliTokens && textOf(cliTokens.fish),
    powershell: cliTokens && textOf(cliTokens.powershell),
  };
  const scopes = 'scopes' in entry ? (entry.scopes ?? []) : [];
  // generateChecked has guarded this name and entry (and more: the variable lines).
  const toml = retitle(name, known.toml);
  const env = known.env;
  const oauth = spec.auth === 'oauth' && spec.transport === 'http';
  const login = oauth ? loginTokens(name, scopes, release) : null;
  const verify = verifyTokens(name, release);
  return {
    name,
    entry,
    cli,
    toml: toml.text,
    configPath: configPath(spec.scope),
    env: env && { ...env.text },
    login: login && textOf(login),
    verify: textOf(verify),
    tokens: {
      cli: cliTokens,
      toml: toml.tokens,
      env: env && {
        posix: env.tokens.posix.slice(),
        fish: env.tokens.fish.slice(),
        powershell: env.tokens.powershell.slice(),
      },
      login,
      verify,
    },
  };
}
