/**
 * No browser on this machine, at runtime (cases in headless-cases.ts): what `codex mcp add --url`
 * does when no browser opens, `login --no-browser` with the callback address pasted back, plain
 * `login` completed by requesting the callback address on this machine at a fixed port, and what
 * `logout` does with the "file" store and with the default store on a machine without a keyring.
 * The generator's "No browser on this machine" steps (src/lib/generator/headless.ts) say what
 * these tests assert.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_BROWSER_FLAG } from '../../../src/lib/codex/facts.ts';
import type { RecordedRequest } from '../../support/fake-mcp.ts';
import { readToml, RELEASE_FACTS } from '../../support/codex.ts';
import { OAUTH_PORT, runCases, runtimeSkip } from './harness.ts';
import {
  BROWSER_LOG,
  CALLBACK_PORT,
  headlessCases,
  MARKER,
  pageSteps,
  type HeadlessCase,
} from './headless-cases.ts';
import { MessageLog } from './record.ts';

const skip = runtimeSkip();
const cases = skip ? ({} as ReturnType<typeof headlessCases>) : headlessCases();
const log = new MessageLog('headless');
const { result, requests } = runCases({
  skip,
  section: 'headless',
  servers: [{ port: OAUTH_PORT, oauth: true }],
  cases: () => Object.values(cases).map((c) => c.plan),
  concurrency: 2,
  minutes: 6,
  record: (run) => ({
    cases: Object.keys(cases).length,
    requests: run.requests('', OAUTH_PORT).length,
  }),
});
const NO_BROWSER = RELEASE_FACTS.loginFlags.includes(NO_BROWSER_FLAG);

const read = (c: HeadlessCase, file: string): string =>
  existsSync(join(c.home, file)) ? readFileSync(join(c.home, file), 'utf8') : '';

function run(c: HeadlessCase) {
  const r = result().cases.find((x) => x.id === c.plan.id)!;
  const all = requests(c.prefix, OAUTH_PORT);
  const marker = all.findIndex((q) => q.path === `${c.prefix}${MARKER}`);
  const signed = (reqs: RecordedRequest[]) =>
    reqs.filter((q) => q.rpc).map((q) => q.headers['authorization'] ?? null);
  return {
    r,
    out: r.stdout + r.stderr,
    login: read(c, 'login.out'),
    logout: read(c, 'logout.out'),
    before: read(c, 'token-before.txt').trim(),
    after: read(c, 'token-after.txt').trim(),
    callback: read(c, 'callback.txt').trim(),
    /** The Authorization header of each JSON-RPC request, in the session before logout and the one after. */
    first: signed(marker < 0 ? all : all.slice(0, marker)),
    second: signed(marker < 0 ? [] : all.slice(marker)),
  };
}

const PROMPT = /^Callback URL \(input hidden\):/m;

/**
 * The "file" store after a sign-in: the token is in .credentials.json, the first session signs
 * every request with it, `logout` succeeds and removes it, and the session after signs none.
 */
function expectFileStoreRoundTrip(x: ReturnType<typeof run>): void {
  expect(x.before).toBe('./.credentials.json');
  expect(x.first.length, x.out).toBeGreaterThan(0);
  for (const h of x.first) expect(h).toBe('Bearer fake-access-token');
  expect(x.logout).toMatch(/^logout exit 0$/m);
  expect(x.after).toBe('');
  expect(x.second.length, x.out).toBeGreaterThan(0);
  for (const h of x.second) expect(h).toBeNull();
}

