/**
 * The config doctor on a 1 MB config.toml, in Node: `diagnoseConfig` (src/lib/doctor/index.ts) on a
 * generated file mixing the shapes readers paste (remote and stdio servers, env tables, headers,
 * tool lists, comments, other top-level settings, some mistakes). One call is one task: on the
 * page's main thread that is the long task a reader would feel, unless it runs in a worker.
 */
import { diagnoseConfig } from '../../src/lib/doctor/index.ts';
import { summarize, type Row, type Summary } from './stats.ts';

export const DOCTOR_TARGET_MS = 300;

/** One server table, varied by index; every seventh has a mistake the doctor reports. */
function serverBlock(i: number): string {
  const name = `server-${String(i).padStart(5, '0')}`;
  const lines = [`# server ${i}: added by hand`, `[mcp_servers.${name}]`];
  if (i % 2 === 0) {
    lines.push(`url = "https://mcp${i}.example.com/mcp"`, `bearer_token_env_var = "TOKEN_${i}"`);
    lines.push(`http_headers = { "X-Team" = "team-${i}", "X-Region" = "eu-west-1" }`);
    lines.push(`env_http_headers = { "X-Api-Key" = "API_KEY_${i}" }`);
  } else {
    lines.push(
      'command = "npx"',
      `args = ["-y", "@example/mcp-server-${i}", "--port", "${3000 + (i % 1000)}"]`,
    );
    lines.push(`env_vars = ["HOME_${i}", "PATH"]`, `cwd = "/srv/mcp/${name}"`);
    lines.push(`[mcp_servers.${name}.env]`, `LOG_LEVEL = "info"`, `REGION = "eu"`);
  }
  if (i % 3 === 0)
    lines.push(
      `enabled_tools = ["read_${i}", "write_${i}", "search"]`,
      `startup_timeout_sec = ${10 + (i % 50)}`,
    );
  if (i % 7 === 0) lines.push(`startup_timeout_ms = "soon"`, `unknown_key_${i} = true`);
  return lines.join('\n') + '\n\n';
}

/** A config.toml of at least `bytes` bytes. */
export function bigConfig(bytes: number): { text: string; servers: number } {
  const head = [
    'model = "gpt-5"',
    'approval_policy = "on-request"',
    '',
    '[profiles.fast]',
    'model = "gpt-5-mini"',
    '',
    '',
  ].join('\n');
  const parts = [head];
  let size = head.length;
  let servers = 0;
  while (size < bytes) {
    const block = serverBlock(servers++);
    parts.push(block);
    size += block.length;
  }
  return { text: parts.join(''), servers };
}

export interface DoctorRun {
  bytes: number;
  servers: number;
  /** ms per diagnoseConfig call. */
  ms: Summary;
  problems: number;
}

/** Corrected blocks the doctor page asks for at once: the 20 server cards it shows (DoctorIsland's page size). */
export const PAGE_CORRECTED = 20;

/** Times `runs` calls on a 1 MB config as the page makes them (corrected blocks for the shown cards), after one warm-up call. */
export function measureDoctor(runs: number): DoctorRun {
  const { text, servers } = bigConfig(1024 * 1024);
  const first = diagnoseConfig(text, { correctedLimit: PAGE_CORRECTED });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    diagnoseConfig(text, { correctedLimit: PAGE_CORRECTED });
    times.push(performance.now() - t0);
  }
  const problems = first.servers.reduce(
    (n, s) => n + s.rejected.length + s.ignored.length + s.risks.length,
    0,
  );
  return { bytes: Buffer.byteLength(text), servers, ms: summarize(times), problems };
}

export function doctorRows(r: DoctorRun): Row[] {
  return [
    {
      section: 'Config doctor',
      metric: `diagnoseConfig on a ${(r.bytes / 1024 / 1024).toFixed(2)} MB config.toml (${r.servers} servers, corrected blocks for the ${PAGE_CORRECTED} shown), Node`,
      unit: 'ms',
      n: r.ms.n,
      median: r.ms.median,
      p95: r.ms.p95,
      min: r.ms.min,
      max: r.ms.max,
      compared: 'median',
      target: { kind: 'max', value: DOCTOR_TARGET_MS },
      note: `one call, made in the doctor page's Web Worker (the main thread stays free); ${r.problems} problems reported`,
    },
  ];
}
