/** llms.txt: MDX becomes plain Markdown an agent can read; the index links every page. */
import { describe, expect, it } from 'vitest';
import { CODEX_VERSION } from '../../../src/lib/generator/generate.ts';
import { llmsFull, llmsIndex, mdxToMarkdown, type DocPage } from '../../../src/lib/site/llms.ts';

const page = (path: string, body = 'Body.'): DocPage => ({
  path,
  title: `T ${path}`,
  description: `D ${path}`,
  body,
});

describe('mdxToMarkdown', () => {
  it.each([
    // Imports are build-time plumbing, not content.
    ["import { Aside } from '@astrojs/starlight/components';\nText", 'Text'],
    // An aside keeps its title as a bold line and its text.
    ['<Aside type="caution" title="Careful">\nDo this.\n</Aside>', '**Careful**\n\nDo this.'],
    // A tab keeps its label as a heading-like bold line.
    ['<Tabs>\n<TabItem label="OAuth">\nA\n</TabItem>\n</Tabs>', '**OAuth**\n\nA'],
    // Steps vanish, their list stays.
    ['<Steps>\n1. One\n</Steps>', '1. One'],
    // A quoted Codex message stays as code; before, the component (and the message) vanished.
    ['Fails with <CodexMessage m="command is required" />.', 'Fails with `command is required`.'],
    // A command that names the server keeps the preset's name, inline or as a block.
    [
      'Run <NamedCommand inline cmd="codex mcp logout {name}" name="omni" /> first.',
      'Run `codex mcp logout omni` first.',
    ],
    [
      '1. Remove:\n\n   <NamedCommand cmd="codex mcp remove {name}" name="omni" />',
      '1. Remove:\n\n   ```sh\n   codex mcp remove omni\n   ```',
    ],
    // The pinned version, never a literal placeholder.
    ['Checked with codex-cli {CODEX_VERSION}.', `Checked with codex-cli ${CODEX_VERSION}.`],
  ])('%j', (mdx, expected) => {
    expect(mdxToMarkdown(mdx, 'https://x/')).toBe(expected);
  });

  it('replaces a generator with a pointer to the page and the preset output given', () => {
    const out = mdxToMarkdown(
      'Before\n\n<Generator provider="nekt" />\n\nAfter',
      'https://x/guides/nekt/',
      { nekt: '```sh\ncodex mcp list\n```' },
    );
    expect(out).toBe(
      "Before\n\n(Interactive generator: open https://x/guides/nekt/ to change the settings. The preset's output:)\n\n```sh\ncodex mcp list\n```\n\nAfter",
    );
  });
});

describe('llms.txt', () => {
  const pages = [page('/reference/a/'), page('/guides/b/'), page('/guides/a/'), page('/tools/d/')];

  it('links every page under its section, sorted, with absolute URLs', () => {
    const text = llmsIndex('https://site.example/', pages);
    expect(text.startsWith('# Codex × MCP\n\n> ')).toBe(true);
    const links = text.split('\n').filter((l) => l.startsWith('- ['));
    expect(links).toEqual([
      '- [T /guides/a/](https://site.example/guides/a/): D /guides/a/',
      '- [T /guides/b/](https://site.example/guides/b/): D /guides/b/',
      '- [T /reference/a/](https://site.example/reference/a/): D /reference/a/',
      '- [T /tools/d/](https://site.example/tools/d/): D /tools/d/',
    ]);
  });

  it('llms-full.txt holds every page once, with its source URL', () => {
    const text = llmsFull('https://site.example/', pages);
    expect(text.split('\n---\n')).toHaveLength(4);
    for (const p of pages) expect(text).toContain(`Source: https://site.example${p.path}`);
  });

  it('keeps a base path in the site root (GitHub Pages: https://you.github.io/REPO/)', () => {
    const index = llmsIndex('https://you.github.io/codex-mcp/', pages);
    expect(index).toContain('(https://you.github.io/codex-mcp/guides/a/)');
    expect(index).toContain(
      'Full text of every page: https://you.github.io/codex-mcp/llms-full.txt',
    );
    const full = llmsFull('https://you.github.io/codex-mcp', pages);
    expect(full).toContain('Source: https://you.github.io/codex-mcp/tools/d/');
  });
});
