// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import csp from './src/integrations/csp.ts';

// https://astro.build/config
export default defineConfig({
  site: 'https://codex-mcp.example',
  // The site is static files only: no server, no adapter, no third-party requests.
  output: 'static',
  // Starlight turns on prefetch-all; pages here are small and the 1 KB script counts against the JS budget.
  prefetch: false,
  integrations: [
    starlight({
      title: 'Codex × MCP',
      description:
        'Connect the Codex CLI to MCP servers: guides and generators checked against the real CLI.',
      favicon: '/favicon.svg',
      customCss: ['./src/styles/custom.css'],
      // Same search, loaded when the reader opens it instead of on idle after every page load (issue 14).
      components: { Search: './src/components/search/Search.astro' },
      // Long commands wrap instead of scrolling: Expressive Code turns every overflowing block into an
      // unnamed role="region", and two of those on one page fail axe's landmark-unique rule.
      expressiveCode: { defaultProps: { wrap: true } },
      sidebar: [
        { label: 'Start here', items: [{ label: 'Overview', link: '/' }] },
        // Guides are ordered by name (frontmatter `sidebar.order`); "Any MCP server" comes last.
        { label: 'Provider guides', items: [{ autogenerate: { directory: 'guides' } }] },
        { label: 'Tools', items: [{ autogenerate: { directory: 'tools' } }] },
        { label: 'Reference', items: [{ autogenerate: { directory: 'reference' } }] },
      ],
    }),
    preact(),
    csp(),
  ],
});
