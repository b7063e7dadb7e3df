/**
 * The merge diff reports only lines that changed: an unchanged region is never shown as removed and
 * added (a 428 KB "Merge all" reported 30,007 such lines), and the diff always rebuilds both files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineDiff, type DiffLine } from '../../../src/lib/config-file/line-diff.ts';
import { mergeServers } from '../../../src/lib/config-file/merge.ts';
import { bigConfig } from '../../../scripts/bench/doctor.ts';
import { cpu } from '../_support/cpu.ts';

const count = (d: DiffLine[], kind: DiffLine['kind']) => d.filter((l) => l.kind === kind).length;
const side = (d: DiffLine[], kind: 'added' | 'removed') =>
  d.filter((l) => l.kind === 'same' || l.kind === kind).map((l) => l.text);
const lines = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

describe('lineDiff: an unchanged region reports no lines', () => {
  it('a change at the top and one at the bottom of 30,000 lines: 2 removed, 2 added', () => {
    const body = Array.from({ length: 30_000 }, (_, i) => `line ${i % 50 === 0 ? '' : i}`);
    const before = ['head = 1', ...body, 'tail = 1'].join('\n');
    const after = ['head = 2', ...body, 'tail = 2'].join('\n');
    const { ms, value: d } = cpu(() => lineDiff(before, after));
    expect(count(d, 'removed')).toBe(2);
    expect(count(d, 'added')).toBe(2);
    expect(count(d, 'same')).toBe(30_000);
    expect(ms).toBeLessThan(2000);
  });

  it('a region repeated elsewhere in the file (no unique lines in it) is still matched', () => {
    const block = ['[x]', 'a = 1', 'b = 2'];
    const before = [...block, 'k', ...block, 'z'].join('\n');
    const after = [...block, 'k2', ...block, 'z'].join('\n');
    const d = lineDiff(before, after);
    expect([count(d, 'removed'), count(d, 'added')]).toEqual([1, 1]);
  });

  it('always rebuilds both texts from its lines (random files, seeded)', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'c', '[s]', 'x = 1', ''), { maxLength: 60 })
      .map((l) => l.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const d = lineDiff(before, after);
        expect(side(d, 'removed')).toEqual(lines(before));
        expect(side(d, 'added')).toEqual(lines(after));
      }),
      { numRuns: 400, seed: 20 },
    );
  });
});

describe('Merge all on a 428 KB file', () => {
  it('is fast and its diff shows only the replaced entries and the appended block', () => {
    const { text } = bigConfig(428 * 1024);
    const block = (name: string) => `[mcp_servers.${name}]\ncommand = "npx"\nargs = ["-y", "x"]\n`;
    // The first and the last servers replaced, and one new at the end: changes at both ends.
    const names = ['server-00000', 'server-00001', 'server-01500', 'zz-new'];
    const blocks = names.map((name) => ({ name, toml: block(name) }));
    const { ms, value } = cpu(() => {
      const result = mergeServers(text, blocks);
      return { result, diff: lineDiff(text, result.text) };
    });
    expect(value.result.merged).toEqual(names);
    expect(value.result.skipped).toEqual([]);
    expect(ms).toBeLessThan(2000);
    // Three entries of at most 9 lines replaced by 3-line blocks, plus 4 appended lines.
    expect(count(value.diff, 'removed')).toBeLessThanOrEqual(3 * 9);
    expect(count(value.diff, 'added')).toBeLessThanOrEqual(4 * 3 + 1);
    expect(side(value.diff, 'removed')).toEqual(lines(text));
    expect(side(value.diff, 'added')).toEqual(lines(value.result.text));
  });
});
