/** The output guard (issue 20): whatever produced a spec, no output carries a refused character or a non-POSIX variable name. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { envLines } from '../../../src/lib/generator/env.ts';
import { generate } from '../../../src/lib/generator/generate.ts';
import { guardLines, guardOutputs } from '../../../src/lib/generator/guard.ts';
import { emptySpec, type ServerEntry, type ServerSpec } from '../../../src/lib/generator/model.ts';
import { providerSchema } from '../../../src/lib/input/provider-schema.ts';
import { convertChoice, parseServerJson } from '../../../src/lib/server-json/index.ts';

const custom = providerSchema.parse(
  JSON.parse(readFileSync('content/providers/custom.json', 'utf8')),
);

describe('guardOutputs', () => {
  it.each<[string, string, ServerEntry, string, RegExp]>([
    ['ESC in the command', 'fs', { command: 'np\u001bx' }, 'command', /U\+001B \(escape\)/],
    [
      'a tag character in an argument',
      'fs',
      { command: 'npx', args: ['-y', 'pkg\u{E0041}'] },
      'args.1',
      /^Item #2 of args holds U\+E0041 \(tag character\), which no copied command or config file may carry/,
    ],
    ['a tab in an argument', 'fs', { command: 'npx', args: ['a\tb'] }, 'args.0', /U\+0009 \(tab\)/],
    ['CR in an env value', 'fs', { command: 'npx', env: { K: 'a\rb' } }, 'env', /carriage return/],
    [
      'an env key that is not a name',
      'fs',
      { command: 'npx', env: { 'K$(id)': 'v' } },
      'env',
      /"K\$\(id\)" is not a variable name/,
    ],
    [
      'a pass-through name',
      'fs',
      { command: 'npx', env_vars: ['1A'] },
      'envVars.0',
      /"1A" is not a variable name/,
    ],
    [
      'a bidi override in cwd',
      'fs',
      { command: 'npx', cwd: '/a\u202e' },
      'cwd',
      /right-to-left override/,
    ],
    [
      'a bearer variable that is not a name',
      'd',
      { url: 'https://x.example/', bearer_token_env_var: 'T;id' },
      'bearerTokenEnvVar',
      /not a variable name/,
    ],
    [
      'a header variable that is not a name',
      'd',
      { url: 'https://x.example/', env_http_headers: { 'X-A': 'A B' } },
      'envHttpHeaders',
      /not a variable name/,
    ],
    [
      'a zero-width space in a header name',
      'd',
      { url: 'https://x.example/', http_headers: { 'X\u200bA': 'v' } },
      'httpHeaders',
      /zero-width space/,
    ],
    [
      'a Hangul filler in a scope',
      'd',
      { url: 'https://x.example/', scopes: ['read\u3164'] },
      'scopes.0',
      /Hangul filler/,
    ],
    [
      'a variation selector in the client id',
      'd',
      { url: 'https://x.example/', oauth: { client_id: 'c\ufe0f' } },
      'oauthClientId',
      /variation selector/,
    ],
    [
      'Ctrl-U in a tool name',
      'd',
      { url: 'https://x.example/', enabled_tools: ['t\u0015'] },
      'enabledTools.0',
      /Ctrl-U/,
    ],
    [
      'a line separator in the server name',
      'a\u2028b',
      { command: 'npx' },
      'name',
      /line separator/,
    ],
  ])('%s → an error at %s', (_label, name, entry, field, message) => {
    const found = guardOutputs(name, entry, []);
    expect(found).toEqual([expect.objectContaining({ field, severity: 'error' })]);
    expect(found[0]!.message).toMatch(message);
  });

  it.each<[string, ServerEntry]>([
    // What a field may legitimately hold: a line break in arguments and env values, a tab in a header
    // value (TOML only), an emoji with its presentation selector and joiners, shell syntax as text.
    [
      'line breaks where values span lines',
      { command: 'sh', args: ['-c', 'a\nb'], env: { PEM: 'x\ny' } },
    ],
    ['a tab in a header value', { url: 'https://x.example/', http_headers: { 'X-A': 'a\tb' } }],
    ['an emoji sequence', { command: 'npx', args: ['🏳️‍🌈 ❤️'] }],
    [
      'shell syntax, which quoting carries',
      { command: 'npx', args: ['$(touch X)', '`id`', "'", '"'] },
    ],
  ])('accepts %s', (_label, entry) => {
    expect(guardOutputs('ok', entry, [])).toEqual([]);
  });

  it('checks the exported variables: names, Basic sources and the value shown', () => {
    expect(
      guardLines([
        { name: 'API_KEY$(touch X)', value: '', placeholder: 'p' },
        { name: 'OK', value: '', placeholder: 'a\u001b[201~' },
        {
          name: 'AUTH',
          value: '',
          placeholder: '',
          basicAuthFrom: { userVar: 'U', secretVar: '' },
        },
      ]).map((d) => d.field),
    ).toEqual(['envVarLines.0.name', 'envVarLines.1.value', 'envVarLines.2.name']);
  });
});

describe('generate is total', () => {
  it('a malformed spec from any producer gives a diagnostic, never an exception', () => {
    // A producer bug (a list that is not a list, a missing field) used to throw into the page.
    const broken = [
      { ...emptySpec(), transport: 'stdio', command: 'npx', args: null },
      { ...emptySpec(), envVarLines: [{ name: 'A' }] },
      { ...emptySpec(), httpHeaders: 'x' },
      {},
    ] as unknown as ServerSpec[];
    for (const spec of broken) {
      const g = generate(spec);
      expect(g.outputs).toBeNull();
      expect(g.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    }
  });

  it('any value in any field: generate returns a result', () => {
    const keys = Object.keys(emptySpec()) as (keyof ServerSpec)[];
    fc.assert(
      fc.property(
        fc.record(Object.fromEntries(keys.map((k) => [k, fc.anything()])), { requiredKeys: [] }),
        (junk) => {
          const g = generate({ ...emptySpec(), ...junk } as ServerSpec);
          expect(Array.isArray(g.diagnostics)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('issue 20 reproductions: a server.json that reaches the renderers directly', () => {
  const server = parseServerJson(
    JSON.stringify({
      name: 'io.github.acme/official',
      version: '1.0.0',
      packages: [
        {
          registryType: 'npm',
          identifier: '@acme/official',
          version: '1.0.0',
          transport: { type: 'stdio' },
          environmentVariables: [
            { name: 'API_KEY$(touch X)', isSecret: true, isRequired: true },
            { name: 'MODE', default: 'fast\u001b[201~\u0015\rrm -rf ~' },
          ],
        },
      ],
    }),
  ).server!;

  it('the import refuses the package before any block is built from it', () => {
    // The server.json import refuses it at the file (tests/unit/server-json/honest-import.test.ts
    // names the fields); the guard below holds for any caller that reaches the renderers anyway.
    expect(convertChoice(custom, server, 'package:0')).toBeNull();
  });

  it('the "Variables for your shell" renderer never builds a block from them', () => {
    // Before the guard: `export API_KEY$(touch X)=paste-your-secret`, which runs `touch` in bash,
    // dash and zsh, and the ESC [201~ / Ctrl-U / CR default on the clipboard intact.
    const hostile = [
      { name: 'API_KEY$(touch X)', value: '', placeholder: 'paste-your-secret' },
      { name: 'MODE', value: 'fast\u001b[201~\u0015\rrm -rf ~', placeholder: '' },
    ];
    expect(envLines(hostile)).toBeNull();
    expect(envLines(hostile.slice(0, 1))).toBeNull();
    expect(envLines(hostile.slice(1))).toBeNull();
  });
});
