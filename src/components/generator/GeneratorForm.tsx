/**
 * The generator's form: every input for one provider, each with its messages next to it. Stateless:
 * the island owns the form state and the diagnostics (see GeneratorIsland.tsx).
 */
import type { ComponentChildren } from 'preact';
import { DEFAULT_STARTUP_TIMEOUT_SEC } from '../../lib/codex/defaults.ts';
import { configPath, type Platform } from '../../lib/generator/config-path.ts';
import type { Diagnostic } from '../../lib/generator/model.ts';
// The light form helpers only: reading the form (provider.ts) loads with the engine.
import { endpointOf, modeOf, offersStorage, type FormState } from '../../lib/input/form-state.ts';
import type { Provider } from '../../lib/input/provider-schema.ts';
import * as fields from '../shared/fields.tsx';
import { pure } from '../shared/pure.tsx';

// The island renders the form on every keystroke, which changes one field: each field renders again
// only when its own data changes (`pure`). Here, not in fields.tsx: the other islands' pages would
// load `pure` before their first interaction for no keystroke of theirs.
const Text = pure(fields.Text);
const Choice = pure(fields.Choice);
const Check = pure(fields.Check);

type TextKey =
  | 'scopes'
  | 'oauthClientId'
  | 'oauthResource'
  | 'startupTimeoutSec'
  | 'toolTimeoutSec'
  | 'enabledTools'
  | 'disabledTools';

const STARTUP_HELP = `Empty uses Codex's default of ${DEFAULT_STARTUP_TIMEOUT_SEC} s.`;

// The advanced text fields: [form key, label, help]. Their diagnostics use the same key.
const OAUTH_FIELDS: [TextKey, string, string][] = [
  ['scopes', 'OAuth scopes', "Comma-separated. Leave empty for the server's defaults."],
  ['oauthClientId', 'OAuth client ID', 'Only for servers without dynamic client registration.'],
  [
    'oauthResource',
    'OAuth resource',
    'RFC 8707 resource indicator, when the provider asks for one.',
  ],
];
const STDIO_FIELDS: ['command' | 'args' | 'envVars' | 'cwd', string, string, boolean][] = [
  [
    'command',
    'Command',
    'The program only, such as npx, uvx or a full path; arguments go below.',
    false,
  ],
  ['args', 'Arguments', 'One per line, exactly as the program should receive them.', true],
  [
    'envVars',
    'Pass-through variables',
    'Comma-separated names of variables from your shell to pass on; Codex passes only a few (HOME, PATH...) otherwise.',
    false,
  ],
  ['cwd', 'Working directory', 'Optional. A full path; Codex does not expand ~.', false],
];
const TUNING_FIELDS: [TextKey, string, string][] = [
  ['startupTimeoutSec', 'Startup timeout (seconds)', STARTUP_HELP],
  ['toolTimeoutSec', 'Tool timeout (seconds)', "Empty uses Codex's default."],
  ['enabledTools', 'Allowed tools', 'Comma-separated tool names; empty allows all.'],
  ['disabledTools', 'Blocked tools', 'Comma-separated tool names to hide from Codex.'],
];

/** Fields rendered inside the "Advanced settings" section (their `fieldOf` keys). */
export const ADVANCED_KEYS = new Set<string>([
  ...[...OAUTH_FIELDS, ...TUNING_FIELDS].map(([key]) => key),
  'enabled',
  'required',
]);

const SECRET_HELP =
  'Optional. Stays on this page: it is only used to fill in the lines below, never saved or sent, and never put in the share link.';

interface Props {
  id: string;
  provider: Provider;
  form: FormState;
  setForm: (update: (f: FormState) => FormState) => void;
  errorsOf: (key: string) => Diagnostic[];
  advancedOpen: boolean;
  setAdvancedOpen: (open: boolean) => void;
  /** Switches the sign-in method, keeping what still applies (see `switchMode` in src/lib/input/form.ts). */
  onMode: (modeId: string) => void;
  /** The sign-in methods whose user field is an e-mail address, shown unmasked. */
  emailModes: readonly string[];
  /** Whose paths the scope choice names (from the shell choice). */
  platform: Platform;
  /** The first fields (the shell and Codex version choices): they change every output. */
  lead?: ComponentChildren;
  /** More fields at the end of "Advanced settings" (the settings, once the engine has loaded). */
  advancedExtra?: ComponentChildren;
  /** A field just above "Advanced settings" ("No browser on this machine", once the engine has loaded). */
  beforeAdvanced?: ComponentChildren;
}

