/**
 * The plugin rows of the release page: every fact written from src/lib/codex/plugins.ts, each with a
 * proof file that exists and runs the fact's own constants, and the one release-dependent row
 * pointing at a runtime change.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CHANGES,
  PLUGIN_TOOL_CALLS,
  UPGRADE_NOTHING,
  upgradeLocalRefusal,
} from '../../../src/lib/codex/index.ts';
import { CLI_PROOF, pluginFactRows, SESSION_PROOF } from '../../../src/lib/site/plugin-facts.ts';

describe('pluginFactRows', () => {
  const rows = pluginFactRows();

  it('every proof is a test file that uses the facts it proves', () => {
    for (const row of rows) expect(existsSync(row.proof), row.proof).toBe(true);
    expect(readFileSync(CLI_PROOF, 'utf8')).toContain('UPGRADE_NOTHING');
    expect(readFileSync(SESSION_PROOF, 'utf8')).toContain('PLUGIN_TOOL_CALLS');
    expect(new Set(rows.map((r) => r.proof))).toEqual(new Set([CLI_PROOF, SESSION_PROOF]));
  });

  it("quotes Codex's own words from the facts, and code spans close", () => {
    const text = rows.map((r) => r.fact).join('\n');
    const quoted = [UPGRADE_NOTHING, PLUGIN_TOOL_CALLS.refusal, PLUGIN_TOOL_CALLS.refusalBefore];
    for (const q of quoted) expect(text).toContain(`\`${q}\``);
    // A quote inside a code span must hold no backtick of its own (the page splits on them).
    for (const q of quoted) expect(q).not.toContain('`');
    expect(text).toContain(upgradeLocalRefusal('M').replace(/^marketplace `M` /, ''));
    for (const r of rows) expect(r.fact.split('`').length % 2, r.fact).toBe(1);
  });

  it('the one release-dependent row names a runtime change', () => {
    const changed = rows.filter((r) => r.change);
    expect(changed.map((r) => r.change)).toEqual(['execToolApprovalMessage']);
    expect(CHANGES.execToolApprovalMessage.proof).toBe('runtime');
    expect(changed[0]?.proof).toBe(SESSION_PROOF);
  });
});
