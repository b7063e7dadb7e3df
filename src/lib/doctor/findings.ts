/** Collecting findings about one server entry. */
import type { Release } from '../codex/index.ts';
import { lineOf, type TomlStatement } from '../config-file/toml-scan.ts';
import { describe, type TypeProblem } from './schema.ts';
import type { Finding, FindingKind } from './types.ts';

const codexJoin = (parts: readonly string[]): string => parts.join('.');

/** What every check of one entry needs to know. */
export interface Context {
  name: string;
  statements: TomlStatement[] | null;
  /** The table path the entry sits under (mcp_servers, or a misspelled one). */
  base: string[];
  exported: Set<string> | null;
  /** The Codex release whose rules apply (the reader's choice; default the newest). */
  release: Release;
  /** Set for a server of a plugin's .mcp.json (no config.toml name rules apply there). */
  plugin?: true;
}

/** The findings about one entry, each with the path Codex prints and the line in the pasted text. */
export class Findings {
  readonly rejected: Finding[] = [];
  readonly ignored: Finding[] = [];
  readonly risks: Finding[] = [];
  private readonly ctx: Context;
  constructor(ctx: Context) {
    this.ctx = ctx;
  }
  private make(
    kind: FindingKind,
    severity: Finding['severity'],
    key: string[],
    message: string,
    codexPath?: string,
    codexMessage?: string,
  ): Finding {
    const line = lineOf(this.ctx.statements, [...this.ctx.base, this.ctx.name, ...key]);
    const f: Finding = {
      kind,
      severity,
      key,
      codexPath: codexPath ?? codexJoin(['mcp_servers', this.ctx.name, ...key]),
      message,
    };
    if (codexMessage !== undefined) f.codexMessage = codexMessage;
    if (line !== undefined) f.line = line;
    return f;
  }
  /**
   * Codex refuses this. With codexMessage, Codex reports it at the entry (`mcp_servers.NAME`), or
   * at the key itself when `atKey` (rules checked while the key is read).
   */
  reject(key: string[], message: string, codexMessage?: string, atKey = false): void {
    const path =
      codexMessage !== undefined && !atKey ? codexJoin(['mcp_servers', this.ctx.name]) : undefined;
    this.rejected.push(this.make('rejected', 'error', key, message, path, codexMessage));
  }
  /** A type error, which Codex reports at the value's own path. */
  typeError(p: TypeProblem): void {
    const where = `\`${p.at.join('.')}\``;
    const message = p.codex
      ? `${where} must be ${p.expected}; got ${describe(p.got)}.`
      : `${where} must be ${p.expected}, but it is ${describe(p.got)}.`;
    // Codex names array elements by the array (no index), and table values by their key.
    this.rejected.push(
      this.make(
        'rejected',
        'error',
        p.at,
        message,
        codexJoin(['mcp_servers', this.ctx.name, ...p.at]),
      ),
    );
  }
  ignore(key: string[], message: string, severity: Finding['severity'] = 'warning'): void {
    this.ignored.push(this.make('ignored', severity, key, message));
  }
  risk(key: string[], message: string, severity: Finding['severity'] = 'warning'): void {
    this.risks.push(this.make('risk', severity, key, message));
  }
}
