/**
 * The share-link vocabulary: every key a link may carry, the form field behind it and the label
 * the form gives it. src/lib/share/share.ts encodes and decodes with these; the reference page
 * (reference/share-links.mdx) lists SHARE_KEYS and fails the build when one is undocumented.
 */
import type { Shell } from '../generator/shells.ts';
import type { SettingsForm } from '../input/settings-form.ts';

export type TextField =
  | 'name'
  | 'envVar'
  | 'startupTimeoutSec'
  | 'toolTimeoutSec'
  | 'enabledTools'
  | 'disabledTools'
  | 'scopes'
  | 'oauthClientId'
  | 'oauthResource'
  | 'command'
  | 'args'
  | 'envVars'
  | 'cwd'
  | 'envHeaders';

// Link key -> form field, for plain text fields. Short, stable, documented on the reference page.
export const TEXT_KEYS: Record<string, TextField> = {
  name: 'name',
  env: 'envVar',
  startup: 'startupTimeoutSec',
  tooltimeout: 'toolTimeoutSec',
  allow: 'enabledTools',
  block: 'disabledTools',
  scopes: 'scopes',
  clientid: 'oauthClientId',
  resource: 'oauthResource',
  command: 'command',
  args: 'args',
  envvars: 'envVars',
  cwd: 'cwd',
  envheaders: 'envHeaders',
};
// How the form labels each text field, for "withheld" and "prefilled" messages.
export const TEXT_LABELS: Record<TextField, string> = {
  name: 'Server name',
  envVar: 'Environment variable',
  startupTimeoutSec: 'Startup timeout',
  toolTimeoutSec: 'Tool timeout',
  enabledTools: 'Allowed tools',
  disabledTools: 'Blocked tools',
  scopes: 'OAuth scopes',
  oauthClientId: 'OAuth client ID',
  oauthResource: 'OAuth resource',
  command: 'Command',
  args: 'Arguments',
  envVars: 'Pass-through variables',
  cwd: 'Working directory',
  envHeaders: 'Headers from environment variables',
};
export const ENUM_LABELS: Record<string, string> = {
  mode: 'Authentication',
  scope: 'Where the config lives',
  storage: 'Where the credential is kept',
  enabled: 'Enabled',
  required: 'Required',
  codex: 'Codex version',
  shell: 'Your shell',
};
export const ENUM_KEYS = [
  'mode',
  'scope',
  'storage',
  'enabled',
  'required',
  'codex',
  'shell',
] as const;
// Typed by Shell, so the compiler keeps it in step with src/lib/generator/shells.ts; a value import of that
// module would split it into its own chunk on every guide's critical path.
export const SHELL_NAMES: Record<Shell, string> = {
  posix: 'bash / zsh',
  fish: 'fish',
  powershell: 'PowerShell',
};
export const isShell = (value: string): value is Shell => Object.hasOwn(SHELL_NAMES, value);
// Link key -> "Advanced settings" field: approval modes and the top-level OAuth keys. Checked by
// the generator's settings (src/lib/generator/settings.ts), at encode and decode (link-fields.ts).
export const SETTINGS_KEYS: Record<string, keyof SettingsForm> = {
  approval: 'defaultApproval',
  toolapproval: 'toolApprovals',
  credstore: 'credentialsStore',
  callbackport: 'callbackPort',
  nobrowser: 'headless',
};
export const SETTINGS_LABELS: Record<keyof SettingsForm, string> = {
  defaultApproval: 'Tool approval for this server',
  toolApprovals: 'Per-tool approval',
  credentialsStore: 'Where OAuth tokens are kept',
  callbackPort: 'OAuth callback port',
  headless: 'No browser on this machine',
};
// Keys whose fields hold one item per line; in every other field a line break is refused like any control character.
export const MULTILINE_KEYS = new Set([
  'args',
  'allow',
  'block',
  'scopes',
  'envvars',
  'envheaders',
  'toolapproval',
]);
// Link keys that would carry a secret: never written, and ignored (with a notice) when a link has them.
// These are link keys, not form-field names: the form's secret `env` (stdio values) has no link key,
// while the link key `env` is the non-secret variable NAME. A unit test keeps the two lists apart.
export const SECRET_LINK_KEYS = new Set<string>([
  'secret',
  'user',
  'httpheaders',
  'token',
  'key',
  'password',
  'pat',
]);

// Names the server.json that prefilled an "Add to Codex" link (src/lib/server-json/link.ts); not a form field.
export const FROM_KEY = 'from';

/** Every key a link may carry, for the reference page. `p.` and `h.` prefix endpoint params and headers. */
export const SHARE_KEYS = [
  'v',
  ...ENUM_KEYS,
  ...Object.keys(TEXT_KEYS),
  ...Object.keys(SETTINGS_KEYS),
  'p.<param>',
  'h.<header>',
] as const;

/** One setting a link filled in, as the notice lists it. */
export interface Applied {
  key: string;
  label: string;
  value: string;
}
