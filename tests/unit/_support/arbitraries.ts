/** fast-check arbitraries shared by the property tests. */
import fc from 'fast-check';
import { refusedName } from '../../../src/lib/generator/guard.ts';

/**
 * Well-formed Unicode text over the whole code-point range (every scalar value, never a lone
 * surrogate), up to `maxLength` code points: what `fc.string({ unit: 'binary' })` generates, without
 * its cost. fast-check 4.10 builds a reverse table of all 1.1 million code points the first time
 * that unit is used (1.7 s of CPU per test process, 5 s and more on a loaded machine, which broke
 * vitest's default timeout); a plain map needs no table.
 */
export const wellFormedText = (constraints: { maxLength?: number } = {}): fc.Arbitrary<string> =>
  fc
    .array(
      // 0x110000 code points less the 0x800 surrogates, shifted over the surrogate block.
      fc.integer({ min: 0, max: 0x10ffff - 0x800 }).map((n) => (n < 0xd800 ? n : n + 0x800)),
      constraints,
    )
    .map((points) => String.fromCodePoint(...points));

/**
 * Characters that mean something to some shell, TOML or PowerShell, plus control characters,
 * typographic quotes, non-ASCII spaces and line separators. Never NUL: no shell word, argv entry
 * or config file can carry it (the generator rejects it with a diagnostic instead).
 */
export const SPECIAL_CHARS = [
  "'",
  '"',
  '`',
  '$',
  '\\',
  '!',
  '*',
  '?',
  '[',
  ']',
  '{',
  '}',
  '(',
  ')',
  '~',
  '=',
  '%',
  '#',
  '&',
  '|',
  ';',
  '<',
  '>',
  ',',
  '@',
  ':',
  '-',
  '^',
  '+',
  ' ',
  '\t',
  '\n',
  '\r',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u2018',
  '\u2019',
  '\u201a',
  '\u201b',
  '\u201c',
  '\u201d',
  '\u201e',
  '\u2013',
  '\u2014',
  'é',
  '中',
  '😀',
  '\u{10ffff}',
] as const;

const isSurrogate = (cp: number): boolean => cp >= 0xd800 && cp <= 0xdfff;

/** One code point: any of the specials, any control or ASCII character but NUL, or any Unicode scalar value. */
export const anyUnit: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...SPECIAL_CHARS), weight: 4 },
  { arbitrary: fc.integer({ min: 1, max: 0x7f }).map((c) => String.fromCharCode(c)), weight: 4 },
  {
    // Lone surrogates are excluded on purpose: a lone UTF-16 surrogate has no UTF-8 encoding, so it can
    // never round-trip through a shell, a terminal or a UTF-8 config file (it becomes U+FFFD).
    arbitrary: fc
      .integer({ min: 1, max: 0x10ffff })
      .filter((cp) => !isSurrogate(cp))
      .map((cp) => String.fromCodePoint(cp)),
    weight: 2,
  },
);

/**
 * Any text a person could paste, as well-formed Unicode without NUL: full-range strings from
 * `wellFormedText` (which never yields half surrogates) mixed with the specials above.
 * The `isWellFormed` filter states the "no lone surrogates" exclusion explicitly.
 */
export const anyText = (maxLength = 24): fc.Arbitrary<string> =>
  fc
    .oneof(
      wellFormedText({ maxLength }),
      fc.string({ unit: anyUnit, maxLength }),
      fc.constantFrom(
        '',
        '--',
        '-',
        '-x.y',
        '--a=b.c',
        '-v:diag',
        'a=b',
        '=cmd',
        '~',
        '~root',
        '%1',
        '@a',
        'a,b',
        '__proto__',
        "''",
        '\\',
      ),
      // What fish and PowerShell expand or end quotes on (issue 9): %self, braces, substitutions, a backslash at the end.
      fc.constantFrom(
        '%self',
        '{a,b}',
        '$(id)',
        '(id)',
        'x\\',
        "x\\'",
        "\\'",
        'a\nb',
        '$env:HOME',
        '@(1)',
        '`n',
        '--%x',
      ),
    )
    .filter((s) => !s.includes('\u0000') && s.isWellFormed());

/**
 * Characters the generator refuses in every field (issue 9 item 2, issue 20): C0 and C1 controls, DEL,
 * line and paragraph separators and every default-ignorable code point (bidi controls, zero-width
 * characters, BOM, tags, variation selectors...). A line feed is
 * kept in values that may span lines (arguments, environment values), a tab in header values.
 */
// eslint-disable-next-line no-control-regex
const REFUSED = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|\p{Default_Ignorable_Code_Point}/u;
/** True when a one-line field may hold `s`. */
export const acceptedOneLine = (s: string): boolean => !REFUSED.test(s);
/** True when a field that may span lines (arguments, environment values) may hold `s`. */
export const acceptedMultiLine = (s: string): boolean => !REFUSED.test(s.replace(/\n/g, ''));

/** A string built only from the given characters. */
export const stringOf = (chars: string, minLength = 1, maxLength = 16): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...[...chars]), minLength, maxLength });

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

/** A POSIX environment-variable name (`[A-Za-z_][A-Za-z0-9_]*`) the outputs may write: not one the shells keep (`_`, `PWD`…). */
export const envNameArb: fc.Arbitrary<string> = fc
  .tuple(stringOf(LETTERS + '_', 1, 1), stringOf(LETTERS + DIGITS + '_', 0, 14))
  .map(([a, b]) => a + b)
  .filter((name) => refusedName(name) === undefined);

/** A server name Codex accepts: `[A-Za-z0-9_:@/.-]+`, not starting with "-". */
export const serverNameArb: fc.Arbitrary<string> = fc.oneof(
  stringOf(LETTERS + DIGITS + '_:@/.-', 1, 20).filter((s) => !s.startsWith('-')),
  fc.constantFrom('a.b', 'x@y/z:1', '@acme/docs', '__proto__', 'constructor', '.', '..', 'docs'),
);

/** An RFC 9110 header-name token. */
export const headerNameArb: fc.Arbitrary<string> = fc.oneof(
  stringOf(LETTERS + DIGITS + "!#$%&'*+.^_`|~-", 1, 16),
  fc.constantFrom('Authorization', 'X-Api-Key', '__proto__', 'toString', '123'),
);

/** A header value: any text without control characters other than tab. */
export const headerValueArb: fc.Arbitrary<string> = anyText().filter((s) =>
  acceptedOneLine(s.replace(/\t/g, '')),
);

/** A word the generator keeps as typed: non-empty, no surrounding whitespace (it trims), no NUL. */
export const trimmedWordArb: fc.Arbitrary<string> = anyText(16).filter(
  (s) => s !== '' && s.trim() === s && acceptedOneLine(s),
);

/** A word with no whitespace at all (scopes, client ids, commands), non-empty. */
export const noSpaceWordArb: fc.Arbitrary<string> = anyText(16).filter(
  (s) => s !== '' && !/\s/.test(s) && acceptedOneLine(s),
);

/** Any text a multi-line field (arguments, environment values) accepts. */
export const multiLineTextArb = (maxLength = 24): fc.Arbitrary<string> =>
  anyText(maxLength).filter(acceptedMultiLine);
