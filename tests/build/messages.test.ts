/**
 * Every Codex message the site quotes (`<CodexMessage m="…" />`, rendered as `<code data-codex-message>`)
 * must be one the suites observed: a line recorded from the real CLI in
 * tests/conformance/recorded/messages-*.json. A reworded or invented message fails the build check.
 * "…" in a quote stands for a varying part: the pieces around it must appear in order in one line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist');
const RECORDED = join(ROOT, 'tests', 'conformance', 'recorded');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []));
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

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
const records = readdirSync(RECORDED)
  .filter((f) => /^messages-.*\.json$/.test(f))
  .map((f) => ({ file: f, ...(JSON.parse(readFileSync(join(RECORDED, f), 'utf8')) as { codexVersion: string; messages: Record<string, { text: string }> }) }));
const lines = records.flatMap((r) => Object.values(r.messages).map((m) => m.text));

const quotes = htmlFiles(DIST).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/<code data-codex-message[^>]*>([\s\S]*?)<\/code>/g)].map((m) => ({ page: file.slice(DIST.length), quote: decode(m[1] ?? '') })),
);

describe('Codex messages quoted by the site', () => {
  it('the record is for the pinned CLI', () => {
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(r.codexVersion, r.file).toBe(pkg.devDependencies['@openai/codex']);
  });

  it('the matcher treats … as a gap and nothing else', () => {
    expect(quoteMatches('failed to load … from', 'Error: failed to load MCP servers from ~/.codex')).toBe(true);
    expect(quoteMatches('failed to load bootstrap configuration', 'Error: failed to load MCP servers from ~/.codex')).toBe(false);
  });

  it(`every quoted message was printed by the real CLI`, () => {
    expect(quotes.length, 'no <CodexMessage> in the build: is dist/ built?').toBeGreaterThan(0);
    const unmatched = quotes.filter((q) => !lines.some((l) => quoteMatches(q.quote, l)));
    expect(unmatched, `quoted but never observed:\n${unmatched.map((u) => `${u.page}: ${u.quote}`).join('\n')}`).toEqual([]);
    console.log(`codex messages: ${quotes.length} quotes (${new Set(quotes.map((q) => q.quote)).size} distinct) matched against ${lines.length} recorded lines`);
  });
});
