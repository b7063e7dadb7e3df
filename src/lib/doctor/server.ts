/** One server entry through every stage: key and type checks, entry rules, risks, corrected block. */
import { lineOf } from '../config-file/toml-scan.ts';
import { checkEntryRules, transportOf } from './checks/entry.ts';
import { Findings, type Context } from './findings.ts';
import { checkKeys } from './checks/keys.ts';
import { checkRisks } from './checks/risks.ts';
import { correct, NEEDS_TRANSPORT } from './salvage/salvage.ts';
import { describe } from './schema.ts';
import { isTable, type ServerReport, type Table } from './types.ts';

/** Analyses one entry; `misplaced` names the wrong table it sits under, if any; `buildCorrected` false defers its block. */
export function checkServer(
  t: unknown,
  ctx: Context,
  misplaced?: string,
  buildCorrected = true,
): ServerReport {
  const out = new Findings(ctx);
  const line = lineOf(ctx.statements, [...ctx.base, ctx.name]);
  const report = (transport: ServerReport['transport'], salvaged: Table | null): ServerReport => {
    const r: ServerReport = {
      name: ctx.name,
      transport,
      rejected: out.rejected,
      ignored: out.ignored,
      risks: out.risks,
      corrected: null,
      correctedProblems: [],
    };
    if (line !== undefined) r.line = line;
    if (misplaced) r.misplaced = misplaced;
    if (salvaged && !buildCorrected) r.deferred = true;
    else if (salvaged) {
      const fixed = correct(ctx.name, salvaged, ctx.exported, ctx.release);
      r.corrected = fixed.corrected;
      r.correctedProblems = fixed.problems;
    } else
      r.correctedProblems = [
        `There is nothing to build a corrected entry from. ${NEEDS_TRANSPORT}.`,
      ];
    return r;
  };

  if (!isTable(t)) {
    if (misplaced) out.ignore([], `This is under [${misplaced}], which Codex does not read.`);
    else
      out.reject(
        [],
        `mcp_servers.${ctx.name} must be a table ([mcp_servers.${ctx.name}] with keys under it), but it is ${describe(t)}.`,
        'invalid type',
      );
    return report(null, null);
  }
  const transport = transportOf(t);
  if (misplaced) {
    out.ignore(
      [],
      `This whole entry is ignored: it is under [${misplaced}.${ctx.name}], and Codex only reads [mcp_servers.${ctx.name}]. The corrected block puts it in the right place.`,
    );
  } else {
    checkKeys(t, out, ctx.release);
    checkEntryRules(t, transport, out, ctx.release);
  }
  checkRisks(t, transport, out, ctx);
  return report(transport, t);
}
