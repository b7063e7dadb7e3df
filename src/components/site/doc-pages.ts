/** The docs collection as plain `DocPage`s (build time only), for the llms.txt endpoints. */
import { getCollection, getEntry } from 'astro:content';
import { generate } from '../../lib/generator/generate.ts';
import type { DocPage } from '../../lib/site/llms.ts';
import { presetSpec } from '../../lib/input/provider.ts';

const fence = (lang: string, text: string) => `\`\`\`${lang}\n${text.trimEnd()}\n\`\`\``;

/** The preset's outputs of one provider's generator, as Markdown. */
async function generatorMarkdown(id: string): Promise<string> {
  const entry = await getEntry('providers', id);
  if (!entry) return '';
  const { outputs } = generate(presetSpec(entry.data));
  if (!outputs) return '';
  return [
    outputs.env ? `Environment:\n\n${fence('sh', outputs.env.posix)}` : '',
    outputs.cli.posix
      ? `Command (bash / zsh):\n\n${fence('sh', outputs.cli.posix)}`
      : `No command: ${outputs.cli.reason}`,
    `${outputs.configPath}:\n\n${fence('toml', outputs.toml)}`,
    outputs.login ? `Login:\n\n${fence('sh', outputs.login)}` : '',
    `Verify:\n\n${fence('sh', outputs.verify)}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** Every published page except the home page, the 404 page and drafts. */
export async function docPages(): Promise<DocPage[]> {
  const entries = await getCollection(
    'docs',
    (e) => e.id !== 'index' && e.id !== '404' && !e.id.startsWith('scratch/') && !e.data.draft,
  );
  return Promise.all(
    entries.map(async (e) => {
      const body = e.body ?? '';
      const ids = [...body.matchAll(/<Generator\s[^>]*provider="([^"]+)"/g)].map((m) => m[1]!);
      const generators = Object.fromEntries(
        await Promise.all(ids.map(async (id) => [id, await generatorMarkdown(id)] as const)),
      );
      return {
        path: `/${e.id}/`,
        title: e.data.title,
        description: e.data.description ?? '',
        body,
        generators,
      };
    }),
  );
}
