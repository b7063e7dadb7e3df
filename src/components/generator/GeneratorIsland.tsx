/**
 * The live generator: a provider preset plus the reader's inputs become the exact `codex mcp add`
 * command, TOML block, env lines and login/verify commands, all in the browser.
 * State lives here; the form and the outputs are GeneratorForm.tsx and GeneratorOutputs.tsx, and
 * every output comes from `src/lib` (pure, tested against the real CLI).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Diagnostic } from '../../lib/generator/model.ts';
import type { Generated } from '../../lib/generator/generate.ts';
import type { Release } from '../../lib/codex/releases.ts';
import type { Shell } from '../../lib/generator/shells.ts';
// The light form helpers only: reading the form (provider.ts) loads with the engine.
import {
  defaultForm,
  endpointOf,
  fillEndpoint,
  type FormState,
} from '../../lib/input/form-state.ts';
import type { Provider } from '../../lib/input/provider-schema.ts';
import type { LinkNotice, LinkReport } from './LinkNotice.tsx';
import { copyText, useAnnouncer } from '../shared/live.ts';
import { ADVANCED_KEYS, GeneratorForm } from './GeneratorForm.tsx';
import { InlineCode } from '../shared/fields.tsx';
import { GeneratorOutputs, ViewChoices } from './GeneratorOutputs.tsx';
import { applyShell, useShell } from './shell-choice.ts';
import { ConfigPathNote } from './ConfigPathNote.tsx';
import { emptySettings, type SettingsForm } from '../../lib/input/settings-form.ts';
import type { GeneratedWithSettings } from '../../lib/generator/settings.ts';
import { configPath, platformOfShell } from '../../lib/generator/config-path.ts';

interface Props {
  provider: Provider;
  /** The preset's output, computed at build time: shown until the engine loads. */
  initial: Generated;
  /** The form field each of `initial`'s diagnostics belongs to (`fieldOf`, at build time). */
  initialFields: readonly string[];
  /** The sign-in methods whose user field is an e-mail address (`userIsEmail`, at build time). */
  emailModes: readonly string[];
  /**
   * The releases of the "Codex version" list, newest first (`PROBED_RELEASES`, passed from the
   * build so the list is page data, not code on the critical path).
   */
  releases: readonly Release[];
  /** Site links under the base, resolved at build time (Generator.astro). */
  links: { whereCodexRuns: string; plugins: string };
}

type Engine = typeof import('./engine.ts');
let engineLoading: Promise<Engine> | undefined;
/** Loads the generator engine once per page, shared by every island on it. */
const loadEngine = (): Promise<Engine> => (engineLoading ??= import('./engine.ts'));

type SettingsUi = typeof import('./SettingsFields.tsx');
let settingsUiLoading: Promise<SettingsUi> | undefined;
/** The advanced settings' fields and the top-level block, loaded once they are first needed. */
const loadSettingsUi = (): Promise<SettingsUi> =>
  (settingsUiLoading ??= import('./SettingsFields.tsx'));

type HeadlessView = typeof import('./HeadlessSteps.tsx');
let headlessLoading: Promise<HeadlessView> | undefined;
/** The "no browser" steps, loaded once the switch is first on. */
const loadHeadlessView = (): Promise<HeadlessView> =>
  (headlessLoading ??= import('./HeadlessSteps.tsx'));

/** The first field of the form marked with an error, in page order. */
const firstErrorField = (root: HTMLElement | null): Element | null | undefined =>
  root?.querySelector('.cmg-form .cmg-error')?.closest('.cmg-field, fieldset');

