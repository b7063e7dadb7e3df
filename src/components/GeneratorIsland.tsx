/**
 * The live generator: a provider preset plus the reader's inputs become the exact `codex mcp add`
 * command, TOML block, env lines and login/verify commands, all in the browser.
 * State lives here; every output comes from `src/lib` (pure, tested against the real CLI).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Diagnostic, ServerSpec } from '../lib/model.ts';
import type { Generated } from '../lib/generate.ts';
import type { LinkNotice, LinkReport } from './LinkNotice.tsx';
// The light form helpers only: reading the form (provider.ts) loads with the engine.
import { defaultForm, endpointOf, fillEndpoint, modeOf, offersStorage, type FormState } from '../lib/form-state.ts';
import type { Provider } from '../lib/provider-schema.ts';
import { emptySpec } from '../lib/model.ts';
import { loadHighlighterWarm, type Highlighter, type Lang } from './highlight.ts';
import { layeredHighlighter, type Prehighlighted } from './prehighlight.ts';
import { copyText, useAnnouncer } from './live.ts';
import { OutputBlock } from './OutputBlock.tsx';
import { Check, Choice, Text } from './fields.tsx';

interface Props {
  provider: Provider;
  /** The preset's output, computed at build time: shown until the engine loads. */
  initial: Generated;
  /** The initial outputs highlighted at build time (Generator.astro), so no highlighter loads before the first interaction. */
  prehighlighted?: Prehighlighted;
  /** Build time only: hears each text the island would highlight but has no tokens for. */
  onUnhighlighted?: (code: string, lang: Lang) => void;
}

type Engine = typeof import('./engine.ts');
let engineLoading: Promise<Engine> | undefined;
/** Loads the generator engine once per page, shared by every island on it. */
const loadEngine = (): Promise<Engine> => (engineLoading ??= import('./engine.ts'));

type Shell = 'posix' | 'fish' | 'powershell';
type TextKey = 'scopes' | 'oauthClientId' | 'oauthResource' | 'startupTimeoutSec' | 'toolTimeoutSec' | 'enabledTools' | 'disabledTools';

// The advanced text fields: [form key, label, help]. Their diagnostics use the same key.
const OAUTH_FIELDS: [TextKey, string, string][] = [
  ['scopes', 'OAuth scopes', 'Comma-separated. Leave empty for the server\'s defaults.'],
  ['oauthClientId', 'OAuth client ID', 'Only for servers without dynamic client registration.'],
  ['oauthResource', 'OAuth resource', 'RFC 8707 resource indicator, when the provider asks for one.'],
];
const STDIO_FIELDS: ['command' | 'args' | 'envVars' | 'cwd', string, string, boolean][] = [
  ['command', 'Command', 'The program only, such as npx, uvx or a full path; arguments go below.', false],
  ['args', 'Arguments', 'One per line, exactly as the program should receive them.', true],
  ['envVars', 'Pass-through variables', 'Comma-separated names of variables from your shell to pass on; Codex passes only a few (HOME, PATH...) otherwise.', false],
  ['cwd', 'Working directory', 'Optional. A full path; Codex does not expand ~.', false],
];
const TUNING_FIELDS: [TextKey, string, string][] = [
  ['startupTimeoutSec', 'Startup timeout (seconds)', 'Empty uses Codex\'s default of 30 s.'],
  ['toolTimeoutSec', 'Tool timeout (seconds)', 'Empty uses Codex\'s default.'],
  ['enabledTools', 'Allowed tools', 'Comma-separated tool names; empty allows all.'],
  ['disabledTools', 'Blocked tools', 'Comma-separated tool names to hide from Codex.'],
];

// Fields rendered inside the "Advanced settings" section (their `fieldOf` keys).
const ADVANCED_KEYS = new Set<string>([...[...OAUTH_FIELDS, ...TUNING_FIELDS].map(([key]) => key), 'enabled', 'required']);

/** The first field of the form marked with an error, in page order. */
const firstErrorField = (root: HTMLElement | null): Element | null | undefined => root?.querySelector('.cmg-form .cmg-error')?.closest('.cmg-field, fieldset');

