/**
 * Other clients' JSON as people paste it: into the config.toml box (read as JSON, and said so),
 * with VS Code's variables (named and converted, or asked for), and with SSE servers (flagged with
 * the address to try). Each case was silently wrong before (issues 20 and 22).
 */
import { describe, expect, it } from 'vitest';
import {
  convertMcpServersJson,
  diagnoseConfig,
  looksLikeJson,
} from '../../../src/lib/doctor/index.ts';
import { PROJECT_PATH } from '../../../src/lib/doctor/read/vscode-vars.ts';

const CLIENTS: [string, string][] = [
  [
    'Claude Desktop',
    '{\n  "mcpServers": {\n    "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/Users/me"] }\n  }\n}',
  ],
  ['Cursor', '{ "mcpServers": { "docs": { "url": "https://mcp.example.com/mcp" } } }'],
  [
    'VS Code (JSONC)',
    '// .vscode/mcp.json\n{ "servers": { "fetch": { "type": "stdio", "command": "uvx", "args": ["mcp-server-fetch"], }, } }',
  ],
  ['Gemini CLI', '\uFEFF{ "mcpServers": { "g": { "httpUrl": "https://g.example.com/mcp" } } }'],
];

describe('JSON pasted as config.toml', () => {
  it.each(CLIENTS)('%s: read as JSON, and the summary says so', (_, text) => {
    expect(looksLikeJson(text)).toBe(true);
    const r = diagnoseConfig(text);
    expect(r.readAsJson).toBe(true);
    expect(r.source).toBe('json');
    expect(r.parseError).toBeNull();
    expect(r.summary).toMatch(/^This is JSON, not TOML/);
    expect(r.summary).not.toMatch(/not valid TOML/);
    expect(r.servers.length).toBe(1);
    expect(r.servers[0]?.corrected).not.toBeNull();
  });

  it('TOML is never taken for JSON', () => {
    for (const text of [
      '[mcp_servers.a]\ncommand = "x"\n',
      '# {\nmodel = "o3"\n',
      'a = { b = 1 }\n',
    ])
      expect(diagnoseConfig(text).readAsJson).toBeUndefined();
  });
});

describe("VS Code's variables", () => {
  const vs = (server: string) =>
    convertMcpServersJson(`{ "servers": { "s": ${server} } }`).servers[0];

  it('${workspaceFolder} in args, cwd and env: named, and replaced by a path to fill in', () => {
    const s = vs(
      '{ "command": "npx", "args": ["-y", "@mcp/fs", "${workspaceFolder}"], "cwd": "${workspaceFolder}", "env": { "ROOT": "${workspaceFolder}/src" } }',
    );
    const toml = s?.corrected?.toml ?? '';
    expect(toml).not.toContain('${workspaceFolder}');
    expect(toml).toContain(`"${PROJECT_PATH}"`);
    expect(toml).toContain(`ROOT = "${PROJECT_PATH}/src"`);
    const named = s?.risks.filter((f) => f.message.includes("VS Code's name for the folder"));
    expect(named?.map((f) => f.key.join('.')).sort()).toEqual(['args', 'cwd', 'env.ROOT']);
  });

  it('${env:NAME} in env becomes env_vars forwarding NAME; in a header, env_http_headers', () => {
    const s = vs('{ "command": "npx", "env": { "GITHUB_TOKEN": "${env:GITHUB_TOKEN}" } }');
    expect(s?.corrected?.toml).toContain('env_vars = [ "GITHUB_TOKEN" ]');
    expect(s?.corrected?.toml).not.toContain('${env:');
    const h = vs('{ "url": "https://a.example.com/mcp", "headers": { "X-Key": "${env:A_KEY}" } }');
    expect(h?.corrected?.toml).toMatch(/"X-Key" = "A_KEY"|X-Key = "A_KEY"/);
    expect(h?.corrected?.toml).not.toContain('${env:');
  });

  it('${input:ID} becomes a variable passed through from the shell', () => {
    const s = vs('{ "command": "npx", "env": { "API_KEY": "${input:api-key}" } }');
    expect(s?.corrected?.toml).toContain('env_vars = [ "API_KEY" ]');
    expect(s?.corrected?.toml).not.toContain('${input:');
  });
});

describe('SSE entries are flagged, with the nearest working route', () => {
  it.each([
    ['"type": "sse"', '{ "type": "sse", "url": "https://x.example.com/sse" }', 'type'],
    ['"type": "SSE"', '{ "type": "SSE", "url": "https://x.example.com/sse" }', 'type'],
    ['a /sse url without a type (Cursor)', '{ "url": "https://x.example.com/sse" }', 'url'],
    ['Gemini CLI url with a query', '{ "url": "https://x.example.com/sse?k=1" }', 'url'],
  ])('%s', (_, server, key) => {
    const s = convertMcpServersJson(`{ "mcpServers": { "a": ${server} } }`).servers[0];
    const sse = s?.risks.find((f) => f.key[0] === key && /no SSE transport/.test(f.message));
    expect(sse, JSON.stringify(s?.risks)).toBeDefined();
    expect(sse?.message).toMatch(/try https:\/\/x\.example\.com\/mcp/);
  });

  it('a streamable HTTP url is not flagged', () => {
    const s = convertMcpServersJson(
      '{ "mcpServers": { "a": { "url": "https://x.example.com/mcp" } } }',
    ).servers[0];
    expect(s?.risks.filter((f) => /SSE/.test(f.message))).toEqual([]);
  });
});
