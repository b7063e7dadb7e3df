/**
 * A server.json (the MCP Registry's description of a server) pasted into the doctor: every remote
 * and package is converted by the same core as the generator's import (`readServerJson`), and each
 * becomes a server card with its corrected block, like another client's JSON.
 */
import type { Provider } from '../input/provider.ts';
import { readServerJson, type ConvertedChoice } from '../server-json/index.ts';
import { jsonSummary } from './summary.ts';
import type { DoctorReport, Finding, ServerReport } from './types.ts';

/** The report for a server.json paste; `provider` is the "any MCP server" provider the conversion fills in. */
export function convertServerJson(text: string, provider: Provider | undefined): DoctorReport {
  const file: Finding[] = [];
  const base = { source: 'json' as const, parseError: null, file };
  if (!provider) {
    file.push({
      kind: 'rejected',
      severity: 'error',
      key: [],
      codexPath: '',
      message:
        'This looks like a server.json, which this page cannot convert here: use "Import a server.json" on the "Any MCP server" guide.',
    });
    const partial = { ...base, servers: [], loads: false };
    return { ...partial, summary: jsonSummary(partial) };
  }
  const read = readServerJson(provider, text);
  for (const d of read.diagnostics) {
    file.push({
      kind: d.severity === 'error' ? 'rejected' : 'ignored',
      severity: d.severity,
      key: [],
      codexPath: d.path,
      message: `${d.path ? `${d.path}: ` : ''}${d.message}`,
    });
  }
  const what = read.server
    ? `${read.server.name}${read.server.version ? ` ${read.server.version}` : ''}`
    : 'this server';
  file.unshift({
    kind: 'ignored',
    severity: 'info',
    key: [],
    codexPath: '',
    message: `This is a server.json (the MCP Registry's description of ${what}), not a client's configuration: ${read.choices.length === 1 ? 'its one way to run the server is converted below.' : `each of its ${read.choices.length} ways to run the server is converted below, the one to prefer first.`}${read.reason ? ` ${read.reason}` : ''}`,
  });
  const ordered = [...read.choices].sort(
    (a, b) => Number(b.choice.id === read.preferred) - Number(a.choice.id === read.preferred),
  );
  const servers = ordered.map((c) => choiceReport(c, ordered.length > 1));
  const partial = { ...base, servers, loads: servers.some((s) => s.corrected !== null) };
  return { ...partial, summary: jsonSummary(partial) };
}

/** One remote or package as a server card: its block, or why Codex cannot use it. */
function choiceReport(c: ConvertedChoice, several: boolean): ServerReport {
  const outputs = c.generated?.outputs ?? null;
  const codexName = outputs?.name ?? c.conversion?.form.name ?? 'server';
  const report: ServerReport = {
    // Several choices share one Codex name: the card names the choice too.
    name: several ? `${codexName} (${c.choice.label})` : codexName,
    transport: c.choice.kind === 'remote' ? 'http' : 'stdio',
    rejected: [],
    ignored: [],
    risks: [],
    corrected: null,
    correctedProblems: [],
  };
  if (!c.choice.supported) {
    report.correctedProblems = [c.choice.why];
    return report;
  }
  if (!outputs || !c.conversion) {
    report.correctedProblems = (c.generated?.diagnostics ?? [])
      .filter((d) => d.severity === 'error')
      .map((d) => d.message);
    if (report.correctedProblems.length === 0)
      report.correctedProblems = ['This choice could not be converted.'];
    return report;
  }
  report.corrected = {
    name: outputs.name,
    toml: outputs.toml,
    env: outputs.env,
    tokens: { toml: outputs.tokens.toml, env: outputs.tokens.env },
    changes: [c.choice.label, ...c.conversion.notes, ...c.conversion.todo],
    notCarried: [],
  };
  return report;
}
