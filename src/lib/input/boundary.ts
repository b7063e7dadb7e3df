/**
 * The one boundary for outside values of the generator form and of share links: each reader takes
 * what a person typed, pasted or a link holds, and gives the entry they plainly meant (with a note
 * saying how it was read) or a refusal naming the field and the fix. Hosts are judged the way
 * Codex's URL parser sees them (WHATWG `new URL`), never by how they look.
 */
import { variableReference } from '../safety/placeholders.ts';
import { unsafeChar } from '../safety/unsafe-chars.ts';

/** What the boundary made of one value: the value meant (and how it was read), or a refusal. */
export type Reading = { value: string; note?: string } | { refused: string };

/** Text as pasted, without what only the clipboard added: a leading BOM, CR line ends, surrounding blanks. */
export function outside(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trim();
}

/** A value still holding a stand-in the reader must replace (`{tenant}`, `YOUR-INSTANCE`). */
export function holdsPlaceholder(value: string): boolean {
  return /\{[A-Za-z_][A-Za-z0-9_-]*\}|\bYOUR[-_]/.test(value);
}

/** The host (with a port when not the default) Codex connects to for `url`, or undefined when it names none. */
export function realHost(url: string): string | undefined {
  try {
    const host = new URL(url).host;
    return host === '' ? undefined : host;
  } catch {
    return undefined;
  }
}

/** The registrable domain of a provider's example host (`acme.omniapp.co` -> `omniapp.co`), unless it is a reserved example. */
export function vendorDomain(exampleHost: string): string | undefined {
  const host = exampleHost.trim().toLowerCase();
  if (
    !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(host) ||
    /(^|\.)(example\.(com|org|net)|example|test|invalid|localhost)$/.test(host)
  )
    return undefined;
  return host.split('.').slice(-2).join('.');
}

/** A URL param that is the whole host of a provider's endpoint (`https://{instance}/mcp/https`). */
export interface HostParam {
  /** The form's label, which every message names. */
  label: string;
  /** The endpoint template. */
  template: string;
  key: string;
  /** The provider's example host (its domain decides what counts as the vendor's own page). */
  example: string;
  placeholder: string;
  provider: string;
}

/** The path a host param's template adds after the host (`/mcp/https`). */
export function templatePath(param: Pick<HostParam, 'template' | 'key'>): string {
  return param.template.slice(`https://{${param.key}}`.length);
}