/** The live generator island for one provider. */
export default function GeneratorIsland(props: Props) {
  const { provider, initial, initialFields, releases } = props;
  const newest = releases[0]!;
  const [form, setForm] = useState<FormState>(() => defaultForm(provider));
  const [release, setRelease] = useState<Release>(newest);
  const [link, setLink] = useState<LinkReport | null>(null);
  const [Notice, setNotice] = useState<typeof LinkNotice | null>(null);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const [hydrated, setHydrated] = useState(false);
  // A link made from a server.json (an "Add to Codex" badge): its own notice says where the values
  // came from, and the variables the server reads come first, as export lines.
  const [fromJson, setFromJson] = useState(false);
  const shell = useShell();
  const [settings, setSettings] = useState<SettingsForm>(emptySettings);
  const platform = platformOfShell(shell);
  const [announcement, announce, withdraw] = useAnnouncer();
  const [engine, setEngine] = useState<Engine | null>(null);
  const [settingsUi, setSettingsUi] = useState<SettingsUi | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const wake = () => {
    // Outputs carry their own colours (their tokens' kinds): the engine is all there is to load.
    if (!engine) loadEngine().then(setEngine, () => undefined);
  };

  useEffect(() => {
    // A share link lives in the fragment, which never reaches a server. Plain heading anchors have no "=".
    const hash = window.location.hash;
    if (hash.includes('=')) {
      // The codec loads only for share links and on "Copy link", keeping it off every page's critical path.
      wake();
      // The notice's markup loads with it, for share links only.
      import('./LinkNotice.tsx').then(
        (m) => setNotice(() => m.LinkNotice),
        () => undefined,
      );
      import('../../lib/share/share.ts')
        .then(({ decodeShare }) => {
          const decoded = decodeShare(provider, hash);
          setForm(decoded.form);
          if (decoded.view.release) setRelease(decoded.view.release);
          setSettings((typed) => ({ ...typed, ...decoded.settings }));
          // The link's shell wins on this page; the reader's remembered choice stays as it was.
          if (decoded.view.shell) applyShell(decoded.view.shell, false);
          setFromJson(/(^#|&)from=/.test(hash));
          setLink(decoded);
        })
        .catch(() =>
          setLink({
            applied: [],
            cautions: [],
            toAdd: [],
            notices: ['The settings in this link could not be loaded; the defaults are shown.'],
          }),
        )
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

  // The engine reads the form (command lines, header lines). Until it arrives the form still holds
  // the preset (or the reader's first keystrokes, which the engine then catches up with), so the
  // build-time output and its diagnostics are the right ones to show.
  const spec = useMemo(() => {
    if (!engine) return null;
    const s = engine.specFromForm(provider, form);
    return fromJson ? engine.withLinkExports(s) : s;
  }, [engine, provider, form, fromJson]);
  const oauth = spec?.transport === 'http' && spec.auth === 'oauth';
  const result: Generated & Partial<GeneratedWithSettings> = useMemo(
    () =>
      engine && spec
        ? engine.withSettings(engine.generate(spec, release), settings, {
            oauth,
            scope: spec.scope,
            platform,
            release,
          })
        : initial,
    [engine, spec, release, initial, settings, oauth, platform],
  );
  // The settings' fields wait until the reader opens them (or a link sets a top-level one): the
  // first interaction's code stays within its budget (tests/support/budget.ts).
  const wantsSettingsUi = advancedOpen || !!result.topLevel;
  useEffect(() => {
    if (wantsSettingsUi && !settingsUi) loadSettingsUi().then(setSettingsUi, () => undefined);
  }, [wantsSettingsUi]);
  // The "no browser" steps load when the switch is on (by hand or by a link), not with the engine.
  const [headlessView, setHeadlessView] = useState<HeadlessView | null>(null);
  useEffect(() => {
    if (result.headless && !headlessView) loadHeadlessView().then(setHeadlessView, () => undefined);
  }, [!!result.headless]);
  const headlessSteps = useMemo(
    () => (headlessView && result.headless ? headlessView.headlessOf(result) : undefined),
    [headlessView, result],
  );
  const endpoint = endpointOf(provider, form);
  const id = `cmg-${provider.id}`;

  const byField = new Map<string, Diagnostic[]>();
  for (const [i, d] of result.diagnostics.entries()) {
    const key =
      engine && spec ? engine.fieldOf(d, spec, provider, form) : (initialFields[i] ?? 'general');
    // A URL built from a template is reported on the part the reader typed, so name that part.
    const param = key.startsWith('params.')
      ? endpoint.params.find((p) => `params.${p.key}` === key)
      : undefined;
    const url = spec?.url ?? fillEndpoint(endpoint.url, form.params);
    const shown = param
      ? { ...d, message: `${param.label} gives the address ${url}: ${d.message}` }
      : d;
    byField.set(key, [...(byField.get(key) ?? []), shown]);
  }
  const errorsOf = (key: string) => byField.get(key) ?? [];
  const errorCount = result.diagnostics.filter((d) => d.severity === 'error').length;
  // An error in a field of the closed "Advanced settings" would be invisible: open the section when one appears.
  const advancedErrors = [...byField]
    .filter(
      ([key, list]) =>
        (ADVANCED_KEYS.has(key) || key.startsWith('settings.')) &&
        list.some((d) => d.severity === 'error'),
    )
    .map(([key]) => key)
    .join();
  useEffect(() => {
    if (advancedErrors !== '') setAdvancedOpen(true);
  }, [advancedErrors]);
  // The blocked message names the first marked field (in page order), read from the rendered form.
  const [firstError, setFirstError] = useState('');
  // Read again when the marked fields change, or a section that renders fields appears or opens
  // (Advanced settings, the lazily loaded settings and "no browser" fields): not after every
  // render, since an effect with no dependencies ran a task after the frame on every keystroke.
  const errorFields = [...byField]
    .filter(([, list]) => list.some((d) => d.severity === 'error'))
    .map(([key]) => key)
    .join();
  useEffect(
    () =>
      setFirstError(
        firstErrorField(rootRef.current)?.querySelector('label, legend')?.textContent ?? '',
      ),
    [errorFields, form.mode, advancedOpen, settingsUi, headlessView, engine],
  );
  /** Focuses the first field marked with an error, opening its section first. */
  const goToError = () => {
    const field = firstErrorField(rootRef.current);
    if (field?.closest('details')?.open === false) setAdvancedOpen(true);
    // After the section opens, so the field can take focus.
    requestAnimationFrame(() => field?.querySelector<HTMLElement>('input, textarea')?.focus());
  };

  const copyLink = async () => {
    const { encodeShare } = await import('../../lib/share/share.ts');
    const { params, withheld, unusable } = encodeShare(
      provider,
      form,
      { shell, release },
      settings,
    );
    const url = `${window.location.origin}${window.location.pathname}#${params}`;
    const ok = await copyText(url);
    // True by construction: encodeShare scanned this very link and withheld every field the detector flagged.
    const secretNote = ' Tokens and keys are never included.';
    const withheldNote =
      withheld.length > 0
        ? ` Left out because they look like credentials: ${withheld.join(', ')}.`
        : '';
    const unusableNote =
      unusable.length > 0
        ? ` Also left out (too long, or refused by their field): ${unusable.join(', ')}.`
        : '';
    announce(
      ok
        ? `Link copied.${secretNote}${withheldNote}${unusableNote}`
        : `Could not copy the link. It is: ${url}`,
    );
  };

  const outputs = result.outputs;
  // The guide's own commands around the generator (check, disconnect) follow the typed name. The
  // Verify block's `codex mcp get WORD --json` holds the name already quoted for every shell.
  const nameWord = outputs?.verify
    .split('\n')[1]
    ?.replace(/^codex mcp get /, '')
    .replace(/ --json$/, '');
  // A layout effect: written in the same task as the render, so the page's text and the outputs
  // change in one frame (an effect runs after the frame is drawn, and its write drew a second one:
  // style, layout and paint again, about a third of a keystroke's main-thread time).
  // The text node's data is set in place: replacing the node (textContent) removes and inserts a
  // node in the guide's text, which re-matches the page's :has() rules and lays the line out anew.
  useLayoutEffect(() => {
    if (nameWord)
      for (const el of document.querySelectorAll('[data-cmg-server-name]')) {
        const only = el.firstChild;
        if (only instanceof Text && only === el.lastChild) {
          if (only.data !== nameWord) only.data = nameWord;
        } else el.textContent = nameWord;
      }
  }, [nameWord]);

  return (
    <div
      class="cmg"
      ref={rootRef}
      data-generator={provider.id}
      data-hydrated={hydrated ? 'true' : undefined}
      onFocusIn={wake}
      onPointerDown={wake}
      onKeyDown={wake}
    >
      {link && Notice && (
        <Notice
          link={link}
          noticeRef={noticeRef}
          onDismiss={() => setLink(null)}
          fromJson={fromJson}
        />
      )}
      <GeneratorForm
        id={id}
        provider={provider}
        form={form}
        setForm={setForm}
        errorsOf={errorsOf}
        advancedOpen={advancedOpen}
        setAdvancedOpen={setAdvancedOpen}
        // The rules load with the engine; the pointer or key that chose the method has woken it.
        onMode={(modeId) =>
          loadEngine().then(
            (e) => setForm((f) => e.switchMode(provider, f, modeId)),
            () => undefined,
          )
        }
        emailModes={props.emailModes}
        platform={platform}
        lead={
          <ViewChoices
            id={id}
            shell={shell}
            onShell={(s: Shell) => applyShell(s, true)}
            release={release}
            releases={releases}
            onRelease={(v) => setRelease(releases.find((r) => r === v) ?? newest)}
          />
        }
        beforeAdvanced={
          engine &&
          oauth && (
            <engine.HeadlessSwitch
              id={id}
              settings={settings}
              setSettings={setSettings}
              errorsOf={errorsOf}
            />
          )
        }
        advancedExtra={
          engine &&
          settingsUi && (
            <settingsUi.SettingsFields
              id={id}
              form={settings}
              onChange={setSettings}
              messagesOf={errorsOf}
              oauth={oauth}
              release={release}
            />
          )
        }
      />
      {errorsOf('general').length > 0 && (
        <ul class="cmg-general">
          {errorsOf('general').map((d) => (
            <li class={`cmg-msg cmg-${d.severity}`}>
              <InlineCode text={d.message} />
            </li>
          ))}
        </ul>
      )}
      {/* Narrow screens: the outputs follow the form, one tap away (hidden beside it on wide ones). */}
      <a class="cmg-jump" href={`#${id}-out`}>
        Jump to your commands
      </a>
      <section class="cmg-outputs" id={`${id}-out`} aria-label="Generated setup">
        {/* The link's feedback sits next to its button, in view beside the form. */}
        <div class="cmg-toolbar">
          {hydrated && (
            <button type="button" class="cmg-link" onClick={copyLink}>
              Copy link for teammates
            </button>
          )}
          <p class="cmg-live" role="status" aria-live="polite">
            {announcement}
          </p>
        </div>
        <GeneratorOutputs
          id={id}
          outputs={outputs}
          standalone={result.standalone}
          shell={shell}
          notes={engine}
          hydrated={hydrated}
          blocked={{ count: errorCount, firstField: firstError, goTo: goToError }}
          announce={announce}
          onStale={withdraw}
          headless={headlessSteps}
          headlessView={headlessView}
          afterToml={
            <>
              <ConfigPathNote
                platform={platform}
                scope={spec?.scope ?? form.scope}
                href={props.links.whereCodexRuns}
              />
              {engine && settingsUi && (
                <settingsUi.TopLevelOutput
                  text={result.topLevel ?? null}
                  path={result.topLevelPath ?? configPath('user', platform)}
                  interactive={hydrated}
                  onCopied={announce}
                />
              )}
              {engine && spec && outputs && (
                <engine.PluginOutput
                  outputs={outputs}
                  spec={spec}
                  form={form}
                  href={props.links.plugins}
                  interactive={hydrated}
                  onCopied={announce}
                />
              )}
            </>
          }
        />
      </section>
    </div>
  );
}
