/**
 * The cases behind the troubleshooting entries that only the interactive `codex` (the TUI) prints:
 * a stdio server whose command is not installed, one that exits at once, one that never answers the
 * handshake within startup_timeout_sec, a required one that fails, two that fail, and remote servers
 * that answer 401, 403, 404 or 500, a web page, or plain HTTP to an https URL. Each runs the TUI
 * through tui.ts inside the network namespace.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseEnv, MCP_PORT, prepareHome } from './harness.ts';
import type { PlanCase } from './plan.ts';
import type { TuiSpec } from './tui.ts';
import { NODE } from '../../support/netns.ts';

const DRIVER = join(import.meta.dirname, 'tui.ts');
const U = `http://127.0.0.1:${MCP_PORT}`;

/** Null when tmux (the driver's terminal) is installed; otherwise why these cases are skipped. */
export function tmuxUnavailable(): string | null {
  const r = spawnSync('tmux', ['-V'], { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? null : 'TUI cases skipped: tmux is not installed';
}

/** Each case's server tables (one server named `x`, or two). */
export const TUI: Record<string, string> = {
  missing: `\n[mcp_servers.x]\ncommand = "no-such-mcp-server"\n`,
  exits: `\n[mcp_servers.x]\ncommand = "sh"\nargs = ["-c", "exit 3"]\n`,
  timeout: `\n[mcp_servers.x]\ncommand = "sleep"\nargs = ["30"]\nstartup_timeout_sec = 1\n`,
  required: `\n[mcp_servers.x]\ncommand = "no-such-mcp-server"\nrequired = true\n`,
  http401: `\n[mcp_servers.x]\nurl = "${U}/status-401/mcp"\n`,
  http403: `\n[mcp_servers.x]\nurl = "${U}/status-403/mcp"\n`,
  http404: `\n[mcp_servers.x]\nurl = "${U}/status-404/mcp"\n`,
  http500: `\n[mcp_servers.x]\nurl = "${U}/status-500/mcp"\n`,
  htmlType: `\n[mcp_servers.x]\nurl = "${U}/html/mcp"\n`,
  tlsPlain: `\n[mcp_servers.x]\nurl = "https://127.0.0.1:${MCP_PORT}/tls/mcp"\n`,
  two: `\n[mcp_servers.a]\ncommand = "no-such-mcp-server"\n\n[mcp_servers.b]\ncommand = "sh"\nargs = ["-c", "exit 3"]\n`,
};

/** What the driver waits for: the summary line, or (0.154.0 on) the warnings count in the footer. */
const WAIT_FOR =
  'MCP startup (incomplete|interrupted)|warnings? · f2 to view|ctrl \\+ t for details|required MCP';

/** The plan for one case: a trusted home (no trust prompt), the TUI under the driver. */
export function tuiPlan(id: string, servers: string): { plan: PlanCase; home: string } {
  // A required server ends the TUI, after it has drawn its first screen: wait for the end.
  const waitFor = id === 'required' ? 'required MCP servers failed|Pane is dead' : WAIT_FOR;
  const home = prepareHome(`tui-${id}`, servers);
  // The TUI asks whether to trust a folder it has not seen; the case's folder is trusted up front.
  const trust = `\n[projects."${home}"]\ntrust_level = "trusted"\n`;
  appendFileSync(join(home, 'config.toml'), trust, 'utf8');
  const spec: TuiSpec = { argv: ['codex'], waitFor, waitMs: 25_000 };
  return {
    plan: {
      id,
      argv: [NODE, DRIVER, JSON.stringify(spec)],
      env: baseEnv(home),
      cwd: home,
      timeoutMs: 90_000,
    },
    home,
  };
}
