/**
 * The guides' and reference pages' sentences about Codex that no generated output shows, each proven
 * by a real session, `codex mcp` command or `codex doctor` inside the network namespace: what `add`
 * prints after a sign-in, what `logout` does with each credential store on a machine without a
 * keyring (this one has none, like a headless host), which parent variables reach a local server,
 * which names a session starts, what Codex says about misplaced or empty settings. The lines Codex
 * prints are kept in tests/conformance/recorded/messages-guides.json.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CODEX_NEWEST,
  configRefusalPattern,
  sessionNameRefusal,
} from '../../../src/lib/codex/index.ts';
import { CODEX_RELEASE, RELEASE_FACTS, RUNTIME_FACTS } from '../../support/codex.ts';
import { NODE } from '../../support/netns.ts';
import {
  allowlisted,
  commandCase,
  commandLine,
  EXEC,
  MCP_PORT,
  OAUTH_PORT,
  prepareHome,
  runCases,
  runtimeSkip,
  STDIO_CA_VARS,
  STDIO_SCRIPT,
} from './harness.ts';
import { AUTHORIZE, oauthCase } from './oauth-cases.ts';
import type { PlanCase } from './plan.ts';
import { MessageLog, RECORD_DIR, type MessageRecord } from './record.ts';

const skip = runtimeSkip();
const log = new MessageLog('guides');
const U = `http://127.0.0.1:${MCP_PORT}`;
// A real bundle, so that Codex's own HTTP client (which may read SSL_CERT_FILE) still starts.
const BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
const CA_ENV = Object.fromEntries(STDIO_CA_VARS.map((k) => [k, BUNDLE]));
// A session's log lines start with a timestamp, recorded as "…".
const LOG_TIME = /^\d{4}-\d\d-\d\dT[\d:.]+Z/;
const BROKEN = `\n[mcp_servers.x]\nurl = "${U}/broken/mcp"\nenv = { A = "b" }\n`;
/** Login, then logout (its exit status kept), then where the token is, then a session. */
const LOGIN_LOGOUT_EXEC = [
  'codex mcp login docs || exit 9',
  'codex mcp logout docs; echo "logout exit $?"',
  'grep -rl fake-access-token . > token-after.txt',
  EXEC,
  'true',
].join('; ');

/** Login with the default store, a failing logout, then the `file` store at the top and logout again. */
const SWITCH_THEN_LOGOUT = [
  'codex mcp login docs || exit 9',
  'codex mcp logout docs',
  `sed -i '1i mcp_oauth_credentials_store = "file"' config.toml`,
  'codex mcp logout docs; echo "logout exit $?"',
  'grep -rl fake-access-token . > token-after.txt',
  'true',
].join('; ');

interface Def {
  toml?: string;
  argv: string[];
  env?: Record<string, string>;
  /** The stdio record file a case waits for (the server's name in the table). */
  stdio?: string;
}

/** A local server that writes its environment to `record` (in the case's home) when it starts. */
function stdioServer(name: string, record: string, lines = ''): string {
  const args = JSON.stringify([STDIO_SCRIPT, record]);
  return `\n[mcp_servers.${name}]\ncommand = ${JSON.stringify(NODE)}\nargs = ${args}\nstartup_timeout_sec = 30\n${lines}`;
}

