/**
 * The order of a search result's sections (src/components/search/rank.ts): a pasted message lists the
 * section that quotes it first, not the longer section that mentions its words most often.
 */
import { describe, expect, it } from 'vitest';
import {
  longestRun,
  rankSections,
  SHOWN,
  type RankableResult,
} from '../../../src/components/search/rank.ts';

/** A page of sections (heading + text); sub-results as Pagefind makes them, one per section. */
function page(sections: [string, string][], withPage = false): RankableResult {
  const words: string[] = ['Intro', 'text.'];
  const anchors: RankableResult['anchors'] = [];
  for (const [heading, text] of sections) {
    anchors.push({ location: words.length, element: 'h3', text: heading });
    words.push(...heading.split(' '), ...text.split(' '));
  }
  // An id'd element inside a section is an anchor too, but not a section of its own.
  anchors.push({ location: 3, element: 'code', text: '' });
  const subs = anchors
    .filter((a) => a.element === 'h3')
    .map((a, i) => ({
      url: `/p/#s${i}`,
      anchor: a,
      // Long sections match more words: Pagefind's UI would list them first.
      locations: Array.from(
        { length: sections[i]![1].split(' ').length },
        (_, k) => a.location + k,
      ),
    }));
  return {
    url: '/p/',
    raw_content: words.join(' '),
    anchors,
    sub_results: withPage ? [{ url: '/p/', locations: [0] }, ...subs] : subs,
  };
}

const MSG = 'MCP startup incomplete (failed: x)';
const sections: [string, string][] = [
  [
    'Handshake failed',
    'MCP client for x failed to start: MCP startup failed: MCP MCP failed failed x x x',
  ],
  ['Other', 'nothing to see here at all'],
  ['Incomplete', `${MSG} is printed after the others.`],
  ['Timeout', 'MCP client timed out, MCP startup failed'],
  ['Fourth', 'MCP failed'],
];

describe('search: the section that quotes a pasted message comes first', () => {
  it('longestRun counts the longest unbroken run of the searched words', () => {
    expect(longestRun(['a', 'b', 'c'], ['x', 'a', 'b', 'y', 'a', 'b', 'c'])).toBe(3);
    expect(longestRun(['a', 'b'], ['b', 'a'])).toBe(1);
    expect(longestRun(['a'], [])).toBe(0);
  });

  it('a pasted message: its own section first, then the rest, at most SHOWN', () => {
    const ranked = rankSections(page(sections), MSG);
    expect(ranked[0]!.url).toBe('/p/#s2');
    expect(ranked.length).toBe(SHOWN);
  });

  it("the page's own entry stays first, as Pagefind's UI expects", () => {
    const ranked = rankSections(page(sections, true), MSG);
    expect(ranked.map((s) => s.url).slice(0, 2)).toEqual(['/p/', '/p/#s2']);
    expect(ranked.length).toBe(SHOWN + 1);
  });

  it('where the quote has "…", the words the section has decide between equal runs', () => {
    const r = page([
      ['A', 'worker quit when … code 401'],
      ['B', 'worker quit when … code 404'],
    ]);
    // Both sections hold "worker quit when" (the longest run); only B has "404".
    expect(rankSections(r, 'worker quit when Unauthorized 404')[0]!.url).toBe('/p/#s1');
    expect(rankSections(r, 'worker quit when Unauthorized 401')[0]!.url).toBe('/p/#s0');
  });

  it("a word or two keeps Pagefind's order", () => {
    const r = page(sections);
    expect(rankSections(r, 'MCP failed')).toBe(r.sub_results);
  });
});
