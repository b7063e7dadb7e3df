/**
 * What the guides say about Codex beyond the generated outputs, each proven by the real CLI inside the
 * network namespace: how `add`/`remove` rewrite the file, what a session says about unknown keys and
 * unset variables, what each command prints for a broken file or a bad name. The lines Codex prints
 * are kept in tests/conformance/recorded/messages-cli.json; a reworded message fails here.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configRefusalPattern, type ConfigCommand } from '../../../src/lib/codex/index.ts';
import { CODEX_RELEASE, RELEASE_FACTS, RUNTIME_FACTS } from '../../support/codex.ts';
import { NODE } from '../../support/netns.ts';
import {
  commandCase,
  commandLine,
  EXEC,
  MCP_PORT,
  prepareHome,
  runCases,
  runtimeSkip,
  STDIO_SCRIPT,
} from './harness.ts';
import type { PlanCase } from './plan.ts';
import { MessageLog } from './record.ts';

const skip = runtimeSkip();
const log = new MessageLog('cli');
const U = `http://127.0.0.1:${MCP_PORT}`;

const REWRITE_TOP = '# top comment\nmodel_reasoning_effort = "low"\n\n';
const REWRITE = `
# comment above the first server
[mcp_servers.a]
# comment inside a server table
command = "npx" # trailing comment
args = [
  "-y",
  "pkg",
]
env = { A = "1" }

[mcp_servers.b]
url = "https://b.example/mcp"
headers = { X = "1" }
`;
const BROKEN = `\n[mcp_servers.x]\nurl = "${U}/broken/mcp"\nenv = { A = "b" }\n`;

interface Def {
  toml?: string;
  top?: string;
  argv: string[];
  env?: Record<string, string>;
}
const defs: Record<string, Def> = {
  add: {
    top: REWRITE_TOP,
    toml: REWRITE,
    argv: [
      'codex',
      'mcp',
      'add',
      'c',
      '--url',
      'https://c.example/mcp',
      '--bearer-token-env-var',
      'T',
    ],
  },
  remove: { top: REWRITE_TOP, toml: REWRITE, argv: ['codex', 'mcp', 'remove', 'b'] },
  unknownExec: {
    toml: `\n[mcp_servers.x]\nurl = "${U}/unknown/mcp"\nheaders = { A = "b" }\n`,
    argv: EXEC.split(' '),
  },
  unknownStrict: {
    toml: `\n[mcp_servers.x]\nurl = "${U}/strict/mcp"\nheaders = { A = "b" }\n`,
    argv: ['codex', 'exec', '--strict-config', '--skip-git-repo-check', 'hi'],
  },
  unknownList: {
    toml: `\n[mcp_servers.x]\nurl = "https://x.example/mcp"\nheaders = { A = "b" }\n`,
    argv: ['codex', 'mcp', 'list'],
  },
  unknownGet: {
    toml: `\n[mcp_servers.x]\nurl = "https://x.example/mcp"\nheaders = { A = "b" }\n`,
    argv: ['codex', 'mcp', 'get', 'x', '--json'],
  },
  unsetBearer: {
    toml: `\n[mcp_servers.omni]\nurl = "${U}/unsetbearer/mcp"\nbearer_token_env_var = "OMNI_API_KEY"\n`,
    argv: EXEC.split(' '),
  },
  emptyBearer: {
    toml: `\n[mcp_servers.omni]\nurl = "${U}/emptybearer/mcp"\nbearer_token_env_var = "OMNI_API_KEY"\n`,
    argv: EXEC.split(' '),
    env: { OMNI_API_KEY: '' },
  },
  unsetBearerDoctor: {
    toml: `\n[mcp_servers.omni]\nurl = "${U}/doctorbearer/mcp"\nbearer_token_env_var = "OMNI_API_KEY"\n`,
    argv: ['codex', 'doctor'],
  },
  unsetHeader: {
    toml: `\n[mcp_servers.h]\nurl = "${U}/unsetheader/mcp"\n[mcp_servers.h.env_http_headers]\nX-Api-Key = "UNSET_HDR"\n`,
    argv: EXEC.split(' '),
  },
  unsetHeaderDoctor: {
    toml: `\n[mcp_servers.h]\nurl = "${U}/doctorheader/mcp"\n[mcp_servers.h.env_http_headers]\nX-Api-Key = "UNSET_HDR"\n`,
    argv: ['codex', 'doctor'],
  },
  brokenList: { toml: BROKEN, argv: ['codex', 'mcp', 'list'] },
  brokenGet: { toml: BROKEN, argv: ['codex', 'mcp', 'get', 'x'] },
  brokenAdd: {
    toml: BROKEN,
    argv: [
      'codex',
      'mcp',
      'add',
      'y',
      '--url',
      'https://y.example/mcp',
      '--bearer-token-env-var',
      'T',
    ],
  },
  brokenRemove: { toml: BROKEN, argv: ['codex', 'mcp', 'remove', 'x'] },
  brokenLogin: { toml: BROKEN, argv: ['codex', 'mcp', 'login', 'x'] },
  brokenExec: { toml: BROKEN, argv: EXEC.split(' ') },
  brokenDoctor: { toml: BROKEN, argv: ['codex', 'doctor'] },
  inlineBearer: {
    toml: `\n[mcp_servers.x]\nurl = "https://x.example/mcp"\nbearer_token = "abc"\n`,
    argv: ['codex', 'mcp', 'list'],
  },
  loginBadName: { argv: ['codex', 'mcp', 'login', 'bad name!'] },
  addBadName: {
    argv: [
      'codex',
      'mcp',
      'add',
      'bad name!',
      '--url',
      'https://y.example/mcp',
      '--bearer-token-env-var',
      'T',
    ],
  },
  removeBadName: { argv: ['codex', 'mcp', 'remove', 'bad name!'] },
  removeMissing: { argv: ['codex', 'mcp', 'remove', 'nothere'] },
  loginStdio: {
    toml: `\n[mcp_servers.s]\ncommand = "true"\n`,
    argv: ['codex', 'mcp', 'login', 's'],
  },
  slowOptional: {
    toml: `\n[mcp_servers.slow]\ncommand = "sleep"\nargs = ["100"]\n`,
    argv: EXEC.split(' '),
  },
  slowDefault: {
    toml: `\n[mcp_servers.slow]\ncommand = "sleep"\nargs = ["100"]\nrequired = true\n`,
    argv: EXEC.split(' '),
  },
  slowShort: {
    toml: `\n[mcp_servers.slow]\ncommand = "sleep"\nargs = ["100"]\nstartup_timeout_sec = 2\nrequired = true\n`,
    argv: EXEC.split(' '),
  },
  addHelp: { argv: ['codex', 'mcp', 'add', '--help'] },
  loginHelp: { argv: ['codex', 'mcp', 'login', '--help'] },
  addEnvWithUrl: {
    argv: ['codex', 'mcp', 'add', 'z', '--env', 'A=1', '--url', 'https://z.example/mcp'],
  },
  version: { argv: ['codex', '--version'] },
};

const homes: Record<string, string> = {};

/**
 * A required stdio server that records where it started, run with `cwd` (given the case's HOME);
 * $HOME/sub exists, so a `cwd = "~/sub"` that Codex expanded would start there.
 */
