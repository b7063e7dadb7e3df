/**
 * What the troubleshooting page says, proven by the real CLI inside the network namespace (cases in
 * troubleshoot-cases.ts): the exact text of each refusal (mixed transports, duplicate tables, Windows
 * paths in basic strings, a table with no transport, OAuth failures), that `-c mcp_servers.NAME.enabled=false`
 * keeps a server from starting for one run, and what `--profile` can do for MCP servers. The lines Codex
 * prints are kept in tests/conformance/recorded/messages-troubleshoot.json; a reworded message fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readToml, RELEASE_FACTS, RUNTIME_FACTS } from '../../support/codex.ts';
import { runCases, runtimeSkip } from './harness.ts';
import type { PlanCase } from './plan.ts';
import { MessageLog } from './record.ts';
import { PORTS, SERVERS, TROUBLE, troublePlan } from './troubleshoot-cases.ts';

const skip = runtimeSkip();
const log = new MessageLog('troubleshoot');
// Servers that fail to start: a record of its own (messages-startup.json), so the older releases'
// troubleshoot records stay as they were measured.
const startupLog = new MessageLog('startup');
const homes: Record<string, string> = {};
const plans: PlanCase[] = skip
  ? []
  : Object.entries(TROUBLE).map(([id, d]) => {
      const p = troublePlan(id, d);
      homes[id] = p.home;
      return p.plan;
    });

const { out, requests } = runCases({
  skip,
  section: 'troubleshoot',
  servers: SERVERS,
  cases: () => plans,
  concurrency: 3,
  minutes: 10,
  record: () => ({ troubleshootCases: plans.length }),
});

/** The JSON-RPC methods the plain fake server saw under one path prefix. */
const rpcs = (prefix: string): string[] =>
  requests(prefix, PORTS.plain).flatMap((q) => (q.rpc ? [q.rpc] : []));
const shown = (argv: string[]): string =>
  argv
    .map((a) =>
      /[\s!]/.test(a) ? `'${a}'` : a.replace(/^http:\/\/127\.0\.0\.1:\d+\/\w+\/mcp$/, 'URL'),
    )
    .join(' ');
const observe = (key: string, id: string, pattern: RegExp, mask?: RegExp): string =>
  log.observe(key, shown(TROUBLE[id]!.argv), out(id).all, pattern, homes[id], mask);
const observeStartup = (key: string, id: string, pattern: RegExp, mask?: RegExp): string =>
  startupLog.observe(key, shown(TROUBLE[id]!.argv), out(id).all, pattern, homes[id], mask);
// Where in the file a TOML error points depends on the file; the record keeps the words.
const AT = /(?<=config\.toml:)\d+:\d+(?=: )/;

