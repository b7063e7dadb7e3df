/**
 * Codex CLI releases: the newest one the site is checked against, the oldest one it supports, the
 * releases that were actually run to find the facts in this folder, and tiny version arithmetic.
 * Pure data, browser-safe (no node imports).
 */

/** A Codex release, `MAJOR.MINOR.PATCH` as npm publishes `@openai/codex`. */
export type Release = `${number}.${number}.${number}`;

/** The newest release: the `@openai/codex` devDependency every generated output is checked against. */
export const CODEX_NEWEST: Release = '0.171.0';

/**
 * The oldest supported release. Chosen from evidence: every release from here to the newest
 * accepts every key the generator writes and has every flag its commands use (see keys.ts); only
 * the name rule and the error texts differ, and the conformance suite knows both per release.
 */
export const CODEX_OLDEST: Release = '0.140.0';

/**
 * Every release that was run to establish the facts in this folder (one per minor line, plus the
 * newest), oldest first. `npm run test:versions` runs the conformance suite on each of them.
 */
export const PROBED_RELEASES: readonly Release[] = [
  '0.140.0',
  '0.141.0',
  '0.142.0',
  '0.143.0',
  '0.144.0',
  '0.145.0',
  '0.146.0',
  '0.147.0',
  '0.148.0',
  '0.149.0',
  '0.150.0',
  '0.151.0',
  '0.152.0',
  '0.153.0',
  '0.154.0',
  '0.155.0',
  '0.156.0',
  '0.157.0',
  '0.158.0',
  '0.159.0',
  '0.160.0',
  '0.161.0',
  '0.162.0',
  '0.163.0',
  '0.164.0',
  '0.165.0',
  '0.169.0',
  '0.171.0',
];

/** A half-open release range: from `from` (inclusive) up to `before` (exclusive); an open end is unbounded. */
export interface ReleaseRange {
  from?: Release;
  before?: Release;
}

/** `[major, minor, patch]` of a release string, or null when it is not `N.N.N` (pre-releases included). */
export function parseRelease(version: string): [number, number, number] | null {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** True when `version` is a plain `N.N.N` release. */
export function isRelease(version: string): version is Release {
  return parseRelease(version) !== null;
}

/** Negative, zero or positive as release `a` is older than, equal to or newer than `b`. */
export function compareReleases(a: Release, b: Release): number {
  const x = parseRelease(a) ?? [0, 0, 0];
  const y = parseRelease(b) ?? [0, 0, 0];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** True when `version` lies in `range`. */
export function inRange(version: Release, range: ReleaseRange): boolean {
  if (range.from !== undefined && compareReleases(version, range.from) < 0) return false;
  if (range.before !== undefined && compareReleases(version, range.before) >= 0) return false;
  return true;
}

/** True when `version` lies in the supported window, CODEX_OLDEST..CODEX_NEWEST. */
export function isSupported(version: Release): boolean {
  return inRange(version, { from: CODEX_OLDEST }) && compareReleases(version, CODEX_NEWEST) <= 0;
}

/** The probed release just before `version` (undefined for the oldest). */
export function previousProbed(version: Release): Release | undefined {
  return [...PROBED_RELEASES].reverse().find((r) => compareReleases(r, version) < 0);
}
