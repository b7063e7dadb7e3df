/** Other clients' JSON formats (Claude Desktop, Cursor, VS Code, Windsurf, Cline, Gemini CLI, OpenCode...) turned into Codex's keys. */
import type { Findings } from '../findings.ts';
import { sseMessage } from '../checks/keys.ts';
import { fromVsCodeInputs } from './vscode-inputs.ts';
import { fromVsCodeVariables } from './vscode-vars.ts';
import { MCP_KEYS, topKeysIn } from '../../codex/index.ts';
import { MISTAKES } from '../schema.ts';
import { suggestionFor } from '../checks/suggest.ts';
import { isTable, type Table } from '../types.ts';
import { asStrings } from '../checks/values.ts';

// Codex keys that other clients also use, in their own sense: converted by convertKey below.
const CONVERTED = new Set(['enabled', 'oauth']);
/** Keys other clients spell the way Codex does (every other top-level key the generator writes): copied as they are. */
const SAME_KEYS = new Set(
  Object.entries(MCP_KEYS)
    .filter(([key, fact]) => fact.generated && !key.includes('.') && !CONVERTED.has(key))
    .map(([key]) => key),
);

/** One server of another client, turned into Codex's keys; what has no Codex equivalent is reported. */
export function fromClientJson(raw: Table, out: Findings): Table {
  const t: Table = {};
  for (const [key, value] of Object.entries(raw)) {
    if (SAME_KEYS.has(key)) t[key] = value;
    else convertKey(key, value, raw, t, out);
  }
  // OpenCode writes the program and its arguments as one list.
  if (
    Array.isArray(t['command']) &&
    t['command'].every((x) => typeof x === 'string') &&
    t['command'].length > 0
  ) {
    const [program, ...rest] = t['command'] as string[];
    t['command'] = program;
    t['args'] = [...rest, ...asStrings(t['args'])];
  }
  fromVsCodeInputs(t, out);
  fromVsCodeVariables(t, out);
  sseByAddress(raw, t, out);
  return t;
}

/**
 * An SSE server given by its address alone (Cursor's and Gemini CLI's `url` often is one: Gemini
 * CLI reads `url` as SSE and `httpUrl` as streamable HTTP): flagged like `"type": "sse"`, with the
 * address to try instead, since Codex sends streamable HTTP to whatever url it is given.
 */
function sseByAddress(raw: Table, t: Table, out: Findings): void {
  const typed = ['type', 'transport', 'transportType'].some(
    (k) => typeof raw[k] === 'string' && (raw[k] as string).toLowerCase() === 'sse',
  );
  if (typed || typeof raw['url'] !== 'string' || typeof t['url'] !== 'string') return;
  if (!isSseAddress(t['url'])) return;
  out.risk(['url'], sseMessage(`"url": "${t['url']}" ends in /sse, an SSE endpoint`, t['url']));
}

