/**
 * Characters no field or link value may hold: they can run commands when a copied line is pasted
 * into a terminal (ESC sequences end bracketed paste, Ctrl-U erases the line, CR submits it), or
 * make what the page shows differ from what is copied (bidi overrides, zero-width characters, tag
 * characters, variation selectors: every default-ignorable code point).
 * One definition, read by the generator's field checks, the share-link decoder and the doctor.
 */

/** One refused character and where it is. */
export interface UnsafeChar {
  /** UTF-16 index of the character in the value. */
  index: number;
  codePoint: number;
  /** How a message names it, e.g. `U+001B (escape)`. */
  label: string;
}

// Names for the characters people actually meet; the rest are named by class.
const NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'bell',
  0x08: 'backspace',
  0x09: 'tab',
  0x0a: 'line feed',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x0d: 'carriage return',
  0x15: 'Ctrl-U',
  0x1b: 'escape',
  0x7f: 'delete',
  0x85: 'next line',
  0x9b: 'control sequence introducer',
  0xad: 'soft hyphen',
  0x034f: 'combining grapheme joiner',
  0x061c: 'Arabic letter mark',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0x3164: 'Hangul filler',
  0xfeff: 'zero-width no-break space',
  0xffa0: 'halfwidth Hangul filler',
};

// Names for the classes of invisible characters Unicode calls default-ignorable (shown as nothing).
const RANGES: readonly [number, number, string][] = [
  [0x115f, 0x1160, 'Hangul filler'],
  [0x17b4, 0x17b5, 'Khmer inherent vowel'],
  [0x180b, 0x180d, 'Mongolian variation selector'],
  [0x180f, 0x180f, 'Mongolian variation selector'],
  [0x2061, 0x2064, 'invisible operator'],
  [0x206a, 0x206f, 'deprecated formatting character'],
  [0xfe00, 0xfe0f, 'variation selector'],
  [0x1bca0, 0x1bca3, 'shorthand format control'],
  [0x1d173, 0x1d17a, 'musical format control'],
  [0xe0001, 0xe0001, 'language tag'],
  [0xe0020, 0xe007f, 'tag character'],
  [0xe0100, 0xe01ef, 'variation selector'],
];

// Refused everywhere: C0 and C1 controls, DEL, line/paragraph separators, lone surrogates (which no
// UTF-8 file or command line can carry) and every default-ignorable code point, the characters Unicode
// says to draw as nothing: bidi controls, zero-width characters, soft hyphen, Hangul fillers, tag
// characters (U+E0000 block, which spell hidden text), variation selectors, the reserved ones too.
// Two kinds are kept only where they are part of visible text, one at a time, so they cannot spell
// anything either: the zero-width (non-)joiner between two non-ASCII characters (emoji sequences such
// as 👩‍👩‍👧, Persian and Indic scripts), and the emoji/text presentation selector (U+FE0F, U+FE0E) right
// after a non-ASCII character (❤️). Next to ASCII, at an end or in a run they can only hide a difference.
const VISIBLE_NON_ASCII = String.raw`(?!\p{Default_Ignorable_Code_Point})[^\u0000-\u007f]`;
const JOINER = String.raw`[\u200c\u200d]`;
const PRESENTATION = String.raw`[\ufe0e\ufe0f]`;
const JOINER_AFTER = `(?!${JOINER})(?:${PRESENTATION}|${VISIBLE_NON_ASCII})`;
const source = (controls: string): string =>
  [
    String.raw`[${controls}\u007f-\u009f\u2028\u2029\ud800-\udfff]`,
    String.raw`(?!${JOINER}|${PRESENTATION})\p{Default_Ignorable_Code_Point}`,
    `(?<!${JOINER_AFTER})${JOINER}`,
    `${JOINER}(?!${VISIBLE_NON_ASCII})`,
    `(?<!${VISIBLE_NON_ASCII})${PRESENTATION}`,
  ].join('|');
// In `u` mode a character class matches whole code points, so [\ud800-\udfff] finds only lone surrogates.
const UNSAFE_RE = new RegExp(source(String.raw`\u0000-\u001f`), 'u');
const UNSAFE_NO_TAB_RE = new RegExp(source(String.raw`\u0000-\u0008\u000a-\u001f`), 'u');
const UNSAFE_NO_LF_RE = new RegExp(source(String.raw`\u0000-\u0009\u000b-\u001f`), 'u');
const UNSAFE_GLOBAL_RE = new RegExp(UNSAFE_RE.source, 'gu');
// Every character any of the above can match: one class, five times faster on ordinary text.
const CANDIDATE_RE =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\p{Default_Ignorable_Code_Point}]/u;

function hex(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** How a message names a code point: `U+202E (right-to-left override)`, `U+E0041 (tag character)`. */
export function describeCodePoint(codePoint: number): string {
  const name =
    NAMES[codePoint] ??
    RANGES.find(([from, to]) => codePoint >= from && codePoint <= to)?.[2] ??
    (codePoint >= 0xd800 && codePoint <= 0xdfff
      ? 'unpaired surrogate'
      : codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)
        ? 'control character'
        : 'invisible formatting character');
  return `${hex(codePoint)} (${name})`;
}

/** Which otherwise refused characters a field may keep. */
export interface UnsafeOptions {
  /** A tab, for values that only reach the TOML file (an HTTP header value may contain one). */
  allowTab?: boolean;
  /**
   * A line feed, for values that may legitimately span lines (arguments, environment values): every
   * output shows it as a visible line break inside quotes, or as `\n` in TOML.
   */
  allowNewline?: boolean;
}

/** The first character of `value` that no field may hold, or undefined. */
export function unsafeChar(value: string, options: UnsafeOptions = {}): UnsafeChar | undefined {
  if (!CANDIDATE_RE.test(value)) return undefined;
  // A field never needs both exceptions at once; a tab is the stricter choice to keep.
  const re = options.allowTab
    ? UNSAFE_NO_TAB_RE
    : options.allowNewline
      ? UNSAFE_NO_LF_RE
      : UNSAFE_RE;
  const match = re.exec(value);
  if (!match) return undefined;
  const codePoint = match[0].codePointAt(0)!;
  return { index: match.index, codePoint, label: describeCodePoint(codePoint) };
}

/** `value` with every refused character written as `<U+XXXX>`, for quoting a value inside a message. */
export function visible(value: string): string {
  return value.replace(UNSAFE_GLOBAL_RE, (c) => `<${hex(c.codePointAt(0)!)}>`);
}
