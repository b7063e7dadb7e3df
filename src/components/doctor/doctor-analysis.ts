/**
 * What the doctor page asks for and gets back, and the function that answers it. The answer runs in
 * a Web Worker (doctor-worker.ts) so a large config never freezes the page; the same function runs on
 * the main thread when workers are unavailable. Only the servers the page shows cross over: a report
 * for 10,000 servers would take longer to copy to the page than the page may block.
 */
import {
  convertMcpServersJson,
  diagnoseConfig,
  diagnosePluginFile,
  type DoctorReport,
} from '../../lib/doctor/index.ts';
import { lineDiff, type DiffLine } from '../../lib/config-file/line-diff.ts';
import {
  mergeServer,
  mergeServers,
  type BlockToMerge,
  type MergeAllResult,
  type MergeResult,
} from '../../lib/config-file/merge.ts';
import type { Release } from '../../lib/codex/releases.ts';
import type { Provider } from '../../lib/input/provider.ts';
import type { CorrectedBlock } from '../../lib/doctor/types.ts';
import { HIGHLIGHT_LIMIT } from './limits.ts';

export interface DoctorRequest {
  kind: 'doctor';
  mode: 'toml' | 'json' | 'plugin';
  /** The reader's Codex release, whose rules the doctor applies. */
  release: Release;
  text: string;
  exportedEnv?: string[];
  /** How many server reports to send back (the first ones, in file order). */
  limit: number;
  /** The "any MCP server" provider, for a pasted server.json. */
  provider?: Provider;
}

export interface MergeRequest {
  kind: 'merge';
  existing: string;
  name: string;
  block: string;
}

/** Every corrected block merged into one file, with the line diff against it. */
export interface MergeAllRequest {
  kind: 'mergeAll';
  existing: string;
  blocks: BlockToMerge[];
}

export type AnalysisRequest = DoctorRequest | MergeRequest | MergeAllRequest;

export interface DoctorAnswer {
  kind: 'doctor';
  /** The report, with `servers` cut to the first `limit`. */
  report: DoctorReport;
  /** How many servers the whole report has. */
  totalServers: number;
}

export interface MergeAnswer {
  kind: 'merge';
  merge: MergeResult;
}

export interface MergeAllAnswer {
  kind: 'mergeAll';
  result: MergeAllResult;
  diff: DiffLine[];
}

export type AnalysisAnswer = DoctorAnswer | MergeAnswer | MergeAllAnswer;

/** The last report, so the same request is not diagnosed twice. */
let last: { key: string; text: string; report: DoctorReport } | null = null;

function fullReport(r: DoctorRequest): DoctorReport {
  const key = `${r.mode}\u0000${r.release}\u0000${(r.exportedEnv ?? []).join(' ')}\u0000${r.exportedEnv ? 'y' : 'n'}\u0000${r.limit}`;
  if (last && last.key === key && last.text === r.text) return last.report;
  // Corrected blocks only for the servers the page shows: building them is most of the time on a huge file.
  const options = {
    release: r.release,
    ...(r.exportedEnv && { exportedEnv: r.exportedEnv }),
    ...(r.provider && { provider: r.provider }),
    correctedLimit: r.limit,
  };
  const report =
    r.mode === 'toml'
      ? diagnoseConfig(r.text, options)
      : r.mode === 'plugin'
        ? diagnosePluginFile(r.text, options)
        : convertMcpServersJson(r.text, options);
  last = { key, text: r.text, report };
  return report;
}

/**
 * A corrected block without the tokens of any text the page shows plain (past HIGHLIGHT_LIMIT): a
 * 2 MB command is 1.2 million token objects, which took the page 1.2 s of CPU to receive.
 */
function sendable(b: CorrectedBlock): CorrectedBlock {
  const big = (text: string) => text.length > HIGHLIGHT_LIMIT;
  const env = b.tokens.env;
  return {
    ...b,
    tokens: {
      toml: big(b.toml) ? [] : b.tokens.toml,
      env:
        env && b.env
          ? {
              posix: big(b.env.posix) ? [] : env.posix,
              fish: big(b.env.fish) ? [] : env.fish,
              powershell: big(b.env.powershell) ? [] : env.powershell,
            }
          : env,
    },
  };
}

/** Answers one request. Never throws (both library functions promise that). */
export function answer(request: AnalysisRequest): AnalysisAnswer {
  if (request.kind === 'merge')
    return { kind: 'merge', merge: mergeServer(request.existing, request.name, request.block) };
  if (request.kind === 'mergeAll') {
    const result = mergeServers(request.existing, request.blocks);
    return { kind: 'mergeAll', result, diff: lineDiff(request.existing, result.text) };
  }
  const report = fullReport(request);
  const limit = Math.max(0, Math.floor(request.limit));
  return {
    kind: 'doctor',
    report: {
      ...report,
      servers: report.servers
        .slice(0, limit)
        .map((s) => (s.corrected ? { ...s, corrected: sendable(s.corrected) } : s)),
    },
    totalServers: report.servers.length,
  };
}
