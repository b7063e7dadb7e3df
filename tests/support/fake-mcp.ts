/**
 * A fake remote MCP server for the runtime oracle: minimal streamable HTTP JSON-RPC on loopback
 * that records every request (method, path, headers, JSON-RPC method). In OAuth mode it also
 * advertises OAuth the way real servers do (401 + protected-resource metadata, authorization-server
 * metadata, dynamic client registration) and records the registration body and authorize query.
 * Runs only inside a private network namespace (tests/support/netns.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** One request as the fake server saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** The JSON-RPC method, when the body was a JSON-RPC message. */
  rpc?: string;
  /** The parsed body of a registration request, or the raw body text otherwise (first 4 KB). */
  body?: unknown;
  /** Milliseconds since the server started. */
  at: number;
}

/** What the fake server offers. */
export interface FakeMcpOptions {
  port: number;
  /** Advertise OAuth: MCP requests without `Authorization` get 401 with resource metadata. */
  oauth?: boolean;
  /** Scopes listed in the authorization-server metadata. */
  scopesSupported?: string[];
  /** false: no dynamic client registration (no `registration_endpoint`, `/register` is 404). */
  registration?: boolean;
  /** An OAuth error code the token endpoint answers with (400), e.g. `invalid_client`. */
  tokenError?: string;
  /** An OAuth error code the authorize step redirects back with instead of a code, e.g. `invalid_scope`. */
  authorizeError?: string;
}

/** A running fake server and its record. */
export interface FakeMcp {
  server: Server;
  requests: RecordedRequest[];
  origin: string;
  close(): Promise<void>;
}

const TOOLS = [
  {
    name: 'echo',
    description: 'Echoes its input.',
    inputSchema: { type: 'object', properties: { text: { type: 'string' } } },
  },
];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((done) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => done(text));
    req.on('error', () => done(text));
  });
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...extra });
  res.end(JSON.stringify(body));
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Answers one JSON-RPC message the way a tiny MCP server would. */
function answerRpc(
  res: ServerResponse,
  msg: { id?: unknown; method?: string; params?: { protocolVersion?: string } },
): void {
  if (msg.id === undefined || msg.id === null) {
    res.writeHead(202).end();
    return;
  }
  let result: unknown = {};
  if (msg.method === 'initialize') {
    result = {
      protocolVersion: msg.params?.protocolVersion ?? '2025-06-18',
      capabilities: { tools: { listChanged: false } },
      serverInfo: { name: 'fake-mcp', version: '1.0.0' },
    };
  } else if (msg.method === 'tools/list') {
    result = { tools: TOOLS };
  } else if (msg.method === 'tools/call') {
    result = { content: [{ type: 'text', text: 'echoed' }] };
  } else if (msg.method === 'resources/list') {
    result = { resources: [] };
  } else if (msg.method === 'resources/templates/list') {
    result = { resourceTemplates: [] };
  } else if (msg.method === 'prompts/list') {
    result = { prompts: [] };
  }
  json(res, 200, { jsonrpc: '2.0', id: msg.id, result }, { 'mcp-session-id': 'fake-session' });
}

function oauthRoute(
  opts: FakeMcpOptions,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
  rec: RecordedRequest,
): boolean {
  const path = rec.path.split('?')[0] ?? '';
  if (path.startsWith('/.well-known/oauth-protected-resource')) {
    const resource = origin + (path.slice('/.well-known/oauth-protected-resource'.length) || '/');
    json(res, 200, {
      resource,
      authorization_servers: [origin],
      scopes_supported: opts.scopesSupported ?? ['read', 'write'],
    });
    return true;
  }
  if (
    path.startsWith('/.well-known/oauth-authorization-server') ||
    path.startsWith('/.well-known/openid-configuration')
  ) {
    json(res, 200, {
      issuer: origin,
      authorization_endpoint: `${origin}/authorize`,
      token_endpoint: `${origin}/token`,
      ...(opts.registration === false ? {} : { registration_endpoint: `${origin}/register` }),
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: opts.scopesSupported ?? ['read', 'write'],
    });
    return true;
  }
  if (path === '/register' && req.method === 'POST' && opts.registration !== false) {
    const body = rec.body as Record<string, unknown> | undefined;
    json(res, 201, { ...(body ?? {}), client_id: 'fake-client-id', client_id_issued_at: 1 });
    return true;
  }
  if (path === '/authorize') {
    // An instant "sign-in": send the browser straight back to Codex with a code, as a provider would.
    const q = new URL(rec.path, origin).searchParams;
    const back = q.get('redirect_uri');
    const answer = opts.authorizeError ? `error=${opts.authorizeError}` : 'code=fake-code';
    if (back)
      res
        .writeHead(302, {
          location: `${back}?${answer}&state=${encodeURIComponent(q.get('state') ?? '')}`,
        })
        .end();
    else res.writeHead(400).end();
    return true;
  }
  if (path === '/token' && req.method === 'POST' && opts.tokenError) {
    json(res, 400, { error: opts.tokenError, error_description: `fake ${opts.tokenError}` });
    return true;
  }
  if (path === '/token' && req.method === 'POST') {
    json(res, 200, {
      access_token: 'fake-access-token',
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: 'fake-refresh-token',
    });
    return true;
  }
  return false;
}

/** Starts a fake MCP server on 127.0.0.1:port. */
export async function startFakeMcp(opts: FakeMcpOptions): Promise<FakeMcp> {
  const origin = `http://127.0.0.1:${opts.port}`;
  const requests: RecordedRequest[] = [];
  const started = Date.now();
  const server = createServer((req, res) => {
    void readBody(req).then((text) => {
      const rec: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: headersOf(req),
        at: Date.now() - started,
      };
      const parsed = text === '' ? undefined : parseJson(text);
      if (parsed && typeof parsed === 'object' && 'jsonrpc' in parsed)
        rec.rpc = String((parsed as { method?: unknown }).method ?? 'response');
      else if (text !== '') rec.body = parsed ?? text.slice(0, 4096);
      requests.push(rec);
      if (opts.oauth && oauthRoute(opts, origin, req, res, rec)) return;
      if (opts.oauth && !req.headers.authorization) {
        const resourcePath = (req.url ?? '/').split('?')[0];
        res
          .writeHead(401, {
            'www-authenticate': `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource${resourcePath}"`,
          })
          .end();
        return;
      }
      if (rec.path.startsWith('/.well-known/')) {
        res.writeHead(404).end();
        return;
      }
      // Failing endpoints for the troubleshooting cases: /status-NNN/… answers NNN, /html/… a web page.
      const status = /^\/status-(\d{3})\//.exec(rec.path);
      if (status) {
        res.writeHead(Number(status[1]), { 'content-type': 'text/plain' }).end('fake failure');
        return;
      }
      if (rec.path.startsWith('/html/')) {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>not MCP</p>');
        return;
      }
      if (req.method === 'GET' || req.method === 'DELETE') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      if (req.method !== 'POST' || !parsed || typeof parsed !== 'object') {
        res.writeHead(404).end();
        return;
      }
      answerRpc(res, parsed as { id?: unknown; method?: string });
    });
  });
  await new Promise<void>((ok) => server.listen(opts.port, '127.0.0.1', ok));
  return {
    server,
    requests,
    origin,
    close: () =>
      new Promise<void>((ok) => (server.close(() => ok()), server.closeAllConnections())),
  };
}
