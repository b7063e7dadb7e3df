/**
 * Every Codex message the site quotes (`<CodexMessage m="…" />`, rendered as `<code data-codex-message>`)
 * must be one the suites observed: a line recorded from the real CLI in
 * tests/conformance/recorded/messages-*.json. A reworded or invented message fails the build check.
 * "…" in a quote stands for a varying part: the pieces around it must appear in order in one line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTrouble } from '../../src/lib/site/troubleshooting.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const RECORDED = join(ROOT, 'tests', 'conformance', 'recorded');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? htmlFiles(join(dir, e.name))
      : e.name.endsWith('.html')
        ? [join(dir, e.name)]
        : [],
  );
}

function decode(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&#x60;|&#96;/g, '`')
    .replace(/&amp;/g, '&');
}

/** Whether `quote` (with "…" as a wildcard) occurs in `line`. */
export function quoteMatches(quote: string, line: string): boolean {
  let at = 0;
  for (const piece of quote.split('…')) {
    const i = line.indexOf(piece, at);
    if (i < 0) return false;
    at = i + piece.length;
  }
  return true;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};
const records = readdirSync(RECORDED)
  .filter((f) => /^messages-.*\.json$/.test(f))
  .map((f) => ({
    file: f,
    ...(JSON.parse(readFileSync(join(RECORDED, f), 'utf8')) as {
      codexVersion: string;
      messages: Record<string, { command: string; text: string }>;
    }),
  }));
const lines = records.flatMap((r) => Object.values(r.messages).map((m) => m.text));

const quotes = htmlFiles(DIST).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/<code data-codex-message[^>]*>([\s\S]*?)<\/code>/g)].map(
    (m) => ({ page: file.slice(DIST.length), quote: decode(m[1] ?? '') }),
  ),
);

describe('Codex messages quoted by the site', () => {
  it('the record is for the pinned CLI', () => {
    expect(records.length).toBeGreaterThan(0);
    for (const r of records)
      expect(r.codexVersion, r.file).toBe(pkg.devDependencies['@openai/codex']);
  });

  it('the matcher treats … as a gap and nothing else', () => {
    expect(
      quoteMatches('failed to load … from', 'Error: failed to load MCP servers from ~/.codex'),
    ).toBe(true);
    expect(
      quoteMatches(
        'failed to load bootstrap configuration',
        'Error: failed to load MCP servers from ~/.codex',
      ),
    ).toBe(false);
  });

  it(`every quoted message was printed by the real CLI`, () => {
    expect(quotes.length, 'no <CodexMessage> in the build: is dist/ built?').toBeGreaterThan(0);
    const unmatched = quotes.filter((q) => !lines.some((l) => quoteMatches(q.quote, l)));
    expect(
      unmatched,
      `quoted but never observed:\n${unmatched.map((u) => `${u.page}: ${u.quote}`).join('\n')}`,
    ).toEqual([]);
    console.log(
      `codex messages: ${quotes.length} quotes (${new Set(quotes.map((q) => q.quote)).size} distinct) matched against ${lines.length} recorded lines`,
    );
  });
});

/** The text Pagefind indexed for one page, from its fragment files (gzip, then `pagefind_dcd` + JSON). */
function pagefindContent(url: string): string | undefined {
  const dir = join(DIST, 'pagefind', 'fragment');
  for (const f of readdirSync(dir)) {
    const text = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
    const doc = JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
    if (doc.url === url) return doc.content;
  }
  return undefined;
}

describe('the troubleshooting page', () => {
  const page = '/reference/troubleshooting/index.html';
  const entries = resolveTrouble(
    Object.fromEntries(records.map((r) => [r.file.replace(/^messages-|\.json$/g, ''), r])),
  );
  const wanted = entries.flatMap((e) => e.lines.map((l) => l.text));

  it('quotes every recorded message its table names', () => {
    expect(entries.flatMap((e) => e.missing)).toEqual([]);
    const onPage = new Set(quotes.filter((q) => q.page === page).map((q) => q.quote));
    expect(wanted.filter((t) => !onPage.has(t))).toEqual([]);
  });

  it('Pagefind indexed the page with every message, so pasting one into search finds it', () => {
    const content = pagefindContent('/reference/troubleshooting/');
    expect(content, 'the troubleshooting page is not in the search index').toBeDefined();
    // Pagefind collapses whitespace; "…" parts are matched as gaps, as in the quote check.
    const flat = content!.replace(/\s+/g, ' ');
    expect(wanted.filter((t) => !quoteMatches(t.replace(/\s+/g, ' '), flat))).toEqual([]);
    console.log(
      `troubleshooting: ${entries.length} entries, ${wanted.length} quoted lines, all in the search index`,
    );
  });
});
