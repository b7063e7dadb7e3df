import fc from 'fast-check';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/lib/generator/generate.ts';
import type { ServerEntry } from '../../../src/lib/generator/model.ts';
import { orderedEntry, tomlBlock } from '../../../src/lib/generator/toml.ts';
import { parseCodexAdd, SETTABLE_BY_ADD } from '../_support/codex-argv.ts';
import { record, specCaseArb, type SpecCase } from '../_support/specs.ts';
import { BatchedOracle, propertySeed } from '../_support/shells.ts';

const RUNS = 10_000;

describe('tomlBlock: exact text', () => {
  it.each<[string, string, ServerEntry, string]>([
    [
      // The smallest block: a bare-key table header and one string.
      'minimal http',
      'docs',
      { url: 'https://mcp.example.com/mcp' },
      '[mcp_servers.docs]\nurl = "https://mcp.example.com/mcp"\n',
    ],
    [
      // A name with "." must be a quoted key, or TOML would read two nested tables a -> b.
      'dotted name',
      'a.b',
      { url: 'https://x.example/mcp' },
      '[mcp_servers."a.b"]\nurl = "https://x.example/mcp"\n',
    ],
    [
      // "@", "/" and ":" are not bare-key characters either.
      'scoped name',
      'x@y/z:1',
      { command: 'npx' },
      '[mcp_servers."x@y/z:1"]\ncommand = "npx"\n',
    ],
    [
      // "-" and "_" are bare-key characters: no quotes.
      'dash underscore name',
      'my-server_2',
      { command: 'npx' },
      '[mcp_servers.my-server_2]\ncommand = "npx"\n',
    ],
    [
      // Key order is fixed (what, auth, tuning, then sub-tables), whatever order the entry has;
      // integer seconds are written as integers, fractions as floats.
      'key order and sub-tables',
      'docs',
      {
        oauth: { client_id: 'cid' },
        http_headers: { 'X-Model': 'm' },
        tool_timeout_sec: 2.5,
        startup_timeout_sec: 30,
        scopes: ['read', 'write'],
        bearer_token_env_var: 'TOKEN',
        url: 'https://x.example/mcp',
        env_http_headers: { Authorization: 'AUTH' },
        required: true,
        enabled: false,
        disabled_tools: ['rm'],
        enabled_tools: ['ls'],
        oauth_resource: 'https://x.example',
      },
      [
        '[mcp_servers.docs]',
        'url = "https://x.example/mcp"',
        'bearer_token_env_var = "TOKEN"',
        'oauth_resource = "https://x.example"',
        'scopes = [ "read", "write" ]',
        'startup_timeout_sec = 30',
        'tool_timeout_sec = 2.5',
        'enabled = false',
        'required = true',
        'enabled_tools = [ "ls" ]',
        'disabled_tools = [ "rm" ]',
        '',
        '[mcp_servers.docs.http_headers]',
        'X-Model = "m"',
        '',
        '[mcp_servers.docs.env_http_headers]',
        'Authorization = "AUTH"',
        '',
        '[mcp_servers.docs.oauth]',
        'client_id = "cid"',
        '',
      ].join('\n'),
    ],
    [
      // stdio keys in order; env is a sub-table; quotes, backslashes and newlines are escaped.
      'stdio with escapes',
      'fs',
      {
        cwd: '/srv',
        env: { API_KEY: 'a"b\\c\nd' },
        env_vars: ['HOME'],
        args: ['-y', "it's"],
        command: 'npx',
      },
      [
        '[mcp_servers.fs]',
        'command = "npx"',
        'args = [ "-y", "it\'s" ]',
        'env_vars = [ "HOME" ]',
        'cwd = "/srv"',
        '',
        '[mcp_servers.fs.env]',
        'API_KEY = "a\\"b\\\\c\\nd"',
        '',
      ].join('\n'),
    ],
    [
      // A header name that is not a bare key ("'" is a legal tchar) is quoted.
      'quoted header key',
      'docs',
      { url: 'https://x.example/', http_headers: { "X-It's": 'v' } },
      '[mcp_servers.docs]\nurl = "https://x.example/"\n\n[mcp_servers.docs.http_headers]\n"X-It\'s" = "v"\n',
    ],
  ])('%s', (_label, name, entry, expected) => {
    expect(tomlBlock(name, entry)).toBe(expected);
  });

  it.each<[string, string, ServerEntry]>([
    // Issue 20: whatever produced the entry, the block never carries a refused character or a bad name.
    ['DEL in an env value', 'fs', { command: 'npx', env: { K: 'a\u007f' } }],
    ['a tag character in an argument', 'fs', { command: 'npx', args: ['pkg\u{E0041}'] }],
    ['a bidi override in the name', 'a\u202eb', { command: 'npx' }],
    ['a variable name that is not a name', 'fs', { command: 'npx', env_vars: ['A$(id)'] }],
    ['an env key that is not a name', 'fs', { command: 'npx', env: { 'A B': 'v' } }],
    [
      'a header variable that is not a name',
      'd',
      { url: 'https://x.example/', env_http_headers: { X: 'A-B' } },
    ],
  ])('%s: a harmless comment instead of a block', (_label, name, entry) => {
    const text = tomlBlock(name, entry);
    expect(text).toMatch(/^# Not shown: [^\n]*\n$/);
    expect(parse(text)).toEqual({});
  });

  it('orderedEntry drops nothing and adds nothing', () => {
    // Every known key survives, and an unknown key (never produced by resolve) is not written.
    const entry = {
      url: 'u',
      scopes: ['s'],
      oauth: { client_id: 'c' },
      bogus: 1,
    } as unknown as ServerEntry;
    expect(orderedEntry(entry)).toEqual({ url: 'u', scopes: ['s'], oauth: { client_id: 'c' } });
  });

  it('a "__proto__" key is written and read back as a key, not a prototype', () => {
    // A legal env name and header name; a naive object copy would lose it.
    const entry = { command: 'x', env: record([['__proto__', 'v']]) } as ServerEntry;
    const text = tomlBlock('__proto__', entry);
    expect(text).toBe(
      '[mcp_servers.__proto__]\ncommand = "x"\n\n[mcp_servers.__proto__.env]\n__proto__ = "v"\n',
    );
    const parsed = parse(text) as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.keys(parsed.mcp_servers!)).toEqual(['__proto__']);
    expect(Object.keys(parsed.mcp_servers!['__proto__']!.env as object)).toEqual(['__proto__']);
  });
});

