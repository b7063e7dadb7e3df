/**
 * Characters no field or link value may hold: they can run commands when a copied line is pasted
 * into a terminal (ESC sequences end bracketed paste, Ctrl-U erases the line, CR submits it), or
 * make what the page shows differ from what is copied (bidi overrides, zero-width characters).
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
  0x061c: 'Arabic letter mark',
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
  0xfeff: 'zero-width no-break space',
};

// C0 and C1 controls, DEL, bidi controls, invisible formatting characters, line/paragraph separators,
// and lone surrogates (which no UTF-8 file or command line can carry). The zero-width (non-)joiner is
// kept between two non-ASCII characters, where it is part of the text (emoji sequences such as
// 👩‍👩‍👧, Persian and Indic scripts); next to ASCII or at an end it can only hide a difference.
const UNSAFE_RE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|(?<![\u0080-\uffff])[\u200c\u200d]|[\u200c\u200d](?![\u0080-\uffff])|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSAFE_NO_TAB_RE = new RegExp(
  UNSAFE_RE.source.replace('\\u0000-\\u001f', '\\u0000-\\u0008\\u000a-\\u001f'),
);
const UNSAFE_NO_LF_RE = new RegExp(
  UNSAFE_RE.source.replace('\\u0000-\\u001f', '\\u0000-\\u0009\\u000b-\\u001f'),
);
const UNSAFE_GLOBAL_RE = new RegExp(UNSAFE_RE.source, 'g');

function hex(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** How a message names a code point: `U+202E (right-to-left override)`. */
export function describeCodePoint(codePoint: number): string {
  const name =
    NAMES[codePoint] ??
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
  // A field never needs both exceptions at once; a tab is the stricter choice to keep.
  const re = options.allowTab
    ? UNSAFE_NO_TAB_RE
    : options.allowNewline
      ? UNSAFE_NO_LF_RE
      : UNSAFE_RE;
  const match = re.exec(value);
  if (!match) return undefined;
  const codePoint = match[0].charCodeAt(0);
  return { index: match.index, codePoint, label: describeCodePoint(codePoint) };
}

/** `value` with every refused character written as `<U+XXXX>`, for quoting a value inside a message. */
export function visible(value: string): string {
  return value.replace(
    UNSAFE_GLOBAL_RE,
    (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}
