/**
 * Highlighting by construction (src/lib/generator/tokens.ts): every output block is the exact
 * concatenation of its tokens, for every output kind, and each token has one of the known kinds.
 * The text the page copies is `textOf(trimEndTokens(tokens))` (OutputBlock), so it is checked too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROBED_RELEASES } from '../../../src/lib/codex/releases.ts';
import {
  generate,
  loginTokens,
  verifyTokens,
  type Outputs,
} from '../../../src/lib/generator/generate.ts';
import { emptySpec, type ServerSpec } from '../../../src/lib/generator/model.ts';
import { envTokens } from '../../../src/lib/generator/env.ts';
import { fishCommandTokens } from '../../../src/lib/generator/shell/fish.ts';
import { posixCommandTokens } from '../../../src/lib/generator/shell/posix.ts';
import { powershellCommandTokens } from '../../../src/lib/generator/shell/powershell.ts';
import { topLevelBlock } from '../../../src/lib/generator/settings.ts';
import { tomlTokens } from '../../../src/lib/generator/toml.ts';
import { jsonTokens } from '../../../src/lib/generator/json-tokens.ts';
import {
  textOf,
  TOKEN_KINDS,
  trimEndTokens,
  type Token,
} from '../../../src/lib/generator/tokens.ts';
import { pluginFiles, sourceOf } from '../../../src/lib/plugin/files.ts';
import { anyText, serverNameArb, stringOf } from '../_support/arbitraries.ts';
import { specCaseArb } from '../_support/specs.ts';

const RUNS = { numRuns: 10_000 };
const KINDS = new Set<string>(TOKEN_KINDS);

/** Throws unless `tokens` are exactly `text`, each non-empty and of a known kind, and the copied text is `text.trimEnd()`. */
function assertTokens(what: string, tokens: readonly Token[], text: string): void {
  if (textOf(tokens) !== text) throw new Error(`${what}: tokens ${JSON.stringify(tokens)} ≠ text`);
  const bad = tokens.find((t) => !KINDS.has(t.kind) || t.text === '');
  if (bad) throw new Error(`${what}: token ${JSON.stringify(bad)}`);
  if (textOf(trimEndTokens(tokens)) !== text.trimEnd()) throw new Error(`${what}: trimmed copy`);
}

/** The blocks of one output kind for a spec: [name, tokens, text] per block, or null when the spec has none. */
type Blocks = (o: Outputs, spec: ServerSpec) => [string, Token[] | null, string | null][];
const SHELLS = ['posix', 'fish', 'powershell'] as const;
const OUTPUT_KINDS: [string, Blocks][] = [
  ['command', (o) => SHELLS.map((s) => [`cli-${s}`, o.tokens.cli?.[s] ?? null, o.cli[s]])],
  ['env', (o) => SHELLS.map((s) => [`env-${s}`, o.tokens.env?.[s] ?? null, o.env?.[s] ?? null])],
  ['toml', (o) => [['toml', o.tokens.toml, o.toml]]],
  ['login', (o) => [['login', o.tokens.login, o.login]]],
  ['verify', (o) => [['verify', o.tokens.verify, o.verify]]],
  [
    'plugin files',
    (o, spec) => {
      const files = pluginFiles(sourceOf(o, spec));
      return [
        ['plugin-json', jsonTokens(files.manifest), files.manifest],
        ['mcp-json', jsonTokens(files.servers), files.servers],
      ];
    },
  ],
];

