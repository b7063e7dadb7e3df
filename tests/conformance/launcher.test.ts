/**
 * The suites run each release's native binary through a /bin/sh shim (`launcherShim` in
 * tests/support/codex.ts) instead of its npm launcher, a Node script that cost 90-150 ms of CPU per
 * call. This file proves, for the release under test, that the shim is the launcher as far as Codex
 * can tell:
 * - the launcher of this release and the shim, each over a stand-in binary that records what it is
 *   given, hand it the same argv, environment, standard input, and pass back its exit status;
 * - the real binary, run through the launcher and through the shim, prints the same output, exits
 *   the same way and writes the same config.toml for a set of `codex mcp` commands.
 */
import { execFile } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BIN_DIR,
  cleanupHomes,
  CODEX,
  CODEX_LAUNCHER,
  CODEX_RELEASE,
  freshDir,
  launcherShim,
  MANAGED_BY,
} from '../support/codex.ts';

afterAll(() => cleanupHomes());

interface Outcome {
  code: number | string;
  stdout: string;
  stderr: string;
}

function runFile(
  file: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  input = '',
): Promise<Outcome> {
  return new Promise((done) => {
    const child = execFile(file, args, { env, timeout: 60_000 }, (error, stdout, stderr) =>
      done({
        code: error ? (typeof error.code === 'number' ? error.code : String(error.code)) : 0,
        stdout,
        stderr,
      }),
    );
    child.stdin?.end(input);
  });
}

