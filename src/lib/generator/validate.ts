/**
 * Field checks, each returning a message that names the problem and the fix (never throwing).
 * The rules are those Codex applies (the pinned release), checked against the real CLI in tests/conformance.
 */

import { CHANGES } from '../codex/changes.ts';
import { factsFor, proposeName } from '../codex/facts.ts';
import { CODEX_NEWEST, type Release } from '../codex/releases.ts';
import { looksLikeSecret } from '../safety/credentials.ts';
import { unsafeChar, visible, type UnsafeOptions } from '../safety/unsafe-chars.ts';

export { looksLikeSecret };

/** The names the newest release's `codex mcp add` accepts (`invalid server name` otherwise). */
export const SERVER_NAME_RE = factsFor(CODEX_NEWEST).nameRule.pattern;
/** POSIX-portable environment variable names. */
export const ENV_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** An HTTP header name is an RFC 9110 token. */
export const HEADER_NAME_RE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Codex turns seconds into a Duration; beyond this it is a typo, and near u64::MAX Codex refuses to load. */
export const MAX_TIMEOUT_SEC = 86_400;

/**
 * Checks a value for a character no field may hold (see unsafe-chars.ts): controls a terminal acts on
 * when a command is pasted, invisible and bidi characters that make what is shown differ from what is
 * copied, NUL and lone surrogates. The message names the field, the character and where it is.
 */
export function checkText(
  value: string,
  label: string,
  options: UnsafeOptions = {},
): string | undefined {
  const c = unsafeChar(value, options);
  if (!c) return undefined;
  const position = [...value.slice(0, c.index)].length + 1;
  const why =
    c.codePoint === 0
      ? 'which no command line or config file can carry'
      : c.codePoint >= 0xd800 && c.codePoint <= 0xdfff
        ? 'which no UTF-8 file or command line can carry'
        : c.codePoint === 0x0a
          ? 'a line break, which this field cannot hold'
          : c.codePoint < 0x20 || (c.codePoint >= 0x7f && c.codePoint <= 0x9f)
            ? 'a control character a terminal acts on when a command is pasted (it can run or hide commands)'
            : 'an invisible character that makes the text shown differ from the text copied';
  return `${label} contains ${c.label} at position ${position}, ${why}: remove it.`;
}

/** Checks a server name against the name rule of `release`; `undefined` when valid. */
export function checkServerName(name: string, release: Release = CODEX_NEWEST): string | undefined {
  const bad = checkText(name, 'Server name');
  if (bad) return bad;
  const rule = factsFor(release).nameRule;
  if (name === '')
    return `Server name is required: pick a short name such as "docs" (${rule.allowed}).`;
  if (name.startsWith('-'))
    return `Server name "${name}" starts with "-", which the CLI reads as an option: start it with a letter or digit.`;
  if (!rule.pattern.test(name)) {
    // Names the wider rule accepts are only refused by older releases: say which ones do accept it.
    const newer = factsFor().nameRule.pattern.test(name)
      ? ` (Codex ${CHANGES.nameRule.since} and later accept it)`
      : '';
    // Not only `add`: a session never starts an entry so named either, so the TOML block is no way round.
    return `Server name "${name}" has characters Codex ${release} refuses${newer}: its \`codex mcp add\` rejects it and its sessions never start such a server from config.toml. Use only ${rule.allowed}, for example "${proposeName(name, rule)}".`;
  }
  return undefined;
}

/** Checks the name of an environment variable held in `label`; returns an error or a warning. */
export function checkEnvName(value: string, label: string): { error?: string; warning?: string } {
  if (value === '') return { error: `${label} is empty: enter a variable name such as MY_TOKEN.` };
  const bad = checkText(value, label);
  if (bad) return { error: bad };
  if (!ENV_NAME_RE.test(value)) {
    if (looksLikeSecret(value)) {
      return {
        error: `${label} looks like a token, not a variable name: export the token in your shell and enter only the variable's name (for example MY_TOKEN) here.`,
      };
    }
    return {
      error: `${label} "${visible(value)}" is not a valid variable name: use letters, digits and "_", not starting with a digit.`,
    };
  }
  if (looksLikeSecret(value)) {
    return {
      warning: `${label} "${value}" looks like a token rather than a variable name. Codex expects the NAME of a variable that holds the token (for example MY_TOKEN).`,
    };
  }
  return {};
}

/** Checks a header name; `undefined` when valid. */
export function checkHeaderName(name: string): string | undefined {
  if (name === '')
    return 'Header name is empty: enter a name such as X-Api-Key, or remove the row.';
  const bad = checkText(name, 'Header name');
  if (bad) return bad;
  if (!HEADER_NAME_RE.test(name))
    return `Header name "${name}" is not a valid HTTP header name: use letters, digits and "-" with no spaces or colons.`;
  return undefined;
}

/** Checks a header value; `undefined` when valid. */
export function checkHeaderValue(value: string, header: string): string | undefined {
  // A tab is legal in an HTTP header value, and header values only reach the TOML file.
  return checkText(value, `Value of header ${visible(header)}`, { allowTab: true });
}

/** Checks a timeout in seconds; empty means "Codex's default". */
export function checkTimeout(raw: string, label: string): { value?: number; error?: string } {
  const v = raw.trim();
  if (v === '') return {};
  const bad = checkText(v, label);
  if (bad) return { error: bad };
  if (!/^\d+(\.\d+)?$/.test(v))
    return { error: `${label} must be a number of seconds such as 30 or 2.5 (got "${raw}").` };
  const n = Number(v);
  if (!(n > 0))
    return {
      error: `${label} must be greater than 0 seconds; leave it empty to use Codex's default.`,
    };
  if (n > MAX_TIMEOUT_SEC)
    return {
      error: `${label} of ${v} s is more than a day (${MAX_TIMEOUT_SEC} s): enter a smaller number.`,
    };
  return { value: n };
}

/** True for hosts that never leave the machine, where plain http is fine. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h)
  );
}

/** Checks an MCP server URL; returns an error, or warnings for legal but risky URLs. */
export function checkUrl(raw: string, label = 'URL'): { error?: string; warnings: string[] } {
  const warnings: string[] = [];
  if (raw === '')
    return {
      error: `${label} is required: enter the server's address, such as https://example.com/mcp.`,
      warnings,
    };
  const bad = checkText(raw, label);
  if (bad) return { error: bad, warnings };
  if (/\s/.test(raw))
    return {
      error: `${label} contains a space: remove it (percent-encode a space as %20).`,
      warnings,
    };
  const placeholder = /\{([^{}]*)\}/.exec(raw);
  if (placeholder)
    return {
      error: `${label} still has the placeholder {${placeholder[1]}}: fill it in.`,
      warnings,
    };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return {
      error: `${label} "${raw}" is not a complete address: it must start with https:// and name a host.`,
      warnings,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      error: `${label} must start with https:// (or http:// for a local server), not "${url.protocol}".`,
      warnings,
    };
  }
  if (url.hostname === '')
    return { error: `${label} has no host name: use the form https://host/path.`, warnings };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    warnings.push(
      `${label} uses plain http to a remote host: tokens would cross the network unencrypted. Use https:// (or a tunnel).`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    warnings.push(
      `${label} contains a user name or password, which Codex stores in plaintext: use a header or a bearer token variable instead.`,
    );
  }
  return { warnings };
}