function cwdCase(id: string, cwd: (home: string) => string): PlanCase {
  const home = prepareHome(`cli-${id}`);
  mkdirSync(join(home, 'sub'));
  const server = {
    command: NODE,
    args: [STDIO_SCRIPT, join(home, 'started.json')],
    cwd: cwd(home),
  };
  const toml = Object.entries(server).map(([k, v]) => `${k} = ${JSON.stringify(v)}`);
  appendFileSync(
    join(home, 'config.toml'),
    `\n[mcp_servers.c]\n${toml.join('\n')}\nrequired = true\nstartup_timeout_sec = 20\n`,
  );
  homes[id] = home;
  return commandCase(id, home, EXEC.split(' '));
}

const plans: PlanCase[] = skip
  ? []
  : Object.entries(defs).map(([id, d]) => {
      const home = prepareHome(`cli-${id}`, d.toml ?? '', d.top ?? '');
      homes[id] = home;
      return commandCase(id, home, d.argv, d.env);
    });
if (!skip) {
  plans.push(
    cwdCase('cwdTilde', () => '~/sub'),
    cwdCase('cwdFull', (home) => join(home, 'sub')),
  );
}

const { out, requests } = runCases({
  skip,
  section: 'cli',
  servers: [{ port: MCP_PORT }],
  cases: () => plans,
  concurrency: 3,
  minutes: 10,
  record: () => ({ cliCases: plans.length }),
});

const rpcs = (prefix: string): string[] => requests(prefix).flatMap((q) => (q.rpc ? [q.rpc] : []));
const observe = (key: string, id: string, pattern: RegExp, mask?: RegExp): string =>
  log.observe(key, commandLine(defs[id]!.argv), out(id).all, pattern, homes[id], mask);