/** The form of one generator. */
export function GeneratorForm(props: Props) {
  const { id, provider, form, setForm, errorsOf, advancedOpen, setAdvancedOpen, onMode } = props;
  const mode = modeOf(provider, form);
  const update = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  return (
    <form
      class="cmg-form"
      aria-label={`${provider.name} settings`}
      onSubmit={(e) => e.preventDefault()}
      noValidate
    >
      {props.lead}
      {provider.authModes.length > 1 && (
        <Choice
          id={`${id}-mode`}
          legend="Authentication"
          value={form.mode}
          options={provider.authModes.map((m) => ({
            value: m.id,
            label: m.label,
            help: m.description,
          }))}
          onChange={onMode}
          messages={errorsOf('mode')}
        />
      )}
      <Text
        id={`${id}-name`}
        label="Server name"
        value={form.name}
        onInput={(v) => update('name', v)}
        messages={errorsOf('name')}
        help="The name Codex lists the server under. Letters, digits, - and _ work in every Codex version; which other characters do depends on the version."
      />
      {provider.scopes.length > 1 && (
        <Choice
          id={`${id}-scope`}
          legend="Where the config lives"
          value={form.scope}
          options={[
            {
              value: 'user',
              label: `User: ${configPath('user', props.platform)}`,
              help: 'Every project on this machine.',
            },
            {
              value: 'project',
              label: `Project: ${configPath('project', props.platform)}`,
              help: 'Only this project, once Codex trusts it. Written by hand: the CLI cannot add it.',
            },
          ].filter((o) => (provider.scopes as string[]).includes(o.value))}
          onChange={(v) => update('scope', v === 'project' ? 'project' : 'user')}
          messages={[]}
        />
      )}
      {mode.kind !== 'stdio' &&
        endpointOf(provider, form).params.map((p) => (
          <Text
            id={`${id}-p-${p.key}`}
            label={p.label}
            value={form.params[p.key] ?? ''}
            placeholder={p.placeholder}
            help={p.help}
            onInput={(v) => setForm((f) => ({ ...f, params: { ...f.params, [p.key]: v } }))}
            messages={errorsOf(`params.${p.key}`)}
          />
        ))}
      {(mode.kind === 'bearer' || mode.kind === 'header' || mode.kind === 'basic') && (
        <>
          {mode.kind === 'basic' && (
            <Text
              id={`${id}-user`}
              label={mode.userLabel}
              value={form.user}
              secret
              // An e-mail address is no secret to hide from the reader's own eyes; it still stays on the page.
              masked={!props.emailModes.includes(mode.id)}
              placeholder={mode.userPlaceholder}
              help={SECRET_HELP}
              onInput={(v) => update('user', v)}
              messages={errorsOf('user')}
            />
          )}
          <Text
            id={`${id}-secret`}
            label={mode.secretLabel}
            value={form.secret}
            secret
            placeholder={mode.placeholder}
            help={SECRET_HELP}
            onInput={(v) => update('secret', v)}
            messages={errorsOf('secret')}
          />
          {offersStorage(mode) && (
            <Choice
              id={`${id}-storage`}
              legend="Where the credential is kept"
              value={form.storage}
              options={[
                {
                  value: 'env',
                  label: 'In an environment variable (recommended)',
                  help: 'config.toml only names the variable; the secret stays in your shell.',
                },
                {
                  value: 'inline',
                  label:
                    mode.kind === 'basic'
                      ? 'Computed on this page, written into config.toml'
                      : 'Written into config.toml',
                  help:
                    mode.kind === 'basic'
                      ? 'This page encodes email:PAT as Base64 and the file then holds it in plaintext.'
                      : 'The file then holds the key in plaintext.',
                },
              ]}
              onChange={(v) => update('storage', v === 'inline' ? 'inline' : 'env')}
              messages={errorsOf('storage')}
            />
          )}
          {(mode.kind === 'bearer' || form.storage === 'env') && (
            <Text
              id={`${id}-env`}
              label="Environment variable"
              value={form.envVar}
              help="The name of the variable that holds the credential (not the credential itself)."
              onInput={(v) => update('envVar', v)}
              messages={errorsOf('envVar')}
            />
          )}
        </>
      )}
      {mode.kind === 'stdio' && (
        <>
          {STDIO_FIELDS.map(([key, label, help, multiline]) => (
            <Text
              id={`${id}-${key}`}
              label={label}
              value={form[key]}
              help={help}
              multiline={multiline}
              onInput={(v) => update(key, v)}
              messages={errorsOf(key)}
            />
          ))}
          <Text
            id={`${id}-env`}
            label="Environment for the server"
            value={form.env}
            secret
            multiline
            help="NAME=value, one per line. Written into config.toml in plaintext; stays on this page and never goes in the share link."
            onInput={(v) => update('env', v)}
            messages={errorsOf('env')}
          />
        </>
      )}
      {provider.customHeaders && mode.kind !== 'stdio' && (
        <>
          <Text
            id={`${id}-envHeaders`}
            label="Headers from environment variables"
            value={form.envHeaders}
            multiline
            help="Name: VARIABLE, one per line. Codex reads the value from that variable when it starts."
            onInput={(v) => update('envHeaders', v)}
            messages={errorsOf('envHeaders')}
          />
          <Text
            id={`${id}-httpHeaders`}
            label="Static headers"
            value={form.httpHeaders}
            secret
            multiline
            help="Name: value, one per line, written into config.toml as is (plaintext). Stays on this page; never in the share link."
            onInput={(v) => update('httpHeaders', v)}
            messages={errorsOf('httpHeaders')}
          />
        </>
      )}
      <ProviderHeaders {...props} />
      {props.beforeAdvanced}
      <details
        class="cmg-advanced"
        open={advancedOpen}
        onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}
      >
        <summary>Advanced settings</summary>
        {(mode.kind === 'oauth' ? [...OAUTH_FIELDS, ...TUNING_FIELDS] : TUNING_FIELDS).map(
          ([key, label, help]) => (
            <Text
              id={`${id}-${key}`}
              label={label}
              value={form[key]}
              help={help}
              onInput={(v) => update(key, v)}
              messages={errorsOf(key)}
            />
          ),
        )}
        <Check
          id={`${id}-enabled`}
          label="Enabled"
          checked={form.enabled}
          onChange={(v) => update('enabled', v)}
          messages={[]}
        />
        <Check
          id={`${id}-required`}
          label="Required (codex exec fails when the server does not start)"
          checked={form.required}
          onChange={(v) => update('required', v)}
          messages={errorsOf('required')}
        />
        {props.advancedExtra}
      </details>
    </form>
  );
}

