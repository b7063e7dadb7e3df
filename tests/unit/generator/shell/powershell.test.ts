import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  powershellCommand,
  powershellString,
  quotePowerShell,
} from '../../../../src/lib/generator/shell/powershell.ts';
import { NOT_SHOWN } from '../../../../src/lib/generator/guard.ts';
import { unsafeChar } from '../../../../src/lib/safety/unsafe-chars.ts';
import { anyText } from '../../_support/arbitraries.ts';
import {
  assertArgvRoundTrip,
  available,
  propertySeed,
  readBack,
  runScript,
} from '../../_support/shells.ts';

/** What the command renderers show: words without a refused character (a line feed is quoted). */
const shown = (w: string) => unsafeChar(w, { allowNewline: true }) === undefined;

const RUNS = 10_000;
const PWSH = available('pwsh', 'the PowerShell quoting tests');

describe('quotePowerShell: exact renderings', () => {
  it.each([
    // Plain words stay bare.
    ['codex', 'codex'],
    // Long flags stay bare.
    ['--url', '--url'],
    // A plain https URL stays bare.
    ['https://mcp.example.com/mcp', 'https://mcp.example.com/mcp'],
    // "--" is quoted: bare, PowerShell (and the npm codex.ps1 shim) would swallow it.
    ['--', "'--'"],
    // "$" is quoted so nothing expands.
    ['$env:HOME', "'$env:HOME'"],
    // A backtick (PowerShell's escape character) is quoted.
    ['a`b', "'a`b'"],
    // "@" at the start would splat a variable.
    ['@modelcontextprotocol/server-filesystem', "'@modelcontextprotocol/server-filesystem'"],
    // A comma would build an array of two arguments.
    ['a,b', "'a,b'"],
    // A semicolon would end the statement.
    ['a;b', "'a;b'"],
    // Parentheses would start a subexpression.
    ['(x)', "'(x)'"],
    // A single quote is doubled.
    ["it's", "'it''s'"],
    // Typographic single quotes are quote characters to PowerShell: doubled too.
    ['\u2018a\u2019', "'\u2018\u2018a\u2019\u2019'"],
    // The low-9 and reversed-9 quotes as well.
    ['\u201a\u201b', "'\u201a\u201a\u201b\u201b'"],
    // Typographic DOUBLE quotes are literal inside single quotes: left alone.
    ['\u201cx\u201d', "'\u201cx\u201d'"],
    // The empty string is an explicit empty argument.
    ['', "''"],
    // A space needs quoting.
    ['My Projects', "'My Projects'"],
  ])('quotePowerShell(%j) === %j', (word, expected) => {
    expect(quotePowerShell(word)).toBe(expected);
  });

  it.each([
    // A stdio add: "--" quoted, "@"-word quoted, the rest bare.
    [
      ['codex', 'mcp', 'add', 'fs', '--', 'npx', '-y', '@scope/pkg'],
      "codex mcp add fs '--' npx -y '@scope/pkg'",
    ],
    // An empty argv is an empty line.
    [[], ''],
  ])('powershellCommand(%j) === %j', (argv, expected) => {
    expect(powershellCommand(argv)).toBe(expected);
  });

  it.each([
    // Even a safe word is quoted as a string literal (used on the right of `$env:X =`).
    ['abc', "'abc'"],
    // The empty value.
    ['', "''"],
    // "$" stays literal.
    ['$x', "'$x'"],
    // Quotes doubled.
    ["a'b\u2019", "'a''b\u2019\u2019'"],
  ])('powershellString(%j) === %j', (value, expected) => {
    expect(powershellString(value)).toBe(expected);
  });
});

// pwsh takes seconds to start on a loaded machine: generous timeouts.
describe.skipIf(!PWSH)(
  'PowerShell round trip (the real pwsh, arguments as a native program receives them)',
  { timeout: 120_000 },
  () => {
    it('powershellCommand(argv) reads back as argv for 10,000 random argv arrays', () => {
      // Each native call costs ~10 ms in pwsh: 10 arrays share one command line (see assertArgvRoundTrip).
      const seed = propertySeed();
      const arrays = fc
        .sample(fc.array(anyText(), { maxLength: 8 }), { seed, numRuns: RUNS })
        .filter((a) => !a.includes('--%'));
      expect(arrays.length).toBeGreaterThan(RUNS * 0.99);
      // The quoting is proven for ANY text; powershellCommand is that join, or a comment for refused characters.
      const quoted = (argv: readonly string[]) => argv.map(quotePowerShell).join(' ');
      assertArgvRoundTrip('pwsh', arrays, quoted, 10);
      for (const argv of arrays)
        expect(powershellCommand(argv)).toBe(argv.every(shown) ? quoted(argv) : NOT_SHOWN);
    }, 300_000);

    it('powershellString(v) reads back as v for 10,000 random values', () => {
      // Any text, including every quote character, "$", backticks and newlines, as a string literal; read
      // inside PowerShell (a literal is not an argument: no native call needed).
      const seed = propertySeed();
      const values = fc.sample(anyText(40), { seed, numRuns: RUNS });
      const lines = values.map(
        (v) => `[void]$o.Append("1\`0").Append(${powershellString(v)}).Append("\`0")`,
      );
      const script = [
        '$o = [Text.StringBuilder]::new()',
        ...lines,
        '[IO.File]::WriteAllText($env:W_OUT, $o.ToString())',
      ];
      const got = runScript('pwsh', script).map((w) => w[0]);
      expect(got).toEqual(values);
    }, 300_000);

    it('"--%" cannot be passed by PowerShell at all, so a command holding it is a comment instead', () => {
      // The real pwsh drops the argument "--%" however it is quoted (here as '--%').
      expect(readBack('pwsh', ["x '--%' y"])[0]).toEqual(['x', 'y']);
      const line = powershellCommand(['codex', 'mcp', 'add', 'a', '--', 'run', '--%']);
      expect(line.startsWith('# ')).toBe(true);
      // Pasted, the comment runs nothing.
      expect(readBack('pwsh', [line])[0]).toEqual([]);
    });

    const SPECIAL: string[][] = [
      // Words PowerShell would split or swallow when bare (PowerShell issue #6291 and the codex.ps1 shim):
      // quoted, they arrive whole.
      [
        '--config=./settings.json',
        '-Dlog.level=debug',
        '--oauth-client-id=-abc.apps.example',
        '-v:diag',
        '--',
      ],
      // Splatting, arrays, variables, subexpressions, comments, stop-parsing.
      ['@a', 'a,b', '$env:HOME', '$(id)', '#x', '--%x', '`n'],
      // Typographic quotes and dashes.
      ['\u2018a\u2019', '\u201cb\u201d', '\u2013x', '\u2014y'],
    ];
    it('hand-picked hostile words read back unchanged (one pwsh run)', () => {
      expect(
        readBack(
          'pwsh',
          SPECIAL.map((argv) => powershellCommand(argv)),
        ),
      ).toEqual(SPECIAL);
    });

    it('negative control: bare words that PowerShell changes are noticed by the harness', () => {
      // `-x.y` is split in two and `$HOME` expands: the oracle can fail.
      expect(readBack('pwsh', ['-x.y $HOME'])[0]).toEqual([
        '-x',
        '.y',
        expect.not.stringContaining('$'),
      ]);
    });
  },
);
