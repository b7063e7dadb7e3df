/** The doctor's report shapes, and the small value helpers every stage uses. */
import type { Release } from '../codex/index.ts';
import type { EnvLines } from '../generator/env.ts';
import type { OutputTokens } from '../generator/generate.ts';
import type { Provider } from '../input/provider.ts';

/** rejected: Codex refuses to load it. ignored: Codex loads the file but never reads it. risk: loads, but unsafe or broken. */
export type FindingKind = 'rejected' | 'ignored' | 'risk';

export interface Finding {
  kind: FindingKind;
  /** error: the file (or this server) does not work; warning: fix it; info: worth knowing. */
  severity: 'error' | 'warning' | 'info';
  /** Path inside the server table, such as ['tool_timeout_sec'] or ['env', 'API_KEY']; [] for the whole entry. */
  key: string[];
  /** Where Codex reports it, as Codex prints it: `mcp_servers.a.tool_timeout_sec`, or `mcp_servers.a` for rules about the entry. */
  codexPath: string;
  /** Codex's own wording, when the doctor knows it exactly (the entry-level rules). */
  codexMessage?: string;
  message: string;
  /** 1-based line in the pasted text, when known. */
  line?: number;
}

/** A corrected entry, produced by `generate()` from what could be salvaged. */
export interface CorrectedBlock {
  name: string;
  toml: string;
  /** Variables to export (placeholders only: the doctor never copies a secret into its output). */
  env: EnvLines | null;
  /** The generator's tokens for `toml` and `env` (what the page colours). */
  tokens: Pick<OutputTokens, 'toml' | 'env'>;
  /** What differs from the pasted entry, one sentence each. */
  changes: string[];
  /** Valid keys of the pasted entry that the generator does not write: copy them by hand if needed. */
  notCarried: string[];
}

export interface ServerReport {
  name: string;
  /** Set when the entry sits under a table Codex does not read (such as [mcpServers]): the whole entry is ignored. */
  misplaced?: string;
  /** 1-based line where the entry starts, when known. */
  line?: number;
  transport: 'stdio' | 'http' | null;
  rejected: Finding[];
  ignored: Finding[];
  risks: Finding[];
  corrected: CorrectedBlock | null;
  /** Why there is no corrected block (the core's errors on the salvaged entry). */
  correctedProblems: string[];
  /** Set when the corrected block was not built because of `correctedLimit` (ask again with a larger one). */
  deferred?: true;
}

export interface ParseProblem {
  message: string;
  line: number;
  column: number;
  /** Codex's own words for this problem, when the doctor knows them exactly. */
  codexMessage?: string;
}

export interface DoctorReport {
  /** plugin: a plugin's own .mcp.json or plugin.json, which Codex reads itself. */
  source: 'toml' | 'json' | 'plugin';
  parseError: ParseProblem | null;
  /** Problems not tied to one server (mcp_servers of the wrong type, servers under a misspelled table). */
  file: Finding[];
  servers: ServerReport[];
  /**
   * TOML: the file is valid TOML and Codex accepts every part the doctor judged ([mcp_servers], the
   * plugin tables, the top-level keys it knows); the keys in `unchecked` are not judged, so with any
   * of them this is not "Codex loads the whole file". JSON: every server converted into a block.
   */
  loads: boolean;
  /**
   * TOML: the top-level keys the doctor does not judge (neither [mcp_servers], a misplaced server
   * table, a plugin table, nor a key of checks/top-level.ts with a value it can judge); the summary
   * names them rather than claim the whole file loads.
   */
  unchecked?: string[];
  summary: string;
  /**
   * Set when the file fails only because of single backslashes (Windows paths) in basic strings:
   * the file with those strings rewritten as literal strings, the lines changed, and the servers
   * above are read from it.
   */
  repair?: { text: string; lines: number[] };
  /** Set when JSON was pasted as a config.toml: the report is the JSON conversion (`source` is 'json'). */
  readAsJson?: true;
  /** Set when JSON pasted as another client's turned out to be a plugin's own file (`source` is 'plugin'). */
  readAsPlugin?: true;
  /** A plugin's file: the corrected files (path in the plugin folder, text) and what changed. */
  plugin?: { path: string; files: { path: string; text: string }[]; changes: string[] };
}

export interface DiagnoseOptions {
  /** The reader's Codex release, whose rules the verdict follows (default: the newest, CODEX_NEWEST). */
  release?: Release;
  /** Names of the variables exported in the shell that starts Codex; when given, references to others are flagged. */
  exportedEnv?: readonly string[];
  /**
   * config.toml only: build corrected blocks for the first N servers only (the page shows a few at
   * a time; building 8,000 blocks is most of the time on a 1 MB file). The others get `deferred`.
   */
  correctedLimit?: number;
  /** JSON only: the "any MCP server" provider, with which a pasted server.json is converted (without it, the doctor says where to convert one). */
  provider?: Provider;
}

/** A TOML table or JSON object, as parsed. */
export type Table = Record<string, unknown>;
/** True for a table (not an array, a date or null). */
export const isTable = (v: unknown): v is Table =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
/** True for a TOML number (integers beyond 2^53 come back as bigint). */
export const isNumber = (v: unknown): v is number | bigint =>
  typeof v === 'number' || typeof v === 'bigint';
