/**
 * VS Code's `${input:ID}`: VS Code asks for the value when it starts the server (the "inputs" of
 * mcp.json). Codex has no prompts and never expands `${...}`, so each such value becomes a
 * variable passed through from the shell, and the reader is told which one to export.
 */
import type { Findings } from '../findings.ts';
import { isTable, type Table } from '../types.ts';
import { upperSnake } from '../checks/values.ts';
import { ENV_NAME_RE } from '../../generator/validate.ts';

const INPUT = /\$\{input:([^}]*)\}/;

/** The input id of a value that is exactly `${input:ID}` (after an optional `Bearer `), else undefined. */
function wholeInput(value: string): string | undefined {
  const m = /^\s*\$\{input:([^}]*)\}\s*$/.exec(value);
  return m ? (m[1] as string) : undefined;
}

/** A variable name for an input id: `github-token` → GITHUB_TOKEN (or the fallback when that is no name). */
function varFor(id: string, fallback: string): string {
  const v = upperSnake(id);
  return ENV_NAME_RE.test(v) ? v : fallback;
}

/** Moves `${input:...}` values in env and headers of the converted table `t` to variables Codex passes through. */
export function fromVsCodeInputs(t: Table, out: Findings): void {
  if (isTable(t['env'])) {
    const env: Table = { ...t['env'] };
    const passed = Array.isArray(t['env_vars']) ? [...(t['env_vars'] as unknown[])] : [];
    for (const [k, v] of Object.entries(env)) {
      if (typeof v !== 'string' || !INPUT.test(v) || !ENV_NAME_RE.test(k)) continue;
      delete env[k];
      if (!passed.includes(k)) passed.push(k);
      const whole = wholeInput(v) !== undefined;
      out.risk(
        ['env', k],
        `env.${k} is "${v}": VS Code asks for that value when it starts the server, but Codex has no prompts and passes \${...} as written. The corrected block passes ${k} through from your shell instead (env_vars): export ${k}${whole ? '' : ' with the whole value'} before starting Codex.`,
      );
    }
    t['env'] = env;
    if (passed.length > 0) t['env_vars'] = passed;
  }
  const headers = t['http_headers'];
  if (!isTable(headers)) return;
  const kept: Table = {};
  const fromEnv: Table = isTable(t['env_http_headers']) ? { ...t['env_http_headers'] } : {};
  for (const [h, v] of Object.entries(headers)) {
    if (typeof v !== 'string' || !INPUT.test(v)) {
      kept[h] = v;
      continue;
    }
    const bearer = /^\s*Bearer\s+/i.exec(v);
    const id = wholeInput(bearer ? v.slice(bearer[0].length) : v);
    const name = varFor(id ?? '', `${upperSnake(h).replace(/^X_/, '') || 'HEADER'}_VALUE`);
    if (
      bearer &&
      id !== undefined &&
      h.toLowerCase() === 'authorization' &&
      !('bearer_token_env_var' in t)
    ) {
      t['bearer_token_env_var'] = name;
      out.risk(
        ['headers', h],
        `Header ${h} is "${v}": VS Code asks for the token when it starts the server, but Codex has no prompts. The corrected block reads it from ${name} (bearer_token_env_var): export the token, without "Bearer ", in ${name} before starting Codex.`,
      );
    } else {
      fromEnv[h] = name;
      out.risk(
        ['headers', h],
        `Header ${h} is "${v}": VS Code asks for that value when it starts the server, but Codex has no prompts. The corrected block reads the header from ${name} (env_http_headers): export ${name} with the whole header value${bearer ? ', "Bearer " included' : ''} before starting Codex.`,
      );
    }
  }
  t['http_headers'] = kept;
  if (Object.keys(fromEnv).length > 0) t['env_http_headers'] = fromEnv;
}
