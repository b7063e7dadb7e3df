/**
 * VS Code's own variables in another client's JSON: `${workspaceFolder}` (and its relatives) name
 * the folder open in VS Code, which Codex has no notion of, and Codex expands no `${...}` at all.
 * Each is named, and replaced by a placeholder path the reader must fill in (a to-do, never a
 * silent guess). `${env:NAME}` and `${input:ID}` are converted elsewhere (salvage, vscode-inputs.ts).
 */
import type { Findings } from '../findings.ts';
import { isTable, type Table } from '../types.ts';

/** What replaces `${workspaceFolder}`: plainly a placeholder, so a block copied as is fails visibly. */
export const PROJECT_PATH = '/ABSOLUTE/PATH/TO/YOUR/PROJECT';

const FOLDER = /\$\{(?:workspaceFolder|workspaceRoot)(?::[^}]*)?\}/g;

/** The to-do for a value that named VS Code's folder. */
function todo(where: string, value: string): string {
  return `${where} is "${value}": \${workspaceFolder} is VS Code's name for the folder open in VS Code, and Codex has no such folder and never expands \${...}. The corrected block writes ${PROJECT_PATH} in its place: replace it with your project's full path before saving.`;
}

/** Replaces VS Code's folder variable in command, args, cwd and env values of the converted table `t`. */
export function fromVsCodeVariables(t: Table, out: Findings): void {
  const fix = (v: unknown, key: string[], where: string): unknown => {
    if (typeof v !== 'string' || !v.includes('${')) return v;
    FOLDER.lastIndex = 0;
    if (!FOLDER.test(v)) return v;
    out.risk(key, todo(where, v));
    return v.replace(FOLDER, PROJECT_PATH);
  };
  if ('command' in t) t['command'] = fix(t['command'], ['command'], 'command');
  if ('cwd' in t) t['cwd'] = fix(t['cwd'], ['cwd'], 'cwd');
  if (Array.isArray(t['args']))
    t['args'] = (t['args'] as unknown[]).map((a, i) => fix(a, ['args'], `args[${i}]`));
  if (isTable(t['env'])) {
    const env: Table = {};
    for (const [k, v] of Object.entries(t['env'])) env[k] = fix(v, ['env', k], `env.${k}`);
    t['env'] = env;
  }
}