const defs: Record<string, Def> = {
  caEnv: {
    toml: stdioServer('ca', 'RECORD', 'required = true\n'),
    argv: EXEC.split(' '),
    env: CA_ENV,
    stdio: 'ca',
  },
  dottedRequired: {
    toml: stdioServer('"acme.docs"', 'RECORD', 'required = true\n'),
    argv: EXEC.split(' '),
  },
  dottedOptional: { toml: stdioServer('"acme.docs"', 'RECORD'), argv: EXEC.split(' ') },
  badNameRequired: {
    toml: stdioServer('"bad name"', 'RECORD', 'required = true\n'),
    argv: EXEC.split(' '),
  },
  oauthKeysExec: {
    toml: `\n[mcp_servers.x]\nurl = "${U}/oauthkeys/mcp"\nmcp_oauth_credentials_store = "file"\n`,
    argv: EXEC.split(' '),
  },
  oauthKeysDoctor: {
    toml: `\n[mcp_servers.x]\nurl = "${U}/oauthkeysdoctor/mcp"\nmcp_oauth_credentials_store = "file"\n`,
    argv: ['codex', 'doctor'],
  },
  unreachableAdd: { argv: ['codex', 'mcp', 'add', 'x', '--url', 'http://127.0.0.1:9/mcp'] },
  unreachableLogin: {
    toml: `\n[mcp_servers.x]\nurl = "http://127.0.0.1:9/mcp"\n`,
    argv: ['codex', 'mcp', 'login', 'x'],
  },
  emptyHeader: {
    toml: `\n[mcp_servers.h]\nurl = "${U}/emptyheader/mcp"\n[mcp_servers.h.env_http_headers]\nX-Api-Key = "EMPTY_HDR"\n`,
    argv: EXEC.split(' '),
    env: { EMPTY_HDR: '' },
  },
  emptyHeaderDoctor: {
    toml: `\n[mcp_servers.h]\nurl = "${U}/emptyheaderdoctor/mcp"\n[mcp_servers.h.env_http_headers]\nX-Api-Key = "EMPTY_HDR"\n`,
    argv: ['codex', 'doctor'],
    env: { EMPTY_HDR: '' },
  },
  emptyBearerDoctor: {
    toml: `\n[mcp_servers.omni]\nurl = "${U}/emptybearerdoctor/mcp"\nbearer_token_env_var = "OMNI_API_KEY"\n`,
    argv: ['codex', 'doctor'],
    env: { OMNI_API_KEY: '' },
  },
  brokenLogout: { toml: BROKEN, argv: ['codex', 'mcp', 'logout', 'x'] },
  getPlain: {
    toml: `\n[mcp_servers.x]\nurl = "https://x.example/mcp"\ndefault_tools_approval_mode = "prompt"\n`,
    argv: ['codex', 'mcp', 'get', 'x'],
  },
  getJson: {
    toml: `\n[mcp_servers.x]\nurl = "https://x.example/mcp"\ndefault_tools_approval_mode = "prompt"\n`,
    argv: ['codex', 'mcp', 'get', 'x', '--json'],
  },
  listProbes: {
    toml: `\n[mcp_servers.a]\nurl = "${U}/listplain/mcp"\n\n[mcp_servers.b]\nurl = "${U}/listbearer/mcp"\nbearer_token_env_var = "B_TOKEN"\n`,
    argv: ['codex', 'mcp', 'list'],
  },
  doctorProbes: {
    toml: `\n[mcp_servers.a]\nurl = "${U}/doctorplain/mcp"\n\n[mcp_servers.b]\nurl = "${U}/doctorbearer/mcp"\nbearer_token_env_var = "B_TOKEN"\n`,
    argv: ['codex', 'doctor'],
  },
};

