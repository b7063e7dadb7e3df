/**
 * Messages only the interactive `codex` (the TUI) prints about MCP servers that do not start, proven
 * by the real TUI in a terminal (tmux, driven by tui.ts) inside the network namespace (cases in
 * troubleshoot-tui-cases.ts). The lines are kept in tests/conformance/recorded/messages-tui.json; a
 * reworded message fails here.
 */
import { describe, expect, it } from 'vitest';
import { CODEX_RELEASE, RUNTIME_FACTS } from '../../support/codex.ts';
import { MCP_PORT, runCases, runtimeSkip } from './harness.ts';
import type { PlanCase } from './plan.ts';
import { MessageLog } from './record.ts';
import {
  DETAILS,
  ENDED_BEFORE_QUIT,
  QUIT_OK,
  RUNNING_AT_QUIT,
  SCREEN_BREAK,
  WARNINGS,
} from './tui.ts';
import { TUI, tmuxUnavailable, tuiPlan } from './troubleshoot-tui-cases.ts';

const netnsSkip = runtimeSkip();
const skip = netnsSkip ?? tmuxUnavailable();
if (skip && !netnsSkip) console.log(skip);
const log = new MessageLog('tui');
const homes: Record<string, string> = {};
const plans: PlanCase[] = skip
  ? []
  : Object.entries(TUI).map(([id, servers]) => {
      const p = tuiPlan(id, servers);
      homes[id] = p.home;
      return p.plan;
    });

const run = runCases({
  skip,
  section: 'tui',
  servers: [{ port: MCP_PORT }],
  cases: () => plans,
  concurrency: 3,
  minutes: 6,
  record: () => ({ tuiCases: plans.length }),
});

/** What the screens showed; a "⚠ " in front of a line (in the transcript) is the warning mark, not the message. */
const screens = (id: string): string => run.out(id).stdout.replace(/^⚠ /gm, '');

const out = (id: string): string => run.out(id).stdout;
const observe = (key: string, id: string, pattern: RegExp, mask?: RegExp): string =>
  log.observe(key, 'codex', screens(id), pattern, homes[id], mask);
/** The server's own type names and reply body vary between releases and servers. */
const REMOTE = /(?<=Transport )\[[^\]]*\]|(?<=HTTP \d{3}: ).*$/g;

describe.skipIf(skip !== null)('runtime: the messages the interactive codex prints', () => {
  it('each case ran the TUI to its startup messages and quit it with /quit', () => {
    for (const id of Object.keys(TUI)) {
      const screensOf = out(id).split(SCREEN_BREAK);
      expect(screensOf.at(-1)?.trim(), `${id}:\n${out(id)}`).toBe(QUIT_OK);
    }
  });

  it('an optional server that does not start: one line for it, then the summary; the TUI goes on', () => {
    observe(
      'tui.missing',
      'missing',
      /^\s*MCP client for `x` failed to start: MCP startup failed: No such file or directory/,
    );
    observe('tui.incomplete', 'missing', /^\s*MCP startup incomplete \(failed: x\)$/);
    // Whether the server's exit is seen as a closed pipe or a closed connection is a race.
    observe(
      'tui.exits',
      'exits',
      /^\s*MCP client for `x` failed to start: MCP startup failed: handshaking with MCP server failed: /,
      /(?<=handshaking with MCP server failed: ).*$/,
    );
    observe(
      'tui.timeout',
      'timeout',
      /^\s*MCP client for `x` timed out after 1 seconds\. Add or adjust `startup_timeout_sec`/,
      /(?<=after )1(?= seconds)/,
    );
    observe('tui.incompleteMany', 'two', /^\s*MCP startup incomplete \(failed: a, b\)$/);
    // Where the lines are, as CHANGES says for this release: in the transcript (before 0.154.0),
    // behind "N startup issues · ctrl + t for details" (Ctrl+T), or behind "N warnings · f2 to view".
    const facts = RUNTIME_FACTS;
    const layout = facts.tuiWarningsList
      ? 'f2'
      : facts.tuiStartupWarningsHidden
        ? 'ctrl-t'
        : 'transcript';
    for (const id of Object.keys(TUI).filter((k) => k !== 'required')) {
      const shots = out(id).split(SCREEN_BREAK);
      expect(shots, id).toContain(RUNNING_AT_QUIT);
      const settled = shots[1] ?? '';
      const seen = WARNINGS.test(settled) ? 'f2' : DETAILS.test(settled) ? 'ctrl-t' : 'transcript';
      expect(seen, `${id} on ${CODEX_RELEASE}:\n${settled}`).toBe(layout);
      if (layout === 'transcript') expect(settled, id).toMatch(/MCP startup incomplete/);
      else if (layout === 'ctrl-t')
        expect(shots[2], id).toMatch(/T R A N S C R I P T[^]*MCP startup incomplete/);
      else expect(out(id), id).toMatch(/Warnings · \d+ of \d+ · MCP/);
    }
  });

  it('a remote server that answers an error status, a web page, or plain HTTP to https: the cause is in the line', () => {
    for (const status of [401, 403, 404, 500])
      observe(
        `tui.http${status}`,
        `http${status}`,
        new RegExp(`^\\s*MCP client for \`x\` failed to start: .*HTTP ${status}: `),
        REMOTE,
      );
    // The TUI wraps a long line: the record keeps it up to the cause.
    observe(
      'tui.contentType',
      'htmlType',
      /^\s*MCP client for `x` failed to start: .*Unexpected content type: Some\("text\/html/,
      new RegExp(`${REMOTE.source}|(?<=text/html).*$`, 'g'),
    );
    observe(
      'tui.tls',
      'tlsPlain',
      /^\s*MCP client for `x` failed to start: .*http\/request failed:/,
      new RegExp(`${REMOTE.source}|(?<=http/request failed:).*$`, 'g'),
    );
  });

  it('a required server that does not start: the TUI stops with the error', () => {
    const shown = out('required').split(SCREEN_BREAK);
    expect(shown, out('required')).toContain(ENDED_BEFORE_QUIT);
    // It ended on its own (before /quit); how it ended (status or signal) is not stated anywhere.
    observe(
      'tui.required',
      'required',
      /^Error: .*required MCP servers failed to initialize: x: No such file or directory/,
    );
  });

  // Last, after every observation above: a reworded message fails here (UPDATE_RECORD=1 rewrites the record).
  it('every message observed matches the committed record', () => {
    log.check();
  });
});
