/** Stage 2 for config.toml: where the servers are, under [mcp_servers] or under a table Codex never reads. */
import { lineOf, type TomlStatement } from '../../config-file/toml-scan.ts';
import { describe, URL_ALIASES } from '../schema.ts';
import { isTable, type Finding, type Table } from '../types.ts';

/** Top-level tables people use for MCP servers that Codex never reads. */
const MISPLACED = [
  'mcpServers',
  'mcp-servers',
  'mcp_server',
  'mcpservers',
  'mcp_Servers',
  'servers',
] as const;

/** One entry to check, and the table it sits under. */
export interface Located {
  name: string;
  entry: unknown;
  base: string;
  /** Set for a table Codex does not read. */
  misplaced?: string;
}

/** The entries of the document, and the file-level findings about where they are. */
export function locateServers(
  doc: Table,
  statements: TomlStatement[] | null,
): { file: Finding[]; entries: Located[] } {
  const file: Finding[] = [];
  const entries: Located[] = [];
  const withLine = (f: Finding, path: string[]): Finding => {
    const line = lineOf(statements, path);
    if (line !== undefined) f.line = line;
    return f;
  };
  const root = doc['mcp_servers'];
  if (root !== undefined && !isTable(root)) {
    const message = `mcp_servers must be a table of servers ([mcp_servers.NAME] sections), but it is ${describe(root)}.`;
    file.push(
      withLine(
        { kind: 'rejected', severity: 'error', key: [], codexPath: 'mcp_servers', message },
        ['mcp_servers'],
      ),
    );
  } else if (isTable(root)) {
    for (const [name, entry] of Object.entries(root))
      entries.push({ name, entry, base: 'mcp_servers' });
  }
  for (const wrong of MISPLACED) {
    const table = doc[wrong];
    if (!isTable(table)) continue;
    const found = Object.entries(table).filter(
      ([, v]) => isTable(v) && ('command' in v || 'url' in v || URL_ALIASES.some((a) => a in v)),
    );
    if (found.length === 0) continue;
    const message = `[${wrong}] is not read by Codex, so ${found.map(([n]) => `"${n}"`).join(', ')} ${found.length === 1 ? 'is' : 'are'} ignored: Codex reads servers from [mcp_servers.NAME]. Corrected blocks are below.`;
    file.push(
      withLine({ kind: 'ignored', severity: 'warning', key: [], codexPath: wrong, message }, [
        wrong,
      ]),
    );
    for (const [name, entry] of found) entries.push({ name, entry, base: wrong, misplaced: wrong });
  }
  return { file, entries };
}
