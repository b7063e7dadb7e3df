/**
 * The doctor judges by the reader's Codex release: the keys that release reads, its name rule and
 * its refusal messages, all from the table in src/lib/codex (the real CLI of each release agrees in
 * tests/conformance/doctor.test.ts, run with CODEX_RELEASE).
 */
import { describe, expect, it } from 'vitest';
import {
  CHANGES,
  CODEX_NEWEST,
  foreignKeys,
  notGeneratedKeys,
  previousProbed,
  PROBED_RELEASES,
  subKeysIn,
  type Release,
} from '../../../src/lib/codex/index.ts';
import { convertMcpServersJson, diagnoseConfig } from '../../../src/lib/doctor/index.ts';
import { fragmentForRelease, releaseFromFragment } from '../../../src/lib/doctor/link.ts';

const before = (change: { since: Release }): Release => previousProbed(change.since) as Release;
const OLD_NAMES = before(CHANGES.nameRule);
const OLD_HELPER = before(CHANGES.httpHeadersHelper);
const OLD_SECRET = before(CHANGES.clientSecret);

describe('key sets derived from the table', () => {
  it('are the lists the doctor used to keep by hand, for the newest release', () => {
    expect(new Set(foreignKeys('stdio'))).toEqual(
      new Set([
        'url',
        'bearer_token_env_var',
        'http_headers',
        'env_http_headers',
        'http_headers_helper',
        'oauth',
        'oauth_resource',
        'auth',
      ]),
    );
    expect(new Set(foreignKeys('http'))).toEqual(
      new Set(['command', 'args', 'env', 'env_vars', 'cwd']),
    );
    expect(new Set(notGeneratedKeys())).toEqual(
      new Set([
        'default_tools_approval_mode',
        'tools',
        'supports_parallel_tool_calls',
        'tool_input_schema_max_bytes',
        'environment_id',
        'startup_readiness',
        'auth',
        'http_headers_helper',
        'name',
        'startup_timeout_ms',
      ]),
    );
    expect(new Set(subKeysIn('oauth'))).toEqual(
      new Set([
        'client_id',
        'client_secret',
        'callback_url',
        'callback_port',
        'authorization_server_issuer',
        'token_endpoint_auth_method',
      ]),
    );
    expect(subKeysIn('tools.*')).toEqual(['approval_mode', 'output_token_limit']);
  });
  it('shrink for an older release', () => {
    expect(foreignKeys('stdio', OLD_HELPER)).not.toContain('http_headers_helper');
    expect(subKeysIn('oauth', OLD_SECRET)).not.toContain('client_secret');
    expect(subKeysIn('tools.*', '0.151.0')).toEqual(['approval_mode']);
  });
});

describe('the verdict follows the release', () => {
  it('a key the release does not read is ignored by it, and named with the release that reads it', () => {
    const text =
      '[mcp_servers.h]\nurl = "https://mcp.example.com/mcp"\nhttp_headers_helper = "print-headers"\n';
    const old = diagnoseConfig(text, { release: OLD_HELPER });
    expect(old.servers[0]?.ignored.map((f) => f.message)).toEqual([
      `Codex ${OLD_HELPER} ignores \`http_headers_helper\`: only ${CHANGES.httpHeadersHelper.since} and later read it. Upgrade Codex, or remove the key.`,
    ]);
    expect(diagnoseConfig(text).servers[0]?.ignored).toEqual([]);
    // On a stdio entry the old release ignores it rather than refuse a mixed transport.
    const stdio = diagnoseConfig('[mcp_servers.s]\ncommand = "x"\nhttp_headers_helper = ""\n', {
      release: OLD_HELPER,
    });
    expect(stdio.loads).toBe(true);
    expect(diagnoseConfig('[mcp_servers.s]\ncommand = "x"\nhttp_headers_helper = ""\n').loads).toBe(
      false,
    );
  });

  it("the name rule and its refusal are the release's, and the corrected block renames for it", () => {
    const text = '[mcp_servers."a.b"]\ncommand = "x"\n';
    const old = diagnoseConfig(text, { release: OLD_NAMES });
    expect(old.servers[0]?.risks[0]?.message).toContain(
      `"invalid server name 'a.b' (use letters, numbers, '-', '_')"`,
    );
    expect(old.servers[0]?.corrected?.name).toBe('a-b');
    const now = diagnoseConfig(text);
    expect(now.servers[0]?.risks).toEqual([]);
    expect(now.servers[0]?.corrected?.name).toBe('a.b');
  });

  it('a client secret without a client id is refused only where the release says so', () => {
    const text =
      '[mcp_servers.sso]\nurl = "https://mcp.example.com/mcp"\noauth = { client_secret = "s" }\n';
    const old = diagnoseConfig(text, { release: OLD_SECRET });
    expect(old.loads).toBe(true);
    expect(old.servers[0]?.ignored.map((f) => f.key.join('.'))).toEqual(['oauth.client_secret']);
    const now = diagnoseConfig(text, { release: CHANGES.clientSecret.since });
    expect(now.loads).toBe(false);
    expect(now.servers[0]?.rejected.map((f) => f.codexMessage)).toEqual([
      'oauth.client_secret requires oauth.client_id',
    ]);
  });

  it('the summary quotes the refusal of the release judged by', () => {
    const text = '[mcp_servers.a]\ncommand = "x"\nurl = "https://mcp.example.com/mcp"\n';
    const old = diagnoseConfig(text, { release: before(CHANGES.bootstrapMessage) });
    expect(old.summary).toContain('"Error: failed to load configuration"');
    expect(old.summary).not.toContain('bootstrap');
    expect(diagnoseConfig(text).summary).toContain(
      '"Error: failed to load bootstrap configuration"',
    );
    expect(diagnoseConfig(text).summary).toContain(`Codex ${CODEX_NEWEST}`);
  });

  it("other clients' JSON is converted for the release too", () => {
    const json = '{ "mcpServers": { "a.b": { "command": "x" } } }';
    expect(convertMcpServersJson(json, { release: OLD_NAMES }).servers[0]?.corrected?.name).toBe(
      'a-b',
    );
    expect(convertMcpServersJson(json).servers[0]?.corrected?.name).toBe('a.b');
  });
});

describe('the page fragment carries the release only', () => {
  it('reads a probed release, and falls back to the newest for anything else', () => {
    expect(releaseFromFragment('#codex=0.150.0')).toBe('0.150.0');
    expect(releaseFromFragment('codex=0.147.0&x=1')).toBe('0.147.0');
    for (const hash of [
      '',
      '#',
      '#codex=0.999.0',
      '#codex=latest',
      '#codex=0.150',
      '#codex=%E0%A4%A',
      '#other=0.150.0',
    ]) {
      expect(releaseFromFragment(hash), hash).toBe(CODEX_NEWEST);
    }
  });
  it('writes nothing for the newest, and round-trips every probed release', () => {
    expect(fragmentForRelease(CODEX_NEWEST)).toBe('');
    for (const r of PROBED_RELEASES) expect(releaseFromFragment(fragmentForRelease(r))).toBe(r);
  });
});
