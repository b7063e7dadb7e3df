/**
 * OAuth at runtime: the real `codex mcp add --url` and `codex mcp login` against a loopback server
 * that advertises OAuth (cases in oauth-cases.ts). The guides' OAuth steps are written from what
 * these tests assert; the lines Codex prints are kept in tests/conformance/recorded/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../support/fake-mcp.ts';
import { readToml, RELEASE_FACTS } from '../../support/codex.ts';
import { OAUTH_PORT, requestsFor, runCases, runtimeSkip } from './harness.ts';
import { AUTHORIZE, BROWSER_LOG, oauthCases, type OAuthCase } from './oauth-cases.ts';
import type { CaseResult } from './plan.ts';
import { MessageLog } from './record.ts';

const skip = runtimeSkip();
const cases = skip ? ({} as ReturnType<typeof oauthCases>) : oauthCases();
const log = new MessageLog('oauth');
const { result, requests } = runCases({
  skip,
  section: 'oauth',
  servers: [{ port: OAUTH_PORT, oauth: true }],
  cases: () => Object.values(cases).map((c) => c.plan),
  concurrency: 3,
  minutes: 5,
  record: (run) => ({
    oauthRecords: Object.keys(cases).length,
    requests: run.requests('', OAUTH_PORT).length,
  }),
});

function run(c: OAuthCase): {
  r: CaseResult;
  out: string;
  reqs: RecordedRequest[];
  authorize: URL | null;
} {
  const r = result().cases.find((x) => x.id === c.plan.id)!;
  const out = r.stdout + r.stderr;
  const m = out.match(new RegExp(AUTHORIZE));
  return {
    r,
    out,
    reqs: requests('/', OAUTH_PORT),
    authorize: m ? new URL(m[0]) : null,
  };
}

/** The dynamic client registration a case sent (matched by its redirect URI's state path). */
function registrationFor(
  reqs: RecordedRequest[],
  authorize: URL,
): Record<string, unknown> | undefined {
  const redirect = authorize.searchParams.get('redirect_uri');
  return reqs.find(
    (q) =>
      q.path === '/register' &&
      (q.body as { redirect_uris?: string[] }).redirect_uris?.includes(redirect ?? ''),
  )?.body as Record<string, unknown> | undefined;
}

