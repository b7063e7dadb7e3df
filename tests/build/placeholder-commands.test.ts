/**
 * No built page shows, without JavaScript, a `codex mcp add` that would run with a placeholder host
 * (YOUR-CINATRA-HOST, {instance}): such a command looks runnable and connects nowhere. A preset that
 * still holds its example host shows the TOML block and a note instead (Generator.astro).
 * Run `npx astro build` first.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdsPlaceholder } from '../../src/lib/input/boundary.ts';
import { htmlPages } from '../support/budget.ts';

const DIST = 'dist';
const pages = htmlPages(DIST);

/** The text of every code block of a page as the reader sees it: tags dropped, entities decoded. */
function codeBlocks(html: string): string[] {
  const text = (inner: string) =>
    inner
      .replace(/<[^>]*>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&amp;/g, '&');
  const blocks = [...html.matchAll(/<pre\b[^>]*>([\s\S]*?)<\/pre>/g)].map((m) => text(m[1]!));
  // Code blocks whose copy text sits in an attribute (Expressive Code's data-code, \u007f = new line).
  const copied = [...html.matchAll(/data-code="([^"]*)"/g)].map((m) =>
    text(m[1]!).replace(/\u007f/g, '\n'),
  );
  return [...blocks, ...copied];
}

/** The `codex mcp add` lines of a page's code blocks that still hold a placeholder. */
export function placeholderCommands(html: string): string[] {
  return codeBlocks(html)
    .flatMap((block) => block.split('\n'))
    .map((line) => line.trim())
    .filter((line) => /^codex\s+mcp\s+add\b/.test(line))
    .filter((line) => holdsPlaceholder(line) || /\byour[-_]/i.test(line));
}

describe('no runnable command with a placeholder host', () => {
  it('finds the pages, and tells a placeholder command from a real one', () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
    expect(
      placeholderCommands(
        '<pre data-output="cli"><code><span>codex mcp add cinatra --url https://YOUR-CINATRA-HOST/api/mcp</span></code></pre>',
      ),
    ).toHaveLength(1);
    expect(
      placeholderCommands('<pre><code>codex mcp add x --url https://{instance}/mcp</code></pre>'),
    ).toHaveLength(1);
    expect(
      placeholderCommands(
        '<pre><code>codex mcp add omni --url https://acme.omniapp.co/mcp</code></pre>',
      ),
    ).toEqual([]);
  });

  it.each(pages.map((f) => [relative(DIST, f), f]))('%s', (_, file) => {
    expect(placeholderCommands(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('the placeholder presets show their TOML block, the placeholder and a note, without JavaScript', () => {
    for (const [guide, segment] of [
      ['cinatra', 'YOUR-CINATRA-HOST'],
      ['custom', 'YOUR-SERVER'],
    ] as const) {
      const html = readFileSync(`${DIST}/guides/${guide}/index.html`, 'utf8');
      expect(html).not.toMatch(/data-output="cli/);
      expect(html).toMatch(/data-output="toml"/);
      expect(html).toContain(`the placeholder <code>${segment}</code>`);
    }
  });
});