/** True when a URL's path ends in /sse (the usual SSE endpoint). */
export function isSseAddress(url: string): boolean {
  return /\/sse\/?(?:[?#]|$)/i.test(url);
}

/** A key Codex spells differently, or does not have. */
function convertKey(key: string, value: unknown, raw: Table, t: Table, out: Findings): void {
  switch (key) {
    case 'serverUrl':
    case 'httpUrl':
      if (!('url' in raw)) t['url'] = value;
      break;
    case 'headers':
      t['http_headers'] = value;
      break;
    case 'type':
    case 'transport':
    case 'transportType':
      if (typeof value === 'string' && value.toLowerCase() === 'sse') {
        const url = typeof raw['url'] === 'string' ? raw['url'] : undefined;
        out.risk([key], sseMessage(`"${key}": "${value}"`, url));
      } else if (
        typeof value === 'string' &&
        !/^(stdio|http|streamable[-_]?http|streamableHttp|local|remote)$/i.test(value)
      ) {
        out.ignore(
          [key],
          `"${key}": "${value}" is not a transport Codex knows; it uses command (local) or url (streamable HTTP).`,
        );
      }
      break;
    case 'disabled':
      if (typeof value === 'boolean') t['enabled'] = !value;
      break;
    case 'enabled':
      t['enabled'] = value;
      break;
    case 'timeout':
      out.ignore(
        [key],
        `"timeout" means different things in different clients (seconds or milliseconds, startup or tool calls), so it was not converted: set startup_timeout_sec and tool_timeout_sec (seconds) in the block if you need them.`,
      );
      break;
    case 'autoApprove':
    case 'alwaysAllow':
      out.ignore(
        [key],
        `"${key}" has no equivalent the generator writes: Codex uses tools.TOOL.approval_mode = "approve" (or default_tools_approval_mode) in config.toml; add it by hand if you want it.`,
      );
      break;
    case 'envFile':
      out.ignore(
        [key],
        'Codex has no env file option: export the variables in your shell and list them in env_vars.',
        'warning',
      );
      break;
    case 'oauth':
      convertOauth(value, t, out);
      break;
    case 'includeTools':
      t['enabled_tools'] = value;
      break;
    case 'excludeTools':
      t['disabled_tools'] = value;
      break;
    case 'environment':
      // OpenCode's name for env.
      if (!('env' in raw)) t['env'] = value;
      break;
    default: {
      const hint = suggestionFor(key, topKeysIn());
      out.ignore(
        [key],
        `"${key}" has no Codex equivalent and was left out.${hint ? ` Codex's nearest key: ${Object.hasOwn(MISTAKES, key) ? hint : `\`${hint}\``}.` : ''}`,
        'info',
      );
    }
  }
}

/** Gemini CLI's and OpenCode's oauth: the client id and the scopes carry over; the rest is left to `codex mcp login`. */
function convertOauth(value: unknown, t: Table, out: Findings): void {
  if (!isTable(value)) {
    if (value !== false)
      out.ignore(
        ['oauth'],
        'This oauth setting has no Codex equivalent the doctor can convert; run `codex mcp login NAME` after adding the server.',
      );
    return;
  }
  const clientId = value['clientId'] ?? value['client_id'];
  if (typeof clientId === 'string') t['oauth'] = { client_id: clientId };
  const scopes = value['scopes'] ?? value['scope'];
  if (Array.isArray(scopes) || typeof scopes === 'string') t['scopes'] = scopes;
  const rest = Object.keys(value).filter(
    (k) => !['clientId', 'client_id', 'scopes', 'scope', 'enabled'].includes(k),
  );
  if (rest.length > 0)
    out.ignore(
      ['oauth'],
      `oauth ${rest.join(', ')} ${rest.length === 1 ? 'has' : 'have'} no Codex key the doctor converts ${rest.length === 1 ? 'it' : 'them'} to; run \`codex mcp login NAME\` after adding the server.`,
      'info',
    );
}

/** Where the servers are in a parsed JSON document, and how they were found. */
export function findServers(root: unknown): { servers: Table; note?: string } | null {
  if (!isTable(root)) return null;
  if (isTable(root['mcpServers'])) return { servers: root['mcpServers'] };
  if (isTable(root['servers'])) return { servers: root['servers'] };
  if (isTable(root['mcp']) && isTable(root['mcp']['servers']))
    return { servers: root['mcp']['servers'] };
  // OpenCode (opencode.json): "mcp": { "name": { "type": "local" | "remote", ... } }.
  if (isTable(root['mcp'])) return { servers: root['mcp'] };
  if (isTable(root['mcp_servers'])) return { servers: root['mcp_servers'] };
  if (
    typeof root['command'] === 'string' ||
    typeof root['url'] === 'string' ||
    typeof root['serverUrl'] === 'string' ||
    typeof root['httpUrl'] === 'string'
  ) {
    return {
      servers: { server: root },
      note: 'This is a single server without a name; it was called "server". Rename it in the block if you like.',
    };
  }
  return { servers: root };
}