describe.skipIf(skip !== null)('runtime: OAuth', () => {
  it('`add --url` without a bearer variable writes the server, then runs the whole OAuth flow itself', () => {
    const c = cases.addStartsLogin;
    const { r, out, reqs, authorize } = run(c);
    expect(r.stopped, out).toBe(true); // still waiting for the browser when stopped
    log.observe(
      'add.added',
      'codex mcp add docs --url URL',
      out,
      /^Added global MCP server 'docs'\.$/,
    );
    log.observe('add.detected', 'codex mcp add docs --url URL', out, /^Detected OAuth support/);
    log.observe(
      'add.authorize',
      'codex mcp add docs --url URL',
      out,
      /^Authorize `docs` by opening this URL/,
    );
    expect(authorize).not.toBeNull();
    const paths = reqs.map((q) => q.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/add/mcp',
        '/.well-known/oauth-protected-resource/add/mcp',
        '/.well-known/oauth-authorization-server',
      ]),
    );
    const reg = registrationFor(reqs, authorize!);
    expect(reg?.['client_name']).toBe('Codex');
    // The browser was asked to open exactly the printed URL.
    expect(readFileSync(join(c.home, BROWSER_LOG), 'utf8').trim()).toBe(authorize!.href);
    // The table is written before the flow starts: stopping `add` mid-flow leaves the server configured.
    expect(readToml(join(c.home, 'config.toml'))['mcp_servers']).toEqual({ docs: { url: c.url } });
  });

  it('the redirect is http://127.0.0.1 on a random port, the scopes default to what the server lists, and the resource is the URL', () => {
    const { authorize, reqs } = run(cases.login);
    const redirect = new URL(authorize!.searchParams.get('redirect_uri')!);
    expect(redirect.hostname).toBe('127.0.0.1');
    expect(redirect.pathname).toMatch(/^\/callback\/[\w-]+$/);
    expect(Number(redirect.port)).toBeGreaterThan(1024);
    expect(authorize!.searchParams.get('scope')).toBe('read write');
    expect(authorize!.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize!.searchParams.get('resource')).toBe(cases.login.url);
    const reg = registrationFor(reqs, authorize!);
    expect(reg).toMatchObject({
      redirect_uris: [redirect.href],
      token_endpoint_auth_method: 'none',
      scope: 'read write',
    });
  });

  it('`mcp_oauth_callback_port` fixes the redirect port', () => {
    const { authorize } = run(cases.callbackPort);
    expect(new URL(authorize!.searchParams.get('redirect_uri')!).port).toBe('5555');
  });

  it("`login --scopes` and a `scopes` key replace the server's scope list, in the request and the registration", () => {
    const a = run(cases.loginScopes);
    expect(a.authorize!.searchParams.get('scope')).toBe('alpha beta');
    expect(registrationFor(a.reqs, a.authorize!)?.['scope']).toBe('alpha beta');
    const b = run(cases.configScopes);
    expect(b.authorize!.searchParams.get('scope')).toBe('read');
  });

  it('`login --no-browser` prints the URL, opens nothing, and asks for the callback URL', () => {
    const c = cases.loginNoBrowser;
    const { out, authorize } = run(c);
    if (!RELEASE_FACTS.loginFlags.includes('--no-browser')) {
      // Before CHANGES.loginNoBrowser the option does not exist: clap refuses it, nothing starts.
      expect(out).toMatch(/unexpected argument '--no-browser'/);
      expect(authorize).toBeNull();
      return;
    }
    expect(authorize).not.toBeNull();
    expect(existsSync(join(c.home, BROWSER_LOG))).toBe(false);
    const cmd = 'codex mcp login docs --no-browser';
    log.observe('nobrowser.authorize', cmd, out, /^Authorize the MCP server by opening this URL/);
    log.observe('nobrowser.copy', cmd, out, /^After signing in, copy the full URL/);
    log.observe('nobrowser.paste', cmd, out, /callback page cannot load/);
    log.observe('nobrowser.prompt', cmd, out, /^Callback URL/);
  });

  it('`add --oauth-client-id` writes and prints oauth.callback_url, registers nothing, and starts the flow with that client', () => {
    const c = cases.addClientId;
    const { out, reqs, authorize } = run(c);
    if (!RELEASE_FACTS.addWritesCallbackUrl) {
      // Before CHANGES.callbackUrl: only the client id is written and nothing is printed about a callback URL.
      const table = (
        readToml(join(c.home, 'config.toml'))['mcp_servers'] as Record<string, unknown>
      )['docs'];
      expect(table).toEqual({ url: c.url, oauth: { client_id: 'my-client-id' } });
      expect(out).not.toMatch(/OAuth callback URL/);
      expect(authorize?.searchParams.get('client_id'), out).toBe('my-client-id');
      return;
    }
    const printed = log.observe(
      'add.callback',
      'codex mcp add docs --url URL --oauth-client-id ID',
      out,
      /^OAuth callback URL: /,
    );
    const table = (
      readToml(join(c.home, 'config.toml'))['mcp_servers'] as Record<
        string,
        { oauth: { callback_url: string; client_id: string } }
      >
    )['docs']!;
    expect(table.oauth.client_id).toBe('my-client-id');
    expect(table.oauth.callback_url).toMatch(/^http:\/\/127\.0\.0\.1\/callback\/[\w-]+$/);
    expect(printed).toBe(`OAuth callback URL: ${table.oauth.callback_url}`);
    expect(authorize!.searchParams.get('client_id')).toBe('my-client-id');
    // The browser comes back to the same path, on a local port.
    expect(new URL(authorize!.searchParams.get('redirect_uri')!).pathname).toBe(
      new URL(table.oauth.callback_url).pathname,
    );
    expect(
      reqs.filter(
        (q) =>
          q.path === '/register' &&
          JSON.stringify(q.body).includes(new URL(table.oauth.callback_url).pathname),
      ),
    ).toEqual([]);
  });

  it('a completed sign-in: Codex exchanges the code (PKCE), says so, and later sessions send the token', () => {
    const c = cases.complete;
    const { r, out, reqs } = run(c);
    expect(r.code, out).toBe(0);
    log.observe('login.success', 'codex mcp login docs', out, /^Successfully logged in/);
    const token = reqs.find((q) => q.path === '/token');
    const form = new URLSearchParams(String(token?.body ?? ''));
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('code')).toBe('fake-code');
    expect(form.get('code_verifier')).toMatch(/^[\w.~-]{43,128}$/);
    const session = requestsFor(reqs, '/complete/');
    const rpc = session.filter((q) => q.rpc);
    expect(rpc.map((q) => q.rpc)).toEqual(expect.arrayContaining(['initialize', 'tools/list']));
    for (const q of rpc) expect(q.headers['authorization']).toBe('Bearer fake-access-token');
    // The token is kept outside config.toml (here in the file store), and `logout` deletes it.
    const before = readFileSync(join(c.home, 'token-before.txt'), 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean);
    expect(before.length, 'the token was stored somewhere under CODEX_HOME').toBeGreaterThan(0);
    expect(before).not.toContain('./config.toml');
    expect(readFileSync(join(c.home, 'token-after.txt'), 'utf8').trim()).toBe('');
    console.log(`oauth token files: ${before.join(', ')}`);
  });

  it('`add --bearer-token-env-var` never probes for OAuth', () => {
    const { r, reqs } = run(cases.addWithBearer);
    expect(r.code).toBe(0);
    expect(
      reqs.filter((q) => q.path.startsWith('/addbearer/') || q.path.includes('addbearer')),
    ).toEqual([]);
  });

  // Last, after every observation above: a reworded message fails here (UPDATE_RECORD=1 rewrites the record).
  it('every message observed matches the committed record', () => {
    log.check();
  });
});
