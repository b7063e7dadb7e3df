/**
 * "Import server.json" on the "any MCP server" guide: paste a server.json, pick a remote or package,
 * fill in your own values, and open the generator prefilled (through a share link, so exactly what a
 * link can carry). Also the notice on a page opened from an "Add to Codex" link: who prefilled it,
 * and what the reader must still add.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Provider } from '../../lib/input/provider.ts';
import { copyText, useAnnouncer } from '../shared/live.ts';
import type { Picked, ServerJsonPicker as PickerType } from './ServerJsonPicker.tsx';

// The picker and the engine load when the box is opened (or for a prefilled link), not with the page.
const loadPicker = () => import('./ServerJsonPicker.tsx');

interface Props {
  provider: Provider;
}

interface Prefilled {
  from: string;
  todo: string[];
  /** What the linked command does beyond starting one package, each naming its flag. */
  warnings: { flag: string; message: string }[];
}

/** The notice shown when the page was opened from a prefilled link. */
function PrefilledNotice({ prefilled }: { prefilled: Prefilled }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div class="cmg-notice" role="status" tabIndex={-1} ref={ref} data-sj="prefilled">
      <p>
        <strong>This link says it was made from server.json {prefilled.from}.</strong> That is the
        link's own claim, which this page cannot verify: anyone can write it. Check every field
        below before you run anything. Links never carry tokens or keys.
      </p>
      {prefilled.warnings.length > 0 && (
        <>
          <p>
            <strong>Check before you add it:</strong> the command below does more than start the
            server:
          </p>
          <ul data-sj="prefilled-warnings">
            {prefilled.warnings.map((w) => (
              <li>
                <code>{w.flag}</code>: {w.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {prefilled.todo.length > 0 ? (
        <>
          <p>You still need to:</p>
          <ul>
            {prefilled.todo.map((t) => (
              <li>{t}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>Nothing else is needed for this server.</p>
      )}
    </div>
  );
}

export default function ServerJsonImport({ provider }: Props) {
  const [prefilled, setPrefilled] = useState<Prefilled | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [Picker, setPicker] = useState<typeof PickerType | null>(null);
  const [announcement, announce] = useAnnouncer();
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const onToggle = (e: Event) => {
    if ((e.currentTarget as HTMLDetailsElement).open && !Picker)
      loadPicker().then(
        (m) => setPicker(() => m.ServerJsonPicker),
        () => undefined,
      );
  };
  // Hydrated after the reader opened the box (server-json-mount.ts): that toggle came before us.
  useEffect(() => {
    if (detailsRef.current?.open)
      loadPicker().then(
        (m) => setPicker(() => m.ServerJsonPicker),
        () => undefined,
      );
  }, []);

  useEffect(() => {
    // Only a link with `from=` was made from a server.json; plain share links and anchors are left alone.
    if (!/(^#|&)from=/.test(window.location.hash)) return;
    loadPicker()
      .then((m) => m.loadServerJsonEngine())
      .then((engine) => {
        // The claim as the share-link boundary read it: absent when it holds a refused character.
        const decoded = engine.decodeShare(provider, window.location.hash);
        if (!decoded.from) return;
        setPrefilled({
          from: decoded.from,
          todo: engine.prefillTodo(decoded.form),
          warnings: engine.prefillWarnings(provider, decoded.form),
        });
      })
      .catch(() => undefined);
  }, [provider]);

  const conversion = picked?.conversion ?? null;
  const blocked = !conversion || (picked?.problems.size ?? 0) > 0;
  const open = () => {
    if (!picked?.report.server || !conversion || blocked) return;
    const { fragment } = picked.engine.prefillFragment(provider, picked.report.server, conversion);
    // The generator reads its state from the fragment when it starts: set it, then start the page again.
    window.location.hash = fragment;
    window.location.reload();
  };
  // The generator keeps only variable NAMES (a link carries no values): the values go to the shell now.
  const exportText =
    conversion && picked ? (picked.engine.envLines(conversion.exports)?.posix.trimEnd() ?? '') : '';
  const copyExports = async () =>
    announce(
      (await copyText(exportText))
        ? 'Variable lines copied to the clipboard.'
        : 'Could not copy: select the lines and copy them by hand.',
    );
  const secrets = conversion
    ? [
        ...(conversion.form.mode === 'token' ? [conversion.form.envVar] : []),
        ...conversion.exports.filter((e) => e.secret).map((e) => e.name),
      ]
    : [];

  return (
    <div class="cmg sj-import" data-sj="import">
      {prefilled && <PrefilledNotice prefilled={prefilled} />}
      <details onToggle={onToggle} ref={detailsRef}>
        <summary>Import a server.json</summary>
        <p>
          Paste a server's <code>server.json</code> (the MCP Registry's description of a server, any
          published schema version) to fill in the generator below. Secret values are never asked
          for here: they go into variables in your shell.
        </p>
        {Picker ? (
          <Picker provider={provider} id="sj-import" askInputs onPick={setPicked} />
        ) : (
          <p class="cmg-help">Loading…</p>
        )}
        {conversion && (
          <div class="sj-summary" data-sj="summary">
            {secrets.length > 0 && <p>You will export, in your shell: {secrets.join(', ')}.</p>}
            {exportText !== '' && (
              <figure class="cmg-block" data-block="sj-exports">
                <figcaption>
                  <span>Variables for your shell (bash / zsh)</span>
                  <button
                    type="button"
                    class="cmg-copy"
                    onClick={copyExports}
                    aria-label="Copy the variable lines"
                  >
                    Copy
                  </button>
                </figcaption>
                <pre
                  class="cmg-pre"
                  tabIndex={0}
                  aria-label="Variables for your shell"
                  data-output="sj-exports"
                >
                  <code>{exportText}</code>
                </pre>
              </figure>
            )}
            {conversion.todo.length > 0 && (
              <ul>
                {conversion.todo.map((t) => (
                  <li>{t}</li>
                ))}
              </ul>
            )}
            {conversion.notes.length > 0 && (
              <ul class="cmg-help">
                {conversion.notes.map((t) => (
                  <li>{t}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <button type="button" class="cmg-copy" onClick={open} disabled={blocked} data-sj="open">
          Fill in the generator
        </button>
        {picked && picked.problems.size > 0 && (
          <p class="cmg-help">Fix the fields marked above first.</p>
        )}
      </details>
      <p class="cmg-live" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
