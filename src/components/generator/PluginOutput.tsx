/**
 * The entry as a Codex plugin, collapsed under the TOML block: `plugin.json` and `.mcp.json`, where
 * they go, and a link to the plugins reference for the marketplace steps. Loaded with the engine
 * (engine.ts), off the critical path; the build-time output does not include it.
 */
import { useState } from 'preact/hooks';
import type { Outputs } from '../../lib/generator/generate.ts';
import type { ServerSpec } from '../../lib/generator/model.ts';
import type { FormState } from '../../lib/input/form-state.ts';
import { PLUGIN_COMMANDS, PLUGIN_PATHS } from '../../lib/codex/plugins.ts';
import { trimEndTokens } from '../../lib/generator/tokens.ts';
import { jsonTokens } from '../../lib/plugin/files.ts';
import { InlineCode } from '../shared/fields.tsx';
import { OutputBlock } from '../shared/OutputBlock.tsx';
import { pluginView } from './plugin-view.ts';

/** The site's page on plugins and marketplaces. */
export const PLUGINS_PAGE = '/reference/plugins/';

interface Props {
  outputs: Outputs;
  spec: ServerSpec;
  form: FormState;
  /** PLUGINS_PAGE under the site's base (resolved at build time, Generator.astro). */
  href: string;
  interactive: boolean;
  onCopied: (message: string) => void;
}

/** The "As a Codex plugin" section: the two files, or why they are withheld. */
export function PluginOutput({ outputs, spec, form, href, interactive, onCopied }: Props) {
  // Built and shown once opened: closed, nothing is computed per keystroke and no copy button is hidden in it.
  const [open, setOpen] = useState(false);
  return (
    <details class="cmg-plugin-out" data-plugin onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>As a Codex plugin</summary>
      {open && <PluginFilesView {...{ outputs, spec, form, href, interactive, onCopied }} />}
    </details>
  );
}

/** The two files with where they go, or every reason they are withheld. */
function PluginFilesView({ outputs, spec, form, href, interactive, onCopied }: Props) {
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
