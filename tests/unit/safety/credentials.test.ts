/** The one credential detector: what it flags (with why), what it leaves alone, and that it stays linear. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findCredential,
  findCredentials,
  isAuthorizationHeader,
  isCredentialHeaderName,
  isCredentialName,
  isPlaceholder,
  looksLikeSecret,
} from '../../../src/lib/safety/credentials.ts';
import { wellFormedText } from '../_support/arbitraries.ts';
import { cpu } from '../_support/cpu.ts';

describe('findCredential flags', () => {
  it.each([
    // Known prefixes, alone and inside a longer value.
    ['ghp_1234567890abcdefghijABCDEFGHIJ', 'prefix', /GitHub token/],
    ['github_pat_11ABCDEFG0123456789', 'prefix', /GitHub token/],
    ['glpat-abcdefghij0123456789', 'prefix', /GitLab/],
    ['sk-proj-abcdefghijklmnop', 'prefix', /secret key/],
    ['xoxb-1234-5678-abcdef', 'prefix', /Slack/],
    ['AKIAIOSFODNN7EXAMPLE', 'prefix', /AWS/],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig', 'prefix', /JSON Web Token/],
    ['https://x.example/mcp/sk-proj-abcdefghijklmnop', 'prefix', /secret key/],
    // Long random-looking strings: lowercase hex with "_" (issue 9), base62, upper-case hex.
    ['a3f9c2_8b7e1d4f6a0c9b2e5d8f1a3c', 'random', /random-looking/],
    ['a8F3kLm2Qx9Zt7Rw1Yb4', 'random', /random-looking/],
    ['9F86D081884C7D659A2FEAA0C55AD015', 'random', /random-looking/],
    ['nekt_4c1f0b9a7e3d2c8b6a5f4e3d2c1b0a9f', 'random', /random-looking/],
    // URL user info with a password.
    ['https://user:pass@mcp.example.com/mcp', 'userinfo', /user:password@host/],
    // Credential-looking query parameters, whatever the value looks like.
    ['https://mcp.example.com/mcp?api_key=abc123', 'parameter', /api_key/],
    ['https://mcp.example.com/mcp?x=1&apikey=hello', 'parameter', /apikey/],
    ['https://mcp.example.com/mcp?access_token=hello', 'parameter', /access_token/],
    ['https://maps.example.com/?key=hello', 'parameter', /key/],
    ['https://x.example/?sig=abcd&se=2025', 'parameter', /sig/],
    ['https://x.example/?password=hunter2', 'parameter', /password/],
    // A value following a credential-named flag, with "=" or as the next word.
    ['--access-token abc123def', 'flag', /--access-token/],
    ['--api-key=hello123', 'flag', /--api-key/],
    ['--token "s3cr3t-value"', 'flag', /--token/],
    ['--client-secret\nabcdefgh', 'flag', /--client-secret/],
    // An environment assignment pasted as one argument.
    ['GITHUB_TOKEN=abcdef', 'parameter', /GITHUB_TOKEN/],
    // A whole Authorization value.
    ['Bearer abcdefghijkl', 'scheme', /Bearer/],
  ])('%j (%s)', (value, kind, reason) => {
    const hit = findCredential(value);
    expect(hit?.kind).toBe(kind);
    expect(hit?.reason).toMatch(reason);
    expect(looksLikeSecret(value)).toBe(true);
  });
});

describe('findCredential leaves alone', () => {
  it.each([
    // Variable names, including ones that name a token.
    ['GITHUB_PAT_TOKEN'],
    ['NEKT_MCP_BEARER_TOKEN'],
    ['MY_SERVICE_TOKEN_V2_PROD'],
    ['my_service_token_2_prod'],
    // Package names and commands.
    ['@modelcontextprotocol/server-filesystem'],
    ['mcp-remote@0.1.16'],
    ['mcp-server-postgres-v2-latest'],
    ['ghcr.io/github/github-mcp-server:sha-1a2b3c4'],
    ['sk-learn'],
    // Ordinary URLs with digits, ports and ids.
    ['https://api.example.com/v1/projects/12345/mcp'],
    ['https://127.0.0.1:8080/mcp?x=1&page=2'],
    ['https://acme.omniapp.co/mcp/https'],
    ['https://mcp.example.com/mcp?pageToken=abc123'],
    // A UUID is an id, a digest is public, CamelCase is a name.
    ['123e4567-e89b-12d3-a456-426614174000'],
    ['sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['McpServerForGitHub2024Edition'],
    ['com.example.mcp.ModelContextProtocolServer'],
    // Credential flags whose value is a file, a variable or a placeholder.
    ['--token-file /etc/token'],
    ['--key ./client.pem'],
    ['--api-key $MY_KEY'],
    ['--api-key=${MY_KEY}'],
    ['--token YOUR_TOKEN'],
    ['https://mcp.example.com/mcp?api_key={key}'],
    ['Bearer ${TOKEN}'],
    // User name without a password; a port.
    ['git+ssh://git@github.com/org/repo.git'],
    ['https://host.example:8443/mcp'],
    // Short or plain words.
    ['sk-abc'],
    ['averyveryverylongname'],
    ['read, write, admin'],
    ['monkey=1'],
  ])('%j', (value) => {
    expect(findCredential(value)).toBeUndefined();
  });
});

describe('helpers', () => {
  it.each([
    ['api_key', true],
    ['apiKey', true],
    ['--access-token', true],
    ['GITHUB_TOKEN', true],
    ['X-Api-Key', true],
    ['--token-file', false],
    ['monkey', false],
    ['page_token', false],
    ['keyboard', false],
  ])('isCredentialName(%j) === %s', (name, expected) => {
    expect(isCredentialName(name)).toBe(expected);
  });

  it.each([['$X'], ['${X}'], ['%X%'], ['<token>'], ['{key}'], ['YOUR_API_KEY'], ['***'], ['']])(
    'isPlaceholder(%j)',
    (v) => {
      expect(isPlaceholder(v)).toBe(true);
    },
  );

  it.each([
    ['Authorization', true],
    ['proxy-authorization', true],
    ['Cookie', true], // a session cookie signs in as the user
    ['X-API-Key', true],
    ['X-Goog-Api-Key', true],
    ['X-Auth-Token', true],
    ['Private-Token', true], // GitLab
    ['X-Auth', true],
    ['X-Session', true],
    ['X-Model', false],
    ['Accept', false],
    ['X-Keyboard-Layout', false],
    ['X-Author', false],
    ['X-Token-Type', false],
  ])(
    'isCredentialHeaderName(%j) === %s (one definition for generator and doctor)',
    (name, expected) => {
      expect(isCredentialHeaderName(name)).toBe(expected);
    },
  );

  it('isAuthorizationHeader: only the two sign-in headers', () => {
    expect(
      ['Authorization', ' PROXY-AUTHORIZATION ', 'Cookie', 'X-Api-Key'].map(isAuthorizationHeader),
    ).toEqual([true, true, false, false]);
  });

  it('reports the position of each hit, in order', () => {
    const text = 'run\n--token\nabcdef123\nhttps://u:p@h/x';
    expect(findCredentials(text).map((h) => [h.kind, text.slice(h.index, h.index + 3)])).toEqual([
      ['flag', 'abc'],
      ['userinfo', 'u:p'],
    ]);
  });
});

describe('linear time', () => {
  const N = 200_000;
  // Shapes that make a naive scanner quadratic: long runs, repeated separators, nested starts.
  const adversarial: [string, string][] = [
    ['one long word', 'a'.repeat(N)],
    ['one long random word', 'a1B2'.repeat(N / 4)],
    ['repeated scheme separators', '://'.repeat(N / 3)],
    ['an authority that never ends', `https://${'a:'.repeat(N / 2)}`],
    ['query parameters with long names', `?${`${'a'.repeat(64)}&`.repeat(N / 65)}`],
    ['credential flags without values', '--token '.repeat(N / 8)],
    ['a flag before a wall of quotes', `--token ${"'".repeat(N)}x`],
    ['equals signs', 'token='.repeat(N / 6)],
    ['dashes', '-'.repeat(N)],
    ['Bearer words', 'Bearer '.repeat(N / 7)],
    ['prefixes that stop short', 'ghp_ sk- eyJ '.repeat(N / 13)],
    ['real tokens back to back', 'ghp_1234567890abcdefghij '.repeat(N / 25)],
    ['hex with underscores', '0a_'.repeat(N / 3)],
  ];
  it.each(adversarial)(
    '%s (200 KB) takes under a second (quadratic would take minutes)',
    (_, text) => {
      // CPU time of this process, not wall time: other processes' load on the CI cores does not count.
      const { ms } = cpu(() => {
        findCredentials(text);
        looksLikeSecret(text);
      });
      expect(ms).toBeLessThan(1000);
    },
  );

  it('never throws on any string', () => {
    fc.assert(
      fc.property(wellFormedText({ maxLength: 300 }), (s) => {
        const hits = findCredentials(s);
        for (const h of hits) expect(h.index).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});

describe('findCredentials stays linear on query-parameter runs', () => {
  // The doctor's pathological suite found `?api_key=` × 11,000 taking 7 s: each value was scanned to the
  // end of the token. A value now ends at the next `?` too.
  it('?api_key= repeated over 100 KB is read in well under a second', () => {
    const text = '?api_key='.repeat(11_112) + '!';
    const { ms } = cpu(() => findCredentials(text));
    expect(ms).toBeLessThan(1000);
  });

  it('still finds a credential parameter after another question mark', () => {
    expect(findCredential('https://x.example/a?b=1?api_key=abc123')?.reason).toMatch(/api_key/);
  });
});
