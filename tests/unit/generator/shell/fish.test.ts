import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../../src/lib/generator/generate.ts';
import { providerSchema } from '../../../../src/lib/input/provider-schema.ts';
import { specFromForm } from '../../../../src/lib/input/provider.ts';
import { decodeShare } from '../../../../src/lib/share/share.ts';
import { fishCommand, fishString, quoteFish } from '../../../../src/lib/generator/shell/fish.ts';
import { posixCommand } from '../../../../src/lib/generator/shell/posix.ts';
import { NOT_SHOWN } from '../../../../src/lib/generator/guard.ts';
import { unsafeChar } from '../../../../src/lib/safety/unsafe-chars.ts';
import { anyText } from '../../_support/arbitraries.ts';
import {
  available,
  BatchedOracle,
  propertySeed,
  readBack,
  runScript,
} from '../../_support/shells.ts';

/** What the command renderers show: words without a refused character (a line feed is quoted). */
const shown = (w: string) => unsafeChar(w, { allowNewline: true }) === undefined;

const RUNS = 10_000;
const FISH = available('fish', 'the fish quoting tests');

describe('quoteFish: exact renderings', () => {
  it.each([
    // Plain words and flags stay bare.
    ['--url', '--url'],
    // "@", ":", "/", "." "," and "=" are inert in fish.
    ['@scope/pkg:1.0,x=y', '@scope/pkg:1.0,x=y'],
    // The empty string is one empty word.
    ['', "''"],
    // A trailing backslash is escaped: bare `'x\'` would leave the quote open (the injection in issue 9).
    ['x\\', "'x\\\\'"],
    // A single quote is escaped with a backslash, not closed and reopened as in POSIX shells.
    ["it's", "'it\\'s'"],
    // `%self` expands to fish's PID when bare.
    ['%self', "'%self'"],
    // `~` expands to the home directory at the start of a word.
    ['~/x', "'~/x'"],
    // Braces expand: {a,b} is two words.
    ['{a,b}', "'{a,b}'"],
    // `$` expands a variable, parentheses run a command substitution.
    ['$(id)', "'$(id)'"],
    // `*` and `?` are globs (`?` in fish 3 without the qmark-noglob feature).
    ['*.json', "'*.json'"],
    // `^` was a redirection in fish before 3.3.
    ['a^b', "'a^b'"],
    // `#` starts a comment, `;` `&` `|` `<` `>` are syntax.
    ['#;&|<>', "'#;&|<>'"],
    // A newline is literal inside fish single quotes.
    ['a\nb', "'a\nb'"],
    // Non-ASCII text is quoted.
    ['é', "'é'"],
  ])('quoteFish(%j) === %j', (word, expected) => {
    expect(quoteFish(word)).toBe(expected);
  });

  it.each([
    // Even a safe word is a quoted literal (used on the right of `set -gx`).
    ['abc', "'abc'"],
    // Backslashes and quotes are the only escapes.
    ["\\'", "'\\\\\\''"],
  ])('fishString(%j) === %j', (value, expected) => {
    expect(fishString(value)).toBe(expected);
  });
});

describe.skipIf(!FISH)('fishCommand round-trips through the real fish', () => {
  it('fish: 10,000 random argv arrays', () => {
    const seed = propertySeed();
    const argvArb = fc.array(anyText(), { maxLength: 8 });
    // The quoting is proven for ANY text; fishCommand is that join, or a comment for refused characters.
    const quoted = (argv: readonly string[]) => argv.map(quoteFish).join(' ');
    const oracle = new BatchedOracle<string[]>('fish', quoted);
    oracle.prime(fc.sample(argvArb, { seed, numRuns: RUNS }));
    fc.assert(
      fc.property(argvArb, (argv) => {
        expect(oracle.get(argv)).toEqual(argv);
        expect(fishCommand(argv)).toBe(argv.every(shown) ? quoted(argv) : NOT_SHOWN);
      }),
      { seed, numRuns: RUNS },
    );
    expect(oracle.misses).toBe(0);
  }, 120_000);

  it('the harness notices a wrong quoting (negative control: POSIX quoting in fish)', () => {
    // `'x\'` is an unfinished string in fish, so the POSIX rendering cannot be read back as typed.
    expect(readBack('fish', [posixCommand(['%self', '{a,b}'])])[0]).not.toEqual(['%self', '{a,b}']);
  });
});

describe.skipIf(!FISH)('regression, issue 9 item 1: fish injection through a share link', () => {
  const custom = providerSchema.parse(
    JSON.parse(readFileSync('content/providers/custom.json', 'utf8')),
  );
  const LINK = '#v=1&mode=local&args=x%5C%0A%3Btouch%20%2Ftmp%2Fpwned%20%23';

  it('the command for fish hands codex exactly the arguments from the link, and runs nothing else', () => {
    const { form } = decodeShare(custom, LINK);
    const out = generate(specFromForm(custom, form)).outputs!;
    expect(out.cli.argv).toContain(';touch /tmp/pwned #');
    // The old page offered the POSIX line to fish users: there, `'x\'` escapes the quote and `touch` runs.
    // Both lines run in the real fish; `touch` is replaced by a recorder, so a run shows up as a record.
    // What the page shows a fish user: the fish block (before the fix, the shared "bash / zsh / fish" one).
    const shownToFish = (out.cli as { fish?: string | null }).fish ?? out.cli.posix!;
    const [fromFish, ...rest] = runScript('fish', [
      'function touch; __w INJECTED $argv; end',
      `__w ${shownToFish.trimEnd()}`,
    ]);
    expect(rest).toEqual([]);
    expect(fromFish).toEqual(out.cli.argv);
  });

  it('negative control: the POSIX line the page used to show for fish does run `touch` in fish', () => {
    const { form } = decodeShare(custom, LINK);
    const out = generate(specFromForm(custom, form)).outputs!;
    const records = runScript('fish', [
      'function touch; __w INJECTED $argv; end',
      `__w ${out.cli.posix!.trimEnd()}`,
    ]);
    expect(records).toContainEqual(['INJECTED', '/tmp/pwned']);
  });
});
