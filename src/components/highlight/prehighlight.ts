/**
 * Highlighting computed at build time, so a page shows highlighted output without loading the
 * highlighter. The build renders each island once, records every text it wants highlighted,
 * tokenizes those with the runtime highlighter's own code (same grammars, themes and colour
 * fixes), and passes the result as one compact string prop. The island answers from it until
 * the runtime highlighter loads on the first interaction, and for unchanged blocks after that.
 */
import type { Highlighter, Lang, Token } from './highlight.ts';

/**
 * The wire format, a JSON string: `{"p": palette, "r": {key: runs}}`. A palette entry is
 * "light|dark" (either may be empty); runs are `length.paletteIndex` tokens joined by "," and
 * lines joined by ";". Token texts are not stored: they are slices of the text being shown.
 */
export type Prehighlighted = string;

interface Table {
  p: string[];
  r: Record<string, string>;
}

/** A short stable key for one text in one language: FNV-1a over its UTF-16 code units, plus its length. */
export function textKey(code: string, lang: Lang): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    hash ^= code.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${lang}:${(hash >>> 0).toString(36)}:${code.length}`;
}

const styleKey = (style: Record<string, string>): string =>
  `${style['--shiki-light'] ?? ''}|${style['--shiki-dark'] ?? ''}`;

/** Encodes tokenized texts (build time). Tokens must reproduce their text exactly, or the text is left out. */
export function encodePrehighlighted(
  entries: Iterable<{ code: string; lang: Lang; lines: Token[][] }>,
): Prehighlighted {
  const palette = new Map<string, number>();
  const runs: Record<string, string> = {};
  for (const { code, lang, lines } of entries) {
    if (lines.map((l) => l.map((t) => t.content).join('')).join('\n') !== code) continue;
    runs[textKey(code, lang)] = lines
      .map((line) =>
        line
          .filter((t) => t.content.length > 0)
          .map((t) => {
            const key = styleKey(t.style);
            if (!palette.has(key)) palette.set(key, palette.size);
            return `${t.content.length}.${palette.get(key)}`;
          })
          .join(','),
      )
      .join(';');
  }
  const table: Table = { p: [...palette.keys()], r: runs };
  return JSON.stringify(table);
}

function parseTable(pre: Prehighlighted | undefined): Table {
  if (!pre) return { p: [], r: {} };
  try {
    const t = JSON.parse(pre) as Partial<Table>;
    return { p: Array.isArray(t.p) ? t.p : [], r: t.r && typeof t.r === 'object' ? t.r : {} };
  } catch {
    return { p: [], r: {} };
  }
}

function styleOf(entry: string | undefined): Record<string, string> {
  const [light = '', dark = ''] = (entry ?? '').split('|');
  const style: Record<string, string> = {};
  if (light) style['--shiki-light'] = light;
  if (dark) style['--shiki-dark'] = dark;
  return style;
}

/** Rebuilds tokens for `code` from its runs; undefined when the runs do not cover the text exactly. */
function decode(table: Table, runs: string, code: string): Token[][] | undefined {
  const textLines = code.split('\n');
  const runLines = runs.split(';');
  if (runLines.length !== textLines.length) return undefined;
  const out: Token[][] = [];
  for (let i = 0; i < textLines.length; i++) {
    const text = textLines[i]!;
    const line: Token[] = [];
    let pos = 0;
    for (const run of runLines[i] === '' ? [] : runLines[i]!.split(',')) {
      const [len, index] = run.split('.').map(Number);
      if (!len || index === undefined || !Number.isInteger(index)) return undefined;
      line.push({ content: text.slice(pos, pos + len), style: styleOf(table.p[index]) });
      pos += len;
    }
    if (pos !== text.length) return undefined;
    out.push(line);
  }
  return out;
}

/**
 * A highlighter that answers from the build-time table first, then from `runtime` once it has
 * loaded. Without either it throws, and the block stays plain text; `onMiss` hears of each such
 * text (the build uses it to learn what to tokenize).
 */
export function layeredHighlighter(
  pre: Prehighlighted | undefined,
  runtime: Highlighter | null,
  onMiss?: (code: string, lang: Lang) => void,
): Highlighter {
  const table = parseTable(pre);
  const lookup = (code: string, lang: Lang): Token[][] | undefined => {
    const runs = table.r[textKey(code, lang)];
    return runs === undefined ? undefined : decode(table, runs, code);
  };
  return {
    known(code, lang) {
      const hit = lookup(code, lang);
      if (!hit) onMiss?.(code, lang);
      return hit;
    },
    tokenize(code, lang) {
      const hit = lookup(code, lang);
      if (hit) return hit;
      if (runtime) return runtime.tokenize(code, lang);
      onMiss?.(code, lang);
      throw new Error('not highlighted yet');
    },
  };
}
