/**
 * The table of Codex knowledge (src/lib/codex): pinned release, version arithmetic, per-release
 * lookups, and the generator reading it (toml.ts, cli.ts).
 * The facts themselves are proven against the real releases by tests/conformance/codex-cli.test.ts
 * ("release facts"), run over every probed release by `npm run test:versions`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addSettableKeys,
  CHANGES,
  changesNewestFirst,
  CODEX_NEWEST,
  CODEX_OLDEST,
  compareReleases,
  configRefusalPattern,
  factsFor,
  inRange,
  isRelease,
  isSupported,
  keysIn,
  MCP_KEYS,
  nameRefusal,
  PROBED_RELEASES,
  refusalCause,
  tomlKeyOrder,
} from '../../../src/lib/codex/index.ts';
import { CODEX_VERSION } from '../../../src/lib/generator/generate.ts';
import type { ServerEntry } from '../../../src/lib/generator/model.ts';
import { orderedEntry } from '../../../src/lib/generator/toml.ts';
import { SERVER_NAME_RE } from '../../../src/lib/generator/validate.ts';
import { SETTABLE_BY_ADD } from '../_support/codex-argv.ts';

const pkg = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8'),
) as {
  devDependencies: Record<string, string>;
};

describe('releases', () => {
  it('CODEX_NEWEST is the exact pinned devDependency, and the version the generator reports', () => {
    expect(pkg.devDependencies['@openai/codex']).toBe(CODEX_NEWEST);
    expect(CODEX_VERSION).toBe(CODEX_NEWEST);
  });

  it('orders releases numerically, not as strings', () => {
    expect(compareReleases('0.99.0', '0.100.0')).toBeLessThan(0);
    expect(compareReleases('0.152.0', '0.152.0')).toBe(0);
    expect(compareReleases('1.0.0', '0.999.9')).toBeGreaterThan(0);
    expect(compareReleases('0.150.1', '0.150.0')).toBeGreaterThan(0);
  });

  it('ranges are half-open: from inclusive, before exclusive', () => {
    expect(inRange('0.152.0', { from: '0.152.0' })).toBe(true);
    expect(inRange('0.151.9', { from: '0.152.0' })).toBe(false);
    expect(inRange('0.152.0', { before: '0.152.0' })).toBe(false);
    expect(inRange('0.151.0', { before: '0.152.0' })).toBe(true);
    expect(inRange('0.160.0', {})).toBe(true);
  });

  it('accepts only plain N.N.N releases', () => {
    expect(isRelease('0.171.0')).toBe(true);
    for (const bad of ['0.171', 'v0.171.0', '0.171.0-alpha.1', '', 'latest'])
      expect(isRelease(bad), bad).toBe(false);
  });

  it('the probed releases are sorted, distinct, inside the window and span it', () => {
    const sorted = [...PROBED_RELEASES].sort(compareReleases);
    expect(PROBED_RELEASES).toEqual(sorted);
    expect(new Set(PROBED_RELEASES).size).toBe(PROBED_RELEASES.length);
    expect(PROBED_RELEASES[0]).toBe(CODEX_OLDEST);
    expect(PROBED_RELEASES.at(-1)).toBe(CODEX_NEWEST);
    for (const r of PROBED_RELEASES) expect(isSupported(r), r).toBe(true);
    expect(isSupported('0.139.0')).toBe(false);
    expect(isSupported('0.172.0')).toBe(false);
    expect(compareReleases(CODEX_OLDEST, '0.140.0')).toBeLessThanOrEqual(0);
  });
});

describe('changes', () => {
  it('each change lies inside the window, with its last release without it probed just before', () => {
    for (const [id, c] of Object.entries(CHANGES)) {
      expect(PROBED_RELEASES, id).toContain(c.since);
      expect(PROBED_RELEASES, id).toContain(c.lastWithout);
      const i = PROBED_RELEASES.indexOf(c.since);
      expect(PROBED_RELEASES[i - 1], `${id}: no probed release between lastWithout and since`).toBe(
        c.lastWithout,
      );
    }
  });

  it('lists changes newest first', () => {
    const list = changesNewestFirst();
    expect(list).toHaveLength(Object.keys(CHANGES).length);
    for (let i = 1; i < list.length; i++) {
      expect(compareReleases(list[i - 1]!.since, list[i]!.since)).toBeGreaterThanOrEqual(0);
    }
    expect(list[0]!.id).toBe('startupDeadlineWording');
  });
});

describe('factsFor', () => {
  it('the name rule widens at 0.152.0, with the refusal text each side prints', () => {
    const old = factsFor('0.151.0');
    const now = factsFor('0.152.0');
    expect(old.nameRule.pattern.test('a.b')).toBe(false);
    expect(now.nameRule.pattern.test('a.b/c@d:e_f-g')).toBe(true);
    expect(nameRefusal('a.b', old.nameRule)).toBe(
      "invalid server name 'a.b' (use letters, numbers, '-', '_')",
    );
    expect(nameRefusal('a b', now.nameRule)).toBe(
      "invalid server name 'a b' (use letters, numbers, '-', '_', ':', '@', '/', '.')",
    );
  });

  it('the newest name rule is the generator rule', () => {
    expect(factsFor(CODEX_NEWEST).nameRule.pattern.source).toBe(SERVER_NAME_RE.source);
  });

  it('config refusals change per command: get at 0.147.0, add at 0.163.0', () => {
    expect(factsFor('0.146.0').configRefusal.get).toBe('failed to load configuration');
    expect(factsFor('0.147.0').configRefusal.get).toBe('failed to load bootstrap configuration');
    expect(factsFor('0.162.0').configRefusal.add).toBe('failed to load configuration');
    expect(factsFor('0.163.0').configRefusal.add).toBe('failed to load bootstrap configuration');
    expect(factsFor('0.140.0').configRefusal.remove).toBe(
      factsFor(CODEX_NEWEST).configRefusal.remove,
    );
  });

  it('a refusal pattern matches its own release and not the other wording', () => {
    const oldText = 'Error: failed to load configuration\n\nCaused by:\n';
    const newText = 'Error: failed to load bootstrap configuration\n\nCaused by:\n';
    expect(configRefusalPattern('get', '0.146.0').test(oldText)).toBe(true);
    expect(configRefusalPattern('get', '0.146.0').test(newText)).toBe(false);
    expect(configRefusalPattern('get', '0.147.0').test(newText)).toBe(true);
    expect(configRefusalPattern('get', '0.147.0').test(oldText)).toBe(false);
  });

  it('flags appear in their release', () => {
    expect(factsFor('0.147.0').addFlags).not.toContain('--oauth-client-registration');
    expect(factsFor('0.148.0').addFlags).toContain('--oauth-client-registration');
    expect(factsFor('0.157.0').addFlags).not.toContain('--oauth-client-secret');
    expect(factsFor('0.158.0').addFlags).toContain('--oauth-client-secret');
    expect(factsFor('0.155.0').loginFlags).not.toContain('--no-browser');
    expect(factsFor('0.156.0').loginFlags).toContain('--no-browser');
  });

  it('keys appear in their release', () => {
    expect(keysIn('0.147.0')).not.toContain('http_headers_helper');
    expect(keysIn('0.148.0')).toContain('http_headers_helper');
    expect(keysIn('0.150.0')).not.toContain('oauth.callback_url');
    expect(keysIn('0.151.0')).toContain('oauth.callback_url');
    expect(keysIn('0.157.0')).not.toContain('oauth.client_secret');
    expect(keysIn('0.158.0')).toContain('oauth.client_secret');
    expect(keysIn(CODEX_NEWEST)).not.toContain('bearer_token');
    expect(factsFor('0.147.0').getJsonHttpTransport).not.toContain('http_headers_helper');
    expect(factsFor('0.148.0').getJsonHttpTransport.at(-1)).toBe('http_headers_helper');
  });

  it('every key the generator writes is read by every release of the window', () => {
    const oldest = keysIn(CODEX_OLDEST);
    for (const [key, fact] of Object.entries(MCP_KEYS))
      if (fact.generated) expect(oldest, key).toContain(key);
  });
});

describe('refusalCause', () => {
  it('reads the message and path in both layouts', () => {
    const now =
      'Error: failed to load bootstrap configuration\n\nCaused by:\n    url is not supported for stdio\n    in `mcp_servers.x`\n    \n';
    const before =
      'Error: failed to load configuration\n\nCaused by:\n    0: /h/config.toml:1:1: url is not supported for stdio\n' +
      '    1: url is not supported for stdio\n       in `mcp_servers.x`\n       \n';
    const expected = { message: 'url is not supported for stdio', path: 'mcp_servers.x' };
    expect(refusalCause(now)).toEqual(expected);
    expect(refusalCause(before)).toEqual(expected);
    expect(refusalCause('Error: something else\n')).toBeNull();
  });
});

describe('the generator reads the table', () => {
  it('the TOML order is the order of the generated block', () => {
    const everyKey = Object.fromEntries(
      tomlKeyOrder().map((k) => [k, 'v']),
    ) as unknown as ServerEntry;
    // orderedEntry keeps the table's keys in the table's order, and no other key.
    expect(Object.keys(orderedEntry(everyKey))).toEqual(tomlKeyOrder());
    expect(Object.keys(orderedEntry({ ...everyKey, name: 'x' } as unknown as ServerEntry))).toEqual(
      tomlKeyOrder(),
    );
  });

  // SETTABLE_BY_ADD is the test's own reading of `codex mcp add --help`, independent of the table.
  it('the keys codex mcp add can set are the ones the argv builder carries', () => {
    expect([...addSettableKeys(CODEX_NEWEST)].sort()).toEqual([...SETTABLE_BY_ADD].sort());
    expect([...addSettableKeys(CODEX_OLDEST)].sort()).toEqual([...SETTABLE_BY_ADD].sort());
  });
});
