/**
 * For a server's own repository: the server as a one-plugin Codex marketplace (the marketplace list
 * and the plugin's two files, src/lib/plugin), so readers install it with two commands, and the
 * README lines that say so. Loaded when the authors' page opens its plugin section.
 */
import { PLUGIN_COMMANDS } from '../../lib/codex/plugins.ts';
import type { Provider } from '../../lib/input/provider.ts';
import { pluginNameFor } from '../../lib/plugin/files.ts';
import { marketplace, REPO_PLACEHOLDER, type RepoFile } from '../../lib/plugin/marketplace.ts';
import type { Conversion, ServerJson } from '../../lib/server-json/index.ts';
import { fence } from '../../lib/server-json/link.ts';
import { conversionPlugin } from '../team-kit/kit.ts';

/** What the authors' page shows: the files for the repository and the README lines, or why not. */
export interface AuthorPlugin {
  files: RepoFile[] | null;
  readme: string;
  problems: string[];
}

/** `OWNER/REPO` from a server.json's GitHub repository URL, or "" for any other host. */
export function githubRepo(url: string): string {
  const m = /^https:\/\/github\.com\/([A-Za-z0-9-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url);
  return m ? `${m[1]}/${m[2]}` : '';
}

/** The marketplace files for the server's repository (no README.md: the author has one). */
export function authorPlugin(
  provider: Provider,
  server: ServerJson,
  conversion: Conversion,
): AuthorPlugin {
  const { source, problems } = conversionPlugin(provider, conversion);
  if (!source) return { files: null, readme: '', problems };
  const name = pluginNameFor(source.server);
  const repo = githubRepo(server.repositoryUrl);
  const built = marketplace({ name, repo, plugins: [{ ...source, plugin: name }] });
  if (!built.files)
    return { files: null, readme: '', problems: built.diagnostics.map((d) => d.message) };
  const codex = (argv: readonly string[], arg: string) => ['codex', ...argv, arg].join(' ');
  const readme = [
    '### Install as a Codex plugin',
    '',
    fence(
      'sh',
      [
        codex(PLUGIN_COMMANDS.marketplaceAdd, repo || REPO_PLACEHOLDER),
        codex(PLUGIN_COMMANDS.add, `${name}@${name}`),
      ].join('\n'),
    ),
    '',
    ...(source.env.length > 0
      ? ['Set the variables above in the shell that starts Codex: the plugin names them only.', '']
      : []),
  ].join('\n');
  return { files: built.files.filter((f) => f.path !== 'README.md'), readme, problems: [] };
}
