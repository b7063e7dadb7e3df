/**
 * Puts the site's base path (`BASE_PATH`) in front of every root-relative link and image in
 * Markdown and MDX pages, so `[Troubleshooting](/reference/troubleshooting/)` is written once and
 * works on a domain of its own and under GitHub Pages' `/REPO/` alike (Astro leaves such links
 * alone). A hast plugin for Astro's Markdown processor (Sätteri), added the way Starlight adds its
 * own. JSX attributes (`<a href={…}>`, components) are not Markdown: they call `withBase`
 * (src/lib/site/base.ts) themselves, and the sub-path build check finds any that do not.
 */
import type { AstroIntegration } from 'astro';
import { withBase } from '../lib/site/base.ts';

/** The part of a hast element the plugin reads. */
interface LinkElement {
  properties?: Record<string, unknown>;
}

/** The part of Sätteri's visitor context the plugin uses. */
interface Context {
  setProperty(node: LinkElement, key: string, value: unknown): void;
}

/** The Sätteri hast plugin: visits `<a>` and `<img>` and rewrites root-relative `href`/`src`. */
export function baseLinksPlugin(base: string) {
  return {
    name: 'codex-mcp:base-links',
    element: {
      filter: ['a', 'img'],
      visit(node: LinkElement, ctx: Context): void {
        for (const key of ['href', 'src']) {
          const value = node.properties?.[key];
          if (typeof value !== 'string') continue;
          const rewritten = withBase(value, base);
          if (rewritten !== value) ctx.setProperty(node, key, rewritten);
        }
      },
    },
  };
}

/** The integration: adds the plugin to the configured Markdown processor (MDX uses the same one). */
export default function baseLinks(base: string): AstroIntegration {
  return {
    name: 'codex-mcp:base-links',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const processor = config.markdown.processor as
          { name?: string; options?: { hastPlugins?: unknown[] } } | undefined;
        const plugins = processor?.options?.hastPlugins;
        // Without the plugin, Markdown links would point outside a sub-path site: fail the build loudly.
        if (processor?.name !== 'satteri' || !Array.isArray(plugins))
          throw new Error(
            `codex-mcp:base-links needs Astro's Sätteri Markdown processor, found ${processor?.name ?? 'none'}`,
          );
        if (base !== '/') logger.info(`Markdown links get the base path ${base}`);
        plugins.push(baseLinksPlugin(base));
      },
    },
  };
}
