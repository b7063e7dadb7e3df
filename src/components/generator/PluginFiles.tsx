/**
 * The plugin's two files with where they go, or every reason they are withheld: loaded when the
 * reader opens "As a Codex plugin" (PluginOutput.tsx), so none of it is first-interaction code.
 */
import type { Outputs } from '../../lib/generator/generate.ts';
import type { ServerSpec } from '../../lib/generator/model.ts';
import type { FormState } from '../../lib/input/form-state.ts';
import { PLUGIN_COMMANDS, PLUGIN_PATHS } from '../../lib/codex/plugins.ts';
import { jsonTokens } from '../../lib/generator/json-tokens.ts';
import { trimEndTokens } from '../../lib/generator/tokens.ts';
import { InlineCode } from '../shared/fields.tsx';
import { OutputBlock } from '../shared/OutputBlock.tsx';
import { pluginView } from './plugin-view.ts';

export interface PluginFilesProps {
  outputs: Outputs;
  spec: ServerSpec;
  form: FormState;
  /** PLUGINS_PAGE under the site's base (resolved at build time, Generator.astro). */
  href: string;
  interactive: boolean;
  onCopied: (message: string) => void;
}

/** The two files with where they go, or every reason they are withheld. */
export function PluginFilesView({
  outputs,
  spec,
  form,
  href,
  interactive,
  onCopied,
}: PluginFilesProps) {
  const { files, problems } = pluginView(outputs, spec, form);
  const block = { interactive, onCopied };
  return files ? (
    <>
      <p>
        In a folder named <code>{files.plugin}</code>, save these as{' '}
        <code>{PLUGIN_PATHS.manifest}</code> and <code>{PLUGIN_PATHS.servers}</code>. Variables
        appear by name only: each person exports their own.
      </p>
      <OutputBlock
        kind="plugin-json"
        title={`${files.plugin}/${PLUGIN_PATHS.manifest}`}
        tokens={trimEndTokens(jsonTokens(files.manifest))}
        {...block}
      />
      <OutputBlock
        kind="mcp-json"
        title={`${files.plugin}/${PLUGIN_PATHS.servers}`}
        tokens={trimEndTokens(jsonTokens(files.servers))}
        {...block}
      />
      <p>
        List the folder in a marketplace, then install it with{' '}
        <code>{`codex ${PLUGIN_COMMANDS.add.join(' ')} ${files.plugin}@MARKETPLACE`}</code>:{' '}
        <a href={href}>Plugins and marketplaces</a>.
      </p>
    </>
  ) : (
    <ul class="cmg-general" data-plugin-problems>
      {problems.map((d) => (
        <li class="cmg-msg cmg-error">
          <InlineCode text={d.message} />
        </li>
      ))}
    </ul>
  );
}