describe.skipIf(skip !== null)('runtime: what the guides say about Codex', () => {
  it('every `codex` a case runs is the release under test (CODEX_RELEASE), not the pinned one', () => {
    // Regression: the cases' PATH used to start with node_modules/.bin, so every release ran the pinned codex.
    expect(out('version').stdout.trim()).toBe(`codex-cli ${CODEX_RELEASE}`);
  });

  it('`add` and `remove` rewrite every [mcp_servers.*] table; the rest of the file keeps its comments', () => {
    for (const id of ['add', 'remove']) {
      expect(out(id).code, out(id).all).toBe(0);
      const text = readFileSync(join(homes[id]!, 'config.toml'), 'utf8');
      expect(text).toContain('# top comment');
      expect(text).not.toContain('# comment above the first server');
      expect(text).not.toContain('# comment inside a server table');
      expect(text).not.toContain('# trailing comment');
      expect(text).toContain('args = ["-y", "pkg"]'); // multi-line array collapsed
      expect(text).toMatch(/^\[mcp_servers\.a\.env\]$/m); // inline table became a sub-table
      expect(text).not.toMatch(/^headers = /m); // an unknown key in another server's table is dropped
    }
    observe('add.added', 'add', /^Added global MCP server 'c'\.$/);
  });

  it('unknown keys: a session warns and names them, --strict-config refuses them, `mcp list`/`get` say nothing', () => {
    expect(out('unknownExec').code).toBe(0);
    if (RUNTIME_FACTS.unknownSettingsWarning) {
      observe(
        'unknown.warning',
        'unknownExec',
        /Codex is ignoring 1 unrecognized configuration setting/,
      );
      observe('unknown.key', 'unknownExec', /`mcp_servers\.x\.headers` is ignored/);
    } else {
      // Before CHANGES.unknownSettingsWarning: the key is ignored without a word.
      expect(out('unknownExec').all).not.toMatch(/ignor|unrecogni|headers/i);
    }
    expect(out('unknownStrict').code).not.toBe(0);
    observe(
      'unknown.strict',
      'unknownStrict',
      /unknown configuration field `mcp_servers\.x\.headers`/,
    );
    for (const id of ['unknownList', 'unknownGet']) {
      expect(out(id).code).toBe(0);
      expect(out(id).all).not.toMatch(/ignor|unrecogni/i);
    }
  });

  it('an unset or empty bearer variable: the server is never contacted, the session says nothing, `codex doctor` names it', () => {
    expect(out('unsetBearer').code).toBe(0);
    expect(rpcs('/unsetbearer/')).toEqual([]);
    expect(rpcs('/emptybearer/')).toEqual([]);
    expect(out('unsetBearer').stderr).not.toContain('OMNI_API_KEY');
    if (RUNTIME_FACTS.doctorNamesBearerVar)
      observe('doctor.bearer', 'unsetBearerDoctor', /bearer token env var OMNI_API_KEY is not set/);
    else {
      // Before CHANGES.doctorNamesBearerVar: the mcp check warns without naming the variable.
      expect(out('unsetBearerDoctor').all).toMatch(/⚠ mcp +MCP configuration has optional issues/);
      expect(out('unsetBearerDoctor').all).not.toContain('OMNI_API_KEY');
    }
  });

  it('an unset env_http_headers variable: the header is left out silently, `codex doctor` names it', () => {
    const reqs = requests('/unsetheader/');
    expect(reqs.map((q) => q.rpc)).toEqual(expect.arrayContaining(['initialize', 'tools/list']));
    for (const q of reqs) expect(q.headers['x-api-key']).toBeUndefined();
    expect(out('unsetHeader').all).not.toContain('UNSET_HDR');
    observe('doctor.header', 'unsetHeaderDoctor', /header env var UNSET_HDR is not set/);
  });

  it('a broken file: each command words it differently, and `codex doctor` still runs', () => {
    for (const id of [
      'brokenList',
      'brokenGet',
      'brokenAdd',
      'brokenRemove',
      'brokenLogin',
      'brokenExec',
    ])
      expect(out(id).code, id).not.toBe(0);
    // Each command's first line is the release's own wording (src/lib/codex/facts.ts), the whole line.
    const refused = (c: ConfigCommand): RegExp =>
      new RegExp(`${configRefusalPattern(c, CODEX_RELEASE).source}$`);
    observe('broken.list', 'brokenList', refused('list'));
    observe('broken.get', 'brokenGet', refused('get'));
    observe('broken.add', 'brokenAdd', refused('add'));
    observe('broken.login', 'brokenLogin', refused('login'));
    observe('broken.remove', 'brokenRemove', /^Error: failed to load MCP servers from /);
    observe('broken.exec', 'brokenExec', /^Error loading config\.toml: /);
    observe('broken.reason', 'brokenList', /env is not supported for streamable_http/);
    observe('broken.doctor', 'brokenDoctor', /config could not be loaded/);
    observe('inline.bearer', 'inlineBearer', /bearer_token is not supported for streamable_http/);
  });

  it('names: `add` and `remove` check them, `login` does not; other refusals', () => {
    observe('name.add', 'addBadName', /^Error: invalid server name 'bad name!'/);
    observe('name.remove', 'removeBadName', /^Error: invalid server name 'bad name!'/);
    observe('name.login', 'loginBadName', /^Error: No MCP server named 'bad name!' found\.$/);
    expect(out('removeMissing').code).toBe(0);
    observe('remove.missing', 'removeMissing', /^No MCP server named 'nothere' found\.$/);
    observe(
      'login.stdio',
      'loginStdio',
      /OAuth login is only supported for streamable HTTP servers/,
    );
    observe('add.envWithUrl', 'addEnvWithUrl', /^Error: command is required$/);
  });

  it('cwd: Codex does not expand "~"; a full path works (the generator and the doctor say so)', () => {
    const started = (id: string) => join(homes[id] as string, 'started.json');
    const full = out('cwdFull');
    expect(full.code, full.all).toBe(0);
    const seen = JSON.parse(readFileSync(started('cwdFull'), 'utf8')) as { cwd: string };
    expect(seen.cwd).toBe(join(homes['cwdFull'] as string, 'sub'));
    // $HOME/sub exists, yet "~/sub" does not reach it: the required server never starts.
    const tilde = out('cwdTilde');
    expect(tilde.code, tilde.all).not.toBe(0);
    expect(existsSync(started('cwdTilde'))).toBe(false);
  });

  it('startup: `codex exec` does not wait for a server unless `required = true`; then it waits 30 s by default, or `startup_timeout_sec`, and fails', () => {
    // A server that never answers.
    const optional = out('slowOptional');
    expect(optional.code, optional.all).toBe(0);
    // Before CHANGES.execWaitsOnlyForRequired a session waited for every server (30 s by default) first.
    if (RUNTIME_FACTS.execWaitsOnlyForRequired) expect(optional.ms).toBeLessThan(25_000);
    else expect(optional.ms).toBeGreaterThan(29_000);
    const slow = out('slowDefault');
    expect(slow.code, slow.all).not.toBe(0);
    expect(slow.ms).toBeGreaterThan(29_000);
    expect(slow.all).toMatch(/timed out handshaking with MCP server after 29\.\d+s/);
    const short = out('slowShort');
    expect(short.code).not.toBe(0);
    expect(short.all).toMatch(/timed out handshaking with MCP server after 1\.\d+s/);
    // Only the duration varies per run; the words around it are the release's (CHANGES.startupDeadlineWording).
    expect(short.all.includes('s: deadline has elapsed (code'), short.all).toBe(
      RUNTIME_FACTS.startupDeadlineWording,
    );
    observe(
      'startup.required',
      'slowShort',
      /^Error: .*required MCP servers failed to initialize/,
      /(?<= after )\d+(?:\.\d+)?(?=s\b)/,
    );
    console.log(
      `startup timing: not required ${optional.ms} ms; required, default timeout ${slow.ms} ms; required, startup_timeout_sec = 2: ${short.ms} ms`,
    );
  });

  it("flags: `add` and `login` have exactly the release's OAuth flags (--oauth-client-registration, --no-browser only on `login`)", () => {
    // From the release table: both since CHANGES.oauthClientRegistration, --no-browser since CHANGES.loginNoBrowser.
    const registration = '--oauth-client-registration <AUTO|CIMD|DCR>';
    const has = (id: string, flag: string): boolean => out(id).stdout.includes(flag);
    expect(has('addHelp', registration)).toBe(
      RELEASE_FACTS.addFlags.includes('--oauth-client-registration'),
    );
    expect(has('loginHelp', registration)).toBe(
      RELEASE_FACTS.loginFlags.includes('--oauth-client-registration'),
    );
    expect(has('loginHelp', '--no-browser')).toBe(
      RELEASE_FACTS.loginFlags.includes('--no-browser'),
    );
    expect(out('addHelp').stdout).not.toContain('--no-browser');
    expect(out('addHelp').stdout).toContain('--oauth-client-id <CLIENT_ID>');
  });

  // Last, after every observation above: a reworded message fails here (UPDATE_RECORD=1 rewrites the record).
  it('every message observed matches the committed record', () => {
    log.check();
  });
});
