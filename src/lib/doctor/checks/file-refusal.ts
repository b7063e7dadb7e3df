import { lineOf, type TomlStatement } from '../../config-file/toml-scan.ts';
import type { Finding } from '../types.ts';

/**
 * The finding for a value over which Codex refuses the whole file: at `codexPath` as Codex prints
 * it, in Codex's own words when known (`codexMessage`), at the line of `path` when the text shows it.
 */
export function fileRefusal(
  statements: readonly TomlStatement[] | null,
  path: readonly string[],
  codexPath: string,
  message: string,
  codexMessage?: string,
): Finding {
  const f: Finding = { kind: 'rejected', severity: 'error', key: [], codexPath, message };
  if (codexMessage !== undefined) f.codexMessage = codexMessage;
  const line = lineOf(statements, path);
  if (line !== undefined) f.line = line;
  return f;
}
