/**
 * What one Codex release does, looked up by version: its server-name rule and the exact refusal,
 * the first line of its error when it refuses a config.toml (per command), its `codex mcp add` and
 * `codex mcp login` flags, the keys it reads and what `codex mcp add --oauth-client-id` writes.
 * Each release-dependent fact comes from one entry of changes.ts.
 */
import { CHANGES, type Change, type RuntimeChangeId } from './changes.ts';
import { keysIn } from './keys.ts';
import { CODEX_NEWEST, inRange, type Release } from './releases.ts';

/** The subcommands of `codex mcp` that read config.toml before doing anything. */
export type ConfigCommand = 'get' | 'list' | 'add' | 'login' | 'remove';

/** A server-name rule: what `codex mcp add NAME` accepts, and the list its refusal quotes. */
export interface NameRule {
  pattern: RegExp;
  /** The text inside "(use …)" of the refusal. */
  allowed: string;
}

const NARROW_NAMES: NameRule = {
  pattern: /^[A-Za-z0-9_-]+$/,
  allowed: "letters, numbers, '-', '_'",
};
const WIDE_NAMES: NameRule = {
  pattern: /^[A-Za-z0-9_:@/.-]+$/,
  allowed: "letters, numbers, '-', '_', ':', '@', '/', '.'",
};

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
  /** Keys of `[mcp_servers.NAME]` the release reads (sub-keys dotted). */
  keys: string[];
  /** Keys of the `transport` object of `codex mcp get --json` for an HTTP server, in order. */
  getJsonHttpTransport: string[];
  /** `codex mcp add --oauth-client-id` writes `oauth.callback_url` too. */
  addWritesCallbackUrl: boolean;
  /** `codex mcp add --url … --oauth-client-id …` prints the "may or may not require login" hint. */
  addPrintsLoginHint: boolean;
  /** Loading `oauth.client_secret` without `oauth.client_id` is refused. */
  clientSecretNeedsClientId: boolean;
}

const has = (release: Release, change: Change): boolean => inRange(release, { from: change.since });

/** The exact refusal line `codex mcp add` prints for a name its rule rejects. */
export function nameRefusal(name: string, rule: NameRule): string {
  return `invalid server name '${name}' (use ${rule.allowed})`;
}

function addFlagsOf(release: Release): string[] {
  const flags = ['--env', '--url', '--bearer-token-env-var', '--oauth-client-id'];
  if (has(release, CHANGES.clientSecret)) flags.push('--oauth-client-secret');
  if (has(release, CHANGES.oauthClientRegistration)) flags.push('--oauth-client-registration');
  flags.push('--oauth-resource');
  return flags;
}

function loginFlagsOf(release: Release): string[] {
  const flags = ['--scopes'];
  if (has(release, CHANGES.oauthClientRegistration)) flags.push('--oauth-client-registration');
  if (has(release, CHANGES.loginNoBrowser)) flags.push('--no-browser');
  return flags;
}

/** The facts for `release` (any `N.N.N`; outside the supported window they are extrapolated). */
export function factsFor(release: Release = CODEX_NEWEST): CodexFacts {
  const bootstrap = has(release, CHANGES.bootstrapMessage) ? BOOTSTRAP_LOAD : OLD_LOAD;
  const transport = ['type', 'url', 'bearer_token_env_var', 'http_headers', 'env_http_headers'];
  if (has(release, CHANGES.httpHeadersHelper)) transport.push('http_headers_helper');
  const configRefusal: Record<ConfigCommand, string> = {
    get: bootstrap,
    list: bootstrap,
    login: bootstrap,
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
      add: fileLine('add'),
      remove: false,
    },
    addFlags: addFlagsOf(release),
    loginFlags: loginFlagsOf(release),
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
