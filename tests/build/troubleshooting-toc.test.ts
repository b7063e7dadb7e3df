/**
 * The troubleshooting page's contents list: every entry (each recorded message the page explains) is
 * its own h3 under its group's h2, listed in Starlight's table of contents, and its recorded lines
 * are quoted inside that entry's section and weighted for search (so an exact-message search ranks it first).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  resolveTrouble,
  TROUBLE_GROUPS,
  type MessageRecord,
} from '../../src/lib/site/troubleshooting.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const RECORDED = join(ROOT, 'tests', 'conformance', 'recorded');
const html = readFileSync(join(ROOT, 'dist', 'reference', 'troubleshooting', 'index.html'), 'utf8');
const records: Record<string, MessageRecord> = Object.fromEntries(
  readdirSync(RECORDED)
    .flatMap((f) => /^messages-(.+)\.json$/.exec(f)?.[1] ?? [])
    .map((s) => [s, JSON.parse(readFileSync(join(RECORDED, `messages-${s}.json`), 'utf8'))]),
);
const entries = resolveTrouble(records);

const decode = (s: string): string =>
  s
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&#x60;|&#96;/g, '`')
    .replace(/&amp;/g, '&');

/** The HTML of one entry: from its h3 to the next h2 or h3. */
function section(anchor: string): string {
  const at = html.indexOf(`<h3 id="${anchor}"`);
  if (at < 0) return '';
  const rest = html.slice(at + 3);
  const end = rest.search(/<h[23][\s>]/);
  return rest.slice(0, end < 0 ? undefined : end);
}

/** The links of Starlight's desktop table of contents. */
const toc = (/<starlight-toc[\s\S]*?<\/starlight-toc>/.exec(html)?.[0] ?? '').match(
  /href="#[^"]+"/g,
);

describe('troubleshooting: each message is its own entry in the contents list', () => {
  it('the contents list links every entry, in page order, after its group', () => {
    expect(toc, 'no <starlight-toc> on the page: is dist/ built?').not.toBeNull();
    const links = toc!.map((h) => h.slice(7, -1));
    for (const e of entries) {
      expect(links, e.anchor).toContain(e.anchor);
      const groupSlug = TROUBLE_GROUPS[e.group]
        .toLowerCase()
        .replace(/[^a-z0-9 -]/g, '')
        .replace(/ /g, '-');
      expect(links.indexOf(e.anchor), `${e.anchor} after ${groupSlug}`).toBeGreaterThan(
        links.indexOf(groupSlug),
      );
      expect(links.indexOf(groupSlug), groupSlug).toBeGreaterThanOrEqual(0);
    }
    // Page order: the list follows the headings as they appear.
    const onPage = entries
      .map((e) => e.anchor)
      .sort((a, b) => html.indexOf(`<h3 id="${a}"`) - html.indexOf(`<h3 id="${b}"`));
    expect(links.filter((l) => onPage.includes(l))).toEqual(onPage);
  });

  it('every recorded line an entry names is quoted under its own heading, weighted for search', () => {
    for (const e of entries) {
      const body = section(e.anchor);
      expect(body, `no <h3 id="${e.anchor}">`).not.toBe('');
      for (const l of e.lines) {
        const quoted = [
          ...body.matchAll(
            /<span data-pagefind-weight="10"><code data-codex-message[^>]*>([\s\S]*?)<\/code>/g,
          ),
        ].map((m) => decode(m[1] ?? ''));
        expect(quoted, `${e.anchor}: ${l.key}`).toContain(l.text);
      }
    }
  });

  it('the messages recorded for this page (troubleshoot, startup, tui) each have a heading', () => {
    const headed = new Set(entries.flatMap((e) => e.lines.map((l) => l.key)));
    const all = ['troubleshoot', 'startup', 'tui'].flatMap((s) =>
      Object.keys(records[s]!.messages).map((id) => `${s}:${id}`),
    );
    expect(all.filter((k) => !headed.has(k))).toEqual([]);
  });
});
