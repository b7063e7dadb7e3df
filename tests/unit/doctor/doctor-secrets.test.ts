/** Credentials in args and URL queries: flagged, and never repeated in a corrected block. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convertMcpServersJson,
  diagnoseConfig,
  type DoctorReport,
} from '../../../src/lib/doctor/index.ts';
import {
  hasSecretQuery,
  moveArgSecrets,
  secretOptionValue,
  stripSecretQuery,
} from '../../../src/lib/doctor/checks/secrets.ts';

const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
const KEY = 'sk-proj-abcdefghijklmnopqrstuvwxyz01';

/** Every text the doctor gives to copy for a server: the block and the three sets of export lines. */
function copied(r: DoctorReport, server: string): string {
  const c = r.servers.find((s) => s.name === server)?.corrected;
  expect(c, `a corrected block for ${server}`).toBeTruthy();
  return [c?.toml, c?.env?.posix, c?.env?.fish, c?.env?.powershell].join('\n');
}

describe('moveArgSecrets', () => {
  const name = (suffix: string) => `S_${suffix}`;
  it.each([
    // --name=value: the whole option goes, named after the option.
    [['-y', 'srv', `--token=${TOKEN}`], ['-y', 'srv'], ['--token=…|S_TOKEN']],
    // --name value: both arguments go.
    [['srv', '--api-key', KEY, '--verbose'], ['srv', '--verbose'], ['--api-key …|S_API_KEY']],
    // A bare token (no path, package or URL characters) goes too.
    [['srv', TOKEN], ['srv'], ['ghp_…|S_TOKEN']],
    // Options naming where the credential is, not the credential: kept.
    [
      ['--token-file', '/run/secrets/t', '--api-key-env', 'MY_KEY', '--password-path=/x'],
      ['--token-file', '/run/secrets/t', '--api-key-env', 'MY_KEY', '--password-path=/x'],
      [],
    ],
    // A value that names a variable is reported elsewhere (Codex passes it as written): kept here.
    [
      ['--token=${GH_TOKEN}', '--api-key', '$KEY'],
      ['--token=${GH_TOKEN}', '--api-key', '$KEY'],
      [],
    ],
    // An option with nothing after it, or followed by another option: kept.
    [['--token', '--verbose', '--api-key'], ['--token', '--verbose', '--api-key'], []],
    // Packages, paths and URLs that happen to look dense are not bare tokens.
    [
      [
        '@modelcontextprotocol/server-postgres12345',
        '/Users/me/Projects2024abc',
        'https://a.example/x1234567890abcdefgh',
      ],
      [
        '@modelcontextprotocol/server-postgres12345',
        '/Users/me/Projects2024abc',
        'https://a.example/x1234567890abcdefgh',
      ],
      [],
    ],
  ])('%j', (args, kept, moved) => {
    const r = moveArgSecrets(args, name);
    expect(r.args).toEqual(kept);
    expect(r.moved.map((m) => `${m.what}|${m.varName}`)).toEqual(moved);
  });

  it('secretOptionValue reads --name=value only for credential names', () => {
    expect(secretOptionValue('--api_key=abc')).toBe('abc');
    expect(secretOptionValue('-Password=p=q')).toBe('p=q');
    expect(secretOptionValue('--token=')).toBeUndefined();
    expect(secretOptionValue('--token-file=/x')).toBeUndefined();
    expect(secretOptionValue('--name=token')).toBeUndefined();
    expect(secretOptionValue('--token=a\nb')).toBeUndefined();
  });
});

