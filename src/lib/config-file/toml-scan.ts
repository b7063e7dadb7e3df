/**
 * Where things are in a TOML document: every table header and key/value statement with its key
 * path and the lines it spans. This is a layout scanner, not a parser: run it only on text that
 * smol-toml has already parsed (it returns null on anything it does not understand). The doctor
 * uses it for line numbers and the merge uses it to splice whole lines, leaving every other byte as
 * it was.
 */

/** One statement: a `[table]` / `[[array]]` header, or a `key = value` line (which may span lines). */
export interface TomlStatement {
  kind: 'table' | 'array-table' | 'keyval';
  /** The key as written (header path, or the dotted key of a key/value), unquoted. */
  key: string[];
  /** The full path: for a key/value, the path of the table it sits in plus its key. */
  path: string[];
  /** First and last line it occupies (0-based, inclusive). */
  startLine: number;
  endLine: number;
}

/** Splits text into lines, each keeping its terminator, so joining them gives the text back. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

const BARE = /[A-Za-z0-9_-]/;

const ESCAPES: Record<string, string> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  e: '\u001b',
  '"': '"',
  '\\': '\\',
};

class Scanner {
  i = 0;
  line = 0;
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }

  get ch(): string {
    return this.text[this.i] ?? '';
  }
  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.i);
  }
  advance(n = 1): void {
    for (let k = 0; k < n && this.i < this.text.length; k++) {
      if (this.text[this.i] === '\n') this.line += 1;
      this.i += 1;
    }
  }
  skipSpaces(): void {
    while (this.ch === ' ' || this.ch === '\t') this.advance();
  }
  /** Skips a comment up to (not including) the end of its line. */
  skipComment(): void {
    while (this.i < this.text.length && this.ch !== '\n') this.advance();
  }
  /** Skips blank lines and comment lines between statements. */
  skipTrivia(): void {
    for (;;) {
      const c = this.ch;
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\ufeff') this.advance();
      else if (c === '#') this.skipComment();
      else return;
    }
  }

  /** A single-line basic string starting at `"`, unescaped; null when malformed. */
  basicString(): string | null {
    this.advance();
    let out = '';
    while (this.i < this.text.length) {
      const c = this.ch;
      if (c === '"') {
        this.advance();
        return out;
      }
      if (c === '\n') return null;
      if (c === '\\') {
        const e = this.text[this.i + 1] ?? '';
        if (e === 'u' || e === 'U' || e === 'x') {
          const len = e === 'u' ? 4 : e === 'U' ? 8 : 2;
          const hex = this.text.slice(this.i + 2, this.i + 2 + len);
          if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== len) return null;
          out += String.fromCodePoint(parseInt(hex, 16));
          this.advance(2 + len);
          continue;
        }
        const mapped = ESCAPES[e];
        if (mapped === undefined) return null;
        out += mapped;
        this.advance(2);
        continue;
      }
      out += c;
      this.advance();
    }
    return null;
  }

  /** A literal string starting at `'`; null when malformed. */
  literalString(): string | null {
    this.advance();
    // Scan only up to the closing quote: an indexOf('\n') here ran to the end of the line for
    // every string, quadratic on a long line of literal strings.
    let end = this.i;
    while (end < this.text.length && this.text[end] !== "'" && this.text[end] !== '\n') end += 1;
    if (this.text[end] !== "'") return null;
    const s = this.text.slice(this.i, end);
    this.advance(end - this.i + 1);
    return s;
  }

  /** A dotted key, up to the character that ends it; null when malformed. */
  key(): string[] | null {
    const parts: string[] = [];
    for (;;) {
      this.skipSpaces();
      let part: string | null;
      if (this.ch === '"') part = this.basicString();
      else if (this.ch === "'") part = this.literalString();
      else {
        const start = this.i;
        while (BARE.test(this.ch) && this.ch !== '') this.advance();
        part = this.i > start ? this.text.slice(start, this.i) : null;
      }
      if (part === null) return null;
      parts.push(part);
      this.skipSpaces();
      if (this.ch !== '.') return parts;
      this.advance();
    }
  }

  /** Skips a multi-line string whose delimiter (`"""` or `'''`) starts here. */
  skipMultiline(delim: string): boolean {
    this.advance(3);
    while (this.i < this.text.length) {
      if (delim === '"""' && this.ch === '\\') {
        this.advance(2);
        continue;
      }
      if (this.startsWith(delim)) {
        this.advance(3);
        // Up to two quotes right before the delimiter belong to the content: `"""a""""`.
        for (let k = 0; k < 2 && this.ch === delim[0]; k++) this.advance();
        return true;
      }
      this.advance();
    }
    return false;
  }

  /** Skips a value (which may span lines inside arrays, inline tables or multi-line strings). */
  value(): boolean {
    let depth = 0;
    while (this.i < this.text.length) {
      const c = this.ch;
      if (this.startsWith('"""') || this.startsWith("'''")) {
        if (!this.skipMultiline(this.text.slice(this.i, this.i + 3))) return false;
      } else if (c === '"') {
        if (this.basicString() === null) return false;
      } else if (c === "'") {
        if (this.literalString() === null) return false;
      } else if (c === '[' || c === '{') {
        depth += 1;
        this.advance();
      } else if (c === ']' || c === '}') {
        depth -= 1;
        if (depth < 0) return false;
        this.advance();
      } else if (c === '#') {
        this.skipComment();
        if (depth === 0) return true;
      } else if (c === '\n') {
        if (depth === 0) return true;
        this.advance();
      } else this.advance();
    }
    return depth === 0;
  }

  /** After a statement: only spaces and a comment may follow on its line. */
  endOfLine(): boolean {
    this.skipSpaces();
    if (this.ch === '#') this.skipComment();
    if (this.ch === '\r') this.advance();
    return this.ch === '\n' || this.ch === '';
  }
}

