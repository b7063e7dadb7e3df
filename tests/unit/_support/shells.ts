/**
 * Real shells as oracles: feed them many generated lines in one process and read back what they
 * parsed. In a script, `__w WORDS` records the words it receives and `__env NAME...` the values of
 * environment variables as a child process sees them. Each record is a count followed by the values,
 * each ended by a NUL byte, appended to the file named by $W_OUT: count-prefixed records cannot be
 * confused by any content (no shell can carry NUL in a word or a variable).
 *
 * bash, dash and zsh use shell functions for `__w` (the words a function receives are the words a
 * program would); fish too. PowerShell parses arguments for native programs differently from its own
 * functions, so for pwsh both helpers are tiny native scripts on PATH: what they record is exactly
 * the argv a native program such as `codex` receives.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pwshToolPath } from '../../support/cache.ts';

/**
 * The shells these tests can use. `bash-history` is bash with history expansion turned on
 * (`set -o history -H`), which is what an interactive bash does to a pasted line (`!`, and `^` at the
 * start of a line). `pwsh` is PowerShell 7 (the release in tests/support/cache.ts).
 */
export type ShellName = 'bash' | 'bash-history' | 'dash' | 'zsh' | 'fish' | 'pwsh';

const onPath = (name: string): string | null => {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : null;
};

const binaries = new Map<ShellName, string | null>();
/** The shell's executable, or null when it is not installed (pwsh: the cache folder first, then PATH). */
export function shellBinary(shell: ShellName): string | null {
  if (!binaries.has(shell)) {
    const name = shell === 'bash-history' ? 'bash' : shell;
    const cached = join(pwshToolPath(), 'pwsh');
    binaries.set(shell, shell === 'pwsh' && existsSync(cached) ? cached : onPath(name));
  }
  return binaries.get(shell)!;
}

/** True when `name` (any program) is on PATH. */
export function hasShell(name: string): boolean {
  return onPath(name) !== null;
}

const warned = new Set<ShellName>();
/**
 * True when the shell can run. When it cannot, prints ONE line saying which part is skipped and why,
 * so a missing shell never passes silently (use with `it.skipIf(!available(...))`).
 */
export function available(shell: ShellName, part: string): boolean {
  if (shellBinary(shell) !== null) return true;
  if (!warned.has(shell)) {
    warned.add(shell);
    const where = shell === 'pwsh' ? `${join(pwshToolPath(), 'pwsh')} or PATH` : 'PATH';
    console.warn(`SKIPPED ${part} in ${shell}: ${shell} is not installed (looked in ${where}).`);
  }
  return false;
}

