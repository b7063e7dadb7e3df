/**
 * Output exact for the reader's release: the name rule and its proposal, and every flag and command
 * the outputs use, checked against the release table for every probed release. The table itself is
 * proven against the real releases by tests/conformance/release-facts.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addArgv, planCli, unsettableKeys } from '../../../src/lib/generator/cli.ts';
import {
  addSettableKeys,
  CHANGES,
  factsFor,
  MCP_KEYS,
  PROBED_RELEASES,
  previousProbed,
  proposeName,
  tomlKeyOrder,
  type Release,
} from '../../../src/lib/codex/index.ts';
import { generate, loginCommand, verifyCommands } from '../../../src/lib/generator/generate.ts';
import { emptySpec, type ServerEntry, type ServerSpec } from '../../../src/lib/generator/model.ts';
import { checkServerName } from '../../../src/lib/generator/validate.ts';
import { anyName } from '../../support/arbitraries.ts';

const spec = (fields: Partial<ServerSpec>): ServerSpec => ({ ...emptySpec(), ...fields });
const LAST_NARROW = previousProbed(CHANGES.nameRule.since) as Release;
const NO_BROWSER = CHANGES.loginNoBrowser.since;

describe('server names per release, with a proposal that passes', () => {
  it(`${LAST_NARROW} refuses "a.b" and proposes "a-b"; ${CHANGES.nameRule.since} accepts it`, () => {
    expect(checkServerName('a.b', LAST_NARROW)).toBe(
      `Server name "a.b" has characters Codex ${LAST_NARROW} refuses (Codex ${CHANGES.nameRule.since} and later accept it): its \`codex mcp add\` rejects it and its sessions never start such a server from config.toml. Use only letters, numbers, '-', '_', for example "a-b".`,
    );
    expect(checkServerName('a.b', CHANGES.nameRule.since)).toBeUndefined();
  });

  it.each([
    ['a.b', 'a-b'],
    ['@scope/pkg', 'scope-pkg'],
    ['ns:server', 'ns-server'],
    ['my server!', 'my-server'],
    ['---', 'server'],
    ['漢字', 'server'],
  ])('proposeName(%j) before the wide rule = %j', (name, proposal) => {
    expect(proposeName(name, factsFor(LAST_NARROW).nameRule)).toBe(proposal);
  });

  it('the proposal passes the whole name check of every probed release (random names)', () => {
    const names = fc.sample(anyName, { seed: 20_261_202, numRuns: 150 });
    for (const release of PROBED_RELEASES) {
      for (const name of names) {
        const proposal = proposeName(name, factsFor(release).nameRule);
        expect(
          checkServerName(proposal, release),
          `${release}: ${JSON.stringify(name)} -> ${proposal}`,
        ).toBeUndefined();
        const message = checkServerName(name.trim(), release);
        if (message?.includes('for example'))
          expect(message).toContain(
            `for example "${proposeName(name.trim(), factsFor(release).nameRule)}"`,
          );
      }
    }
  });

  it('no release gets a name its sessions never start: outputs exactly when the release starts the name', () => {
    // A session starts only names the release's rule accepts (runtime/guides.test.ts), so neither the
    // command nor the TOML block may carry another one, and the proposal must be one it starts.
    for (const release of PROBED_RELEASES) {
      const rule = factsFor(release).nameRule;
      for (const name of [
        'acme.docs',
        '@scope/pkg',
        'ns:server',
        'a/b',
        'bad name',
        'plain_name-1',
      ]) {
        const g = generate(spec({ name, transport: 'stdio', command: 'run' }), release);
        expect(g.outputs !== null, `${release} ${name}`).toBe(rule.pattern.test(name));
        if (g.outputs) continue;
        const message = g.diagnostics.find((d) => d.field === 'name')?.message ?? '';
        expect(message, `${release} ${name}`).toContain('never start');
        expect(rule.pattern.test(/for example "([^"]*)"/.exec(message)?.[1] ?? '')).toBe(true);
      }
    }
  });

  it('generate() follows the release: no outputs for a refused name, and the name field says why', () => {
    const s = spec({ name: 'a.b', transport: 'stdio', command: 'run' });
    const old = generate(s, LAST_NARROW);
    expect(old.outputs).toBeNull();
    expect(old.diagnostics.find((d) => d.field === 'name')?.message).toContain('for example "a-b"');
    expect(generate(s, CHANGES.nameRule.since).outputs?.toml).toContain('[mcp_servers."a.b"]');
  });
});

// Specs that use every flag and command the outputs can show.
const SPECS: ServerSpec[] = [
  spec({
    name: 'o',
    auth: 'oauth',
    url: 'https://h/mcp',
    bearerTokenEnvVar: 'T',
    oauthClientId: 'c',
    oauthResource: 'https://h/',
    scopes: ['a', 'b'],
  }),
  spec({
    name: 's',
    transport: 'stdio',
    command: 'npx',
    args: ['-y', 'x'],
    env: [{ name: 'A', value: '1' }],
  }),
  spec({
    name: 'h',
    url: 'https://h/mcp',
    httpHeaders: [{ name: 'X-Model', value: 'm' }],
    startupTimeoutSec: '60',
  }),
];

describe('a flag or command the release lacks is never shown', () => {
  for (const release of PROBED_RELEASES) {
    it(`codex ${release}`, () => {
      const facts = factsFor(release);
      for (const s of SPECS) {
        const out = generate(s, release).outputs;
        expect(out, s.name).not.toBeNull();
        const flags = (text: string | null): string[] =>
          [...(text ?? '').matchAll(/(?<=\s)--[a-z][a-z-]*/g)].map((m) => m[0]);
        for (const f of (out!.cli.argv ?? []).filter((w) => w.startsWith('--') && w !== '--'))
          expect(facts.addFlags).toContain(f.split('=')[0]);
        for (const f of flags(out!.login))
          expect(facts.loginFlags, `login: ${out!.login}`).toContain(f);
        expect(
          out!.verify
            .trim()
            .split('\n')
            .map((l) => l.replace(/^codex /, '').replace(/ \S+ --json$/, ''))
            .sort(),
        ).toEqual(
          facts.commands
            .filter((c) => c === 'mcp list' || c === 'mcp get' || c === 'doctor')
            .sort(),
        );
      }
    });
  }

  it('the flag lists are flags only (the table\'s "-- COMMAND" separator is not one)', () => {
    for (const release of PROBED_RELEASES) {
      for (const f of [...factsFor(release).addFlags, ...factsFor(release).loginFlags])
        expect(f).toMatch(/^--[a-z][a-z-]*$/);
    }
    expect(factsFor(PROBED_RELEASES[0]).addFlags.sort()).toEqual([
      '--bearer-token-env-var',
      '--env',
      '--oauth-client-id',
      '--oauth-resource',
      '--url',
    ]);
  });

  it(`the --no-browser hint appears from ${NO_BROWSER} on, exactly`, () => {
    const before = previousProbed(NO_BROWSER) as Release;
    expect(loginCommand('docs', [], before)).toBe('codex mcp login docs\n');
    expect(loginCommand('docs', [], NO_BROWSER)).toBe(
      'codex mcp login docs\n# No browser on this machine (SSH, container)? Add --no-browser and paste the callback URL back.\n',
    );
    expect(generate(SPECS[0]!, before).outputs?.login).not.toContain('--no-browser');
  });

  it('verifyCommands lists what every release has', () => {
    expect(verifyCommands('docs', PROBED_RELEASES[0])).toBe(
      'codex mcp list\ncodex mcp get docs --json\ncodex doctor\n',
    );
  });
});