/** Which form field a diagnostic belongs to, so the message shows next to it. */
export function fieldOf(d: Diagnostic, spec: ServerSpec, provider: Provider, form: FormState): string {
  const [head, index, part] = d.field.split('.');
  switch (head) {
    case 'name':
    case 'startupTimeoutSec':
    case 'toolTimeoutSec':
    case 'enabledTools':
    case 'disabledTools':
    case 'scopes':
    case 'oauthClientId':
    case 'oauthResource':
    case 'required':
      return head;
    case 'auth':
      return 'mode';
    case 'url': {
      const first = endpointOf(provider, form).params[0];
      return first ? `params.${first.key}` : 'general';
    }
    case 'command':
    case 'args':
    case 'env':
    case 'envVars':
    case 'cwd':
      return head;
    case 'bearerTokenEnvVar':
      return 'envVar';
    case 'envHttpHeaders': {
      const header = index === undefined ? undefined : spec.envHttpHeaders[Number(index)];
      const mode = modeOf(provider, form);
      const isAuth = header && (mode.kind === 'basic' ? header.name === 'Authorization' : mode.kind === 'header' && header.name === mode.header);
      return isAuth || (index === undefined && !provider.customHeaders) ? 'envVar' : 'envHeaders';
    }
    case 'envVarLines': {
      if (part === 'name') return 'envVar';
      const line = spec.envVarLines[Number(index)];
      return line && modeOf(provider, form).kind === 'basic' && line === spec.envVarLines[0] ? 'user' : 'secret';
    }
    case 'httpHeaders': {
      const header = index === undefined ? undefined : spec.httpHeaders[Number(index)];
      const mode = modeOf(provider, form);
      if (header && provider.headers.some((h) => h.name === header.name)) return `headers.${header.name}`;
      if (header && mode.kind === 'header' && header.name === mode.header) return 'secret';
      if (header && mode.kind === 'basic' && header.name === 'Authorization') return 'secret';
      if (provider.customHeaders) return 'httpHeaders';
      return index === undefined ? 'storage' : 'secret';
    }
    default:
      return 'general';
  }
}

