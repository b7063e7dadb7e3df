// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import csp from './src/integrations/csp.ts';
import engineChunk from './src/integrations/engine-chunk.ts';
import baseLinks from './src/integrations/base-links.ts';
import { normalBase } from './src/lib/site/base.ts';

// Where the site is published, from the environment, so any host works without editing code
// (docs/deploy.md): SITE_URL is the origin (https://you.github.io), BASE_PATH the sub-path (/REPO/).
// Without SITE_URL the build is for this machine: the address `npm start` serves.
const site = process.env.SITE_URL || 'http://127.0.0.1:4321';
const base = normalBase(process.env.BASE_PATH || '/');
// One image for every page's link card in chat (public/og.png, 1200×630).
const ogImage = new URL('og.png', new URL(base, site)).href;

// https://astro.build/config
export default defineConfig({
  site,
  base,
  // The site is static files only: no server, no adapter, no third-party requests.
  output: 'static',
  // Starlight turns on prefetch-all; pages here are small and the 1 KB script counts against the JS budget.
  prefetch: false,
  vite: {
    plugins: [
      // The guide's generator engine in one chunk instead of nine (the first-interaction budget).
      // smol-toml's `stringify` is the one part of that package the engine uses; the doctor imports
      // the package's index on its own, for `parse`.
      engineChunk({
        engine: new URL('./src/components/generator/engine.ts', import.meta.url),
        name: 'generator',
        alsoTake: /[\\/]smol-toml[\\/]dist[\\/]stringify\.js$/,
      }),
    ],
    build: {
      rollupOptions: {
        // smol-toml's modules have no side effects, but its package does not say so: without this its
        // index keeps the doctor's TOML parser (~4 KB gzipped) in the generator engine's chunk, which
        // only needs `stringify` (the after-first-interaction budget, tests/support/budget.ts).
        // Every other module keeps what its package says (undefined: the default).
        treeshake: {
          moduleSideEffects: (id) => (/[\\/]smol-toml[\\/]/.test(id) ? false : undefined),
        },
      },
    },
  },
  integrations: [
    starlight({
      title: 'Codex × MCP',
      description:
        'Connect the Codex CLI to MCP servers: guides and generators checked against the real CLI.',
      favicon: '/favicon.svg',
      // Starlight writes og:title, og:description and og:url per page; the image is the site's one card.
      head: [
        { tag: 'meta', attrs: { property: 'og:image', content: ogImage } },
        { tag: 'meta', attrs: { property: 'og:image:width', content: '1200' } },
        { tag: 'meta', attrs: { property: 'og:image:height', content: '630' } },
        {
          tag: 'meta',
          attrs: {
            property: 'og:image:alt',
            content: 'Codex × MCP: connect the Codex CLI to MCP servers',
          },
        },
        { tag: 'meta', attrs: { name: 'twitter:image', content: ogImage } },
      ],
      customCss: ['./src/styles/custom.css'],
      // Same search, loaded when the reader opens it instead of on idle after every page load (issue 14).
      components: { Search: './src/components/search/Search.astro' },
      // Adds the troubleshooting entries (rendered from the message record) to that page's contents list.
      routeMiddleware: './src/routeData.ts',
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
    // Root-relative links in Markdown get the base path (Astro leaves them alone).
    baseLinks(base),
    csp(),
  ],
});
