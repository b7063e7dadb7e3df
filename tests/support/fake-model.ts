/**
 * A fake model provider on loopback, so `codex exec` can start a session offline. It answers the
 * Responses API with the smallest stream that ends a turn (one assistant message, then
 * `response.completed`), and records how many model requests arrived. Codex starts every enabled
 * MCP server when the session begins; since 0.147.0 it waits only for `required` ones, so a caller
 * can hold the answer until its servers have started (`ready`). A prompt `call SERVER TOOL` makes
 * it call that MCP tool first (toolCallItem), then end the turn once Codex sends the call's output.
 */
import { createServer, type Server } from 'node:http';

/** A running fake provider. */
export interface FakeModel {
  server: Server;
  requests: number;
  close(): Promise<void>;
}

/** The `config.toml` lines that point Codex at the fake provider (`FAKE_KEY` must be exported). */
export function fakeProviderToml(port: number): string {
  return [
    'model = "fake-model"',
    'model_provider = "fake"',
    '',
    '[model_providers.fake]',
    'name = "fake"',
    `base_url = "http://127.0.0.1:${port}/v1"`,
    'wire_api = "responses"',
    'env_key = "FAKE_KEY"',
    'request_max_retries = 0',
    'stream_max_retries = 0',
    '',
  ].join('\n');
}

function sse(type: string, data: Record<string, unknown>): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
}

/**
 * The call a `call SERVER TOOL` prompt asks for, until Codex sends back its output (then null). Every
 * supported release offers an MCP tool to the model as `TOOL` inside a `mcp__SERVER` namespace.
 */
function toolCallItem(body: Record<string, unknown>): Record<string, unknown> | null {
  const input = Array.isArray(body['input']) ? (body['input'] as Record<string, unknown>[]) : [];
  if (input.some((i) => i['type'] === 'function_call_output')) return null;
  // Only the prompt itself (the last user message) asks for a call, never the context before it.
  const prompt = input.filter((i) => i['role'] === 'user').at(-1)?.['content'];
  const text = Array.isArray(prompt)
    ? (prompt as { text?: unknown }[]).map((c) => String(c.text ?? '')).join('')
    : '';
  const m = /^call ([\w.-]+) ([\w.-]+)$/.exec(text.trim());
  if (!m) return null;
  const [, server, tool] = m as unknown as [string, string, string];
  const tools = Array.isArray(body['tools']) ? (body['tools'] as Record<string, unknown>[]) : [];
  if (!tools.some((t) => t['type'] === 'namespace' && t['name'] === `mcp__${server}`)) return null;
  return {
    type: 'function_call',
    id: 'fc_1',
    call_id: 'call_1',
    name: tool,
    namespace: `mcp__${server}`,
    arguments: JSON.stringify({ text: 'hello' }),
  };
}

/** Resolves once `ready()` holds, polling every 50 ms. */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((ok) => setTimeout(ok, 50));
}

/** Starts the fake provider on 127.0.0.1:port; each answer waits until `ready()` holds. */
export async function startFakeModel(
  port: number,
  ready: () => boolean = () => true,
): Promise<FakeModel> {
  const state = { requests: 0 };
  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (text += c));
    req.on('end', async () => {
      state.requests += 1;
      await until(ready);
      if (req.method !== 'POST' || !(req.url ?? '').endsWith('/responses')) {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end('{"error":{"message":"not found"}}');
        return;
      }
      const id = `resp_${state.requests}`;
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        // Not JSON: answered like any other request.
      }
      const message = toolCallItem(body) ?? {
        type: 'message',
        role: 'assistant',
        id: 'msg_1',
        content: [{ type: 'output_text', text: 'ok' }],
      };
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(
        sse('response.created', { response: { id } }) +
          sse('response.output_item.done', { item: message }) +
          sse('response.completed', {
            response: {
              id,
              usage: {
                input_tokens: 1,
                input_tokens_details: null,
                output_tokens: 1,
                output_tokens_details: null,
                total_tokens: 2,
              },
            },
          }),
      );
    });
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  return {
    server,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((ok) => (server.close(() => ok()), server.closeAllConnections())),
  } as FakeModel;
}
