/**
 * The team kit as one .zip, built in the browser by fflate (loaded by dynamic import when "Download
 * .zip" is pressed, never with the page). Every file sits under one folder named after the
 * marketplace, so unpacking gives the repository's root.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { RepoFile } from '../../lib/plugin/marketplace.ts';

/** The zip as a Blob: each file at `root/path`, UTF-8. */
export function zipRepo(root: string, files: readonly RepoFile[]): Blob {
  const tree: Zippable = {};
  for (const f of files) tree[`${root}/${f.path}`] = [strToU8(f.text), { level: 6 }];
  const bytes = zipSync(tree);
  // A copy into a plain ArrayBuffer: fflate's type allows a SharedArrayBuffer, which Blob refuses.
  return new Blob([bytes.slice().buffer as ArrayBuffer], { type: 'application/zip' });
}
