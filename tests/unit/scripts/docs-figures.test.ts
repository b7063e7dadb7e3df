import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceBlock, writeBlock } from '../../../scripts/docs-figures.ts';

const page = [
  '# Releases',
  '',
  'Prose by hand.',
  '',
  '<!-- versions:start: written by a script -->',
  '',
  'old table',
  '',
  '<!-- versions:end -->',
  '',
  'More prose.',
  '',
].join('\n');

describe('replaceBlock', () => {
  it('replaces only what is between the markers, keeping both markers and the prose', () => {
    const out: string = replaceBlock(page, 'versions', '| a |\n| - |\n| 1 |');
    expect(out).toContain('Prose by hand.');
    expect(out).toContain('More prose.');
    expect(out).not.toContain('old table');
    expect(out).toContain('<!-- versions:start: written by a script -->\n\n| a |');
    expect(out).toContain('| 1 |\n\n<!-- versions:end -->');
    // Idempotent: writing the same figures again changes nothing.
    expect(replaceBlock(out, 'versions', '| a |\n| - |\n| 1 |')).toBe(out);
  });

  it('refuses a page without the block instead of appending figures somewhere', () => {
    expect(() => replaceBlock('# Nothing here\n', 'versions', 'x')).toThrow(/versions:start/);
    expect(() => replaceBlock(page, 'bench', 'x')).toThrow(/bench:start/);
  });
});

describe('writeBlock', () => {
  it('writes the block Prettier-formatted (the table aligned)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-figures-'));
    try {
      const file = join(dir, 'releases.md');
      writeFileSync(file, page);
      await writeBlock(file, 'versions', '| release | time |\n| --- | --- |\n| 0.171.0 | 425 s |');
      expect(readFileSync(file, 'utf8')).toContain(
        '| release | time  |\n| ------- | ----- |\n| 0.171.0 | 425 s |',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