const homes: Record<string, string> = {};
const plans: PlanCase[] = [];
const oauth = skip
  ? null
  : {
      // `add` runs the whole sign-in itself when the browser completes it.
      addSignsIn: oauthCase(
        'addsignsin',
        ['codex', 'mcp', 'add', 'docs', '--url', '{url}'],
        () => '',
        { stopWhen: undefined, timeoutMs: 60_000 },
        '',
        true,
      ),
      logoutAuto: oauthCase(
        'logoutauto',
        ['bash', '-c', LOGIN_LOGOUT_EXEC],
        (url) => `\n[mcp_servers.docs]\nurl = "${url}"\n`,
        { stopWhen: undefined, timeoutMs: 90_000 },
        '',
        true,
      ),
      logoutFile: oauthCase(
        'logoutfile',
        ['bash', '-c', LOGIN_LOGOUT_EXEC],
        (url) => `\n[mcp_servers.docs]\nurl = "${url}"\n`,
        { stopWhen: undefined, timeoutMs: 90_000 },
        'mcp_oauth_credentials_store = "file"\n',
        true,
      ),
      // The advice: on such a machine, switch to the file store, then `logout` works.
      logoutSwitch: oauthCase(
        'logoutswitch',
        ['bash', '-c', SWITCH_THEN_LOGOUT],
        (url) => `\n[mcp_servers.docs]\nurl = "${url}"\n`,
        { stopWhen: undefined, timeoutMs: 90_000 },
        '',
        true,
      ),
      resource: oauthCase(
        'resource',
        ['codex', 'mcp', 'login', 'docs'],
        (url) =>
          `\n[mcp_servers.docs]\nurl = "${url}"\noauth_resource = "https://api.example.com/"\n`,
      ),
    };

if (!skip) {
  for (const [id, d] of Object.entries(defs)) {
    const home = prepareHome(`guides-${id}`);
    homes[id] = home;
    // The stdio record lives in the case's home.
    const toml = (d.toml ?? '').replace('"RECORD"', JSON.stringify(join(home, 'started.json')));
    writeFileSync(
      join(home, 'config.toml'),
      readFileSync(join(home, 'config.toml'), 'utf8') + toml,
    );
    plans.push({
      ...commandCase(id, home, d.argv, d.env),
      ...(toml.includes('fake-stdio') && {
        awaitFiles: { dir: home, pattern: '^started\\.json$', count: 1, maxMs: 15_000 },
      }),
    });
  }
  for (const [id, c] of Object.entries(oauth!)) {
    homes[id] = c.home;
    plans.push({ ...c.plan, id });
  }
}

const { out, requests } = runCases({
  skip,
  section: 'guides',
  servers: [{ port: MCP_PORT }, { port: OAUTH_PORT, oauth: true }],
  cases: () => plans,
  concurrency: 3,
  minutes: 10,
  record: () => ({ guideCases: plans.length }),
});
const started = (id: string): Record<string, string> | null => {
  const file = join(homes[id]!, 'started.json');
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { env: Record<string, string> }).env
    : null;
};
// The OAuth cases run scripts or name a loopback URL; the record names the command a reader types.
const LABELS: Record<string, string> = {
  addSignsIn: 'codex mcp add docs --url URL',
  logoutAuto: 'codex mcp logout docs',
  logoutFile: 'codex mcp logout docs',
  logoutSwitch: 'codex mcp logout docs',
  resource: 'codex mcp login docs',
};
const command = (id: string): string => LABELS[id] ?? commandLine(defs[id]!.argv);
const observed: Record<string, string> = {};
const observe = (key: string, id: string, pattern: RegExp, mask?: RegExp): string =>
  (observed[key] = log.observe(key, command(id), out(id).all, pattern, homes[id], mask));
const PINNED = CODEX_RELEASE === CODEX_NEWEST;

