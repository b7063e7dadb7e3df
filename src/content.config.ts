import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { providerSchema } from './lib/provider-schema.ts';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  // Provider facts live as data in the top-level content/ folder, validated by the same zod schema the generator uses.
  providers: defineCollection({ loader: glob({ pattern: '*.json', base: './content/providers' }), schema: providerSchema }),
};
