/**
 * The "Advanced settings" fields for tool approval and, for OAuth servers, the top-level OAuth keys;
 * and the top-level block they produce. Loaded with the engine (engine.ts), like the logic in
 * src/lib/generator/settings.ts, so the value tables stay off every page's critical path.
 */
import { APPROVAL_MODES, enumIn, MCP_OAUTH_TOP_LEVEL } from '../../lib/codex/keys.ts';
import { CODEX_NEWEST, type Release } from '../../lib/codex/releases.ts';
import type { Diagnostic } from '../../lib/generator/model.ts';
import type { SettingsForm } from '../../lib/input/settings-form.ts';
import { Choice, Text } from '../shared/fields.tsx';
import { tomlTokens } from '../../lib/generator/toml.ts';
import { trimEndTokens } from '../../lib/generator/tokens.ts';
import { OutputBlock } from '../shared/OutputBlock.tsx';

// What each mode does, as codex-rs/core/src/mcp_tool_call.rs decides it (source, not a test).
const MODE_HELP: Record<string, string> = {
  auto: 'Codex decides from the hints the tool declares.',
  prompt: 'Asks before every call.',
  writes: 'Asks unless the tool declares itself read-only.',
  approve: 'Never asks.',
};
// Where each store keeps tokens, as codex-rs/config/src/types.rs documents it (source, not a test).
const STORE_HELP: Record<string, string> = {
  auto: 'The system keyring, or a file when no keyring is available.',
  file: 'CODEX_HOME/.credentials.json, readable by anything running as you. For machines without a keyring.',
  keyring: 'The system keyring only; signing in fails without one.',
};

interface FieldsProps {
  id: string;
  form: SettingsForm;
  onChange: (form: SettingsForm) => void;
  /** The messages for one settings field (`settings.KEY`). */
  messagesOf: (key: string) => Diagnostic[];
  /** True when the server signs in with OAuth: only then are the OAuth keys offered. */
  oauth: boolean;
  release?: Release;
}

/** Approval fields for every server, and the top-level OAuth fields for OAuth servers. */
export function SettingsFields({
  id,
  form,
  onChange,
  messagesOf,
  oauth,
  release = CODEX_NEWEST,
}: FieldsProps) {
  const set = (key: keyof SettingsForm) => (value: string) => onChange({ ...form, [key]: value });
  const modes = enumIn(APPROVAL_MODES, release);
  const unset = { value: '', label: "Codex's default", help: 'Nothing written.' };
  return (
    <div class="cmg-settings">
      <Choice
        id={`${id}-defaultApproval`}
        legend="Tool approval for this server (default_tools_approval_mode)"
        value={form.defaultApproval}
        options={[unset, ...modes.map((m) => ({ value: m, label: m, help: MODE_HELP[m] ?? '' }))]}
        onChange={set('defaultApproval')}
        messages={messagesOf('settings.defaultApproval')}
      />
      <Text
        id={`${id}-toolApprovals`}
        label="Per-tool approval"
        value={form.toolApprovals}
        multiline
        placeholder="read_file = approve"
        help={`TOOL = MODE, one per line; MODE is one of ${modes.join(', ')}. Written as [mcp_servers.NAME.tools.TOOL] tables.`}
        onInput={set('toolApprovals')}
        messages={messagesOf('settings.toolApprovals')}
      />
      {oauth && (
        <fieldset class="cmg-toplevel">
          <legend>OAuth on this machine: top-level keys, at the top of config.toml</legend>
          <p class="cmg-help">
            For headless, WSL or keyring-less machines. These keys apply to every OAuth server and
            go above the first [table] of your user config.toml, never inside [mcp_servers.NAME].
          </p>
          <Choice
            id={`${id}-credentialsStore`}
            legend="Where OAuth tokens are kept (mcp_oauth_credentials_store)"
            value={form.credentialsStore}
            options={[
              unset,
              ...MCP_OAUTH_TOP_LEVEL.mcp_oauth_credentials_store.map(({ value }) => ({
                value,
                label: value,
                help: STORE_HELP[value] ?? '',
              })),
            ]}
            onChange={set('credentialsStore')}
            messages={messagesOf('settings.credentialsStore')}
          />
          <Text
            id={`${id}-callbackPort`}
            label="OAuth callback port (mcp_oauth_callback_port)"
            value={form.callbackPort}
            placeholder="8765"
            help="A fixed port for the sign-in callback, for example one you forward from WSL or over SSH. Empty lets Codex pick one."
            onInput={set('callbackPort')}
            messages={messagesOf('settings.callbackPort')}
          />
        </fieldset>
      )}
    </div>
  );
}

interface TopLevelProps {
  text: string | null;
  path: string;
  interactive: boolean;
  onCopied: (message: string) => void;
}

/** The top-level block, labelled as belonging at the top of the user config, outside every table. */
export function TopLevelOutput({ text, path, interactive, onCopied }: TopLevelProps) {
  if (text === null) return null;
  return (
    <div class="cmg-toplevel-out" data-toplevel>
      <p>
        <strong>Top-level settings:</strong> put these lines at the top of <code>{path}</code>,
        above the first <code>[table]</code>, not inside <code>[mcp_servers.…]</code> (there Codex
        does not read them). One line per key in the whole file.
      </p>
      <OutputBlock
        kind="toml-top"
        title={`${path} (top of the file)`}
        tokens={trimEndTokens(tomlTokens(text))}
        interactive={interactive}
        onCopied={onCopied}
      />
    </div>
  );
}