// Native helpers for pwsh (and for `__env` everywhere): plain sh scripts in one folder on PATH, kept
// between runs (under node_modules/.cache, like the conformance homes) so that pwsh's first-start
// caches in its home folder are reused. Written by rename, so parallel test files never see half a file.
const HELPERS = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'node_modules',
  '.cache',
  'shell-oracle',
);
let helpersReady = false;
function helpers(): string {
  if (helpersReady) return HELPERS;
  mkdirSync(join(HELPERS, 'home'), { recursive: true });
  const write = (name: string, body: string) => {
    const temp = join(HELPERS, `.${name}.${process.pid}`);
    writeFileSync(temp, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    renameSync(temp, join(HELPERS, name));
  };
  write('__w', `printf '%s\\0' "$#" "$@" >>"$W_OUT"`);
  // `eval` reads the variable named by each argument; a missing one is recorded as absent, not as "".
  write(
    '__env',
    String.raw`printf '%s\0' "$#" >>"$W_OUT"
for n; do
  if eval "[ -n \"\${$n+x}\" ]"; then eval "v=\"\${$n}\""; printf '%s\0' "$v"; else printf '<unset>\0'; fi >>"$W_OUT"
done`,
  );
  helpersReady = true;
  return HELPERS;
}

const POSIX_W = `__w() { printf '%s\\0' "$#" "$@" >>"$W_OUT"; }\n`;
const PRELUDE: Record<ShellName, string> = {
  bash: POSIX_W,
  'bash-history': 'set -o history -H\n' + POSIX_W,
  dash: POSIX_W,
  zsh: POSIX_W,
  fish: "function __w\n  printf '%s\\0' (count $argv) $argv >>$W_OUT\nend\n",
  // Errors stop the script, so a line PowerShell cannot run is reported rather than skipped.
  pwsh: "$ErrorActionPreference = 'Stop'\n",
};

function argsFor(shell: ShellName, script: string): string[] {
  switch (shell) {
    case 'pwsh':
      return ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', script];
    case 'fish':
      return ['--no-config', script];
    case 'zsh':
      return ['-f', script];
    default:
      return [script];
  }
}

/** Splits the count-prefixed NUL records of a helper's output file. */
function records(raw: string): string[][] {
  const fields = raw.split('\u0000');
  fields.pop(); // the text after the last NUL is empty
  const out: string[][] = [];
  let i = 0;
  while (i < fields.length) {
    const n = Number(fields[i++]);
    out.push(fields.slice(i, i + n));
    i += n;
  }
  return out;
}

/**
 * Runs `lines` (script lines using `__w` and `__env`) in ONE shell process and returns the records
 * they wrote, in order. Throws when the shell is missing, exits non-zero or writes to stderr.
 */
export function runScript(shell: ShellName, lines: readonly string[]): string[][] {
  const binary = shellBinary(shell);
  if (!binary) throw new Error(`${shell} is not installed`);
  const dir = mkdtempSync(join(tmpdir(), `oracle-${shell}-`));
  try {
    const script = join(dir, shell === 'pwsh' ? 'script.ps1' : 'script');
    const out = join(dir, 'out');
    writeFileSync(script, PRELUDE[shell] + lines.join('\n') + '\n');
    writeFileSync(out, '');
    const r = spawnSync(binary, argsFor(shell, script), {
      cwd: dir,
      env: {
        PATH: `${helpers()}${delimiter}${process.env['PATH'] ?? '/usr/bin:/bin'}`,
        LC_ALL: 'C.UTF-8',
        // One home for every run: pwsh fills caches there on its first start (seconds), then reuses them.
        HOME: join(helpers(), 'home'),
        W_OUT: out,
        ...(process.env['DOTNET_ROOT'] ? { DOTNET_ROOT: process.env['DOTNET_ROOT'] } : {}),
        POWERSHELL_TELEMETRY_OPTOUT: '1',
        POWERSHELL_UPDATECHECK: 'Off',
        DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 300_000,
    });
    if (r.error) throw r.error;
    if (r.status !== 0 || r.stderr.length > 0) {
      throw new Error(
        `${shell} exited ${r.status}: ${r.stderr.toString('utf8').slice(0, 2000)}${r.stdout.toString('utf8').slice(0, 2000)}`,
      );
    }
    return records(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Like runScript, but checks one record per line (each line calls `__w` or `__env` exactly once). */
export function runWordScript(shell: ShellName, lines: readonly string[]): string[][] {
  const out = runScript(shell, lines);
  if (out.length !== lines.length)
    throw new Error(`${shell} returned ${out.length} records for ${lines.length} lines`);
  return out;
}

/** Reads back each command line's words, `batch` command lines per shell process. */
export function readBack(
  shell: ShellName,
  commandLines: readonly string[],
  batch = 1000,
): string[][] {
  const result: string[][] = [];
  for (let i = 0; i < commandLines.length; i += batch) {
    result.push(
      ...runWordScript(
        shell,
        commandLines.slice(i, i + batch).map((c) => `__w ${c}`),
      ),
    );
  }
  return result;
}

/**
 * Checks that `shell` reads `render(argv)` back as argv for every array, with few processes: the words
 * of `group` arrays share one command line (quoting is per word, so a line for several arrays is the
 * line for their concatenation), which matters for pwsh, where each native call costs ~10 ms. On a
 * mismatch the group's arrays are re-run one by one, and the error names the first that fails.
 */
export function assertArgvRoundTrip(
  shell: ShellName,
  arrays: readonly string[][],
  render: (argv: readonly string[]) => string,
  group = 10,
): void {
  const groups: string[][][] = [];
  for (let i = 0; i < arrays.length; i += group) groups.push(arrays.slice(i, i + group));
  const got = readBack(
    shell,
    groups.map((g) => render(g.flat())),
  );
  groups.forEach((g, i) => {
    if (JSON.stringify(got[i]) === JSON.stringify(g.flat())) return;
    const alone = readBack(
      shell,
      g.map((argv) => render(argv)),
    );
    const bad = g.findIndex((argv, j) => JSON.stringify(alone[j]) !== JSON.stringify(argv));
    const argv = bad >= 0 ? g[bad]! : g.flat();
    const words = bad >= 0 ? alone[bad] : got[i];
    throw new Error(
      `${shell} read ${JSON.stringify(render(argv))} as ${JSON.stringify(words)}, not ${JSON.stringify(argv)}`,
    );
  });
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
  constructor(
    shell: ShellName,
    render: (value: T) => string | null,
    wrap: (line: string) => string = (line) => `__w ${line}`,
  ) {
    this.shell = shell;
    this.render = render;
    this.wrap = wrap;
  }

  prime(values: readonly T[]): void {
    const lines = [...new Set(values.map(this.render).filter((l): l is string => l !== null))];
    const words = this.run(lines);
    lines.forEach((k, i) => this.cache.set(k, words[i]!));
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
