/**
 * The entry as a Codex plugin, collapsed under the TOML block: `plugin.json` and `.mcp.json`, where
 * they go, and a link to the plugins reference for the marketplace steps. Loaded with the engine
 * (engine.ts), off the critical path; the build-time output does not include it.
 */
import { useState } from 'preact/hooks';
import type { PluginFilesProps } from './PluginFiles.tsx';

/** The site's page on plugins and marketplaces. */
export const PLUGINS_PAGE = '/reference/plugins/';

type Props = PluginFilesProps;
type Files = typeof import('./PluginFiles.tsx');

/** The "As a Codex plugin" section: the two files, or why they are withheld. */
export function PluginOutput({ outputs, spec, form, href, interactive, onCopied }: Props) {
  // Built and shown once opened: closed, nothing is computed per keystroke and no copy button is hidden in it.
  const [open, setOpen] = useState(false);
  // The files' code loads when first opened (kept out of the first interaction's budget).
  const [view, setView] = useState<Files | null>(null);
  const toggle = (isOpen: boolean) => {
    setOpen(isOpen);
    if (isOpen && !view) import('./PluginFiles.tsx').then(setView, () => undefined);
  };
  return (
    <details class="cmg-plugin-out" data-plugin onToggle={(e) => toggle(e.currentTarget.open)}>
      <summary>As a Codex plugin</summary>
      {open && view && (
        <view.PluginFilesView {...{ outputs, spec, form, href, interactive, onCopied }} />
      )}
    </details>
  );
}