describe('property: every output is exactly its tokens (10,000 random specs per output kind)', () => {
  it.each(OUTPUT_KINDS)(
    '%s',
    (_, blocksOf) => {
      fc.assert(
        // The arbitraries' specs are valid for the newest release (older ones may refuse a key).
        fc.property(specCaseArb, ({ spec }) => {
          const o = generate(spec).outputs;
          if (!o) throw new Error('a valid spec gave no outputs');
          const blocks = blocksOf(o, spec);
          // Specs without this kind of output (no variables, no OAuth, TOML-only) are not counted.
          fc.pre(blocks.every(([, tokens]) => tokens !== null));
          for (const [what, tokens, text] of blocks) {
            if (text === null) throw new Error(`${what}: tokens without a text`);
            assertTokens(what, tokens!, text);
          }
        }),
        RUNS,
      );
    },
    240_000,
  );

  it('login and verify, for any server name, scopes and release', () => {
    fc.assert(
      fc.property(
        serverNameArb,
        fc.array(stringOf('abcdefghijklmnopqrstuvwxyz:._-/', 1, 12), { maxLength: 3 }),
        fc.constantFrom(...PROBED_RELEASES),
        (name, scopes, release) => {
          const login = loginTokens(name, scopes, release);
          if (login) assertTokens('login', login, textOf(login));
          expect(login).not.toBeNull();
          assertTokens('verify', verifyTokens(name, release), textOf(verifyTokens(name, release)));
        },
      ),
      RUNS,
    );
  }, 120_000);

  it('command lines for any argv, in each shell', () => {
    fc.assert(
      fc.property(fc.array(anyText(12), { minLength: 1, maxLength: 6 }), (words) => {
        const argv = ['codex', 'mcp', 'add', ...words];
        for (const tokens of [
          posixCommandTokens(argv),
          fishCommandTokens(argv),
          powershellCommandTokens(argv),
        ])
          assertTokens('argv', tokens, textOf(tokens));
      }),
      RUNS,
    );
  }, 120_000);

  it('TOML tokens cover any text exactly (the top-level block too), never throwing', () => {
    fc.assert(
      fc.property(anyText(40), fc.integer({ min: 1, max: 65535 }), (text, port) => {
        assertTokens('toml', tomlTokens(text), text);
        const top = topLevelBlock({ mcp_oauth_callback_port: port })!;
        assertTokens('top-level', tomlTokens(top), top);
        assertTokens('json', jsonTokens(text), text);
      }),
      RUNS,
    );
  });
});

describe('size', () => {
  it('100,000 arguments: every block is still exactly its tokens (no spread overflows the stack)', () => {
    const args = Array.from({ length: 100_000 }, (_, i) => `--a${i}`);
    const g = generate({ ...emptySpec(), name: 'big', transport: 'stdio', command: 'npx', args });
    const o = g.outputs!;
    expect(g.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    assertTokens('cli', o.tokens.cli!.posix, o.cli.posix!);
    assertTokens('toml', o.tokens.toml, o.toml);
    expect(o.toml).toContain('"--a99999"');
  });
});

describe('kinds', () => {
  const kinds = (tokens: readonly Token[]) =>
    tokens.filter((t) => t.text.trim() !== '').map((t) => `${t.kind}:${t.text}`);

  it('PowerShell flags, `--` and the program after it are flags and operators, not errors', () => {
    const argv = ['codex', 'mcp', 'add', 'docs', '--env', 'A=b c', '--', 'npx', '-y', 'pkg'];
    expect(kinds(powershellCommandTokens(argv))).toEqual([
      'program:codex',
      'subcommand:mcp',
      'subcommand:add',
      'plain:docs',
      'flag:--env',
      "string:'A=b c'",
      // PowerShell needs `--` quoted (shell/powershell.ts): still the end of the flags.
      "operator:'--'",
      'program:npx',
      'flag:-y',
      'plain:pkg',
    ]);
    expect(kinds(posixCommandTokens(argv))).toContain('operator:--');
    expect(kinds(posixCommandTokens(['codex', 'mcp', 'add', 'x', '--url', 'https://a']))).toEqual([
      'program:codex',
      'subcommand:mcp',
      'subcommand:add',
      'plain:x',
      'flag:--url',
      'plain:https://a',
    ]);
  });

  it('TOML: header, keys, strings, literals, punctuation', () => {
    const text = '[mcp_servers.docs]\nurl = "https://a"\nargs = [ "-y", "x" ]\nenabled = true\n';
    expect(kinds(tomlTokens(text))).toEqual([
      'header:[mcp_servers.docs]',
      'key:url',
      'operator: = ',
      'string:"https://a"',
      'key:args',
      'operator: = ',
      'operator:[',
      'string:"-y"',
      'operator:,',
      'string:"x"',
      'operator:]',
      'key:enabled',
      'operator: = ',
      'literal:true',
    ]);
  });

  it('env lines: the variable, its value, and comments', () => {
    const lines = envTokens([
      { name: 'TOKEN', value: '', placeholder: 'your token', optional: false },
    ])!;
    expect(kinds(lines.posix)).toEqual([
      expect.stringMatching(/^comment:# Run in your shell/),
      'program:export',
      'variable:TOKEN',
      'operator:=',
      "string:'your token'",
    ]);
    expect(kinds(lines.powershell)).toContain('variable:$env:TOKEN');
  });

  it('JSON: keys and strings differ', () => {
    expect(kinds(jsonTokens('{\n  "name": "x",\n  "n": 1\n}\n'))).toEqual([
      'operator:{',
      'key:"name"',
      'operator::',
      'string:"x"',
      'operator:,',
      'key:"n"',
      'operator::',
      'literal:1',
      'operator:}',
    ]);
  });
});