/** The provider's own optional headers that apply to the chosen sign-in method. */
function ProviderHeaders({ id, provider, form, setForm, errorsOf }: Props) {
  const mode = modeOf(provider, form);
  const setHeader = (name: string, v: string) =>
    setForm((f) => ({ ...f, headers: { ...f.headers, [name]: v } }));
  return (
    <>
      {provider.headers
        .filter((h) => !h.modes || h.modes.includes(mode.id))
        .map((h) =>
          h.type === 'boolean' ? (
            <Choice
              id={`${id}-h-${h.name}`}
              legend={`${h.label} (${h.name})`}
              value={form.headers[h.name] ?? ''}
              options={[
                { value: '', label: 'Not sent', help: '' },
                { value: 'true', label: 'true', help: '' },
                { value: 'false', label: 'false', help: '' },
              ]}
              help={h.help}
              onChange={(v) => setHeader(h.name, v)}
              messages={errorsOf(`headers.${h.name}`)}
              inline
            />
          ) : (
            <Text
              id={`${id}-h-${h.name}`}
              label={`${h.label} (${h.name})`}
              value={form.headers[h.name] ?? ''}
              help={h.help}
              onInput={(v) => setHeader(h.name, v)}
              messages={errorsOf(`headers.${h.name}`)}
            />
          ),
        )}
    </>
  );
}