describe.skipIf(skip !== null)('runtime: the messages on the troubleshooting page', () => {
  it('a table with both `command` and `url`, or with neither, is refused by every command', () => {
    for (const id of ['mixed', 'mixedExec', 'noTransport', 'cNewServer'])
      expect(out(id).code, id).not.toBe(0);
    // Before CHANGES.bootstrapMessage the cause is a numbered list ("0: FILE:1:1: …", then "1: …").
    const cause = RELEASE_FACTS.causeHasFileLine.list ? '1: ' : '';
    observe('transport.mixed', 'mixed', new RegExp(`^\\s*${cause}url is not supported for stdio$`));
    observe(
      'transport.mixedExec',
      'mixedExec',
      /^Error loading config\.toml: url is not supported for stdio$/,
    );
    observe('transport.where', 'mixed', /^\s*in `mcp_servers\.x`$/);
    observe('transport.none', 'noTransport', new RegExp(`^\\s*${cause}invalid transport$`));
    // `-c` with a server name the file does not define creates a table with no transport.
    expect(out('cNewServer').all).toContain('in `mcp_servers.y`');
  });

  it('TOML errors: a duplicate table, a Windows path in a basic string; a literal string keeps the backslashes', () => {
    for (const id of ['duplicate', 'winUnicode', 'winEscape']) expect(out(id).code, id).not.toBe(0);
    observe('toml.duplicate', 'duplicate', /config\.toml:\d+:\d+: duplicate key$/, AT);
    observe('toml.unicode', 'winUnicode', /config\.toml:\d+:\d+: too few unicode value digits/, AT);
    observe('toml.escape', 'winEscape', /config\.toml:\d+:\d+: missing escaped value/, AT);
    observe(
      'toml.where',
      'winEscape',
      /TOML parse error at line \d+, column \d+$/,
      /\d+, column \d+$/,
    );
    // The position is that of the second table.
    const second =
      readFileSync(join(homes['duplicate']!, 'config.toml'), 'utf8')
        .split('\n')
        .lastIndexOf('[mcp_servers.x]') + 1;
    expect(out('duplicate').all).toContain(`config.toml:${second}:14: duplicate key`);
    for (const id of ['winLiteral', 'winDoubled']) {
      expect(out(id).code, out(id).all).toBe(0);
      expect(JSON.parse(out(id).stdout).transport.command).toBe('C:\\tools\\server.exe');
    }
  });

  it('`--strict-config` is refused by `codex mcp`', () => {
    expect(out('strictMcp').code).not.toBe(0);
    observe(
      'strict.mcp',
      'strictMcp',
      /^Error: `--strict-config` is not supported for `codex mcp`$/,
    );
  });

  it('a server whose table name is not a valid name is listed, never started, and the session says nothing', () => {
    expect(out('badNameList').code).toBe(0);
    expect(out('badNameList').stdout).toMatch(
      /^bad name!\s+http:\/\/127\.0\.0\.1:\d+\/badnamelist\/mcp/m,
    );
    expect(out('badNameExec').code).toBe(0);
    expect(rpcs('/badname/')).toEqual([]);
    expect(out('badNameExec').all).not.toMatch(/bad name|invalid server name/i);
  });

  it('`-c mcp_servers.NAME.enabled=false` keeps that server from starting for that run only, `=true` starts a disabled one; `mcp list` shows it disabled', () => {
    expect(out('cOff').code, out('cOff').all).toBe(0);
    expect(rpcs('/coff-off/')).toEqual([]);
    expect(rpcs('/coff-on/')).toEqual(expect.arrayContaining(['initialize', 'tools/list']));
    // The same file without the flag: both start.
    expect(rpcs('/cctl-off/')).toEqual(expect.arrayContaining(['initialize', 'tools/list']));
    expect(rpcs('/cctl-on/')).toEqual(expect.arrayContaining(['initialize', 'tools/list']));
    expect(readFileSync(join(homes['cOff']!, 'config.toml'), 'utf8')).not.toContain('enabled');
    // And the other way: `enabled=true` starts a server the file turns off.
    expect(out('cOn').code, out('cOn').all).toBe(0);
    expect(rpcs('/con-dormant/')).toEqual(expect.arrayContaining(['initialize', 'tools/list']));
    expect(out('cOffList').stdout).toMatch(/^off\s+https:\/\/x\.example\/mcp\s+-\s+disabled\s/m);
  });

  it('`-p NAME` layers CODEX_HOME/NAME.config.toml: it can add servers and turn one off; a missing file is not an error', () => {
    expect(out('profile').code, out('profile').all).toBe(0);
    expect(rpcs('/prof-base/')).toEqual([]);
    expect(rpcs('/prof-extra/')).toEqual(expect.arrayContaining(['initialize', 'tools/list']));
    expect(rpcs('/prof-kept/')).toEqual(expect.arrayContaining(['initialize', 'tools/list']));
    expect(out('profileMissing').code).toBe(0);
    expect(rpcs('/profmiss-base/')).toEqual(expect.arrayContaining(['initialize', 'tools/list']));
    expect(out('profileMissing').all).not.toContain('nope');
  });

  it('`[profiles.p.mcp_servers]` in config.toml is ignored with a warning, and `-p p` refuses the legacy table', () => {
    expect(out('profileLegacyNoFlag').code).toBe(0);
    expect(rpcs('/legacynf-z/')).toEqual([]);
    expect(rpcs('/legacynf-base/')).toEqual(expect.arrayContaining(['initialize']));
    if (RUNTIME_FACTS.unknownSettingsWarning)
      observe('profile.ignored', 'profileLegacyNoFlag', /`profiles\.p\.mcp_servers` is ignored\.$/);
    // Before CHANGES.unknownSettingsWarning the table is ignored without a word.
    else expect(out('profileLegacyNoFlag').all).not.toMatch(/profiles\.p|ignor/);
    expect(out('profileLegacy').code).not.toBe(0);
    expect(rpcs('/legacy-')).toEqual([]);
    observe('profile.legacy', 'profileLegacy', /--profile `p` cannot be used while/);
  });

  it('`codex -p p mcp add` writes to config.toml, not to the profile file', () => {
    expect(out('profileAdd').code).toBe(0);
    const home = homes['profileAdd']!;
    expect(Object.keys(readToml(join(home, 'config.toml'))['mcp_servers'] as object)).toEqual([
      'x',
      'w',
    ]);
    expect(readFileSync(join(home, 'p.config.toml'), 'utf8')).toBe(
      'model_reasoning_effort = "low"\n',
    );
  });

  it('OAuth: a server without dynamic client registration; `add` has already written the table', () => {
    for (const id of ['noRegistration', 'noRegistrationAdd']) expect(out(id).code, id).not.toBe(0);
    observe(
      'oauth.noRegistration',
      'noRegistration',
      /^Error: Registration failed: .*Dynamic client registration not supported$/,
    );
    expect(out('noRegistrationAdd').all).toContain("Added global MCP server 'docs'.");
    expect(
      readToml(join(homes['noRegistrationAdd']!, 'config.toml'))['mcp_servers'],
    ).toHaveProperty('docs');
  });

  it('OAuth: the token endpoint answers invalid_client; the provider redirects back with invalid_scope', () => {
    expect(out('tokenError').code).not.toBe(0);
    observe('oauth.callback', 'tokenError', /^Error: failed to handle OAuth callback$/);
    // "fake invalid_client" is the fake's error_description; a real provider's words differ.
    observe(
      'oauth.invalidClient',
      'tokenError',
      /OAuth token exchange failed: Server returned error response: invalid_client/,
      /: fake invalid_client$/,
    );
    expect(out('authorizeError').code).not.toBe(0);
    observe(
      'oauth.scopeRetry',
      'authorizeError',
      /^OAuth provider rejected discovered scopes\. Retrying without scopes/,
    );
    observe(
      'oauth.providerError',
      'authorizeError',
      /^Error: OAuth provider returned `invalid_scope`$/,
    );
    // Codex asked twice: once with the discovered scopes, then again.
    expect(
      requests('', PORTS.authorizeError).filter((q) => q.path.startsWith('/authorize')).length,
    ).toBe(2);
  });

  it('OAuth on a server that does not use it: `login` still tries to register at /register; `add` just writes the table', () => {
    expect(out('loginNoOAuth').code).not.toBe(0);
    // What follows "analyze response error:" depends on what the server answers (here an empty 404).
    const registers = RUNTIME_FACTS.loginRegistersWithoutMetadata;
    if (registers)
      observe(
        'oauth.notOAuth',
        'loginNoOAuth',
        /^Error: Registration failed: .*analyze response error/,
        /(?<=analyze response error: ).*$/,
      );
    // Before CHANGES.loginRegistersWithoutMetadata `login` stopped at discovery.
    else observe('oauth.notOAuth', 'loginNoOAuth', /^Error: No authorization support detected$/);
    expect(
      requests('', PORTS.plain).some((q) => q.path === '/register' && q.method === 'POST'),
    ).toBe(registers);
    expect(out('addNoOAuth').code).toBe(0);
    expect(out('addNoOAuth').all).not.toMatch(/OAuth|Authorize/);
    expect(readToml(join(homes['addNoOAuth']!, 'config.toml'))['mcp_servers']).toHaveProperty(
      'plain',
    );
  });

  it('a server that wants OAuth, before `codex mcp login`: the session logs an error and goes on without it; `mcp list` says "Not logged in"', () => {
    expect(out('notLoggedIn').code).toBe(0);
    const reqs = requests('/nologin/', PORTS.keyring).flatMap((q) => (q.rpc ? [q.rpc] : []));
    expect(reqs).toEqual(['initialize']);
    // The timestamp and the server's metadata URL vary.
    observe(
      'session.authRequired',
      'notLoggedIn',
      /worker quit with fatal: Transport channel closed, when AuthRequired/,
      /^\S+Z|\(AuthRequiredError.*$/g,
    );
    observe('list.notLoggedIn', 'notLoggedInList', /\benabled\s+Not logged in\s*$/, /https?:\S+/);
  });

  it('OAuth: `mcp_oauth_credentials_store = "keyring"` with no keyring service fails after the sign-in', () => {
    expect(out('keyring').code).not.toBe(0);
    // Before CHANGES.keyringErrorLine the cause follows on the same line.
    const sameLine = RUNTIME_FACTS.keyringErrorLine
      ? ''
      : ': Platform secure storage failure: no secret service provider or dbus session found';
    observe(
      'oauth.keyring',
      'keyring',
      new RegExp(`^Error: failed to write OAuth tokens to keyring${sameLine}$`),
    );
    observe(
      'oauth.keyringCause',
      'keyring',
      /^\s*0: .*no secret service provider or dbus session found$/,
    );
    expect(requests('', PORTS.keyring).some((q) => q.path === '/token')).toBe(true);
  });

  it('servers that do not start: a session goes on without an optional one and logs why a remote failed; a required one stops it', () => {
    // A command that is not installed, one that exits at once, one that never answers within
    // startup_timeout_sec = 1: `codex exec` goes on and prints nothing about them.
    for (const id of ['missingCommand', 'exitsAtOnce', 'handshakeTimeout']) {
      expect(out(id).code, out(id).all).toBe(0);
      expect(out(id).all, id).not.toMatch(/mcp_servers|MCP client|`x`|\bx:/);
    }
    expect(out('requiredMissing').code).not.toBe(0);
    observeStartup(
      'startup.requiredMissing',
      'requiredMissing',
      /^Error: .*required MCP servers failed to initialize: x: No such file or directory/,
    );
    // A remote that answers an error status, a web page, or plain HTTP to an https URL: the session
    // logs the transport error (timestamp and the server's own body vary) and goes on without it.
    const body =
      /^\S+Z|(?<=HTTP \d{3}: )[^"]*|(?<=body: )[^"]*|https:\/\/127\.0\.0\.1:\d+\/tls\/mcp/g;
    for (const status of [401, 403, 404, 500]) {
      expect(out(`http${status}`).code).toBe(0);
      observeStartup(
        `http.${status}`,
        `http${status}`,
        new RegExp(`HTTP ${status}: fake failure`),
        body,
      );
    }
    // A 5xx and a failed connection are tried again; each try logs the line.
    for (const id of ['http500', 'tlsPlain'])
      expect(out(id).all.match(/worker quit with fatal/g)?.length, id).toBeGreaterThan(1);
    expect(out('htmlType').code).toBe(0);
    observeStartup('http.contentType', 'htmlType', /UnexpectedContentType.*text\/html/, body);
    expect(out('tlsPlain').code).toBe(0);
    observeStartup('http.tls', 'tlsPlain', /error sending request for url \(https:/, body);
  });

  // Last, after every observation above: a reworded message fails here (UPDATE_RECORD=1 rewrites the record).
  it('every message observed matches the committed record', () => {
    log.check();
    startupLog.check();
  });
});