describe('the command route reads the table', () => {
  const every: ServerEntry = {
    url: 'u',
    bearer_token_env_var: 'T',
    oauth_resource: 'r',
    scopes: ['s'],
    startup_timeout_sec: 1,
    tool_timeout_sec: 1,
    enabled: false,
    required: true,
    enabled_tools: ['a'],
    disabled_tools: ['b'],
    http_headers: { A: 'b' },
    env_http_headers: { C: 'D' },
    oauth: { client_id: 'c' },
  };

  it('missing = the generated keys of the entry that addSettableKeys does not hold, in TOML order', () => {
    const settable = addSettableKeys(PROBED_RELEASES[0]!);
    expect(unsettableKeys(every)).toEqual(
      tomlKeyOrder().filter((k) => k in every && !settable.has(k)),
    );
    expect(planCli('n', every, 'user', 'none').missing).toEqual(unsettableKeys(every));
  });

  it('every flag of the argv is the table flag of a key the entry holds', () => {
    const argv = addArgv('n', every);
    const tableFlags = Object.values(MCP_KEYS).map((f) => f.addFlag);
    expect(argv.filter((w) => w.startsWith('--'))).toEqual([
      '--url',
      '--bearer-token-env-var',
      '--oauth-client-id',
      '--oauth-resource',
    ]);
    for (const f of argv.filter((w) => w.startsWith('--'))) expect(tableFlags).toContain(f);
    expect(addArgv('n', { command: 'x', env: { A: '1' } })).toEqual([
      'codex',
      'mcp',
      'add',
      'n',
      MCP_KEYS['env']!.addFlag,
      'A=1',
      '--',
      'x',
    ]);
  });
});

describe('one invalid field blocks only what depends on it', () => {
  const valid = spec({ name: 'docs', auth: 'oauth', url: 'https://mcp.example.com/mcp' });

  it('a bad URL keeps the verify and login lines, equal to those of the valid spec', () => {
    const full = generate(valid).outputs!;
    const blocked = generate({ ...valid, url: 'not a url' });
    expect(blocked.outputs).toBeNull();
    expect(blocked.standalone).toEqual({
      login: full.login,
      verify: full.verify,
      tokens: { login: full.tokens.login, verify: full.tokens.verify },
    });
    expect(blocked.standalone?.login).toMatch(/^codex mcp login docs\n/);
  });

  it('per release: the kept lines are those of that release', () => {
    for (const release of PROBED_RELEASES) {
      const blocked = generate({ ...valid, url: 'not a url' }, release);
      expect(blocked.standalone?.verify).toBe(verifyCommands('docs', release));
      expect(blocked.standalone?.login).toBe(loginCommand('docs', [], release));
    }
  });

  it('no login line when scopes are asked for (the scopes field may be the invalid one)', () => {
    const blocked = generate({ ...valid, url: 'not a url', scopes: ['read'] });
    expect(blocked.standalone).toMatchObject({ login: null, verify: verifyCommands('docs') });
    expect(blocked.standalone?.tokens.login).toBeNull();
  });

  it('an invalid name keeps nothing: every output holds the name', () => {
    const blocked = generate({ ...valid, name: 'bad name' });
    expect(blocked.outputs).toBeNull();
    expect(blocked.standalone).toBeUndefined();
  });
});