describe('property: random valid specs', () => {
  it('10,000 specs: TOML parses back to the entry, bash reads back cli.argv, and argv carries exactly the settable keys', () => {
    const seed = propertySeed();
    // generate() is pure: remember its result per spec so priming and checking share one call.
    const generated = new Map<string, ReturnType<typeof generate>>();
    const gen = (c: SpecCase) => {
      const key = JSON.stringify(c.spec);
      let g = generated.get(key);
      if (!g) generated.set(key, (g = generate(c.spec)));
      return g;
    };
    const posixLine = (c: SpecCase): string | null => {
      const posix = gen(c).outputs?.cli.posix;
      return posix ? posix.slice(0, -1) : null;
    };
    const oracle = new BatchedOracle<SpecCase>('bash', posixLine);
    oracle.prime(fc.sample(specCaseArb, { seed, numRuns: RUNS }));

    fc.assert(
      fc.property(specCaseArb, (c) => {
        const { outputs, diagnostics } = gen(c);
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        if (!outputs) throw new Error('a valid spec produced no outputs');
        // Resolve keeps exactly what was typed (the hand-built entry).
        expect(outputs.entry).toEqual(c.entry);
        expect(Object.keys(outputs.entry).sort()).toEqual(Object.keys(c.entry).sort());

        // TOML: one table, named exactly, deep-equal to the entry, and no raw control characters
        // (TOML forbids them in strings; only the line breaks between lines are raw).
        const parsed = parse(outputs.toml) as Record<string, Record<string, unknown>>;
        expect(Object.keys(parsed)).toEqual(['mcp_servers']);
        expect(Object.keys(parsed.mcp_servers!)).toEqual([c.spec.name]);
        expect(parsed.mcp_servers![c.spec.name]).toEqual(outputs.entry);
        expect(outputs.toml).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);

        // CLI route.
        const cli = outputs.cli;
        const keys = Object.keys(outputs.entry);
        const unsettable = keys.filter((k) => !SETTABLE_BY_ADD.includes(k));
        expect([...cli.missing].sort()).toEqual(unsettable.sort());
        const httpEntry = outputs.entry as {
          http_headers?: Record<string, string>;
          env_http_headers?: Record<string, string>;
        };
        const headerNames = [
          ...Object.keys(httpEntry.http_headers ?? {}),
          ...Object.keys(httpEntry.env_http_headers ?? {}),
        ];
        const authInHeaders =
          c.spec.auth === 'headers' || headerNames.some((h) => /^(proxy-)?authorization$/i.test(h));
        if (c.spec.scope === 'project' || (authInHeaders && headerNames.length > 0)) {
          expect(cli.mode).toBe('toml-only');
          expect(cli.argv).toBeNull();
          expect(cli.posix).toBeNull();
          expect(cli.powershell).toBeNull();
          expect(cli.reason).not.toBe('');
          return;
        }
        expect(cli.mode).toBe(unsettable.length > 0 ? 'partial' : 'full');
        const argv = cli.argv!;
        // bash reads the rendered command back as exactly argv.
        expect(oracle.get(c)).toEqual(argv);
        // And argv, read the way `codex mcp add` reads it, sets exactly the settable part of the entry.
        const add = parseCodexAdd(argv);
        expect(add.name).toBe(c.spec.name);
        const expectedSettable = Object.fromEntries(
          keys
            .filter((k) => SETTABLE_BY_ADD.includes(k))
            .map((k) => [k, (outputs.entry as unknown as Record<string, unknown>)[k]]),
        );
        expect(add.entry).toEqual(expectedSettable);
      }),
      { seed, numRuns: RUNS },
    );
    expect(oracle.misses).toBe(0);
  }, 240_000); // ~25 s of work quiet; 10,000 bash read-backs stretch past 100 s beside the conformance lane
});
