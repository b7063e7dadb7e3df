/**
 * What one Codex release does, looked up by version: its server-name rule and the exact refusal,
 * the first line of its error when it refuses a config.toml (per command), its `codex mcp add` and
 * `codex mcp login` flags, the keys it reads and what `codex mcp add --oauth-client-id` writes.
 * Each release-dependent fact comes from one entry of changes.ts.
 */
import { CHANGES, type Change, type RuntimeChangeId } from './changes.ts';
import { keysIn, MCP_KEYS } from './keys.ts';
import { CODEX_NEWEST, inRange, type Release } from './releases.ts';

/** The subcommands of `codex mcp` that read config.toml before doing anything. */
export type ConfigCommand = 'get' | 'list' | 'add' | 'login' | 'logout' | 'remove';

/**
 * A server-name rule: what `codex mcp add NAME` accepts, and also the only names a session starts (an
 * entry of config.toml with another name loads, but is never started), with the words of both refusals.
 */
export interface NameRule {
  pattern: RegExp;
  /** Every run of characters the rule refuses (global), for proposing a name it accepts. */
  refused: RegExp;
  /** The text inside "(use …)" of the refusal. */
  allowed: string;
  /** The pattern as a session's refusal prints it (`must match pattern …`). */
  printed: string;
}

/** A rule from the one character class it allows, so the pattern and its complement cannot drift. */
function nameRule(chars: string, allowed: string): NameRule {
  return {
    pattern: new RegExp(`^[${chars}]+$`),
    refused: new RegExp(`[^${chars}]+`, 'g'),
    allowed,
    // Codex prints the class lower case first.
    printed: `^[a-zA-Z${chars.slice('A-Za-z'.length)}]+$`,
  };
}

const NARROW_NAMES = nameRule('A-Za-z0-9_-', "letters, numbers, '-', '_'");
const WIDE_NAMES = nameRule('A-Za-z0-9_:@/.-', "letters, numbers, '-', '_', ':', '@', '/', '.'");

const OLD_LOAD = 'failed to load configuration';
const BOOTSTRAP_LOAD = 'failed to load bootstrap configuration';

/** Everything release-dependent the suite and the pages need about one release. */
export interface CodexFacts {
  release: Release;
  nameRule: NameRule;
  /** The first line of each command's error (after "Error: ") when config.toml is refused. */
  configRefusal: Record<ConfigCommand, string>;
  /** Per command: the cause starts with a "0: FILE:1:1: …" line even for a rule violation (the older wording). */
  causeHasFileLine: Record<ConfigCommand, boolean>;
  addFlags: string[];
  loginFlags: string[];
  /** The commands the generated outputs run (`codex …`), each one the release's `--help` lists. */
  commands: OutputCommand[];
  /** Keys of `[mcp_servers.NAME]` the release reads (sub-keys dotted). */
  keys: string[];
  /** Keys of the `transport` object of `codex mcp get --json` for an HTTP server, in order. */
  getJsonHttpTransport: string[];
  /** `codex mcp add --oauth-client-id` writes `oauth.callback_url` too. */
  addWritesCallbackUrl: boolean;
  /**
   * `codex mcp add --url …` prints the "may or may not require login" hint when its OAuth check fails
   * (the host cannot be reached, say), with or without `--oauth-client-id`.
   */
  addPrintsLoginHint: boolean;
  /** Loading `oauth.client_secret` without `oauth.client_id` is refused. */
  clientSecretNeedsClientId: boolean;
}

/** A command the generated outputs use: `codex mcp add`, the login and the verification lines. */
export type OutputCommand = 'mcp add' | 'mcp login' | 'mcp list' | 'mcp get' | 'doctor';

// Every probed release has all of them (0.140.0 to the newest; no entry in changes.ts), proven by
// tests/conformance/release-facts.test.ts "commands": when one appears or goes, it gets a change.
const OUTPUT_COMMANDS: readonly OutputCommand[] = [
  'mcp add',
  'mcp login',
  'mcp list',
  'mcp get',
  'doctor',
];

const has = (release: Release, change: Change): boolean => inRange(release, { from: change.since });

/**
 * A name `rule` accepts, made from one it refuses: each run of refused characters becomes "-", and
 * leading or trailing "-" go (a leading "-" reads as an option). `a.b` → `a-b` before 0.152.0.
 */
export function proposeName(name: string, rule: Pick<NameRule, 'refused'>): string {
  const dashed = name.trim().replace(rule.refused, '-');
  // A loop, not /^-+|-+$/: that regex backtracks quadratically over a long run of "-".
  let start = 0;
  let end = dashed.length;
  while (start < end && dashed[start] === '-') start += 1;
  while (end > start && dashed[end - 1] === '-') end -= 1;
  const fixed = dashed.slice(start, end);
  return fixed === '' ? 'server' : fixed;
}

/** The exact refusal line `codex mcp add` prints for a name its rule rejects. */
export function nameRefusal(name: string, rule: NameRule): string {
  return `invalid server name '${name}' (use ${rule.allowed})`;
}