/** The environment both runs get: this process's (Node 24 first on PATH for the launcher), plus `extra`. */
function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${BIN_DIR}:${process.env['PATH'] ?? ''}`,
    NO_COLOR: '1',
    RUST_BACKTRACE: '0',
    ...extra,
  };
  delete env['OPENAI_API_KEY'];
  delete env['CODEX_API_KEY'];
  return env;
}

/**
 * A copy of this release's npm install (the launcher and both package.json files as published)
 * whose native binary is a recorder: it writes its argv, its environment and its standard input
 * into $RECORD and exits with $RECORD_EXIT. Returns the copy's `node_modules/.bin/codex`.
 */
function recorderInstall(): string {
  const realLauncher = realpathSync(CODEX_LAUNCHER);
  const packageRoot = join(dirname(realLauncher), '..');
  const modules = join(freshDir('launcher-copy'), 'node_modules');
  const codexDir = join(modules, '@openai', 'codex');
  const platformDir = join(modules, '@openai', 'codex-linux-x64');
  const binDir = join(platformDir, 'vendor', 'x86_64-unknown-linux-musl', 'bin');
  mkdirSync(join(codexDir, 'bin'), { recursive: true });
  mkdirSync(binDir, { recursive: true });
  mkdirSync(join(modules, '.bin'), { recursive: true });
  copyFileSync(realLauncher, join(codexDir, 'bin', 'codex.js'));
  copyFileSync(join(packageRoot, 'package.json'), join(codexDir, 'package.json'));
  copyFileSync(
    join(dirname(packageRoot), 'codex-linux-x64', 'package.json'),
    join(platformDir, 'package.json'),
  );
  const recorder = join(binDir, 'codex');
  writeFileSync(
    recorder,
    [
      '#!/bin/sh',
      `{ printf '%s\\n' "argc=$#" "$0"; for a in "$@"; do printf '[%s]\\n' "$a"; done`,
      `  printf -- '--env--\\n'; env | LC_ALL=C sort; printf -- '--stdin--\\n'; cat; } > "$RECORD"`,
      'exit "$RECORD_EXIT"',
      '',
    ].join('\n'),
  );
  chmodSync(recorder, 0o755);
  const bin = join(modules, '.bin', 'codex');
  symlinkSync('../@openai/codex/bin/codex.js', bin);
  return bin;
}

// Arguments a generated command may hand Codex: spaces, quotes, `$`, a newline, an empty one, Unicode.
const ARGS = [
  'mcp',
  'add',
  'docs',
  '--env',
  'A=b c',
  '--',
  'npx',
  "it's",
  '"q"',
  '$HOME',
  '',
  'two\nlines',
  'ünï',
  '--%',
];

describe(`the launcher shim hands codex ${CODEX_RELEASE} what its npm launcher does`, () => {
  const launcher = recorderInstall();
  const shim = launcherShim(launcher, join(dirname(launcher), '..', '.shim'));

  it.each([
    ['as the suites run it (under npm)', {}],
    ['with no package manager in the environment', { npm_config_user_agent: '' }],
  ])('argv, environment, stdin and exit status, %s', async (_label, extra) => {
    const records = await Promise.all(
      [launcher, shim].map(async (file, i) => {
        const record = join(dirname(launcher), `record-${i}`);
        const env = baseEnv({ ...extra, RECORD: record, RECORD_EXIT: '7' });
        for (const name of MANAGED_BY) expect(env[name], name).toBeUndefined();
        const out = await runFile(file, ARGS, env, 'piped input\n');
        return { out, text: readFileSync(record, 'utf8') };
      }),
    );
    const [viaLauncher, viaShim] = records as [(typeof records)[0], (typeof records)[0]];
    expect(viaLauncher.out.code).toBe(7);
    expect(viaShim.out).toEqual(viaLauncher.out);
    // Each record names its own file in $RECORD; everything else must match byte for byte.
    const same = (t: string) => t.replace(/^RECORD=.*$/m, 'RECORD=…');
    expect(same(viaShim.text)).toBe(same(viaLauncher.text));
    expect(viaLauncher.text).toContain('CODEX_MANAGED_BY_NPM=1\n');
    expect(viaLauncher.text).toContain(`argc=${ARGS.length}\n`);
  });
});

/** Runs `args` in a fresh CODEX_HOME holding `config`; the outcome, with the home's path masked, and the file after. */
async function session(
  file: string,
  steps: readonly (readonly string[])[],
  config: string | undefined,
): Promise<{ outcomes: Outcome[]; config: string }> {
  const home = freshDir('launcher-real');
  if (config !== undefined) writeFileSync(join(home, 'config.toml'), config);
  const outcomes: Outcome[] = [];
  for (const args of steps) {
    const o = await runFile(file, args, baseEnv({ CODEX_HOME: home, HOME: home }));
    const mask = (s: string) => s.replaceAll(home, '<home>');
    outcomes.push({ code: o.code, stdout: mask(o.stdout), stderr: mask(o.stderr) });
  }
  let after = '';
  try {
    after = readFileSync(join(home, 'config.toml'), 'utf8');
  } catch {
    after = '(no file)';
  }
  return { outcomes, config: after.replaceAll(home, '<home>') };
}

describe(`codex ${CODEX_RELEASE} through its launcher and through the shim: same output, status and file`, () => {
  const cases: [string, (readonly string[])[], string | undefined][] = [
    ['version', [['--version']], undefined],
    [
      'add a stdio server, get it, list',
      [
        ['mcp', 'add', 'docs', '--env', 'A=b c', '--', 'npx', '-y', 'pkg@1.0.0'],
        ['mcp', 'get', 'docs', '--json'],
        ['mcp', 'list', '--json'],
      ],
      undefined,
    ],
    ['a refused name', [['mcp', 'add', 'bad name', '--', 'x']], undefined],
    ['a file Codex refuses', [['mcp', 'list']], '[mcp_servers.x]\ncommand = 5\n'],
    ['remove a server that is not there', [['mcp', 'remove', 'nope']], undefined],
  ];
  it.each(cases)('%s', async (_label, steps, config) => {
    const [viaLauncher, viaShim] = await Promise.all(
      [CODEX_LAUNCHER, CODEX].map((file) => session(file, steps, config)),
    );
    expect(viaShim).toEqual(viaLauncher);
  });
});
