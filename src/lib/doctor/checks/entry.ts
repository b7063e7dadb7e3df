/**
 * Entry rules, Codex's second check once the keys have their types: one transport per entry (mixed
 * transports, an inline bearer token), usable timeouts, known env_vars sources, OAuth key pairs.
 */
import {
  ENV_VAR_SOURCES,
  enumIn,
  factsFor,
  foreignKeys,
  valueRule,
  type Release,
} from '../../codex/index.ts';
import { MAX_TIMEOUT_SEC } from '../../generator/validate.ts';
import type { Findings } from '../findings.ts';
import { URL_ALIASES } from '../schema.ts';
import { isNumber, isTable, type Table } from '../types.ts';

/** The transport Codex picks: command wins over url. */
export function transportOf(t: Table): 'stdio' | 'http' | null {
  return 'command' in t ? 'stdio' : 'url' in t ? 'http' : null;
}

/** Applies every entry rule of `release` to a table whose transport is `transport`. */
export function checkEntryRules(
  t: Table,
  transport: 'stdio' | 'http' | null,
  out: Findings,
  release: Release,
): void {
  checkTransport(t, transport, out, release);
  checkValues(t, out, release);
  if (transport === 'http') checkHttpRules(t, out, release);
}

/** One transport per entry, and no inline bearer token. */
function checkTransport(
  t: Table,
  transport: 'stdio' | 'http' | null,
  out: Findings,
  release: Release,
): void {
  if (transport === null) {
    const alias = URL_ALIASES.find((a) => typeof t[a] === 'string');
    out.reject(
      [],
      `This entry has neither \`command\` (a local server) nor \`url\` (a remote server), so Codex cannot tell how to reach it and refuses the file ("invalid transport").${alias ? ` It has \`${alias}\`: Codex calls that \`url\`.` : ''}`,
      'invalid transport',
    );
    if ('bearer_token' in t)
      out.reject(
        ['bearer_token'],
        'bearer_token (an inline token) is not accepted by Codex: put the token in an environment variable and name it in bearer_token_env_var.',
      );
  } else {
    const codexTransport = transport === 'stdio' ? 'stdio' : 'streamable_http';
    // In the order of the entry, so the findings read like the file.
    const foreign = new Set(foreignKeys(transport, release));
    for (const key of Object.keys(t)) {
      if (foreign.has(key)) {
        const why =
          transport === 'stdio'
            ? 'a local (stdio) server, because it has `command`'
            : 'a remote (streamable HTTP) server, because it has `url`';
        out.reject(
          [key],
          `\`${key}\` belongs to the other transport: this entry is ${why}, and Codex refuses to mix the two. Remove one side.`,
          `${key} is not supported for ${codexTransport}`,
        );
      }
    }
    if ('bearer_token' in t) {
      out.reject(
        ['bearer_token'],
        'Codex no longer accepts an inline `bearer_token`: export the token in an environment variable and set `bearer_token_env_var` to its name. The corrected block does this.',
        `bearer_token is not supported for ${codexTransport}`,
      );
    }
    if (transport === 'stdio' && 'scopes' in t)
      out.ignore(
        ['scopes'],
        'scopes only matter to `codex mcp login`, which works for remote (HTTP) servers only: Codex ignores them here.',
        'info',
      );
  }
}

