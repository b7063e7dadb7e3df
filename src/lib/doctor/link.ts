/**
 * The doctor page's fragment: the reader's Codex release only (`#codex=0.150.0`, omitted for the
 * newest), never any of the pasted config. The same key as the generators' share links.
 */
import { CODEX_NEWEST, PROBED_RELEASES, type Release } from '../codex/releases.ts';

/** The fragment key for the release. */
export const RELEASE_KEY = 'codex';

/** The release a fragment names, when it is one the doctor offers; otherwise the newest. */
export function releaseFromFragment(hash: string): Release {
  let value: string | null = null;
  try {
    value = new URLSearchParams(hash.replace(/^#/, '')).get(RELEASE_KEY);
  } catch {
    // A malformed fragment names no release.
  }
  return PROBED_RELEASES.find((r) => r === value?.trim()) ?? CODEX_NEWEST;
}

/** The fragment for `release` (with its "#"), or '' for the newest, which needs none. */
export function fragmentForRelease(release: Release): string {
  return release === CODEX_NEWEST ? '' : `#${RELEASE_KEY}=${release}`;
}
