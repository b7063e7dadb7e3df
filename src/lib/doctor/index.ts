/**
 * The config doctor: reads a pasted `config.toml` (or another client's JSON `mcpServers` block)
 * and says, per server, what the pinned Codex CLI refuses to load, what it ignores (a session warns), and
 * what is risky, with a corrected `[mcp_servers.NAME]` block produced by the same core as the
 * generator (`generate()`), never written by hand. Pure and total: nothing here throws or touches
 * the DOM.
 *
 * Stages, one file each: parse.ts → locate.ts → keys.ts (key and type checks) → entry.ts (entry
 * rules) → risks.ts → salvage*.ts (salvage and corrected block) → summary.ts; toml.ts and json.ts
 * run them, jsonc.ts and client-json.ts read other clients' formats; plugin-json.ts reads a plugin's
 * own .mcp.json and plugin.json, and checks/plugin-tables.ts config.toml's plugin tables. The rules are Codex's own,
 * checked file by file in tests/conformance/doctor.test.ts (corpus in tests/conformance/doctor-corpus/).
 */
import { looksLikeJson } from './detect.ts';
import { convertJson } from './json.ts';
import { internalError } from './summary.ts';
import { diagnoseToml } from './toml.ts';
import { diagnosePlugin } from './plugin-json.ts';
import type { DiagnoseOptions, DoctorReport } from './types.ts';

export type {
  CorrectedBlock,
  DiagnoseOptions,
  DoctorReport,
  Finding,
  FindingKind,
  ParseProblem,
  ServerReport,
} from './types.ts';
export { looksLikeJson } from './detect.ts';
export { hasPlaceholder, placeholderVar, saneServerName } from './checks/values.ts';

/**
 * Diagnoses a pasted config.toml. Never throws. JSON pasted here (it can never be TOML) is read as
 * another client's JSON instead, and the report says so (`readAsJson`).
 */
export function diagnoseConfig(text: string, options: DiagnoseOptions = {}): DoctorReport {
  try {
    if (looksLikeJson(text)) {
      const report = convertJson(text, options);
      if (report.readAsPlugin) return { ...report, readAsJson: true };
      const note =
        'This is JSON, not TOML (a config.toml cannot start with "{"), so the doctor read it as JSON from another client (Claude Desktop, Cursor, VS Code, Gemini CLI…).';
      return { ...report, readAsJson: true, summary: `${note} ${report.summary}` };
    }
    return diagnoseToml(text, options);
  } catch (e) {
    return internalError('toml', e);
  }
}

/** Converts a JSON `mcpServers` block from another MCP client into Codex entries. Never throws. */
export function convertMcpServersJson(text: string, options: DiagnoseOptions = {}): DoctorReport {
  try {
    return convertJson(text, options);
  } catch (e) {
    return internalError('json', e);
  }
}

/**
 * Diagnoses a plugin's own `.mcp.json` or `.codex-plugin/plugin.json`, which Codex reads itself:
 * per server, whether Codex loads or drops it, the keys it ignores, and the corrected file. Never throws.
 */
export function diagnosePluginFile(text: string, options: DiagnoseOptions = {}): DoctorReport {
  try {
    return diagnosePlugin(text, options);
  } catch (e) {
    return internalError('plugin', e);
  }
}