// Characters that make the host Codex connects to differ from the host the text shows.
const HOST_TRICK = /[?#\\@%\s]/;

/**
 * Reads a host field. A full URL, a trailing slash, a query, the provider's own path or another
 * page of the vendor's site give the host; a different path, a scheme other than http(s) or a
 * host that is not what it shows (`evil.com%3F.omniapp.co`, `#`, `\`, `?@`, non-ASCII) is refused.
 */
export function readHost(raw: string, p: HostParam): Reading {
  const text = outside(raw);
  // Empty, or holding a refused character: the generator's checks name those at the field.
  if (text === '' || unsafeChar(text)) return { value: text };
  const example = `for example ${p.placeholder}`;
  let rest = text;
  let scheme = '';
  for (
    let m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
    m;
    m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest)
  ) {
    scheme = m[1]!.toLowerCase();
    rest = rest.slice(m[0].length);
  }
  if (scheme !== '' && scheme !== 'https' && scheme !== 'http')
    return {
      refused: `${p.label} starts with ${scheme}://: enter only the host name, ${example}.`,
    };
  const shown = rest.split('/')[0]!;
  const trick = HOST_TRICK.exec(shown);
  if (trick) {
    const real = realHost(`https://${rest}`);
    const what = /\s/.test(trick[0]) ? 'a space' : `"${trick[0]}"`;
    return {
      refused: `${p.label} "${shown}" holds ${what}, so it does not name the host it shows${real ? `: Codex would connect to ${real}` : ''}. Enter only the host name, ${example}.`,
    };
  }
  if (shown === '')
    return { refused: `${p.label} names no host: enter the host name, ${example}.` };
  let url: URL;
  try {
    url = new URL(`https://${rest}`);
  } catch {
    return {
      refused: `${p.label} "${shown}" is not a host name: enter only the host, ${example}.`,
    };
  }
  const shownHost = shown.replace(/:\d*$/, '');
  if (url.hostname !== shownHost.toLowerCase())
    return {
      refused: `${p.label} "${shown}" is read by Codex as the host ${url.hostname}, which is not what it shows (non-ASCII letters or a trailing dot): enter the host in plain ASCII, ${example}.`,
    };
  const host = url.port ? `${shownHost}:${url.port}` : shownHost;
  const pathText = rest.slice(shown.length);
  const path = pathText
    .split(/[?#]/)[0]!
    .replace(/\/{2,}/g, '/')
    .replace(/\/$/, '');
  const own = templatePath(p);
  const vendor = vendorDomain(p.example);
  const vendorPage =
    vendor !== undefined &&
    (url.hostname === vendor || url.hostname.endsWith(`.${vendor}`)) &&
    !/mcp/i.test(path);
  if (path !== '' && path !== own && !vendorPage)
    return {
      refused: `${p.label}: the address ends in ${path}, but ${p.provider} is reached at https://${host}${own}. Enter only the host (${host}) if that is your instance, or check that you copied your ${p.provider} address.`,
    };
  if (host === text) return { value: host };
  const dropped = [
    scheme === 'http' ? 'http:// (the address uses https://)' : scheme ? 'https://' : '',
    path === '' ? '' : path === own ? `the path ${own}` : `the page ${path}`,
    /[?#]/.test(pathText) ? 'the query or fragment' : '',
  ].filter(Boolean);
  return {
    value: host,
    note: `Read as the host ${host}${dropped.length ? `, leaving out ${dropped.join(', ')}` : ''}: the page builds the address https://${host}${own} itself.`,
  };
}

/**
 * Reads a whole server URL (the "any MCP server" field): a bare host/path gets https://, and an
 * address whose host part holds `\`, `?`, `#`, `%` or a blank is refused, naming the host Codex
 * would really use.
 */
export function readServerUrl(raw: string, label: string): Reading {
  const text = outside(raw);
  if (text === '' || unsafeChar(text) || holdsPlaceholder(text)) return { value: text };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text);
  const full =
    !hasScheme && /^[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?(\/|$)/.test(text)
      ? `https://${text}`
      : text;
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/]*)/i.exec(full)?.[1];
  const trick = authority === undefined ? null : /[?#\\%\s]/.exec(authority);
  if (trick) {
    const real = realHost(full);
    return {
      refused: `${label} "${full}" holds "${trick[0]}" before its path, so it does not go to the host it shows${real ? `: Codex would connect to ${real}` : ''}. Enter the address as https://host/path.`,
    };
  }
  if (full === text) return { value: text };
  return {
    value: full,
    note: `Read as ${full}: an address without a scheme is taken as https://.`,
  };
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const NAME_FORMS: [RegExp, string][] = [
  [new RegExp(`^export\\s+(${NAME})(=[^]*)?$`), 'an export line'],
  [new RegExp(`^set\\s+-[a-zA-Z]+\\s+(${NAME})(\\s[^]*)?$`), 'a fish set line'],
  [new RegExp(`^(${NAME})=[^]*$`), 'a NAME=value line'],
  [new RegExp(`^\\$(?:env:)?(${NAME})$`), 'a variable reference'],
];

/** Reads a variable-name field: `export NAME=value`, `NAME=value`, `$NAME`, `${NAME}`, `%NAME%`, `$env:NAME` give NAME. */
export function readVariableName(raw: string, label: string): Reading {
  const text = outside(raw);
  const ref = variableReference(text);
  if (ref) return { value: ref, note: `${label}: read ${text} as the variable name ${ref}.` };
  for (const [re, what] of NAME_FORMS) {
    const m = re.exec(text);
    if (!m) continue;
    const name = m[1]!;
    // The value may be a credential: the note never repeats it, and only the name is kept.
    const valued = text.includes('=') || (m[2] ?? '').trim() !== '';
    const value = valued ? ' The value is not used here: set it in your shell.' : '';
    return {
      value: name,
      note: `${label}: read ${what} as the variable name ${name}.${value}`,
    };
  }
  return { value: text };
}

/**
 * Reads a list field (tool names, scopes, variable names): items separated by commas, line breaks
 * or blanks (none of these names holds a blank), a pasted `["a", "b"]` array read as its items.
 */
export function readWordList(raw: string, label: string): { items: string[]; note?: string } {
  let text = outside(raw);
  const array = /^\[[^]*\]$/.test(text);
  if (array) text = text.slice(1, -1);
  const byComma = text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const items = text
    .split(/[,\s]+/)
    .map((s) => s.replace(/^(["'])(.*)\1$/, '$2'))
    .filter(Boolean);
  const changed =
    array || items.length !== byComma.length || items.some((w, i) => w !== byComma[i]);
  if (!changed) return { items };
  return {
    items,
    note: `${label}: read as ${items.length === 1 ? '1 entry' : `${items.length} entries`} (${items.map((w) => `\`${w}\``).join(', ')}); separate entries with commas or line breaks.`,
  };
}

/** Reads the value field of a named header: a whole `Name: value` line (or a curl `-H` option) for that header gives its value. */
export function readHeaderValue(raw: string, header: string, label: string): Reading {
  const text = outside(raw);
  const curl = /^(?:-H|--header)\s*(["']?)([^]*)\1$/.exec(text);
  const line = curl ? curl[2]!.trim() : text;
  const colon = line.indexOf(':');
  const name =
    colon < 0
      ? ''
      : line
          .slice(0, colon)
          .trim()
          .replace(/^"(.*)"$/, '$1');
  if (name.toLowerCase() !== header.toLowerCase()) return { value: text };
  const value = line
    .slice(colon + 1)
    .trim()
    .replace(/,$/, '')
    .replace(/^"(.*)"$/, '$1');
  return {
    value,
    note: `${label}: read the whole "${header}: …" line as its value; this field takes the value only.`,
  };
}

/** Reads a timeout: `30`, `30s`, `30 seconds`, `2m`, `2 minutes` give seconds. */
export function readTimeout(raw: string, label: string): Reading {
  const text = outside(raw);
  const m = /^(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds?|m|min|mins|minutes?)$/i.exec(text);
  if (!m) return { value: text };
  const minutes = /^m/i.test(m[2]!);
  const value = minutes ? String(Number(m[1]) * 60) : m[1]!;
  return { value, note: `${label}: read ${text} as ${value} seconds.` };
}
