/**
 * Orders a search result's sections (Pagefind's sub-results, one per heading) so the section that
 * holds the longest run of the searched words, in order, comes first. Pagefind's UI shows the three
 * sections with the most matching words, in page order: a pasted error message then lands on
 * whichever long entry mentions "MCP" and "failed" most, not on the entry that quotes the message.
 */

/** The parts of a Pagefind result this needs. */
export interface RankableResult {
  url: string;
  raw_content?: string;
  anchors?: { location: number; element?: string; text?: string; title?: string }[];
  sub_results: { url: string; locations: number[]; anchor?: { location: number } }[];
}

/** The sub-results the UI shows besides the page itself. */
export const SHOWN = 3;
/** Searches shorter than this many words keep Pagefind's order (a word or two is not a message). */
const MIN_WORDS = 3;

const words = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The length of the longest run of `q`'s words that occurs, in order and unbroken, in `text`. */
export function longestRun(q: readonly string[], text: readonly string[]): number {
  let best = 0;
  let prev = new Array<number>(text.length + 1).fill(0);
  for (const w of q) {
    const cur = new Array<number>(text.length + 1).fill(0);
    for (let j = 0; j < text.length; j++)
      if (text[j] === w) best = Math.max(best, (cur[j + 1] = prev[j]! + 1));
    prev = cur;
  }
  return best;
}

/**
 * The result's sub-results, best section first, at most SHOWN of them after
 * the page's own entry (which Pagefind's UI expects first, when there is one).
 */
export function rankSections<T extends RankableResult>(result: T, term: string): T['sub_results'] {
  const q = words(term);
  const subs = result.sub_results;
  if (q.length < MIN_WORDS || !result.raw_content) return subs;
  const page = subs[0]?.url === result.url ? subs.slice(0, 1) : [];
  const rest = subs.slice(page.length);
  // Pagefind counts word locations in its content split on whitespace.
  const all = result.raw_content.split(/[^\S\uFEFF]+/);
  // The anchors Pagefind makes sections of: headings with text, or elements with a title.
  const starts = (result.anchors ?? [])
    .filter(
      (a) => /\S/.test(a.title ?? '') || (/h\d/i.test(a.element ?? '') && /\S/.test(a.text ?? '')),
    )
    .map((a) => a.location)
    .sort((a, b) => a - b);
  const distinct = [...new Set(q)];
  const scored = rest.map((s, i) => {
    const from = s.anchor?.location ?? 0;
    const to = starts.find((l) => l > from) ?? all.length;
    const text = words(all.slice(from, to).join(' '));
    const has = new Set(text);
    // The longest run of the searched words in order, then how many of them the section has at all
    // (a pasted line differs from the quote where the quote has "…"), then what Pagefind's UI uses.
    return { s, i, run: longestRun(q, text), cover: distinct.filter((w) => has.has(w)).length };
  });
  scored.sort(
    (a, b) =>
      b.run - a.run ||
      b.cover - a.cover ||
      b.s.locations.length - a.s.locations.length ||
      a.i - b.i,
  );
  return [...page, ...scored.slice(0, SHOWN).map((x) => x.s)];
}