/**
 * What a session says about a config.toml entry whose name `rule` refuses, when the entry has
 * `required = true` (without it, the server is skipped without a word).
 */
export function sessionNameRefusal(name: string, rule: NameRule): string {
  return `Invalid MCP server name '${name}': must match pattern ${rule.printed}`;
}

/** The flags a key of the table gives a command in `release` (`-- COMMAND` is a separator, not a flag). */
function keyFlags(release: Release, which: 'addFlag' | 'loginFlag'): string[] {
  return Object.values(MCP_KEYS)
    .filter((fact) => fact.range === undefined || inRange(release, fact.range))
    .map((fact) => fact[which])
    .filter((flag): flag is string => flag !== undefined && /^--[a-z]/.test(flag));
}

/** `codex mcp login`'s option for a machine without a browser (0.156.0 on). */
export const NO_BROWSER_FLAG = '--no-browser';

function addFlagsOf(release: Release): string[] {
  const flags = keyFlags(release, 'addFlag');
  if (has(release, CHANGES.oauthClientRegistration)) flags.push('--oauth-client-registration');
  return flags;
}

function loginFlagsOf(release: Release): string[] {
  const flags = keyFlags(release, 'loginFlag');
  if (has(release, CHANGES.oauthClientRegistration)) flags.push('--oauth-client-registration');
  if (has(release, CHANGES.loginNoBrowser)) flags.push(NO_BROWSER_FLAG);
  return flags;
}

// Facts are asked for on every keystroke (each field check names its release): build each release's once.
const FACTS = new Map<Release, CodexFacts>();

/** The facts for `release` (any `N.N.N`; outside the supported window they are extrapolated). Treat as read-only. */
export function factsFor(release: Release = CODEX_NEWEST): CodexFacts {
  const known = FACTS.get(release);
  if (known) return known;
  const facts = buildFacts(release);
  FACTS.set(release, facts);
  return facts;
}

function buildFacts(release: Release): CodexFacts {
  const bootstrap = has(release, CHANGES.bootstrapMessage) ? BOOTSTRAP_LOAD : OLD_LOAD;
  const transport = ['type', 'url', 'bearer_token_env_var', 'http_headers', 'env_http_headers'];
  if (has(release, CHANGES.httpHeadersHelper)) transport.push('http_headers_helper');
  const configRefusal: Record<ConfigCommand, string> = {
    get: bootstrap,
    list: bootstrap,
    login: bootstrap,
    logout: bootstrap,
    add: has(release, CHANGES.addBootstrapMessage) ? BOOTSTRAP_LOAD : OLD_LOAD,
    remove: 'failed to load MCP servers from',
  };
  // The older wording comes with the older layout, whichever command prints it.
  const fileLine = (c: ConfigCommand): boolean => configRefusal[c] === OLD_LOAD;
  return {
    release,
    nameRule: has(release, CHANGES.nameRule) ? WIDE_NAMES : NARROW_NAMES,
    configRefusal,
    causeHasFileLine: {
      get: fileLine('get'),
      list: fileLine('list'),
      login: fileLine('login'),
      logout: fileLine('logout'),
      add: fileLine('add'),
      remove: false,
    },
    addFlags: addFlagsOf(release),
    loginFlags: loginFlagsOf(release),
    commands: [...OUTPUT_COMMANDS],
    keys: keysIn(release),
    getJsonHttpTransport: transport,
    addWritesCallbackUrl: has(release, CHANGES.callbackUrl),
    addPrintsLoginHint: has(release, CHANGES.addLoginHint),
    clientSecretNeedsClientId: has(release, CHANGES.clientSecret),
  };
}

/** A regex that matches the first line of `command`'s config refusal in `release`, and no other release's. */
export function configRefusalPattern(
  command: ConfigCommand,
  release: Release = CODEX_NEWEST,
): RegExp {
  const text = factsFor(release).configRefusal[command];
  return new RegExp(`^Error: ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm');
}

/**
 * The rule message and the dotted path Codex names when it refuses a config.toml, read from its
 * stderr in either layout ("Caused by:\n MSG\n in `PATH`", or before 0.147.0 the same under a
 * "0: FILE:1:1: MSG" / "1: MSG" numbered list). Null when stderr has no such cause.
 */
export function refusalCause(stderr: string): { message: string; path: string } | null {
  const m = /Caused by:\n(?:\s*0: .*\n)?\s*(?:1: )?(.+)\n\s*in `([^`]*)`/.exec(stderr);
  return m ? { message: (m[1] as string).trim(), path: m[2] as string } : null;
}

/** Per change that only a real session shows: whether `release` has it (read by the runtime suite). */
export function runtimeFactsFor(release: Release = CODEX_NEWEST): Record<RuntimeChangeId, boolean> {
  const ids = Object.keys(CHANGES) as (keyof typeof CHANGES)[];
  const runtime = ids.filter((id): id is RuntimeChangeId => 'proof' in CHANGES[id]);
  return Object.fromEntries(runtime.map((id) => [id, has(release, CHANGES[id])])) as Record<
    RuntimeChangeId,
    boolean
  >;
}