export default function GeneratorIsland({ provider, initial, prehighlighted, onUnhighlighted }: Props) {
  const [form, setForm] = useState<FormState>(() => defaultForm(provider));
  const [link, setLink] = useState<LinkReport | null>(null);
  const [Notice, setNotice] = useState<typeof LinkNotice | null>(null);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [runtimeHighlighter, setHighlighter] = useState<Highlighter | null>(null);
  // Build-time tokens first; the runtime highlighter (loaded with the engine) for anything else.
  const highlighter = useMemo(() => layeredHighlighter(prehighlighted, runtimeHighlighter, onUnhighlighted), [prehighlighted, runtimeHighlighter, onUnhighlighted]);
  const [shell, setShell] = useState<Shell>('posix');
  const [announcement, announce] = useAnnouncer();
  const [engine, setEngine] = useState<Engine | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const wake = () => {
    // The engine and the highlighter load together and arrive in one render, so the first output
    // that follows the reader's input is already highlighted (no plain-text flash). A highlighter
    // that fails to load only costs the colours.
    if (!engine) {
      Promise.all([loadEngine(), loadHighlighterWarm().catch(() => null)]).then(([e, h]) => {
        if (h) setHighlighter(h);
        setEngine(e);
      }, () => undefined);
    }
  };

  useEffect(() => {
    // A share link lives in the fragment, which never reaches a server. Plain heading anchors have no "=".
    const hash = window.location.hash;
    if (hash.includes('=')) {
      // The codec loads only for share links and on "Copy link", keeping it off every page's critical path.
      wake();
      // The notice's markup loads with it, for share links only.
      import('./LinkNotice.tsx').then((m) => setNotice(() => m.LinkNotice), () => undefined);
      import('../lib/share.ts')
        .then(({ decodeShare }) => {
          const decoded = decodeShare(provider, hash);
          setForm(decoded.form);
          setLink(decoded);
        })
        .catch(() => setLink({ applied: [], cautions: [], toAdd: [], notices: ['The settings in this link could not be loaded; the defaults are shown.'] }))
        .finally(() => setHydrated(true));
    } else setHydrated(true);
  }, [provider]);

  // A teammate's link lands on the generator: bring the notice into view and focus it, so screen
  // readers read what the link set before anything else.
  useEffect(() => {
    if (!link || !Notice) return;
    noticeRef.current?.scrollIntoView({ block: 'start' });
    noticeRef.current?.focus({ preventScroll: true });
  }, [link !== null, Notice !== null]);

  // The engine reads the form (command lines, header lines); until it loads, the build-time output and its diagnostics stand.
  const spec = useMemo(() => (engine ? engine.specFromForm(provider, form) : null), [engine, provider, form]);
  // Until the engine arrives the form still holds the preset (or the reader's first keystrokes, which
  // the engine then catches up with), so the build-time output is the right one to show.
  const result: Generated = useMemo(() => (engine && spec ? engine.generate(spec) : initial), [engine, spec, initial]);
  const mode = modeOf(provider, form);
  const endpoint = endpointOf(provider, form);
  const id = `cmg-${provider.id}`;

  const byField = new Map<string, Diagnostic[]>();
  for (const d of result.diagnostics) {
    const key = fieldOf(d, spec ?? emptySpec(), provider, form);
    // A URL built from a template is reported on the part the reader typed, so name that part.
    const param = key.startsWith('params.') ? endpoint.params.find((p) => `params.${p.key}` === key) : undefined;
    const shown = param ? { ...d, message: `${param.label} gives the address ${spec?.url ?? fillEndpoint(endpoint.url, form.params)}: ${d.message}` } : d;
    byField.set(key, [...(byField.get(key) ?? []), shown]);
  }
  const errorsOf = (key: string) => byField.get(key) ?? [];
  const errorCount = result.diagnostics.filter((d) => d.severity === 'error').length;
  // An error in a field of the closed "Advanced settings" would be invisible: open the section when one appears.
  const advancedErrors = [...byField].filter(([key, list]) => ADVANCED_KEYS.has(key) && list.some((d) => d.severity === 'error')).map(([key]) => key).join();
  useEffect(() => {
    if (advancedErrors !== '') setAdvancedOpen(true);
  }, [advancedErrors]);
  // The blocked message names the first marked field (in page order), read from the rendered form.
  const [firstError, setFirstError] = useState('');
  useEffect(() => setFirstError(firstErrorField(rootRef.current)?.querySelector('label, legend')?.textContent ?? ''));
  /** Focuses the first field marked with an error, opening its section first. */
  const goToError = () => {
    const field = firstErrorField(rootRef.current);
    if (field?.closest('details')?.open === false) setAdvancedOpen(true);
    // After the section opens, so the field can take focus.
    requestAnimationFrame(() => field?.querySelector<HTMLElement>('input, textarea')?.focus());
  };

  const update = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const switchMode = (modeId: string) =>
    setForm((f) => {
      // Keep what the reader typed that still applies; take the new mode's defaults for the rest.
      const next = defaultForm(provider, modeId);
      return { ...next, name: f.name, scope: f.scope, startupTimeoutSec: f.startupTimeoutSec, toolTimeoutSec: f.toolTimeoutSec, enabled: f.enabled, required: f.required, enabledTools: f.enabledTools, disabledTools: f.disabledTools, headers: f.headers, params: { ...next.params, ...f.params } };
    });

  const copyLink = async () => {
    const { encodeShare } = await import('../lib/share.ts');
    const { params, withheld, unusable } = encodeShare(provider, form);
    const url = `${window.location.origin}${window.location.pathname}#${params}`;
    const ok = await copyText(url);
    // True by construction: encodeShare scanned this very link and withheld every field the detector flagged.
    const secretNote = ' Tokens and keys are never included.';
    const withheldNote = withheld.length > 0 ? ` Left out because they look like credentials: ${withheld.join(', ')}.` : '';
    const unusableNote = unusable.length > 0 ? ` Also left out (too long, or holding a character no field accepts): ${unusable.join(', ')}.` : '';
    announce(ok ? `Link copied.${secretNote}${withheldNote}${unusableNote}` : `Could not copy the link. It is: ${url}`);
  };

  const outputs = result.outputs;
  // The guide's own commands around the generator (check, disconnect) follow the typed name. The
  // Verify block's `codex mcp get WORD --json` holds the name already quoted for every shell.
  const nameWord = outputs?.verify.split('\n')[1]?.replace(/^codex mcp get /, '').replace(/ --json$/, '');
  useEffect(() => {
    if (nameWord) for (const el of document.querySelectorAll('[data-cmg-server-name]')) el.textContent = nameWord;
  }, [nameWord]);
  const secretHelp = 'Optional. Stays on this page: it is only used to fill in the lines below, never saved or sent, and never put in the share link.';

  return (
    <div class="cmg" ref={rootRef} data-generator={provider.id} data-hydrated={hydrated ? 'true' : undefined} onFocusIn={wake} onPointerDown={wake} onKeyDown={wake}>
      {link && Notice && <Notice link={link} noticeRef={noticeRef} onDismiss={() => setLink(null)} />}
      <form class="cmg-form" aria-label={`${provider.name} settings`} onSubmit={(e) => e.preventDefault()} noValidate>
        {provider.authModes.length > 1 && (
          <Choice
            id={`${id}-mode`}
            legend="Authentication"
            value={form.mode}
            options={provider.authModes.map((m) => ({ value: m.id, label: m.label, help: m.description }))}
            onChange={switchMode}
            messages={errorsOf('mode')}
          />
        )}
        <Text id={`${id}-name`} label="Server name" value={form.name} onInput={(v) => update('name', v)} messages={errorsOf('name')} help="The name Codex lists the server under; letters, digits and - _ : @ / ." />
        {provider.scopes.length > 1 && (
          <Choice
            id={`${id}-scope`}
            legend="Where the config lives"
            value={form.scope}
            options={[
              { value: 'user', label: 'User: ~/.codex/config.toml', help: 'Every project on this machine.' },
              { value: 'project', label: 'Project: .codex/config.toml', help: 'Only this project, once Codex trusts it. Written by hand: the CLI cannot add it.' },
            ].filter((o) => (provider.scopes as string[]).includes(o.value))}
            onChange={(v) => update('scope', v === 'project' ? 'project' : 'user')}
            messages={[]}
          />
        )}
        {mode.kind !== 'stdio' && endpoint.params.map((p) => (
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
              <Text id={`${id}-user`} label={mode.userLabel} value={form.user} secret placeholder={mode.userPlaceholder} help={secretHelp} onInput={(v) => update('user', v)} messages={errorsOf('user')} />
            )}
            <Text id={`${id}-secret`} label={mode.secretLabel} value={form.secret} secret placeholder={mode.placeholder} help={secretHelp} onInput={(v) => update('secret', v)} messages={errorsOf('secret')} />
            {offersStorage(mode) && (
              <Choice
                id={`${id}-storage`}
                legend="Where the credential is kept"
                value={form.storage}
                options={[
                  { value: 'env', label: 'In an environment variable (recommended)', help: 'config.toml only names the variable; the secret stays in your shell.' },
                  {
                    value: 'inline',
                    label: mode.kind === 'basic' ? 'Computed on this page, written into config.toml' : 'Written into config.toml',
                    help: mode.kind === 'basic' ? 'This page encodes email:PAT as Base64 and the file then holds it in plaintext.' : 'The file then holds the key in plaintext.',
                  },
                ]}
                onChange={(v) => update('storage', v === 'inline' ? 'inline' : 'env')}
                messages={errorsOf('storage')}
              />
            )}
            {(mode.kind === 'bearer' || form.storage === 'env') && (
              <Text id={`${id}-env`} label="Environment variable" value={form.envVar} help="The name of the variable that holds the credential (not the credential itself)." onInput={(v) => update('envVar', v)} messages={errorsOf('envVar')} />
            )}
          </>
        )}
        {mode.kind === 'stdio' && (
          <>
            {STDIO_FIELDS.map(([key, label, help, multiline]) => (
              <Text id={`${id}-${key}`} label={label} value={form[key]} help={help} multiline={multiline} onInput={(v) => update(key, v)} messages={errorsOf(key)} />
            ))}
            <Text id={`${id}-env`} label="Environment for the server" value={form.env} secret multiline help="NAME=value, one per line. Written into config.toml in plaintext; stays on this page and never goes in the share link." onInput={(v) => update('env', v)} messages={errorsOf('env')} />
          </>
        )}
        {provider.customHeaders && mode.kind !== 'stdio' && (
          <>
            <Text id={`${id}-envHeaders`} label="Headers from environment variables" value={form.envHeaders} multiline help="Name: VARIABLE, one per line. Codex reads the value from that variable when it starts." onInput={(v) => update('envHeaders', v)} messages={errorsOf('envHeaders')} />
            <Text id={`${id}-httpHeaders`} label="Static headers" value={form.httpHeaders} secret multiline help="Name: value, one per line, written into config.toml as is (plaintext). Stays on this page; never in the share link." onInput={(v) => update('httpHeaders', v)} messages={errorsOf('httpHeaders')} />
          </>
        )}
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
                onChange={(v) => setForm((f) => ({ ...f, headers: { ...f.headers, [h.name]: v } }))}
                messages={errorsOf(`headers.${h.name}`)}
                inline
              />
            ) : (
              <Text id={`${id}-h-${h.name}`} label={`${h.label} (${h.name})`} value={form.headers[h.name] ?? ''} help={h.help} onInput={(v) => setForm((f) => ({ ...f, headers: { ...f.headers, [h.name]: v } }))} messages={errorsOf(`headers.${h.name}`)} />
            ),
          )}
        <details class="cmg-advanced" open={advancedOpen} onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}>
          <summary>Advanced settings</summary>
          {(mode.kind === 'oauth' ? [...OAUTH_FIELDS, ...TUNING_FIELDS] : TUNING_FIELDS).map(([key, label, help]) => (
            <Text id={`${id}-${key}`} label={label} value={form[key]} help={help} onInput={(v) => update(key, v)} messages={errorsOf(key)} />
          ))}
          <Check id={`${id}-enabled`} label="Enabled" checked={form.enabled} onChange={(v) => update('enabled', v)} messages={[]} />
          <Check id={`${id}-required`} label="Required (codex exec fails when the server does not start)" checked={form.required} onChange={(v) => update('required', v)} messages={errorsOf('required')} />
        </details>
      </form>

      {errorsOf('general').length > 0 && (
        <ul class="cmg-general">
          {errorsOf('general').map((d) => (
            <li class={`cmg-msg cmg-${d.severity}`}>{d.message}</li>
          ))}
        </ul>
      )}

      <section class="cmg-outputs" aria-label="Generated setup">
        <div class="cmg-toolbar">
          <Choice
            id={`${id}-shell`}
            legend="Your shell"
            value={shell}
            options={[
              { value: 'posix', label: 'bash / zsh', help: '' },
              { value: 'fish', label: 'fish', help: '' },
              { value: 'powershell', label: 'PowerShell 7', help: '' },
            ]}
            onChange={(v) => setShell(v === 'fish' || v === 'powershell' ? v : 'posix')}
            messages={[]}
            inline
          />
          {hydrated && (
            <button type="button" class="cmg-link" onClick={copyLink}>
              Copy link for teammates
            </button>
          )}
        </div>
        {!outputs ? (
          <p class="cmg-blocked" role="status">
            Fix {errorCount === 1 ? 'the field marked above' : `the ${errorCount} fields marked above`} to get your commands.{' '}
            <button type="button" class="cmg-goto" onClick={goToError}>
              Go to {firstError || 'the field'}
            </button>
          </p>
        ) : (
          <ol class="cmg-steps">
            {outputs.env && (
              <li>
                <h3>Set the environment variables</h3>
                <OutputBlock kind="env" title="Environment (bash / zsh)" text={outputs.env.posix.trimEnd()} lang="shellscript" highlighter={highlighter} interactive={hydrated} hidden={shell !== 'posix'} onCopied={announce} />
                <OutputBlock kind="env-fish" title="Environment (fish)" text={outputs.env.fish.trimEnd()} lang="shellscript" highlighter={highlighter} interactive={hydrated} hidden={shell !== 'fish'} onCopied={announce} />
                <OutputBlock kind="env-powershell" title="Environment (PowerShell)" text={outputs.env.powershell.trimEnd()} lang="powershell" highlighter={highlighter} interactive={hydrated} hidden={shell !== 'powershell'} onCopied={announce} />
              </li>
            )}
            <li>
              <h3>Add the server</h3>
              {outputs.cli.posix !== null && outputs.cli.fish !== null && outputs.cli.powershell !== null ? (
                <>
                  <p>
                    Run this command{outputs.cli.mode === 'partial' ? ', then add the rest by hand' : ''}, <em>or</em> paste the TOML block below into <code>{outputs.configPath}</code>.
                  </p>
                  <OutputBlock kind="cli" title="Command (bash / zsh)" text={outputs.cli.posix.trimEnd()} lang="shellscript" highlighter={highlighter} interactive={hydrated} hidden={shell !== 'posix'} partial={outputs.cli.mode === 'partial'} onCopied={announce} />
                  <OutputBlock kind="cli-fish" title="Command (fish)" text={outputs.cli.fish.trimEnd()} lang="shellscript" highlighter={highlighter} interactive={hydrated} hidden={shell !== 'fish'} partial={outputs.cli.mode === 'partial'} onCopied={announce} />
                  <OutputBlock kind="cli-powershell" title="Command (PowerShell)" text={outputs.cli.powershell.trimEnd()} lang="powershell" highlighter={highlighter} interactive={hydrated} hidden={shell !== 'powershell'} partial={outputs.cli.mode === 'partial'} onCopied={announce} />
                  {outputs.cli.mode === 'partial' && (
                    <p class="cmg-partial" data-cli-note>
                      <code>codex mcp add</code> has no flag for {outputs.cli.missing.map((k, i) => (<>{i > 0 && ', '}<code>{k}</code></>))}. After running the command, add {outputs.cli.missing.length === 1 ? 'that key' : 'those keys'} to the <code>[mcp_servers.{outputs.name}]</code> table in <code>{outputs.configPath}</code> as shown in the TOML block, or use the TOML block alone. Running the command again later replaces the whole entry and drops them.
                    </p>
                  )}
                </>
              ) : (
                <p class="cmg-partial" data-cli-note>
                  No command for this one: {outputs.cli.reason} Paste the TOML block into <code>{outputs.configPath}</code>.
                </p>
              )}
              <OutputBlock kind="toml" title={outputs.configPath} text={outputs.toml.trimEnd()} lang="toml" highlighter={highlighter} interactive={hydrated} onCopied={announce} />
            </li>
            {outputs.login && (
              <li>
                <h3>Sign in</h3>
                <p>
                  When the server offers OAuth, <code>codex mcp add</code> already signs you in right after adding it. Run this after pasting the TOML block instead, if that sign-in was stopped, or when it expires.
                </p>
                <OutputBlock kind="login" title="OAuth login" text={outputs.login.trimEnd()} lang="shellscript" highlighter={highlighter} interactive={hydrated} onCopied={announce} />
              </li>
            )}
            <li>
              <h3>Check it</h3>
              <OutputBlock kind="verify" title="Verify" text={outputs.verify.trimEnd()} lang="shellscript" highlighter={highlighter} interactive={hydrated} onCopied={announce} />
            </li>
          </ol>
        )}
        <p class="cmg-live" role="status" aria-live="polite">
          {announcement}
        </p>
      </section>
    </div>
  );
}