describe.skipIf(skip !== null)('runtime: what the guides say about Codex', () => {
  it('`add --url` that completes the sign-in prints "Successfully logged in."; only `login` names the server', () => {
    const add = out('addSignsIn');
    expect(add.code, add.all).toBe(0);
    const line = observe('add.success', 'addSignsIn', /^Successfully logged in/);
    expect(line).toBe('Successfully logged in.');
    expect(add.all).not.toMatch(/logged in to MCP server/);
  });

  it('without a keyring, `logout` with the default store fails and the token stays in use; with the "file" store it works', () => {
    const auto = out('logoutAuto');
    expect(auto.code, auto.all).toBe(0);
    expect(auto.all).toMatch(/^logout exit 1$/m);
    observe('logout.keyring', 'logoutAuto', /failed to delete OAuth tokens from keyring/);
    const home = homes['logoutAuto']!;
    expect(readFileSync(join(home, 'token-after.txt'), 'utf8').trim()).toBe('./.credentials.json');
    // The session after the failed logout still signs its requests with the token.
    const authed = requests('/logoutauto/', OAUTH_PORT).filter(
      (q) => q.rpc === 'tools/list' && q.headers['authorization'] === 'Bearer fake-access-token',
    );
    expect(authed.length, auto.all).toBeGreaterThan(0);

    // Switching to the file store afterwards lets `logout` delete the token the default store left.
    const switched = out('logoutSwitch');
    expect(switched.all).toMatch(/^logout exit 0$/m);
    expect(readFileSync(join(homes['logoutSwitch']!, 'token-after.txt'), 'utf8').trim()).toBe('');

    const file = out('logoutFile');
    expect(file.code, file.all).toBe(0);
    expect(file.all).toMatch(/^logout exit 0$/m);
    observe('logout.file', 'logoutFile', /^Removed OAuth credentials/);
    expect(readFileSync(join(homes['logoutFile']!, 'token-after.txt'), 'utf8').trim()).toBe('');
    const after = requests('/logoutfile/', OAUTH_PORT).filter((q) => q.rpc === 'tools/list');
    for (const q of after) expect(q.headers['authorization']).toBeUndefined();
  });

  it('a local server gets the allowlisted variables and the CA-bundle variables that are set, nothing else', () => {
    const r = out('caEnv');
    expect(r.code, r.all).toBe(0);
    const seen = started('caEnv');
    expect(seen, r.all).not.toBeNull();
    const env = plans.find((p) => p.id === 'caEnv')!.env;
    // Before CHANGES.stdioCaVars only the fixed list (allowlisted without the CA-bundle names).
    const ca = RUNTIME_FACTS.stdioCaVars ? CA_ENV : {};
    const fixed = Object.fromEntries(
      Object.entries(allowlisted(env)).filter(([k]) => !(k in CA_ENV)),
    );
    expect(seen).toEqual({ ...fixed, ...ca, PATH: seen!['PATH'] });
  });

  it('OAuth top-level keys inside a server table are ignored; sessions and `doctor` say so from the release that warns', () => {
    expect(out('oauthKeysExec').code).toBe(0);
    if (RUNTIME_FACTS.unknownSettingsWarning) {
      observe(
        'oauthkeys.exec',
        'oauthKeysExec',
        /`mcp_servers\.x\.mcp_oauth_credentials_store` is ignored/,
      );
      observe(
        'oauthkeys.doctor',
        'oauthKeysDoctor',
        /`mcp_servers\.x\.mcp_oauth_credentials_store` is ignored/,
      );
    } else {
      expect(out('oauthKeysExec').all).not.toMatch(/mcp_oauth_credentials_store/);
      expect(out('oauthKeysDoctor').all).not.toMatch(/mcp_oauth_credentials_store/);
    }
  });

  it("a session starts a server only when its name passes the release's name rule", () => {
    const dottedOk = RELEASE_FACTS.nameRule.pattern.test('acme.docs');
    expect(started('dottedRequired') !== null, out('dottedRequired').all).toBe(dottedOk);
    expect(started('dottedOptional') !== null, out('dottedOptional').all).toBe(dottedOk);
    expect(out('dottedOptional').code).toBe(0);
    if (dottedOk) expect(out('dottedRequired').code, out('dottedRequired').all).toBe(0);
    else {
      expect(out('dottedRequired').code).not.toBe(0);
      expect(out('dottedRequired').all).toContain(
        sessionNameRefusal('acme.docs', RELEASE_FACTS.nameRule),
      );
    }
    // A name no release's rule accepts loads from the file, and is never started.
    expect(started('badNameRequired'), out('badNameRequired').all).toBeNull();
    expect(out('badNameRequired').code).not.toBe(0);
    expect(out('badNameRequired').all).toContain(
      sessionNameRefusal('bad name', RELEASE_FACTS.nameRule),
    );
    if (PINNED)
      observe(
        'name.session.bad',
        'badNameRequired',
        /Invalid MCP server name 'bad name'/,
        LOG_TIME,
      );
  });

  it('an unreachable host: `add --url` writes the entry and prints "may or may not require login"; `login` fails', () => {
    expect(out('unreachableAdd').code, out('unreachableAdd').all).toBe(0);
    // Since CHANGES.addLoginHint (src/lib/codex): before it, `add` says nothing about login there.
    if (RELEASE_FACTS.addPrintsLoginHint)
      observe('unreachable.add', 'unreachableAdd', /may or may not require login/);
    else expect(out('unreachableAdd').all).not.toMatch(/require login/);
    expect(out('unreachableLogin').code).not.toBe(0);
    expect(out('unreachableLogin').all).not.toMatch(/may or may not require login/);
    if (PINNED) observe('unreachable.login', 'unreachableLogin', /^Error: /);
  });

  it('`oauth_resource` is sent as a second `resource` parameter, after the server URL', () => {
    const r = out('resource');
    const m = r.all.match(new RegExp(AUTHORIZE));
    expect(m, r.all).not.toBeNull();
    expect(new URL(m![0]).searchParams.getAll('resource')).toEqual([
      oauth!.resource.url,
      'https://api.example.com/',
    ]);
  });

  it('an env_http_headers variable set to "" is skipped like an unset one; `doctor` calls an empty bearer variable not set', () => {
    const reqs = requests('/emptyheader/', MCP_PORT);
    expect(reqs.map((q) => q.rpc)).toEqual(expect.arrayContaining(['initialize', 'tools/list']));
    for (const q of reqs) expect(q.headers['x-api-key']).toBeUndefined();
    observe('empty.header.doctor', 'emptyHeaderDoctor', /header env var EMPTY_HDR is not set/);
    if (RUNTIME_FACTS.doctorNamesBearerVar)
      observe(
        'empty.bearer.doctor',
        'emptyBearerDoctor',
        /bearer token env var OMNI_API_KEY is not set/,
      );
  });

  it('`logout` on a broken file prints the bootstrap error', () => {
    expect(out('brokenLogout').code).not.toBe(0);
    // The release's own words (src/lib/codex/facts.ts configRefusal.logout), the whole line.
    expect(out('brokenLogout').all).toMatch(
      new RegExp(`${configRefusalPattern('logout', CODEX_RELEASE).source}$`, 'm'),
    );
    if (PINNED) observe('broken.logout', 'brokenLogout', /^Error: failed to load/);
  });

  it('`mcp get` shows default_tools_approval_mode; `mcp get --json` leaves it out', () => {
    expect(out('getPlain').code).toBe(0);
    observe('get.approval', 'getPlain', /default_tools_approval_mode/);
    expect(out('getJson').stdout).not.toContain('approval');
  });

  it('`mcp list` sends requests to URL servers without a bearer variable; `doctor` sends HEAD to every URL', () => {
    expect(requests('/listplain/', MCP_PORT).length).toBeGreaterThan(0);
    expect(requests('/listbearer/', MCP_PORT)).toEqual([]);
    for (const p of ['/doctorplain/', '/doctorbearer/'])
      expect(requests(p, MCP_PORT).map((q) => q.method)).toContain('HEAD');
  });

  // Other releases print some lines in other words: each of those is checked above against the
  // release table, and observed here only where the table says it reads as on the pinned release.
  it('every message observed matches the committed record', () => {
    if (PINNED) return log.check();
    const record = JSON.parse(
      readFileSync(join(RECORD_DIR, 'messages-guides.json'), 'utf8'),
    ) as MessageRecord;
    for (const [key, text] of Object.entries(observed))
      expect(text, key).toBe(record.messages[key]?.text);
  });
});
