/** Salvaging a local (stdio) entry: the program and its arguments, env, env_vars and cwd. */
import { ENV_VAR_SOURCES } from '../../codex/keys.ts';
import { isPathWithSpaces } from '../../generator/command-path.ts';
import type { Pair } from '../../generator/model.ts';
import { ENV_NAME_RE } from '../../generator/validate.ts';
import type { SalvageContext } from './salvage-context.ts';
import { display } from '../schema.ts';
import { isSecretEnv, moveArgSecrets } from '../checks/secrets.ts';
import { isTable, type Table } from '../types.ts';
import { asString, asStrings, placeholderVar } from '../checks/values.ts';

const LOCAL_SOURCE = ENV_VAR_SOURCES[0].value;

/** Fills the stdio part of the spec from `t`. */
export function salvageStdio(t: Table, s: SalvageContext): void {
  const { command, args } = commandAndArgs(t, s);
  s.spec.command = command;
  // Credentials in args leave the file: each becomes a variable passed through from the shell.
  const fromArgs = moveArgSecrets(args, s.envVar);
  s.spec.args = fromArgs.args;
  for (const m of fromArgs.moved) {
    s.spec.envVars.push(m.varName);
    s.exportLine(m.varName, 'paste-the-value-here');
    s.changes.push(
      `Moved the credential in the argument ${m.what} out of the file: it is now the variable ${m.varName}, passed through from your shell (env_vars). The server must then read it from its environment: check its docs for the variable it reads and rename ${m.varName} to that, or put the argument back by hand, in plaintext.`,
    );
  }
  if (isTable(t['env'])) salvageEnv(t['env'], s);
  if (Array.isArray(t['env_vars'])) {
    for (const item of t['env_vars']) {
      const v =
        typeof item === 'string'
          ? item
          : isTable(item) && typeof item['name'] === 'string'
            ? item['name']
            : undefined;
      if (v === undefined) continue;
      // The corrected block writes plain names, as the generator does: only a local source carries.
      if (isTable(item) && item['source'] !== undefined && item['source'] !== LOCAL_SOURCE)
        s.notCarried.push(`env_vars source ${display(item['source'])} for ${v}`);
      if (!s.spec.envVars.includes(v)) s.spec.envVars.push(v);
      s.used.add(v);
    }
  }
  if (typeof t['cwd'] === 'string') s.spec.cwd = t['cwd'];
}

/** The program and its arguments, from a command that may be a list or hold spaces, and args that may be one string. */
function commandAndArgs(t: Table, s: SalvageContext): { command: string; args: string[] } {
  let command = '';
  let args = asStrings(t['args']);
  if (typeof t['args'] === 'string' && /\s/.test(t['args'].trim())) {
    args = t['args'].trim().split(/\s+/);
    s.changes.push('args was one string; split it into one item per argument.');
  } else if (t['args'] !== undefined && !Array.isArray(t['args']))
    s.changes.push('args was not an array; made it one.');
  if (Array.isArray(t['command'])) {
    const parts = asStrings(t['command']);
    command = parts[0] ?? '';
    args = [...parts.slice(1), ...args];
    s.changes.push('command was a list; the first item is the program, the rest became args.');
  } else command = (t['command'] as string).trim();
  if (/\s/.test(command) && !isPathWithSpaces(command)) {
    const original = command;
    // An absolute path may hold spaces itself: the program ends at its extension.
    const program = /^(?:[A-Za-z]:[\\/]|\\\\|\/).*?\.(?:exe|cmd|bat|com|ps1|sh|js|py)(?=\s)/i.exec(
      command,
    )?.[0];
    const parts = program
      ? [program, ...command.slice(program.length).trim().split(/\s+/)]
      : command.split(/\s+/);
    command = parts[0] ?? '';
    args = [...parts.slice(1), ...args];
    s.changes.push(
      `Split the command "${original}" into the program (${command}) and its arguments: Codex runs command as one program name.`,
    );
  }
  return { command, args };
}

/** env: literal values stay; secrets and variable references become pass-through variables. */
function salvageEnv(table: Table, s: SalvageContext): void {
  const env: Pair[] = [];
  for (const [k, raw] of Object.entries(table)) {
    const v = asString(raw);
    if (v === undefined) continue;
    const ref = placeholderVar(v);
    if (!((ref || isSecretEnv(k, v)) && ENV_NAME_RE.test(k))) {
      env.push({ name: k, value: v });
      continue;
    }
    s.spec.envVars.push(k);
    s.used.add(k);
    if (ref && ref === k) {
      s.changes.push(
        `env.${k} was "${v}", which Codex would pass literally: ${k} is now passed through from your shell (env_vars).`,
      );
      if (s.exported && !s.exported.has(k)) s.exportLine(k, 'your-value');
    } else if (ref) {
      s.changes.push(
        `env.${k} was "${v}", which Codex would pass literally: ${k} is now passed through from your shell (env_vars); set it from ${ref}.`,
      );
      s.exportLine(k, `value-of-${ref}`);
    } else {
      s.changes.push(
        `Moved the secret in env.${k} out of the file: ${k} is now passed through from your shell (env_vars). Export it with the value from your old file.`,
      );
      s.exportLine(k, 'paste-the-value-here');
    }
  }
  s.spec.env = env;
}
