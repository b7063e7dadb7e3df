/**
 * Real shells as oracles: feed them many generated command lines in one process and read back the
 * words they parsed. Each command line `C` becomes `__w C` in a script, where `__w` prints its argument
 * count and then every argument, each followed by a NUL byte. Count-prefixed records cannot be confused
 * by any word content (words never contain NUL: no shell can carry NUL in a word).
 */
import { spawnSync } from 'node:child_process';

/**
 * The shells these tests can use. `bash-history` is bash with history expansion turned on
 * (`set -o history -H`), which is what an interactive bash does to a pasted line (`!`, and `^` at the
 * start of a line).
 */
export type ShellName = 'bash' | 'bash-history' | 'dash' | 'zsh';

/** True when `name` is on PATH (checked once per name). */
const found = new Map<string, boolean>();
export function hasShell(name: string): boolean {
  if (!found.has(name)) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    found.set(name, r.status === 0 && r.stdout.trim() !== '');
  }
  return found.get(name)!;
}

const PRINT_WORDS = "__w() { printf '%s\\0' \"$#\"; for __a in \"$@\"; do printf '%s\\0' \"$__a\"; done; }\n";
const PRELUDE: Record<ShellName, string> = {
  bash: PRINT_WORDS,
  'bash-history': 'set -o history -H\n' + PRINT_WORDS,
  dash: PRINT_WORDS,
  zsh: PRINT_WORDS,
};
const BINARY: Record<ShellName, string> = { bash: 'bash', 'bash-history': 'bash', dash: 'dash', zsh: 'zsh' };

/**
 * Runs `lines` (each a shell command whose words are to be read back, written as `__w <words>`) in ONE
 * shell process and returns, per line, the words the shell passed. Throws when the shell reports an error.
 */
export function runWordScript(shell: ShellName, lines: readonly string[]): string[][] {
  const script = PRELUDE[shell] + lines.join('\n') + '\n';
  const r = spawnSync(BINARY[shell], ['-s'], {
    input: script,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C.UTF-8', HOME: '/nonexistent' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  if (r.status !== 0 || r.stderr.length > 0) {
    throw new Error(`${shell} exited ${r.status}: ${r.stderr.toString('utf8').slice(0, 2000)}`);
  }
  const fields = r.stdout.toString('utf8').split('\u0000');
  fields.pop(); // the text after the last NUL is empty
  const out: string[][] = [];
  let i = 0;
  while (i < fields.length) {
    const n = Number(fields[i++]);
    out.push(fields.slice(i, i + n));
    i += n;
  }
  if (out.length !== lines.length) throw new Error(`${shell} returned ${out.length} records for ${lines.length} lines`);
  return out;
}

/** Reads back each command line's words, `batch` command lines per shell process. */
export function readBack(shell: ShellName, commandLines: readonly string[], batch = 1000): string[][] {
  const result: string[][] = [];
  for (let i = 0; i < commandLines.length; i += batch) {
    result.push(...runWordScript(shell, commandLines.slice(i, i + batch).map((c) => `__w ${c}`)));
  }
  return result;
}

/**
 * An oracle for fast-check: `prime` evaluates every value fast-check is going to generate (same seed, same
 * count, so `fc.sample` yields the same sequence as `fc.assert`) in a few batched shell runs; `get` then
 * answers from the cache, and falls back to one shell run for values only seen while shrinking.
 */
export class BatchedOracle<T> {
  private readonly cache = new Map<string, string[]>();
  private readonly shell: ShellName;
  private readonly render: (value: T) => string | null;
  private readonly wrap: (line: string) => string;
  misses = 0;
  /** `wrap` turns a rendered command line into the script line; by default the line's words are printed. */
  constructor(shell: ShellName, render: (value: T) => string | null, wrap: (line: string) => string = (line) => `__w ${line}`) {
    this.shell = shell;
    this.render = render;
    this.wrap = wrap;
  }

  prime(values: readonly T[]): void {
    const lines: string[] = [];
    const keys: string[] = [];
    for (const v of values) {
      const line = this.render(v);
      if (line === null) continue;
      keys.push(line);
      lines.push(line);
    }
    const words = this.run(lines);
    keys.forEach((k, i) => this.cache.set(k, words[i]!));
  }

  private run(lines: readonly string[]): string[][] {
    const result: string[][] = [];
    for (let i = 0; i < lines.length; i += 1000) {
      result.push(...runWordScript(this.shell, lines.slice(i, i + 1000).map(this.wrap)));
    }
    return result;
  }

  /** The words the shell reads from `value`'s command line (null when the value has no command line). */
  get(value: T): string[] | null {
    const line = this.render(value);
    if (line === null) return null;
    let words = this.cache.get(line);
    if (!words) {
      this.misses++;
      words = this.run([line])[0]!;
      this.cache.set(line, words);
    }
    return words;
  }
}

/** A seed for one property run: random unless FC_SEED pins it (fast-check prints the seed on failure). */
export function propertySeed(): number {
  const pinned = process.env.FC_SEED;
  return pinned ? Number(pinned) : (Math.random() * 2 ** 31) | 0;
}