describe('stripSecretQuery', () => {
  it.each([
    ['https://a.example/mcp?api_key=abc&region=eu', 'https://a.example/mcp?region=eu', ['api_key']],
    [
      'https://a.example/mcp?region=eu&TOKEN=abc#frag',
      'https://a.example/mcp?region=eu#frag',
      ['TOKEN'],
    ],
    [
      'https://a.example/mcp?key=1&access-token=2',
      'https://a.example/mcp',
      ['key', 'access-token'],
    ],
    // Names the shared credential-name rule knows (credentials.ts), beyond the old hand list.
    [
      'https://a.example/mcp?client_secret=s3&auth=a1&page=2',
      'https://a.example/mcp?page=2',
      ['client_secret', 'auth'],
    ],
    // Not credentials: other names, empty values, variable references, a fragment only.
    [
      'https://a.example/mcp?monkey=1&keys=2&token=',
      'https://a.example/mcp?monkey=1&keys=2&token=',
      [],
    ],
    ['https://a.example/mcp?token=${T}', 'https://a.example/mcp?token=${T}', []],
    ['https://a.example/mcp#token=abc', 'https://a.example/mcp#token=abc', []],
  ])('%s', (url, stripped, removed) => {
    expect(stripSecretQuery(url)).toEqual({ url: stripped, removed });
    expect(hasSecretQuery(url)).toBe(removed.length > 0);
  });
});

describe('corrected blocks never repeat a credential from args or the URL', () => {
  it('moves --token=… and --api-key … to env_vars, with export lines', () => {
    const r = diagnoseConfig(
      `[mcp_servers.cli]\ncommand = "npx"\nargs = ["-y", "some-mcp", "--token=${TOKEN}", "--api-key", "${KEY}", "--verbose"]\n`,
    );
    const server = r.servers[0];
    expect(server?.risks.map((f) => f.message).join('\n')).toContain('--token=…');
    const text = copied(r, 'cli');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(KEY);
    expect(server?.corrected?.toml).toContain('args = [ "-y", "some-mcp", "--verbose" ]');
    expect(server?.corrected?.toml).toContain('env_vars = [ "CLI_TOKEN", "CLI_API_KEY" ]');
    expect(server?.corrected?.env?.posix).toContain('export CLI_TOKEN=');
    expect(server?.corrected?.changes.join('\n')).toContain('--api-key …');
  });

  it('takes the key out of the URL query and says so', () => {
    const r = diagnoseConfig(
      '[mcp_servers.remote]\nurl = "https://mcp.example.com/mcp?api_key=abcd1234EFGH5678ijkl&region=eu"\n',
    );
    expect(r.servers[0]?.risks.map((f) => f.key.join('.'))).toContain('url');
    expect(r.servers[0]?.corrected?.toml).toContain(
      'url = "https://mcp.example.com/mcp?region=eu"',
    );
    expect(copied(r, 'remote')).not.toContain('abcd1234EFGH5678ijkl');
    expect(r.servers[0]?.corrected?.changes.join('\n')).toContain(
      'Took api_key out of the URL query',
    );
  });

  it('does the same for JSON from other clients', () => {
    const r = convertMcpServersJson(
      JSON.stringify({
        mcpServers: {
          a: { command: 'npx', args: ['srv', `--token=${TOKEN}`] },
          b: { url: `https://x.example/mcp?token=${KEY}` },
        },
      }),
    );
    expect(copied(r, 'a')).not.toContain(TOKEN);
    expect(copied(r, 'b')).not.toContain(KEY);
  });

  it('property: a generated credential in any arg form or query never reaches the copied text', () => {
    const secret = fc
      .stringMatching(/^[A-Za-z0-9]{24,40}$/)
      .filter((s) => /[0-9]/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s));
    const option = fc.constantFrom(
      '--token',
      '--api-key',
      '--api_key',
      '-secret',
      '--password',
      '--access-token',
    );
    fc.assert(
      fc.property(
        secret,
        option,
        fc.boolean(),
        fc.constantFrom('api_key', 'token', 'KEY', 'access_token', 'sig'),
        (s, opt, joined, param) => {
          const args = joined ? [`${opt}=${s}`] : [opt, s];
          const r = diagnoseConfig(
            `[mcp_servers.a]\ncommand = "srv"\nargs = ${JSON.stringify(['--x', ...args])}\n\n[mcp_servers.b]\nurl = "https://x.example/mcp?${param}=${s}&v=1"\n`,
          );
          expect(copied(r, 'a')).not.toContain(s);
          expect(copied(r, 'b')).not.toContain(s);
        },
      ),
      { seed: 20_261_202, numRuns: 300 },
    );
  });
});
