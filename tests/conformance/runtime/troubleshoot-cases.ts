/**
 * The cases behind the troubleshooting page: configs Codex refuses (mixed transports, duplicate tables,
 * Windows paths in basic strings, a table with no transport), turning a server off for one run with
 * `-c`, what `--profile` layers on, and OAuth failures a server can cause (no dynamic client
 * registration, an error from the token endpoint or from the authorize step, a keyring that is not there).
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseEnv, EXEC, MCP_PORT, prepareHome } from './harness.ts';
import type { PlanCase } from './plan.ts';
import type { FakeMcpOptions } from '../../support/fake-mcp.ts';

/** Loopback ports of the OAuth servers that fail in one way each (the namespace is private). */
export const PORTS = {
  plain: MCP_PORT,
  keyring: 7102,
  noRegistration: 7103,
  tokenError: 7104,
  authorizeError: 7105,
} as const;

/** The fake servers this file starts. */
export const SERVERS: FakeMcpOptions[] = [
  { port: PORTS.plain },
  { port: PORTS.keyring, oauth: true },
  { port: PORTS.noRegistration, oauth: true, registration: false },
  { port: PORTS.tokenError, oauth: true, tokenError: 'invalid_client' },
  { port: PORTS.authorizeError, oauth: true, authorizeError: 'invalid_scope' },
];

/** One case: the config (top-level keys, server tables, a profile file), the command, whether a browser follows redirects. */
export interface TroubleDef {
  toml?: string;
  top?: string;
  /** Written to CODEX_HOME/p.config.toml (the profile `-p p` layers on). */
  profile?: string;
  argv: string[];
  /** A fake browser that follows the provider's redirect back to Codex (OAuth cases). */
  browser?: boolean;
  timeoutMs?: number;
}

const U = `http://127.0.0.1:${MCP_PORT}`;
const X = EXEC.split(' ');
const exec = (...flags: string[]): string[] => [X[0]!, X[1]!, ...flags, ...X.slice(2)];
const remote = (name: string, url: string, more = ''): string =>
  `\n[mcp_servers.${name}]\nurl = "${url}"\n${more}`;
const oauthUrl = (port: number, key: string): string => `http://127.0.0.1:${port}/${key}/mcp`;
const LIST = ['codex', 'mcp', 'list'];

