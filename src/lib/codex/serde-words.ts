/**
 * How Codex (serde, reading config.toml with the `toml` crate) names a value it did not expect:
 * `invalid type: integer \`5\`, expected a string`. Each form below was read off the real CLI
 * (0.140.0 and 0.171.0 print the same): integers in decimal (`0x10` is `16`), floats as Rust
 * prints them with `.0` added to whole ones (`1e21` is `1000000000000000000000.0`, `nan` is `NaN`),
 * strings Debug-escaped (`"a\"b"`, `\u{1b}`), dates as strings in the `toml` crate's form
 * (`1979-05-27 07:32:00` is `"1979-05-27T07:32:00"`), arrays `sequence`, tables `map`.
 * Pure, browser-safe.
 */

/**
 * A TOML value as the doctor holds it for these messages: integers as bigint (so `5` and `5.0`
 * differ), floats as number, dates as smol-toml's TomlDate.
 */
export type ExactValue = unknown;

/** True for a TOML date or time (smol-toml's TomlDate is a Date with `isDate`/`isTime`). */
export function isTomlDate(v: unknown): v is Date & { isDate(): boolean; isTime(): boolean } {
  return v instanceof Date;
}

/** A float as Rust's Display prints it (no exponent), with serde's `.0` on whole numbers. */
export function rustFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  const plain = plainDecimal(Math.abs(n));
  return `${sign}${plain}${plain.includes('.') ? '' : '.0'}`;
}

/** The shortest round-trip digits of a non-negative finite number, written without an exponent. */
function plainDecimal(n: number): string {
  const s = String(n);
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = `${m[1]}${m[2] ?? ''}`;
  const point = 1 + Number(m[3]);
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${digits}${'0'.repeat(point - digits.length)}`;
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

// Characters Rust's `{:?}` writes as `\u{…}`: controls, format and private-use characters,
// separators other than the space, unassigned code points, and combining marks (grapheme extend).
const ESCAPED = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Grapheme_Extend}]|(?! )\p{Zs}/u;
const SHORT: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\0': '\\0',
};

/** A string as Rust's `{:?}` writes it (recorded: `"\u{1}\u{7f}\u{85}\u{2028}\u{200b}😀\u{ad}\0\r\u{1b}"`). */
export function rustDebugString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const short = SHORT[ch];
    if (short !== undefined) out += short;
    else if (ESCAPED.test(ch)) out += `\\u{${(ch.codePointAt(0) as number).toString(16)}}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * A TOML date or time as the `toml` crate writes it: `T` between date and time, offsets as
 * written (`-00:00` as `+00:00`, `z` as `Z`), fractional seconds without trailing zeros. Undefined
 * when the seconds have a fraction: smol-toml keeps milliseconds only, so the digits Codex prints
 * are not known.
 */
export function tomlDateText(d: Date): string | undefined {
  const iso = d.toISOString();
  const m = /^(.*?)(?:\.(\d{3}))?(Z|[+-]\d\d:\d\d)?$/.exec(iso);
  if (!m) return undefined;
  if (m[2] !== undefined && m[2] !== '000') return undefined;
  const offset = m[3] === '-00:00' ? '+00:00' : (m[3] ?? '');
  return `${m[1]}${offset}`;
}

/** What serde calls `value` in "invalid type: …", or undefined when its exact form is not known. */
export function serdeUnexpected(value: ExactValue): string | undefined {
  if (typeof value === 'string') return `string ${rustDebugString(value)}`;
  if (typeof value === 'boolean') return `boolean \`${value}\``;
  if (typeof value === 'bigint') return `integer \`${value}\``;
  if (typeof value === 'number') return `floating point \`${rustFloat(value)}\``;
  if (isTomlDate(value)) {
    const text = tomlDateText(value);
    return text === undefined ? undefined : `string ${rustDebugString(text)}`;
  }
  if (Array.isArray(value)) return 'sequence';
  if (typeof value === 'object' && value !== null) return 'map';
  return undefined;
}
