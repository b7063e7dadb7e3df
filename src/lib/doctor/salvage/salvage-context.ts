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
  // The next number to try per base name: counting from 2 again for every argument made naming
  // quadratic (16,000 `--token` pairs took 23 s).
  const next = new Map<string, number>();
  const envVar = (suffix: string): string => {
    const base = `${prefix}_${suffix}`.replace(/__+/g, '_');
    let v = base;
    let i = next.get(base) ?? 2;
    for (; used.has(v); i++) v = `${prefix}_${suffix}_${i}`;
    next.set(base, i);
    used.add(v);
    return v;
  };
  const exportedNames = new Set<string>();
  const exportLine = (varName: string, placeholder: string): void => {
    // A set, not a search of the lines: thousands of moved arguments made that quadratic.
    if (exportedNames.has(varName)) return;
    exportedNames.add(varName);
    const line: EnvVarSpec = { name: varName, value: '', placeholder };
    spec.envVarLines.push(line);
  };
  return { spec, changes: [], notCarried: [], used, exported, envVar, exportLine };
}
