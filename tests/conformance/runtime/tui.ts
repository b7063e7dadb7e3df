/**
 * Drives the interactive `codex` (the TUI) for the runtime suite: some messages, such as
 * "MCP client for `x` failed to start", are printed only there, never by `codex exec`. Run as a
 * case's process by runner.ts (inside the private network namespace), with a JSON spec as its one
 * argument. It starts `codex` in a detached tmux session (tmux is the terminal: it answers the
 * cursor-position and device-attribute queries the TUI sends, and keeps the screen), waits until the
 * screen matches `waitFor`, opens the warnings list when the screen offers one ("f2 to view") and
 * steps through it, or the transcript view when it offers that ("ctrl + t for details"), then quits
 * with `/quit` and removes the tmux server. It prints every screen it read, joined by a separator
 * line, on stdout; every wait is bounded.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What to run and what to wait for. */
export interface TuiSpec {
  /** argv of the TUI, e.g. ["codex"]; `--no-daemon` is added when this codex offers it. */
  argv: string[];
  /** A regular expression: the screen has said what the case is about. */
  waitFor: string;
  /** How long to wait for it, in ms. */
  waitMs: number;
}

/** Printed between two screens in the output. */
export const SCREEN_BREAK = '\n----- screen -----\n';

/** Whether the TUI still ran when the driver typed `/quit` (one ended by an error did not). */
export const RUNNING_AT_QUIT = '[running when /quit was typed]';
export const ENDED_BEFORE_QUIT = '[ended before /quit]';
/** The last screen: whether `/quit` ended the TUI, or Ctrl-C, or neither (after "[exit status N]"). */
export const QUIT_OK = '[the TUI quit]';
export const QUIT_ON_CTRL_C = '[the TUI ended on Ctrl-C, not on /quit]';
export const QUIT_FAILED = '[the TUI was still running after /quit and Ctrl-C]';

/** The footer from 0.156.0 on while startup warnings wait to be read. */
export const WARNINGS = /(\d+) warnings? · f2 to view/;
/** The footer of 0.154.0 and 0.155.0 while startup issues wait to be read. */
export const DETAILS = /(\d+) startup issues? \(\d+ MCP\) · ctrl \+ t for details/;
/**
 * How many warnings the footer counts now (undefined while it shows none). The last footer on the
 * screen: a TUI that redraws its first frame (0.156.0, once the model has loaded) leaves the old one,
 * with an older count, in the scrollback above.
 */
function footerCount(s: string): string | undefined {
  const all = [...s.matchAll(new RegExp(`${WARNINGS.source}|${DETAILS.source}`, 'g'))];
  const last = all.at(-1);
  return last?.[1] ?? last?.[2];
}
const COLS = 500;
const ROWS = 60;
const spec = JSON.parse(process.argv[2] ?? '{}') as TuiSpec;
const socket = `codex-tui-${process.pid}-${Date.now()}`;
// The server's socket in the case's own temporary folder (removed with the case's home), unless
// that path is too long for a socket; then tmux's default folder (-L), and the socket goes at the end.
const sockPath = join(tmpdir(), `${socket}.sock`);
const where = sockPath.length < 100 ? ['-S', sockPath] : ['-L', socket];
// Read when the server starts: a TUI that exits at once (a refused config) leaves its last screen.
const conf = join(tmpdir(), `${socket}.conf`);

function tmux(...args: string[]): { ok: boolean; out: string } {
  const r = spawnSync('tmux', [...where, '-f', conf, ...args], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  return { ok: r.status === 0, out: r.stdout ?? '' };
}

const sleep = (ms: number): Promise<void> => new Promise((ok) => setTimeout(ok, ms));
/** The screen and its scrollback as text (tmux has already interpreted every escape sequence). */
const screen = (): string => tmux('capture-pane', '-p', '-J', '-S', '-').out.replace(/\s+$/gm, '');
/** What the terminal shows now, without the scrollback. */
const visible = (): string => tmux('capture-pane', '-p', '-J').out;
/** True while the TUI runs (the pane stays after it exits, marked dead). */
const alive = (): boolean => tmux('display-message', '-p', '#{pane_dead}').out.trim() === '0';

/**
 * Since the app-server daemon came, a plain `codex` leaves a background server running after it
 * quits; `--no-daemon` keeps everything in the one process (the messages are the same).
 */
function argvFor(argv: string[]): string[] {
  // A generous bound: under load a first `codex --help` has taken many seconds, and without the
  // flag the TUI would run with the daemon, which this driver does not expect.
  const help = spawnSync(argv[0]!, ['--help'], { encoding: 'utf8', timeout: 60_000 });
  return help.stdout?.includes('--no-daemon') ? [...argv, '--no-daemon'] : argv;
}

/** Waits up to `ms` for the TUI to exit; true once it has. */
async function gone(ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end && alive()) await sleep(250);
  return !alive();
}

