/**
 * Salvage and the corrected block: what can be kept of a pasted entry becomes a ServerSpec, and the
 * generator's own core (`generate()`) writes the block, so it is exactly what the generator writes.
 */
import { notGeneratedKeys, transportKeys, valueRule, type Release } from '../../codex/index.ts';
import { generate } from '../../generator/generate.ts';
import type { ServerSpec } from '../../generator/model.ts';
import { checkServerName, checkTimeout } from '../../generator/validate.ts';
import { RESERVED_NAMES } from '../checks/risks.ts';
import { salvageContext, type SalvageContext } from './salvage-context.ts';
import { salvageHttp } from './salvage-http.ts';
import { salvageStdio } from './salvage-stdio.ts';
import { display, URL_ALIASES } from '../schema.ts';
import { isNumber, type CorrectedBlock, type Table } from '../types.ts';
import { asBool, asStrings, saneServerName } from '../checks/values.ts';

interface Salvage {
  spec: ServerSpec;
  changes: string[];
  notCarried: string[];
}

// The evidence for each transport: its keys in the table, plus the spellings people use for them.
const STDIO_SCORE_KEYS = transportKeys('stdio');
const HTTP_SCORE_KEYS = [...transportKeys('http'), 'bearer_token', 'headers', ...URL_ALIASES];

/** The spec for the corrected block of the entry `t` called `name`, with what changed and what was not carried. */
export function salvage(
  name: string,
  t: Table,
  exported: Set<string> | null,
  release: Release,
): Salvage {
  let n = name.trim();
  let renamed: string | undefined;
  if (checkServerName(n, release)) {
    const fixed = saneServerName(n, release);
    renamed = `Renamed "${name}" to "${fixed}", a name \`codex mcp\` commands accept.`;
    n = fixed;
  }
  if (RESERVED_NAMES.includes(n)) {
    renamed = `Renamed "${name}" to "${n}_own": Codex keeps "${n}" for its own server and never starts yours under it.`;
    n = `${n}_own`;
  }
  const s = salvageContext(n, exported);
  if (renamed !== undefined) s.changes.push(renamed);

  // Which transport: the one with the stronger evidence; Codex itself lets `command` win a tie.
  const present = (keys: readonly string[]) => keys.filter((k) => k in t).length;
  const urlKey =
    typeof t['url'] === 'string' ? 'url' : URL_ALIASES.find((a) => typeof t[a] === 'string');
  const hasCommand =
    typeof t['command'] === 'string' || (Array.isArray(t['command']) && t['command'].length > 0);
  const transport: 'stdio' | 'http' | null =
    hasCommand && urlKey
      ? present(HTTP_SCORE_KEYS) > present(STDIO_SCORE_KEYS)
        ? 'http'
        : 'stdio'
      : hasCommand
        ? 'stdio'
        : urlKey
          ? 'http'
          : null;
  if (transport === null) return { spec: s.spec, changes: s.changes, notCarried: s.notCarried };
  s.spec.transport = transport;
  if (hasCommand && urlKey) {
    const dropped = (transport === 'stdio' ? HTTP_SCORE_KEYS : STDIO_SCORE_KEYS).filter(
      (k) => k in t,
    );
    s.changes.push(
      `Kept the ${transport === 'stdio' ? 'local (stdio)' : 'remote (HTTP)'} settings and dropped ${dropped.join(', ')}: Codex refuses an entry that mixes both transports.`,
    );
  }
  if (transport === 'stdio') salvageStdio(t, s);
  else salvageHttp(t, s, urlKey as string);
  salvageShared(t, s, transport, release);
  return { spec: s.spec, changes: s.changes, notCarried: s.notCarried };
}

/** Keys both transports have: timeouts, enabled, required, tool lists; then what is left out. */
function salvageShared(
  t: Table,
  s: SalvageContext,
  transport: 'stdio' | 'http',
  release: Release,
): void {
  const { spec, changes } = s;
  for (const [key, field] of [
    ['startup_timeout_sec', 'startupTimeoutSec'],
    ['tool_timeout_sec', 'toolTimeoutSec'],
  ] as const) {
    let v = t[key];
    if (v === undefined && key === 'startup_timeout_sec' && isNumber(t['startup_timeout_ms'])) {
      v = Number(t['startup_timeout_ms']) / 1000;
      changes.push(`startup_timeout_ms became startup_timeout_sec = ${v}.`);
    }
    if (v === undefined) continue;
    const num = typeof v === 'string' ? Number.parseFloat(v) : isNumber(v) ? Number(v) : Number.NaN;
    const text = Number.isFinite(num) ? String(num) : display(v);
    const checked = checkTimeout(text, key);
    if (checked.value !== undefined) {
      spec[field] = text;
      if (typeof v === 'string')
        changes.push(`${key} was the string "${v}"; it is now the number ${text}.`);
    } else
      changes.push(
        `Removed ${key} = ${display(v)} (${num === 0 ? 'zero makes every attempt time out' : 'not a usable number of seconds'}): Codex's default applies.`,
      );
  }
  const enabled = asBool(t['enabled']);
  if (enabled !== undefined) spec.enabled = enabled;
  const required = asBool(t['required']);
  if (required !== undefined) spec.required = required;
  spec.enabledTools = asStrings(t['enabled_tools']);
  spec.disabledTools = asStrings(t['disabled_tools']);

  // startup_timeout_ms is carried, as startup_timeout_sec (above); the other transport's keys were dropped.
  const foreign = transportKeys(transport === 'stdio' ? 'http' : 'stdio');
  for (const key of notGeneratedKeys(release))
    if (key in t && key !== 'startup_timeout_ms' && !foreign.includes(key)) s.notCarried.push(key);
  const ignoredKeys = Object.keys(t).filter(
    (k) =>
      valueRule(k, release) === undefined &&
      k !== 'headers' &&
      !(URL_ALIASES as readonly string[]).includes(k),
  );
  if (ignoredKeys.length > 0)
    changes.push(`Left out ${ignoredKeys.join(', ')}, which Codex ignores.`);
}

/** Why no corrected block can exist without a transport (said for an empty table and a bare value). */
export const NEEDS_TRANSPORT =
  'A corrected entry needs a command (local server) or a url (remote server)';

/** Builds the corrected block through the core; returns the core's errors when it cannot. */
export function correct(
  name: string,
  t: Table,
  exported: Set<string> | null,
  release: Release,
): { corrected: CorrectedBlock | null; problems: string[] } {
  const s = salvage(name, t, exported, release);
  if (s.spec.command === '' && s.spec.url === '') {
    return {
      corrected: null,
      problems: [`${NEEDS_TRANSPORT}, and this one has neither.`],
    };
  }
  const g = generate(s.spec, release);
  if (!g.outputs)
    return {
      corrected: null,
      problems: g.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
    };
  return {
    corrected: {
      name: g.outputs.name,
      toml: g.outputs.toml,
      env: g.outputs.env,
      tokens: { toml: g.outputs.tokens.toml, env: g.outputs.tokens.env },
      changes: s.changes,
      notCarried: s.notCarried,
    },
    problems: [],
  };
}
