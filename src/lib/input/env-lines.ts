/**
 * Reads "Environment for the server" (`NAME=value` per line) the way a person pasting from a
 * `.env` file or a shell means it: `export` dropped, quotes around a value removed, and
 * `NAME=$NAME` (which Codex never expands) turned into passing NAME through from the shell
 * (`env_vars`). A reference to another variable cannot be passed that way, and is refused.
 * The field can hold secrets: no message repeats a value.
 */
import type { Diagnostic, Pair } from '../generator/model.ts';
import { mentionsVariable, variableReference } from '../safety/placeholders.ts';
import { outside } from './boundary.ts';

/** The pairs to write, the variables to pass through instead, and a note per line read differently. */
export interface EnvReading {
  pairs: Pair[];
  forwarded: string[];
  notes: Diagnostic[];
}

/** The value without one pair of surrounding quotes, as a shell or a .env reader would take it. */
function unquote(value: string): string | undefined {
  const double = /^"([^]*)"$/.exec(value);
  if (double) return double[1]!.replace(/\\(["\\$`])/g, '$1');
  const single = /^'([^']*)'$/.exec(value);
  return single ? single[1] : undefined;
}

/** Reads the environment field; see the module comment. */
export function readEnvLines(raw: string): EnvReading {
  const out: EnvReading = { pairs: [], forwarded: [], notes: [] };
  const note = (severity: Diagnostic['severity'], message: string) =>
    out.notes.push({ field: 'env', severity, message });
  outside(raw)
    .split('\n')
    .forEach((rawLine, i) => {
      const line = rawLine.trim();
      // A comment line from a .env file is plainly not a variable.
      if (line === '' || line.startsWith('#')) return;
      const at = `Environment line ${i + 1}`;
      const text = line.replace(/^export\s+/, '');
      const eq = text.indexOf('=');
      const name = (eq < 0 ? text : text.slice(0, eq)).trim();
      let value = eq < 0 ? '' : text.slice(eq + 1).trim();
      const unquoted = unquote(value);
      if (unquoted !== undefined) value = unquoted;
      const ref = variableReference(value);
      if (ref !== undefined && ref === name) {
        if (!out.forwarded.includes(name)) out.forwarded.push(name);
        note(
          'warning',
          `${at}: ${name}=$${name} would reach the server as that very text, since Codex never expands variables: read as passing ${name} through from your shell (Pass-through variables, env_vars), so export ${name} before starting Codex.`,
        );
        return;
      }
      if (ref !== undefined) {
        note(
          'error',
          `${at}: ${name} refers to $${ref}, which Codex never expands (the server would receive the text itself), and a variable passes through only under its own name: write the value itself, or export ${name} in your shell and list ${name} under Pass-through variables.`,
        );
        return;
      }
      if (mentionsVariable(value))
        note(
          'warning',
          `${at}: the value of ${name} mentions a variable, which Codex passes as written, never expanded: write the value itself if that is not what you mean.`,
        );
      if (unquoted !== undefined)
        note('warning', `${at}: read ${name}'s value without its surrounding quotes.`);
      else if (line !== text)
        note(
          'warning',
          `${at}: read "export ${name}=…" as ${name}=… (config.toml needs no export).`,
        );
      out.pairs.push({ name, value });
    });
  return out;
}
