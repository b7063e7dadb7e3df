// A default Starlight site (the `starlight` template's shape, nothing customised), built by
// `npm run bench` from this repository's node_modules as the baseline every figure is compared with.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  integrations: [
    starlight({
      title: 'Baseline',
      sidebar: [{ label: 'Guides', items: [{ autogenerate: { directory: 'guides' } }] }],
    }),
  ],
});
