/**
 * The committed record of what the real CLI did, under tests/conformance/recorded/: the runtime
 * suite's counts (`runtime-<section>.json`, rewritten by every run on the pinned release) and the
 * exact messages Codex printed (`messages-<source>.json`). A message test compares the live text with
 * the record and fails when Codex rewords it; `UPDATE_RECORD=1` rewrites the record instead (read the
 * diff by hand). The build check (tests/build/messages.test.ts) matches every message the site quotes
 * against the pinned release's record (the top-level files).
 *
 * Older releases (CODEX_RELEASE) that print other words have their own record in `recorded/<R>/`.
 * A record in `recorded/<R>/` holds for R and every older release down to the next older record, so
 * records are made at the `lastWithout` release of each change (src/lib/codex/changes.ts); a release
 * newer than every such record uses the pinned release's record.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import {
  CODEX_NEWEST,
  compareReleases,
  isRelease,
  type Release,
} from '../../../src/lib/codex/index.ts';
import { CODEX_RELEASE, ROOT } from '../../support/codex.ts';

export const RECORD_DIR = join(ROOT, 'tests', 'conformance', 'recorded');

/** The pinned CLI's version, from package.json (the one place it is written). */
export function pinnedCodexVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  return pkg.devDependencies['@openai/codex']!;
}

/**
 * Writes one section's counts, with the Codex version they were measured on: into the committed
 * record for the pinned release, under test-results/ for any other (those runs are not the figures of docs/testing.md).
 */
export function recordRuntime(section: string, data: Record<string, unknown>): void {
  const pinned = CODEX_RELEASE === CODEX_NEWEST;
  const dir = pinned ? RECORD_DIR : join(ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  const file = join(
    dir,
    pinned ? `runtime-${section}.json` : `runtime-${CODEX_RELEASE}-${section}.json`,
  );
  writeFileSync(
    file,
    JSON.stringify(
      { codexVersion: pinned ? pinnedCodexVersion() : CODEX_RELEASE, ...data },
      null,
      2,
    ) + '\n',
    'utf8',
  );
}

/** Releases with a record of their own (`recorded/<R>/`), oldest first. */
function recordedReleases(): Release[] {
  if (!existsSync(RECORD_DIR)) return [];
  const dirs = readdirSync(RECORD_DIR, { withFileTypes: true }).filter(
    (e) => e.isDirectory() && isRelease(e.name),
  );
  return dirs.map((e) => e.name as Release).sort(compareReleases);
}

/**
 * The record file that holds for `release`: its own, else the next newer release's own record,
 * else the pinned release's (top level). `exceptOwn` skips the release's own record (what it would
 * fall back to without one).
 */
export function messageRecordFile(source: string, release: Release, exceptOwn = false): string {
  const name = `messages-${source}.json`;
  if (release !== CODEX_NEWEST) {
    for (const r of recordedReleases()) {
      if (compareReleases(r, release) < 0 || (exceptOwn && r === release)) continue;
      if (existsSync(join(RECORD_DIR, r, name))) return join(RECORD_DIR, r, name);
    }
  }
  return join(RECORD_DIR, name);
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
  observe(
    id: string,
    command: string,
    output: string,
    pattern: RegExp,
    home?: string,
    mask?: RegExp,
  ): string {
    const line = output.split('\n').find((l) => pattern.test(l));
    expect(
      line,
      `message ${id} (${pattern}) not in the output of ${command}:\n${output}`,
    ).toBeDefined();
    // Throwaway paths differ per run; the record names them as a reader would see them.
    let text = (home ? (line ?? '').split(home).join('~/.codex') : (line ?? '')).trim();
    // Parts that differ per run (a duration) are recorded as "…", which the build check reads as a gap.
    if (mask) text = text.replace(mask, '…');
    this.live[id] = { command, text };
    return text;
  }

  /** Compares what was observed with the record for the release under test (or rewrites it when UPDATE_RECORD=1). */
  check(): void {
    const file = messageRecordFile(this.source, CODEX_RELEASE);
    const version = CODEX_RELEASE === CODEX_NEWEST ? pinnedCodexVersion() : CODEX_RELEASE;
    const fresh: MessageRecord = { codexVersion: version, messages: sortKeys(this.live) };
    if (process.env['UPDATE_RECORD'] === '1' || !existsSync(file)) return this.rewrite(fresh);
    const committed = JSON.parse(readFileSync(file, 'utf8')) as MessageRecord;
    expect(
      fresh.messages,
      `${file} differs from what codex ${version} printed; rerun with UPDATE_RECORD=1 and read the diff`,
    ).toEqual(committed.messages);
    // The pinned record also names its release (the build check reads it).
    if (CODEX_RELEASE === CODEX_NEWEST) expect(committed.codexVersion, file).toBe(version);
  }

  /** The pinned release rewrites the top-level record; another gets its own only where its messages differ. */
  private rewrite(fresh: MessageRecord): void {
    const name = `messages-${this.source}.json`;
    const own = join(RECORD_DIR, CODEX_RELEASE, name);
    let file = join(RECORD_DIR, name);
    if (CODEX_RELEASE !== CODEX_NEWEST) {
      const fallback = messageRecordFile(this.source, CODEX_RELEASE, true);
      const same =
        existsSync(fallback) &&
        isDeepStrictEqual(
          (JSON.parse(readFileSync(fallback, 'utf8')) as MessageRecord).messages,
          fresh.messages,
        );
      if (same) return rmSync(own, { force: true });
      file = own;
    }
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, JSON.stringify(fresh, null, 2) + '\n', 'utf8');
  }
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}
