/**
 * Keeps measured figures in docs/ current: a script that measures something replaces the block
 * between `<!-- NAME:start… -->` and `<!-- NAME:end -->` of a docs page with what it measured,
 * formatted by Prettier so `prettier --check .` stays clean. The rest of the page is prose by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';

/** `text` with the body of block NAME replaced by `body`; throws when the markers are missing. */
export function replaceBlock(text: string, name: string, body: string): string {
  const start = new RegExp(`<!-- ${name}:start(?::[^>]*)? -->`);
  const end = `<!-- ${name}:end -->`;
  const s = start.exec(text);
  const e = text.indexOf(end);
  if (!s || e < s.index) throw new Error(`no <!-- ${name}:start --> … <!-- ${name}:end --> block`);
  const head = text.slice(0, s.index + s[0].length);
  return `${head}\n\n${body.trim()}\n\n${text.slice(e)}`;
}

/** Rewrites block NAME of the Markdown file at `path` with `body`, Prettier-formatted. */
export async function writeBlock(path: string, name: string, body: string): Promise<void> {
  const next = replaceBlock(readFileSync(path, 'utf8'), name, body);
  const options = (await prettier.resolveConfig(path)) ?? {};
  writeFileSync(path, await prettier.format(next, { ...options, filepath: path }));
}
