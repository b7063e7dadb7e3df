/**
 * The committed record of what the real CLI did, under tests/conformance/recorded/: the runtime
 * suite's counts (`runtime-<section>.json`, rewritten by every run) and the exact messages Codex
 * printed (`messages-<source>.json`). A message test compares the live text with the record and
 * fails when Codex rewords it; `UPDATE_RECORD=1` rewrites the record instead (read the diff by hand).
 * The build check (tests/build/messages.test.ts) matches every message the site quotes against it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../../support/codex.ts';

export const RECORD_DIR = join(ROOT, 'tests', 'conformance', 'recorded');

/** The pinned CLI's version, from package.json (the one place it is written). */
export function pinnedCodexVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  return pkg.devDependencies['@openai/codex']!;
}

/** Writes one section's counts, with the Codex version they were measured on. */
export function recordRuntime(section: string, data: Record<string, unknown>): void {
  mkdirSync(RECORD_DIR, { recursive: true });
  const file = join(RECORD_DIR, `runtime-${section}.json`);
  writeFileSync(file, JSON.stringify({ codexVersion: pinnedCodexVersion(), ...data }, null, 2) + '\n', 'utf8');
}

/** A record of messages for one source (one test file), keyed by a stable id. */
export interface MessageRecord {
  codexVersion: string;
  messages: Record<string, { command: string; text: string }>;
}

/** The messages one test file observes; `check` at the end compares or rewrites the record file. */
export class MessageLog {
  private readonly live: MessageRecord['messages'] = {};
  constructor(private readonly source: string) {}

  /**
   * Finds the line of `output` that matches `pattern` and logs it under `id` (with `home` shown as
   * `~/.codex`, and whatever `mask` matches as `…`). Fails when no line matches, so a message that
   * disappears fails its test.
   */
  observe(id: string, command: string, output: string, pattern: RegExp, home?: string, mask?: RegExp): string {
    const line = output.split('\n').find((l) => pattern.test(l));
    expect(line, `message ${id} (${pattern}) not in the output of ${command}:\n${output}`).toBeDefined();
    // Throwaway paths differ per run; the record names them as a reader would see them.
    let text = (home ? (line ?? '').split(home).join('~/.codex') : (line ?? '')).trim();
    // Parts that differ per run (a duration) are recorded as "…", which the build check reads as a gap.
    if (mask) text = text.replace(mask, '…');
    this.live[id] = { command, text };
    return text;
  }

  /** Compares what was observed with the committed record (or rewrites it when UPDATE_RECORD=1). */
  check(): void {
    const file = join(RECORD_DIR, `messages-${this.source}.json`);
    const version = pinnedCodexVersion();
    const fresh: MessageRecord = { codexVersion: version, messages: sortKeys(this.live) };
    if (process.env['UPDATE_RECORD'] === '1' || !existsSync(file)) {
      mkdirSync(RECORD_DIR, { recursive: true });
      writeFileSync(file, JSON.stringify(fresh, null, 2) + '\n', 'utf8');
      return;
    }
    const committed = JSON.parse(readFileSync(file, 'utf8')) as MessageRecord;
    expect(fresh, `${file} differs from what codex ${version} printed; rerun with UPDATE_RECORD=1 and read the diff`).toEqual(committed);
  }
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}