/** Polls the screen until `re` matches it or `ms` pass; returns the last screen. */
async function waitScreen(re: RegExp, ms: number): Promise<string> {
  const end = Date.now() + ms;
  let s = screen();
  while (!re.test(s) && Date.now() < end && alive()) {
    await sleep(300);
    s = screen();
  }
  return s;
}

async function main(): Promise<string[]> {
  writeFileSync(conf, 'set-option -g remain-on-exit on\n', 'utf8');
  const shots: string[] = [];
  const cmd = argvFor(spec.argv)
    .map((a) => `'${a.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  const started = tmux(
    'new-session',
    '-d',
    '-x',
    String(COLS),
    '-y',
    String(ROWS),
    '-e',
    'TERM=xterm-256color',
    '-e',
    `COLUMNS=${COLS}`,
    '-e',
    `LINES=${ROWS}`,
    `exec ${cmd}`,
  );
  if (!started.ok) throw new Error('tmux could not start the session');
  shots.push(await waitScreen(new RegExp(spec.waitFor), spec.waitMs));
  // Then until the warnings count has held for 6 s (servers fail one by one, and a loaded machine
  // is slow), so lines printed after the awaited one are on the screen too.
  const settle = Date.now() + 15_000;
  let held = Date.now();
  let last = footerCount(screen());
  while (Date.now() < settle && Date.now() - held < 6000 && alive()) {
    await sleep(300);
    const now = footerCount(screen());
    if (now !== last) [last, held] = [now, Date.now()];
  }
  shots.push(screen());
  // From 0.156.0 startup warnings wait in a list ("⚠ 2 warnings · f2 to view"): open it, page through.
  const settled = shots[shots.length - 1]!;
  const count = WARNINGS.test(settled) ? footerCount(settled) : undefined;
  if (count) {
    tmux('send-keys', 'F2');
    await sleep(1000);
    shots.push(screen());
    for (let i = 1; i < Number(count); i++) {
      tmux('send-keys', 'Right');
      await sleep(700);
      shots.push(screen());
    }
  }
  // 0.154.0 and 0.155.0 keep them in the transcript view ("N startup issues (1 MCP) · ctrl + t
  // for details"): open it, read it, close it with q.
  if (DETAILS.test(settled)) {
    tmux('send-keys', 'C-t');
    await sleep(1500);
    shots.push(screen());
    tmux('send-keys', 'q');
    await sleep(700);
  }
  // Close the warnings list (one Escape per warning at most; its footer says "esc back" in 0.156.0
  // and 0.157.0, "esc dismiss" later), so /quit reaches the composer, then quit the way a person
  // would; Ctrl-C twice if /quit did not end it. The tmux server goes in any case (finally, below).
  for (let i = 0; i < 5 && /esc (?:dismiss|back)/.test(visible()); i++) {
    tmux('send-keys', 'Escape');
    await sleep(700);
  }
  shots.push(alive() ? RUNNING_AT_QUIT : ENDED_BEFORE_QUIT);
  tmux('send-keys', '-l', '/quit');
  await sleep(300);
  tmux('send-keys', 'Enter');
  // A loaded machine has taken over 10 s to wind a session down.
  const byQuit = await gone(20_000);
  if (!byQuit) {
    tmux('send-keys', 'C-c');
    await sleep(500);
    tmux('send-keys', 'C-c');
    await gone(5000);
  }
  // What the terminal shows once it has ended (a TUI that stopped on an error leaves it there).
  // An exit status, or the signal that ended it (tmux gives one or the other).
  const status = tmux('display-message', '-p', '#{pane_dead_status}').out.trim();
  const signal = tmux('display-message', '-p', '#{pane_dead_signal}').out.trim();
  const ended = status !== '' ? `[exit status ${status}]` : `[exit signal ${signal}]`;
  shots.push(screen(), ended, alive() ? QUIT_FAILED : byQuit ? QUIT_OK : QUIT_ON_CTRL_C);
  return shots;
}

// Run only as a script (the tests import the constants above).
if (process.argv[1] === import.meta.filename) {
  try {
    const shots = await main();
    process.stdout.write(shots.join(SCREEN_BREAK) + '\n');
  } finally {
    const path = tmux('display-message', '-p', '#{socket_path}').out.trim();
    tmux('kill-server');
    if (path) rmSync(path, { force: true });
  }
}