/** Timeouts and env_vars sources, checked after the types. */
function checkValues(t: Table, out: Findings, release: Release): void {
  for (const key of ['startup_timeout_sec', 'tool_timeout_sec'] as const) {
    const v = t[key];
    if (isNumber(v)) checkSeconds(key, v, out);
  }
  if (Array.isArray(t['env_vars'])) {
    const sources = enumIn(ENV_VAR_SOURCES, release);
    for (const item of t['env_vars']) {
      const source = isTable(item) ? item['source'] : undefined;
      if (typeof source === 'string' && !sources.includes(source)) {
        out.reject(
          ['env_vars'],
          `env_vars source "${source}" is not one Codex knows: use ${sources.map((v) => `"${v}"`).join(' or ')}.`,
          `unsupported env_vars source \`${source}\`; expected ${sources.map((v) => `\`${v}\``).join(' or ')}`,
        );
      }
    }
  }
}

/** OAuth key pairs and the headers helper, on remote entries; each rule only where `release` reads its keys. */
function checkHttpRules(t: Table, out: Findings, release: Release): void {
  const oauth = t['oauth'];
  const reads = (key: string): boolean => valueRule(key, release) !== undefined;
  if (isTable(oauth)) {
    const ema = t['auth'] === 'ema_auth';
    // A release that ignores the secret (keys.ts reports it) has neither rule about it.
    const secretRead = reads('oauth.client_secret');
    if (
      secretRead &&
      factsFor(release).clientSecretNeedsClientId &&
      'client_secret' in oauth &&
      !('client_id' in oauth)
    )
      out.reject(
        ['oauth', 'client_secret'],
        'oauth.client_secret needs oauth.client_id next to it: add the client id, or remove the secret.',
        'oauth.client_secret requires oauth.client_id',
      );
    if (secretRead && oauth['client_secret'] === '')
      out.reject(
        ['oauth', 'client_secret'],
        'oauth.client_secret is empty: remove the key, or fill it in.',
        'oauth.client_secret must not be empty',
      );
    if (
      'token_endpoint_auth_method' in oauth &&
      !ema &&
      reads('oauth.token_endpoint_auth_method')
    ) {
      if (!('client_secret' in oauth))
        out.reject(
          ['oauth', 'token_endpoint_auth_method'],
          'oauth.token_endpoint_auth_method needs oauth.client_secret.',
          'oauth.token_endpoint_auth_method requires oauth.client_secret',
        );
      out.reject(
        ['oauth', 'token_endpoint_auth_method'],
        'oauth.token_endpoint_auth_method is only for enterprise-managed auth (auth = "ema_auth"): remove it.',
        'oauth.token_endpoint_auth_method requires auth = "ema_auth"',
      );
    }
    if (
      'authorization_server_issuer' in oauth &&
      !ema &&
      reads('oauth.authorization_server_issuer')
    ) {
      out.reject(
        ['oauth', 'authorization_server_issuer'],
        'oauth.authorization_server_issuer is only for enterprise-managed auth (auth = "ema_auth"): remove it.',
        'oauth.authorization_server_issuer requires auth = "ema_auth"',
      );
    }
  }
  if (t['http_headers_helper'] === '' && reads('http_headers_helper'))
    out.reject(
      ['http_headers_helper'],
      'http_headers_helper is empty: remove it or name the helper program.',
      'http_headers_helper must not be empty',
    );
}

/**
 * Timeout rules: Codex turns seconds into a Duration, which fails for negative, NaN, infinite or
 * ≥ 2^64 s. It converts tool_timeout_sec while reading the key (the error names the key) and
 * startup_timeout_sec afterwards (the error names only the entry).
 */
function checkSeconds(key: string, v: number | bigint, out: Findings): void {
  const n = Number(v);
  const atKey = key === 'tool_timeout_sec';
  if (n < 0) {
    out.reject(
      [key],
      `\`${key}\` is negative (${String(v)}): Codex refuses to load it. Use a positive number of seconds, or remove the key for Codex's default.`,
      'cannot convert float seconds to Duration: value is negative',
      atKey,
    );
  } else if (!Number.isFinite(n) || n >= 2 ** 64) {
    out.reject(
      [key],
      `\`${key}\` (${String(v)}) is not a usable number of seconds: Codex refuses to load it. Use a number such as 60.`,
      'cannot convert float seconds to Duration: value is either too big or NaN',
      atKey,
    );
  } else if (n === 0) {
    out.risk(
      [key],
      `\`${key} = 0\` makes ${key === 'startup_timeout_sec' ? 'every start of this server' : 'every tool call'} time out at once. Remove it for Codex's default, or use a number such as 60.`,
    );
  } else if (n > MAX_TIMEOUT_SEC) {
    out.risk(
      [key],
      `\`${key}\` is ${String(v)} seconds, more than a day: milliseconds written as seconds? Codex takes it as seconds.`,
      'info',
    );
  }
}