describe.skipIf(skip !== null)('runtime: no browser on this machine', () => {
  it('`add --url` where no browser opens: it writes the server, prints the URL and waits for the sign-in', () => {
    const c = cases.add;
    const x = run(c);
    expect(x.r.stopped, x.out).toBe(true); // still waiting, seconds after printing the URL
    expect(x.out).toMatch(/^Added global MCP server 'web'\.$/m);
    expect(x.out).toMatch(/^Authorize `web` by opening this URL in your browser:$/m);
    // It asked for a browser (which failed) and said nothing about the failure.
    expect(read(c, BROWSER_LOG)).toMatch(/\/authorize\?/);
    expect(x.out).not.toMatch(/fail|error|could not/i);
    expect(x.out).not.toMatch(PROMPT);
    expect(readToml(join(c.home, 'config.toml'))['mcp_servers']).toMatchObject({
      web: { url: c.url },
    });
  });

  it("the generator's steps for this release, run as shown, sign in, send the token, and sign out", () => {
    const c = cases.page;
    const page = pageSteps();
    expect(page.steps.map((s) => s.id)).toEqual(['store', 'add', 'login', 'verify']);
    expect(page.topLevel).toBe('mcp_oauth_credentials_store = "file"\n');
    expect(page.login).toBe(
      NO_BROWSER ? 'codex mcp login docs --no-browser' : 'codex mcp login docs',
    );
    const x = run(c);
    expect(x.r.code, x.out + x.login).toBe(0);
    expect(x.login).toMatch(/^login exit 0$/m);
    const words = page.steps.find((s) => s.id === 'login')!.paragraphs.join('\n');
    if (NO_BROWSER) {
      // The page names the prompt Codex showed.
      expect(x.login).toMatch(PROMPT);
      expect(words).toContain('`Callback URL (input hidden):`');
    } else {
      // The page says to request the address here with curl, which is what completed the sign-in.
      expect(words).toContain("run `curl 'ADDRESS'`");
      expect(x.login).not.toMatch(PROMPT);
    }
    expect(x.callback).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback\/[\w-]+\?/);
    expectFileStoreRoundTrip(x);
  });

  it('"file" store, `login --no-browser`, the callback address pasted: signed in, the session sends the token, `logout` removes it', () => {
    const c = cases.noBrowserFile;
    const x = run(c);
    if (!NO_BROWSER) {
      // Before CHANGES.loginNoBrowser the option does not exist: nothing starts.
      expect(x.login).toMatch(/unexpected argument '--no-browser'/);
      expect(x.r.code).toBe(9);
      return;
    }
    expect(x.r.code, x.out + x.login).toBe(0);
    expect(existsSync(join(c.home, BROWSER_LOG))).toBe(false); // nothing was opened
    expect(x.login).toMatch(PROMPT);
    expect(x.login).toMatch(/^login exit 0$/m);
    expect(x.callback).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/callback\/[\w-]+\?code=fake-code&state=/,
    );
    expectFileStoreRoundTrip(x);
  });

  it('the default store on a machine without a keyring: the sign-in works, `logout` fails and the token stays in use', () => {
    const c = cases.noBrowserDefault;
    const x = run(c);
    expect(x.r.code, x.out + x.login).toBe(0);
    expect(x.login).toMatch(/^login exit 0$/m);
    // With no keyring the default store fell back to the file.
    expect(x.before).toBe('./.credentials.json');
    expect(x.logout).toMatch(/^logout exit 1$/m);
    const line = log.observe(
      'logout.keyring',
      'codex mcp logout docs',
      x.logout,
      /failed to delete OAuth tokens from keyring/,
    );
    expect(line).toBe(
      'Error: failed to delete OAuth credentials: failed to delete OAuth tokens from keyring',
    );
    expect(x.after).toBe('./.credentials.json');
    expect(x.second.length, x.out).toBeGreaterThan(0);
    for (const h of [...x.first, ...x.second]) expect(h).toBe('Bearer fake-access-token');
  });

  it('a fixed callback port and plain `login`: no browser opens, and requesting the callback address on this machine completes the sign-in', () => {
    const c = cases.callbackFile;
    const x = run(c);
    expect(x.r.code, x.out + x.login).toBe(0);
    const cb = new URL(x.callback);
    expect(cb.hostname).toBe('127.0.0.1');
    expect(cb.port).toBe(String(CALLBACK_PORT));
    expect(cb.pathname).toMatch(/^\/callback\/[\w-]+$/);
    // The address the page names for this port, and the port it says to forward.
    const words = pageSteps(CALLBACK_PORT)
      .steps.flatMap((s) => [...s.paragraphs, ...(s.notes ?? [])])
      .join('\n');
    expect(words).toContain(`\`http://127.0.0.1:${CALLBACK_PORT}/callback/…\``);
    expect(words).toContain(`ssh -L ${CALLBACK_PORT}:127.0.0.1:${CALLBACK_PORT}`);
    expect(read(c, 'callback-status.txt')).toBe('200');
    expect(read(c, BROWSER_LOG)).toMatch(/\/authorize\?/); // asked for, and failed
    // …and Codex said nothing about it.
    expect(x.login).not.toMatch(/fail|error|could not/i);
    log.observe('login.authorize', 'codex mcp login docs', x.login, /^Authorize `docs` by opening/);
    log.observe('login.success', 'codex mcp login docs', x.login, /^Successfully logged in/);
    expect(x.login).not.toMatch(PROMPT);
    log.observe('logout.file', 'codex mcp logout docs', x.logout, /^Removed OAuth credentials/);
    expectFileStoreRoundTrip(x);
  });

  // Last: a reworded message fails here (UPDATE_RECORD=1 rewrites the record).
  it('every message observed matches the committed record', () => {
    log.check();
  });
});