/** Every case, keyed by id. */
export const TROUBLE: Record<string, TroubleDef> = {
  mixed: {
    toml: `\n[mcp_servers.x]\ncommand = "npx"\nurl = "https://x.example/mcp"\n`,
    argv: LIST,
  },
  mixedExec: {
    toml: `\n[mcp_servers.x]\ncommand = "npx"\nurl = "https://x.example/mcp"\n`,
    argv: X,
  },
  duplicate: {
    toml: `${remote('x', 'https://x.example/mcp')}${remote('x', 'https://y.example/mcp')}`,
    argv: LIST,
  },
  winUnicode: { toml: `\n[mcp_servers.x]\ncommand = "C:\\Users\\me\\server.exe"\n`, argv: LIST },
  winEscape: { toml: `\n[mcp_servers.x]\ncommand = "C:\\tools\\server.exe"\n`, argv: LIST },
  winLiteral: {
    toml: `\n[mcp_servers.x]\ncommand = 'C:\\tools\\server.exe'\n`,
    argv: ['codex', 'mcp', 'get', 'x', '--json'],
  },
  winDoubled: {
    toml: `\n[mcp_servers.x]\ncommand = "C:\\\\tools\\\\server.exe"\n`,
    argv: ['codex', 'mcp', 'get', 'x', '--json'],
  },
  noTransport: { toml: `\n[mcp_servers.x]\nstartup_timeout_sec = 20\n`, argv: LIST },
  cNewServer: {
    toml: remote('x', 'https://x.example/mcp'),
    argv: ['codex', '-c', 'mcp_servers.y.enabled=false', 'mcp', 'list'],
  },
  strictMcp: {
    toml: remote('x', 'https://x.example/mcp'),
    argv: ['codex', '--strict-config', 'mcp', 'list'],
  },
  // A loopback URL: `mcp list` of 0.142.0-0.146.0 waits ~40 s for a remote whose host it cannot resolve.
  badNameList: { toml: `\n[mcp_servers."bad name!"]\nurl = "${U}/badnamelist/mcp"\n`, argv: LIST },
  badNameExec: { toml: `\n[mcp_servers."bad name!"]\nurl = "${U}/badname/mcp"\n`, argv: X },
  // Turning one server off for one run, and the same config without the flag as the control.
  cOff: {
    toml: remote('on', `${U}/coff-on/mcp`) + remote('off', `${U}/coff-off/mcp`),
    argv: exec('-c', 'mcp_servers.off.enabled=false'),
  },
  cControl: {
    toml: remote('on', `${U}/cctl-on/mcp`) + remote('off', `${U}/cctl-off/mcp`),
    argv: X,
  },
  cOn: {
    toml: remote('dormant', `${U}/con-dormant/mcp`, 'enabled = false\n'),
    argv: exec('-c', 'mcp_servers.dormant.enabled=true'),
  },
  cOffList: {
    toml: remote('off', 'https://x.example/mcp'),
    argv: ['codex', '-c', 'mcp_servers.off.enabled=false', 'mcp', 'list'],
  },
  // Profiles: a file CODEX_HOME/p.config.toml layered on the base config by `-p p`.
  profile: {
    toml: remote('base', `${U}/prof-base/mcp`) + remote('kept', `${U}/prof-kept/mcp`),
    profile: `${remote('extra', `${U}/prof-extra/mcp`)}\n[mcp_servers.base]\nenabled = false\n`,
    argv: exec('-p', 'p'),
  },
  profileMissing: { toml: remote('base', `${U}/profmiss-base/mcp`), argv: exec('-p', 'nope') },
  profileLegacy: {
    toml: `${remote('base', `${U}/legacy-base/mcp`)}\n[profiles.p.mcp_servers.z]\nurl = "${U}/legacy-z/mcp"\n`,
    argv: exec('-p', 'p'),
  },
  profileLegacyNoFlag: {
    toml: `${remote('base', `${U}/legacynf-base/mcp`)}\n[profiles.p.mcp_servers.z]\nurl = "${U}/legacynf-z/mcp"\n`,
    argv: X,
  },
  profileAdd: {
    toml: remote('x', 'https://x.example/mcp'),
    profile: 'model_reasoning_effort = "low"\n',
    argv: [
      'codex',
      '-p',
      'p',
      'mcp',
      'add',
      'w',
      '--url',
      'https://w.example/mcp',
      '--bearer-token-env-var',
      'T',
    ],
  },
  // OAuth failures.
  noRegistration: {
    toml: remote('docs', oauthUrl(PORTS.noRegistration, 'noreg')),
    argv: ['codex', 'mcp', 'login', 'docs'],
    browser: true,
  },
  noRegistrationAdd: {
    argv: ['codex', 'mcp', 'add', 'docs', '--url', oauthUrl(PORTS.noRegistration, 'noregadd')],
    browser: true,
  },
  tokenError: {
    toml: remote('docs', oauthUrl(PORTS.tokenError, 'tokenerr')),
    argv: ['codex', 'mcp', 'login', 'docs'],
    browser: true,
  },
  authorizeError: {
    toml: remote('docs', oauthUrl(PORTS.authorizeError, 'autherr')),
    argv: ['codex', 'mcp', 'login', 'docs'],
    browser: true,
  },
  loginNoOAuth: {
    toml: remote('plain', `${U}/loginplain/mcp`),
    argv: ['codex', 'mcp', 'login', 'plain'],
  },
  addNoOAuth: { argv: ['codex', 'mcp', 'add', 'plain', '--url', `${U}/addplain/mcp`] },
  notLoggedIn: { toml: remote('docs', oauthUrl(PORTS.keyring, 'nologin')), argv: X },
  notLoggedInList: { toml: remote('docs', oauthUrl(PORTS.keyring, 'nologinlist')), argv: LIST },
  // Servers that do not start: a command that is not installed, one that exits at once, one that
  // never answers the handshake within a small startup_timeout_sec, remote endpoints that fail.
  missingCommand: { toml: `\n[mcp_servers.x]\ncommand = "no-such-mcp-server"\n`, argv: X },
  exitsAtOnce: { toml: `\n[mcp_servers.x]\ncommand = "sh"\nargs = ["-c", "exit 3"]\n`, argv: X },
  handshakeTimeout: {
    toml: `\n[mcp_servers.x]\ncommand = "sleep"\nargs = ["30"]\nstartup_timeout_sec = 1\n`,
    argv: X,
  },
  requiredMissing: {
    toml: `\n[mcp_servers.x]\ncommand = "no-such-mcp-server"\nrequired = true\n`,
    argv: X,
  },
  http401: { toml: remote('x', `${U}/status-401/mcp`), argv: X },
  http403: { toml: remote('x', `${U}/status-403/mcp`), argv: X },
  http404: { toml: remote('x', `${U}/status-404/mcp`), argv: X },
  http500: { toml: remote('x', `${U}/status-500/mcp`), argv: X },
  htmlType: { toml: remote('x', `${U}/html/mcp`), argv: X },
  tlsPlain: { toml: remote('x', `https://127.0.0.1:${MCP_PORT}/tls/mcp`), argv: X },
  keyring: {
    top: 'mcp_oauth_credentials_store = "keyring"\n',
    toml: remote('docs', oauthUrl(PORTS.keyring, 'keyring')),
    argv: ['codex', 'mcp', 'login', 'docs'],
    browser: true,
  },
};

/** The plan for one case, with its home prepared (config, profile file, fake browser). */
export function troublePlan(id: string, d: TroubleDef): { plan: PlanCase; home: string } {
  const home = prepareHome(`trouble-${id}`, d.toml ?? '', d.top ?? '');
  if (d.profile !== undefined) writeFileSync(join(home, 'p.config.toml'), d.profile, 'utf8');
  const env: Record<string, string> = baseEnv(home);
  if (d.browser) {
    // Follows the authorize URL the way a browser would, so the provider's redirect reaches Codex.
    const browser = join(home, 'browser.sh');
    writeFileSync(browser, `#!/bin/sh\ncurl -s -L -o /dev/null "$1"\n`, 'utf8');
    chmodSync(browser, 0o755);
    env['BROWSER'] = browser;
  }
  return { plan: { id, argv: d.argv, env, cwd: home, timeoutMs: d.timeoutMs ?? 40_000 }, home };
}
