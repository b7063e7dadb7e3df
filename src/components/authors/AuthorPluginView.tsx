/**
 * "As a Codex plugin in your repository" on the authors' page: the marketplace list and the
 * plugin's files for the server's own repository, and the README lines with the two install
 * commands; or why they are withheld. Loaded when the section is opened.
 */
import type { Provider } from '../../lib/input/provider.ts';
import type { Conversion, ServerJson } from '../../lib/server-json/index.ts';
import { InlineCode } from '../shared/fields.tsx';
import { CopyBlock } from '../team-kit/CopyBlock.tsx';
import { authorPlugin } from './author-plugin.ts';

interface Props {
  provider: Provider;
  server: ServerJson;
  conversion: Conversion;
  onCopied: (message: string) => void;
}

export function AuthorPluginView({ provider, server, conversion, onCopied }: Props) {
  const { files, readme, problems } = authorPlugin(provider, server, conversion);
  const block = { onCopied };
  if (!files)
    return (
      <ul class="cmg-general" data-sj="plugin-problems">
        {problems.map((m) => (
          <li class="cmg-msg cmg-error">
            <InlineCode text={m} />
          </li>
        ))}
      </ul>
    );
  return (
    <div data-sj="plugin-files">
      <p>Commit these files at the root of your repository:</p>
      {files.map((f) => (
        <CopyBlock kind={`sj-plugin:${f.path}`} title={f.path} text={f.text.trimEnd()} {...block} />
      ))}
      <CopyBlock
        kind="sj-plugin-readme"
        title="README lines (Markdown)"
        text={readme.trimEnd()}
        {...block}
      />
    </div>
  );
}
