/**
 * `llms.txt` and `llms-full.txt` (https://llmstxt.org): the guides as plain Markdown an agent such
 * as Codex can read. Pure: the page list comes in, text comes out.
 */
import { CODEX_VERSION, DEFAULT_STARTUP_TIMEOUT_SEC } from '../generator/generate.ts';

/** One documentation page as the build sees it. */
export interface DocPage {
  /** Site path, e.g. `/guides/nekt/`. */
  path: string;
  title: string;
  description: string;
  /** The raw MDX body. */
  body: string;
  /** For each `<Generator provider="id" />` on the page, the preset's outputs as Markdown. */
  generators?: Record<string, string>;
}

/** MDX to plain Markdown: imports dropped, components reduced to their text, the generator to a pointer. */
export function mdxToMarkdown(
  body: string,
  pageUrl: string,
  generators: Record<string, string> = {},
): string {
  return (
    body
      .replace(/^import\s.+$/gm, '')
      .replace(/<Generator\s[^>]*provider="([^"]+)"[^>]*\/>/g, (_, id: string) =>
        [
          `(Interactive generator: open ${pageUrl} to change the settings. The preset's output:)`,
          generators[id] ?? '',
        ].join('\n\n'),
      )
      .replace(/<Aside[^>]*title="([^"]*)"[^>]*>/g, '**$1**\n')
      // The site's own text components: a quoted Codex message, a command naming the server, the pinned version.
      .replace(/<CodexMessage\s+m="([^"]*)"\s*\/>/g, '`$1`')
      .replace(
        /<NamedCommand\s+inline\s+cmd="([^"]*)"\s+name="([^"]*)"\s*\/>/g,
        (_, cmd: string, name: string) => `\`${cmd.replace('{name}', name)}\``,
      )
      .replace(
        /^( *)<NamedCommand\s+cmd="([^"]*)"\s+name="([^"]*)"\s*\/>/gm,
        (_, ind: string, cmd: string, name: string) =>
          `${ind}\`\`\`sh\n${ind}${cmd.replace('{name}', name)}\n${ind}\`\`\``,
      )
      .replace(/\{CODEX_VERSION\}/g, CODEX_VERSION)
      .replace(/\{DEFAULT_STARTUP_TIMEOUT_SEC\}/g, String(DEFAULT_STARTUP_TIMEOUT_SEC))
      .replace(
        /<\/?(Aside|Steps|Tabs|TabItem|Card|CardGrid|LinkCard|Badge|small)\b[^>]*>/g,
        (tag) => {
          const label = /label="([^"]*)"/.exec(tag);
          return label ? `\n**${label[1]}**\n` : '';
        },
      )
      .replace(/<[A-Z][A-Za-z]*\b[^>]*\/>/g, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/** A site path under the site's root, which may hold a base path (`https://you.github.io/REPO/`). */
const at = (path: string, site: string): string =>
  new URL(path.replace(/^\/+/, ''), site.endsWith('/') ? site : `${site}/`).href;

function sorted(pages: readonly DocPage[]): DocPage[] {
  return [...pages].sort((a, b) => a.path.localeCompare(b.path));
}

/** The index: what the site is, then one link per page with its description. */
export function llmsIndex(
  /** The site's root URL, base path included. */
  site: string,
  pages: readonly DocPage[],
): string {
  const link = (p: DocPage) => `- [${p.title}](${at(p.path, site)}): ${p.description}`;
  const section = (title: string, prefix: string) => {
    const items = sorted(pages).filter((p) => p.path.startsWith(prefix));
    return items.length > 0 ? [`## ${title}`, '', ...items.map(link), ''] : [];
  };
  return [
    '# Codex × MCP',
    '',
    `> Guides and exact generated commands for connecting the Codex CLI (${CODEX_VERSION}) to MCP servers. Every command and \`[mcp_servers.NAME]\` block the site generates is checked against the real CLI.`,
    '',
    `Full text of every page: ${at('/llms-full.txt', site)}`,
    '',
    ...section('Provider guides', '/guides/'),
    ...section('Reference', '/reference/'),
    ...section('Tools', '/tools/'),
  ].join('\n');
}

/** Every page in full, as Markdown, separated by rules. */
export function llmsFull(site: string, pages: readonly DocPage[]): string {
  return sorted(pages)
    .map((p) => {
      const url = at(p.path, site);
      return [
        `# ${p.title}`,
        '',
        `Source: ${url}`,
        '',
        p.description,
        '',
        mdxToMarkdown(p.body, url, p.generators),
      ].join('\n');
    })
    .join('\n\n---\n\n');
}
