/**
 * Key and type checks, Codex's first check while it reads the file: every key of an entry against
 * the schema (a wrong type makes Codex refuse the whole file), and keys it does not read at all.
 */
import { readSince, subKeysIn, topKeysIn, type Release } from '../../codex/index.ts';
import type { Findings } from '../findings.ts';
import { keyCheck, MISTAKES } from '../schema.ts';
import { suggestionFor } from './suggest.ts';
import { isTable, type Table } from '../types.ts';

/** "Codex 0.147.0 ignores `KEY`: only 0.148.0 and later read it.", or '' for a key no release of the window reads. */
export function notYetRead(key: string, release: Release): string {
  const since = readSince(key);
  return since === undefined
    ? ''
    : `Codex ${release} ignores \`${key}\`: only ${since} and later read it. Upgrade Codex, or remove the key.`;
}

/**
 * An SSE server, rated the same in config.toml and other clients' JSON (a warning risk): Codex
 * speaks streamable HTTP only, so the URL given may not answer it.
 */
export function sseMessage(written: string, url?: string): string {
  // The nearest working route: the same address with /mcp in place of /sse, when it ends so.
  const m = url === undefined ? null : /^(.*)\/sse(\/?)((?:[?#].*)?)$/i.exec(url);
  const guess = m ? `${m[1]}/mcp${m[2]}${m[3]}` : null;
  return `${written}: Codex has no SSE transport, only streamable HTTP. Point url at the server's streamable HTTP endpoint${guess ? ` (try ${guess}, the usual address next to ${url})` : ' (often ending in /mcp rather than /sse)'}; check the server's docs for it. The corrected block keeps the URL as given.`;
}

/** Checks the type of every key Codex `release` reads, and reports the keys it ignores. */
export function checkKeys(t: Table, out: Findings, release: Release): void {
  const known = topKeysIn(release);
  // Types (Codex's first check, while reading the file), and keys it does not know.
  for (const [key, value] of Object.entries(t)) {
    const check = keyCheck(key, release);
    if (check) {
      const problem = check(value, [key]);
      if (problem) out.typeError(problem);
      continue;
    }
    const later = notYetRead(key, release);
    if (later !== '') {
      out.ignore([key], later);
      continue;
    }
    const hint = suggestionFor(key, known);
    const what =
      key === 'type' || key === 'transport'
        ? `Codex ignores \`${key}\`: it picks the transport itself (url means streamable HTTP, command means a local stdio process).`
        : `Codex ignores \`${key}\`: it is not a key Codex reads.${hint ? ` ${Object.hasOwn(MISTAKES, key) ? `Use ${hint} instead.` : `Did you mean \`${hint}\`?`}` : ''}${key === 'headers' ? ' These headers are never sent.' : ''}`;
    out.ignore([key], what, key === 'type' || key === 'transport' ? 'info' : 'warning');
    if (value === 'sse' && (key === 'type' || key === 'transport'))
      out.risk([key], sseMessage(`${key} = "sse"`));
  }
  checkSubKeys(t, out, release);
}

/** Unknown keys inside the sub-tables Codex reads (oauth, and each tools.TOOL). */
function checkSubKeys(t: Table, out: Findings, release: Release): void {
  const oauth = t['oauth'];
  if (isTable(oauth) && keyCheck('oauth', release)) {
    const fields = subKeysIn('oauth', release);
    for (const k of Object.keys(oauth)) {
      if (fields.includes(k)) continue;
      const later = notYetRead(`oauth.${k}`, release);
      out.ignore(
        ['oauth', k],
        later !== '' ? later : `Codex ignores oauth.${k}; it reads ${fields.join(', ')}.`,
      );
    }
  }
  const tools = t['tools'];
  if (isTable(tools) && keyCheck('tools', release)) {
    const fields = subKeysIn('tools.*', release);
    for (const [tool, cfg] of Object.entries(tools)) {
      if (!isTable(cfg)) continue;
      for (const k of Object.keys(cfg)) {
        if (fields.includes(k)) continue;
        const later = notYetRead(`tools.*.${k}`, release).replace('tools.*.', `tools.${tool}.`);
        out.ignore(
          ['tools', tool, k],
          later !== ''
            ? later
            : `Codex ignores tools.${tool}.${k}; it reads ${fields.join(' and ')}.`,
        );
      }
    }
  }
}
