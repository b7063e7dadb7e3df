/** Other clients' JSON formats (Claude Desktop, Cursor, VS Code, Windsurf, Cline, Gemini CLI...) turned into Codex's keys. */
import type { Findings } from './findings.ts';
import { MISTAKES, KEYS } from './schema.ts';
import { suggestionFor } from './suggest.ts';
import { isTable, type Table } from './types.ts';

/** Keys other clients spell the way Codex does: copied as they are. */
const SAME_KEYS = new Set(['command', 'args', 'env', 'cwd', 'url', 'env_vars', 'http_headers', 'env_http_headers', 'bearer_token_env_var', 'startup_timeout_sec', 'tool_timeout_sec', 'enabled_tools', 'disabled_tools', 'scopes', 'required']);

/** One server of another client, turned into Codex's keys; what has no Codex equivalent is reported. */
export function fromClientJson(raw: Table, out: Findings): Table {
  const t: Table = {};
  for (const [key, value] of Object.entries(raw)) {
    if (SAME_KEYS.has(key)) t[key] = value;
    else convertKey(key, value, raw, t, out);
  }
  return t;
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
      if (value === 'sse') {
        out.risk([key], `"${key}": "sse": Codex has no SSE transport, only streamable HTTP. Use the server's streamable HTTP endpoint (often ending in /mcp rather than /sse); the corrected block keeps the URL as given.`);
      } else if (typeof value === 'string' && !/^(stdio|http|streamable[-_]?http|streamableHttp|local|remote)$/i.test(value)) {
        out.ignore([key], `"${key}": "${value}" is not a transport Codex knows; it uses command (local) or url (streamable HTTP).`);
      }
      break;
    case 'disabled':
      if (typeof value === 'boolean') t['enabled'] = !value;
      break;
    case 'enabled':
      t['enabled'] = value;
      break;
    case 'timeout':
      out.ignore([key], `"timeout" means different things in different clients (seconds or milliseconds, startup or tool calls), so it was not converted: set startup_timeout_sec and tool_timeout_sec (seconds) in the block if you need them.`);
      break;
    case 'autoApprove':
    case 'alwaysAllow':
      out.ignore([key], `"${key}" has no equivalent the generator writes: Codex uses tools.TOOL.approval_mode = "approve" (or default_tools_approval_mode) in config.toml; add it by hand if you want it.`);
      break;
    case 'envFile':
      out.ignore([key], 'Codex has no env file option: export the variables in your shell and list them in env_vars.', 'warning');
      break;
    case 'oauth':
      if (isTable(value) && typeof (value['clientId'] ?? value['client_id']) === 'string') t['oauth'] = { client_id: value['clientId'] ?? value['client_id'] };
      else out.ignore([key], 'This oauth setting has no Codex equivalent the doctor can convert; run `codex mcp login NAME` after adding the server.');
      break;
    default: {
      const hint = suggestionFor(key, Object.keys(KEYS));
      out.ignore([key], `"${key}" has no Codex equivalent and was left out.${hint ? ` Codex's nearest key: ${Object.hasOwn(MISTAKES, key) ? hint : `\`${hint}\``}.` : ''}`, 'info');
    }
  }
}

/** Where the servers are in a parsed JSON document, and how they were found. */
export function findServers(root: unknown): { servers: Table; note?: string } | null {
  if (!isTable(root)) return null;
  if (isTable(root['mcpServers'])) return { servers: root['mcpServers'] };
  if (isTable(root['servers'])) return { servers: root['servers'] };
  if (isTable(root['mcp']) && isTable(root['mcp']['servers'])) return { servers: root['mcp']['servers'] };
  if (isTable(root['mcp_servers'])) return { servers: root['mcp_servers'] };
  if (typeof root['command'] === 'string' || typeof root['url'] === 'string' || typeof root['serverUrl'] === 'string' || typeof root['httpUrl'] === 'string') {
    return { servers: { server: root }, note: 'This is a single server without a name; it was called "server". Rename it in the block if you like.' };
  }
  return { servers: root };
}
