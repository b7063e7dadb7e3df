/** What the salvage stages share: the spec being built, the notes for the reader, the variables named. */
import { emptySpec, type EnvVarSpec, type ServerSpec } from '../../generator/model.ts';
import { upperSnake } from '../checks/values.ts';

/** The spec being salvaged from one entry, and how to name and announce the variables it needs. */
export interface SalvageContext {
  spec: ServerSpec;
  /** What differs from the pasted entry, one sentence each. */
  changes: string[];
  /** Valid keys the generator does not write. */
  notCarried: string[];
  /** Variable names already in use by this entry. */
  used: Set<string>;
  exported: Set<string> | null;
  /** A fresh variable name from the server's name and a suffix (`GITHUB_TOKEN`, then `GITHUB_TOKEN_2`). */
  envVar: (suffix: string) => string;
  /** Adds an export line with a placeholder value (never a value from the file). */
  exportLine: (varName: string, placeholder: string) => void;
}

/** A context for the server called `name` (already made acceptable to `codex mcp`). */
export function salvageContext(name: string, exported: Set<string> | null): SalvageContext {
  const spec = emptySpec();
  spec.name = name;
  const used = new Set<string>();
  const prefix = upperSnake(name).replace(/^(?=[0-9])/, 'MCP_') || 'MCP';
  const envVar = (suffix: string): string => {
    let v = `${prefix}_${suffix}`.replace(/__+/g, '_');
    for (let i = 2; used.has(v); i++) v = `${prefix}_${suffix}_${i}`;
    used.add(v);
    return v;
  };
  const exportLine = (varName: string, placeholder: string): void => {
    if (spec.envVarLines.some((l) => l.name === varName)) return;
    const line: EnvVarSpec = { name: varName, value: '', placeholder };
    spec.envVarLines.push(line);
  };
  return { spec, changes: [], notCarried: [], used, exported, envVar, exportLine };
}
