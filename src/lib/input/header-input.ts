/**
 * Reads the free-form header fields: one `Name: value` per line (for env-sourced headers,
 * `Name: VARIABLE`). A line in any other shape (a curl `-H` option, a JSON or TOML line, `Name=value`,
 * no colon at all) is not guessed at: it gets a message saying exactly which format is expected.
 */
import type { Diagnostic, Pair } from '../generator/model.ts';

/** Which header field a line comes from: literal values or variable names. */
export type HeaderKind = 'static' | 'env';

/** The pairs read from a header field, and a message for each line that is not `Name: value`. */
export interface HeaderLines {
  pairs: Pair[];
  notes: Diagnostic[];
}

const LABEL: Record<HeaderKind, string> = {
  static: 'Static headers',
  env: 'Headers from environment variables',
};
const EXAMPLE: Record<HeaderKind, string> = {
  static: 'X-Api-Key: abc123',
  env: 'X-Api-Key: MY_API_KEY',
};
const SHAPE: Record<HeaderKind, string> = { static: 'Name: value', env: 'Name: VARIABLE' };
// The spec fields the pairs go to; a message without an index lands on the whole field.
const FIELD: Record<HeaderKind, string> = { static: 'httpHeaders', env: 'envHttpHeaders' };

/** What a line that is not `Name: value` looks like, so the message can say what to change. */
function shapeOf(line: string): string {
  if (/^(-H|--header)\b/.test(line)) return 'a curl option (-H): leave out "-H" and the quotes';
  if (/^"[^"]*"\s*:/.test(line))
    return 'a JSON line: leave out the quotes around the name and the value, and any trailing comma';
  if (/^[!#$%&'*+.^_`|~0-9A-Za-z-]+\s*=/.test(line))
    return 'a "Name=value" (or TOML) line: use a colon instead of "="';
  return 'has no colon after the header name';
}

// A curl option (`-H 'Name: value'`) or a JSON line (`"Name": "value",`): the header a person plainly means.
const CURL_RE = /^(?:-H|--header)\s*(["'])([^]*)\1$/;
const JSON_RE = /^"([^"]+)"\s*:\s*"([^"]*)",?$/;

/** A curl or JSON line as `Name: value`, with what it was, or undefined for any other line. */
function unwrap(text: string): { line: string; was: string } | undefined {
  const curl = CURL_RE.exec(text);
  if (curl && curl[2]!.includes(':')) return { line: curl[2]!.trim(), was: 'a curl -H option' };
  const json = JSON_RE.exec(text);
  if (json) return { line: `${json[1]}: ${json[2]}`, was: 'a JSON line' };
  return undefined;
}

/** Splits one header field into pairs; lines that are not `Name: value` become messages instead. */
export function readHeaderLines(raw: string, kind: HeaderKind): HeaderLines {
  const pairs: Pair[] = [];
  const notes: Diagnostic[] = [];
  raw.split(/\r?\n/).forEach((line, i) => {
    let text = line.trim();
    if (text === '') return;
    const wrapped = unwrap(text);
    if (wrapped) {
      text = wrapped.line;
      // Names the line and what it was; a static value can be a credential, so never the line.
      notes.push({
        field: FIELD[kind],
        severity: 'warning',
        message: `${LABEL[kind]}, line ${i + 1}: read ${wrapped.was} as the header ${text.slice(0, text.indexOf(':')).trim()}.`,
      });
    }
    const colon = text.indexOf(':');
    const looksOff = colon < 0 || /^(-H|--header)\b/.test(text) || /^"/.test(text);
    if (!looksOff) {
      pairs.push({ name: text.slice(0, colon).trim(), value: text.slice(colon + 1).trim() });
      return;
    }
    // Static values can be credentials: the message names the line, never repeats it.
    notes.push({
      field: FIELD[kind],
      severity: 'error',
      message: `${LABEL[kind]}, line ${i + 1}: ${shapeOf(text)}. Write one header per line as ${SHAPE[kind]}, for example ${EXAMPLE[kind]}.`,
    });
  });
  return { pairs, notes };
}
