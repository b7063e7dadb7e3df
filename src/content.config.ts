import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { providerSchema } from './lib/input/provider-schema.ts';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  // Starlight looks this collection up for UI translations; declaring it (empty) silences its build warning.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  // Provider facts live as data in the top-level content/ folder, validated by the same zod schema the generator uses.
  providers: defineCollection({
    loader: glob({ pattern: '*.json', base: './content/providers' }),
    schema: providerSchema,
  }),
};