/** The statements of a TOML document, in order; null when the text is not TOML this scanner understands. */
export function scanToml(text: string): TomlStatement[] | null {
  const s = new Scanner(text);
  const out: TomlStatement[] = [];
  let table: string[] = [];
  for (;;) {
    s.skipTrivia();
    if (s.i >= text.length) return out;
    const startLine = s.line;
    if (s.ch === '[') {
      const array = s.startsWith('[[');
      s.advance(array ? 2 : 1);
      const key = s.key();
      if (!key) return null;
      if (!s.startsWith(array ? ']]' : ']')) return null;
      s.advance(array ? 2 : 1);
      if (!s.endOfLine()) return null;
      table = key;
      out.push({
        kind: array ? 'array-table' : 'table',
        key,
        path: key,
        startLine,
        endLine: s.line,
      });
    } else {
      const key = s.key();
      if (!key || s.ch !== '=') return null;
      s.advance();
      s.skipSpaces();
      if (!s.value()) return null;
      // value() stops at the newline (or after a trailing comment); the statement ends on this line.
      const endLine = s.line;
      if (!s.endOfLine()) return null;
      out.push({ kind: 'keyval', key, path: [...table, ...key], startLine, endLine });
    }
  }
}

/** True when `path` starts with every segment of `prefix`. */
export function hasPrefix(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}

/** A trie over statement paths: `first` is the first statement at or below a node, `exact` the first exactly there. */
interface PathNode {
  first: TomlStatement;
  exact?: TomlStatement;
  // Created on first use: most nodes are leaves, and a Map per leaf was most of the index's garbage.
  children?: Map<string, PathNode>;
}

// One index per statement list, built on first use: lineOf is called once per finding, and a scan
// over every statement each time made the doctor quadratic (8,000 servers took 35 s).
const indexes = new WeakMap<readonly TomlStatement[], PathNode | null>();

function indexOf(statements: readonly TomlStatement[]): PathNode | null {
  const cached = indexes.get(statements);
  if (cached !== undefined) return cached;
  const first = statements[0];
  const root: PathNode | null = first ? { first } : null;
  if (root) {
    for (const st of statements) {
      let node = root;
      for (const part of st.path) {
        node.children ??= new Map();
        let child = node.children.get(part);
        if (!child) {
          child = { first: st };
          node.children.set(part, child);
        }
        node = child;
      }
      node.exact ??= st;
    }
  }
  indexes.set(statements, root);
  return root;
}

/**
 * The 1-based line where `path` is defined: the statement defining the longest prefix of it
 * (a value inside an inline table is reported on the line of that table). Undefined when unknown.
 */
export function lineOf(
  statements: readonly TomlStatement[] | null,
  path: readonly string[],
): number | undefined {
  if (!statements) return undefined;
  const root = indexOf(statements);
  if (!root) return undefined;
  // The first statement at or below the whole path wins; otherwise the deepest statement whose
  // path is exactly a prefix of it (first in the file among equals).
  let node: PathNode | undefined = root;
  let best: TomlStatement | undefined;
  let bestLen = 0;
  for (let n = 0; n < path.length; n++) {
    node = node.children?.get(path[n] as string);
    if (!node) break;
    if (n + 1 === path.length) {
      best = node.first;
      bestLen = n + 1;
    } else if (node.exact) {
      best = node.exact;
      bestLen = n + 1;
    }
  }
  return best && bestLen >= Math.min(path.length, 2) ? best.startLine + 1 : undefined;
}

/** A key path as TOML writes it: bare parts where possible, quoted otherwise. */
export function dotted(path: readonly string[]): string {
  return path.map((p) => (/^[A-Za-z0-9_-]+$/.test(p) ? p : JSON.stringify(p))).join('.');
}
