/**
 * A fake local (stdio) MCP server for the runtime oracle. Run as `node fake-stdio.ts OUTFILE`: it
 * writes its whole environment (sorted keys) and its working directory to OUTFILE as JSON the
 * moment it starts, then answers `initialize` and `tools/list` over newline-delimited JSON-RPC.
 * Plain Node, no imports beyond node:, so Codex can start it with the pinned Node.
 */
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const out = process.argv[2];
if (out) {
  const env = Object.fromEntries(
    Object.entries(process.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  writeFileSync(
    out,
    JSON.stringify({ env, cwd: process.cwd(), argv: process.argv.slice(3) }, null, 1),
  );
}

function reply(id: unknown, result: unknown): void {
  process.stdout.write(JSON.stringify({ jsonrpc: '2.0', id, result }) + '\n');
}

createInterface({ input: process.stdin }).on('line', (line) => {
  let msg: { id?: unknown; method?: string; params?: { protocolVersion?: string } };
  try {
    msg = JSON.parse(line) as typeof msg;
  } catch {
    return;
  }
  if (msg.id === undefined || msg.id === null) return;
  if (msg.method === 'initialize') {
    reply(msg.id, {
      protocolVersion: msg.params?.protocolVersion ?? '2025-06-18',
      capabilities: { tools: {} },
      serverInfo: { name: 'fake-stdio', version: '1.0.0' },
    });
  } else if (msg.method === 'tools/list') {
    reply(msg.id, {
      tools: [{ name: 'echo', description: 'Echoes its input.', inputSchema: { type: 'object' } }],
    });
  } else {
    reply(msg.id, {});
  }
});
