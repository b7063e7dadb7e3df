/**
 * Field checks, each returning a message that names the problem and the fix (never throwing).
 * The rules are those Codex applies (the pinned release), checked against the real CLI in tests/conformance.
 */

import { looksLikeSecret } from './credentials.ts';

export { looksLikeSecret };

/** `codex mcp add` accepts exactly these names (`invalid server name` otherwise). */
export const SERVER_NAME_RE = /^[A-Za-z0-9_:@/.-]+$/;
/** POSIX-portable environment variable names. */
export const ENV_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** An HTTP header name is an RFC 9110 token. */
export const HEADER_NAME_RE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Codex turns seconds into a Duration; beyond this it is a typo, and near u64::MAX Codex refuses to load. */
export const MAX_TIMEOUT_SEC = 86_400;

// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f]/;
/** Checks a server name; `undefined` when valid. */
export function checkServerName(name: string): string | undefined {
  if (name === '') return 'Server name is required: pick a short name such as "docs" (letters, digits, - _ : @ / .).';
  if (name.startsWith('-')) return `Server name "${name}" starts with "-", which the CLI reads as an option: start it with a letter or digit.`;
  if (!SERVER_NAME_RE.test(name)) {
    return `Server name "${name}" has characters Codex rejects: use only letters, digits, "-", "_", ":", "@", "/" and ".".`;
  }
  return undefined;
}

/** Checks the name of an environment variable held in `label`; returns an error or a warning. */
export function checkEnvName(value: string, label: string): { error?: string; warning?: string } {
  if (value === '') return { error: `${label} is empty: enter a variable name such as MY_TOKEN.` };
  if (!ENV_NAME_RE.test(value)) {
    if (looksLikeSecret(value)) {
      return { error: `${label} looks like a token, not a variable name: export the token in your shell and enter only the variable's name (for example MY_TOKEN) here.` };
    }
    return { error: `${label} "${value}" is not a valid variable name: use letters, digits and "_", not starting with a digit.` };
  }
  if (looksLikeSecret(value)) {
    return { warning: `${label} "${value}" looks like a token rather than a variable name. Codex expects the NAME of a variable that holds the token (for example MY_TOKEN).` };
  }
  return {};
}

/** Checks a header name; `undefined` when valid. */
export function checkHeaderName(name: string): string | undefined {
  if (name === '') return 'Header name is empty: enter a name such as X-Api-Key, or remove the row.';
  if (!HEADER_NAME_RE.test(name)) return `Header name "${name}" is not a valid HTTP header name: use letters, digits and "-" with no spaces or colons.`;
  return undefined;
}

/** Checks a header value; `undefined` when valid. */
export function checkHeaderValue(value: string, header: string): string | undefined {
  if (CONTROL_RE.test(value.replace(/\t/g, ''))) return `Value of header ${header} contains a line break or control character, which HTTP forbids: remove it.`;
  return undefined;
}

/** Checks a timeout in seconds; empty means "Codex's default". */
export function checkTimeout(raw: string, label: string): { value?: number; error?: string } {
  const v = raw.trim();
  if (v === '') return {};
  if (!/^\d+(\.\d+)?$/.test(v)) return { error: `${label} must be a number of seconds such as 30 or 2.5 (got "${raw}").` };
  const n = Number(v);
  if (!(n > 0)) return { error: `${label} must be greater than 0 seconds; leave it empty to use Codex's default.` };
  if (n > MAX_TIMEOUT_SEC) return { error: `${label} of ${v} s is more than a day (${MAX_TIMEOUT_SEC} s): enter a smaller number.` };
  return { value: n };
}

/** True for hosts that never leave the machine, where plain http is fine. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** Checks an MCP server URL; returns an error, or warnings for legal but risky URLs. */
export function checkUrl(raw: string, label = 'URL'): { error?: string; warnings: string[] } {
  const warnings: string[] = [];
  if (raw === '') return { error: `${label} is required: enter the server's address, such as https://example.com/mcp.`, warnings };
  if (/\s/.test(raw) || CONTROL_RE.test(raw)) return { error: `${label} contains spaces or control characters: remove them (percent-encode a space as %20).`, warnings };
  const placeholder = /\{([^{}]*)\}/.exec(raw);
  if (placeholder) return { error: `${label} still has the placeholder {${placeholder[1]}}: fill it in.`, warnings };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { error: `${label} "${raw}" is not a complete address: it must start with https:// and name a host.`, warnings };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: `${label} must start with https:// (or http:// for a local server), not "${url.protocol}".`, warnings };
  }
  if (url.hostname === '') return { error: `${label} has no host name: use the form https://host/path.`, warnings };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    warnings.push(`${label} uses plain http to a remote host: tokens would cross the network unencrypted. Use https:// (or a tunnel).`);
  }
  if (url.username !== '' || url.password !== '') {
    warnings.push(`${label} contains a user name or password, which Codex stores in plaintext: use a header or a bearer token variable instead.`);
  }
  return { warnings };
}

/** Checks a free-text value that ends up in a file or on a command line (no NUL, which neither can carry). */
export function checkText(value: string, label: string): string | undefined {
  if (value.includes('\u0000')) return `${label} contains a NUL character, which no command line or config file can carry: remove it.`;
  return undefined;
}
