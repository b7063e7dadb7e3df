/**
 * For server authors: paste your server.json, get a README section (command, TOML, variables,
 * verify step) and an "Add to Codex" badge linking to this site's generator, prefilled with
 * everything but your readers' own values. Copying is announced to screen readers.
 */
import { useState } from 'preact/hooks';
import { withBase } from '../../lib/site/base.ts';
import type { Provider } from '../../lib/input/provider.ts';
import { copyText, useAnnouncer } from '../shared/live.ts';
import { ServerJsonPicker, type Picked } from '../server-json/ServerJsonPicker.tsx';
import type { AuthorPluginView as PluginViewType } from './AuthorPluginView.tsx';

// The plugin files (with the generator and the plugin writer) load when their section is opened.
const loadPluginView = () => import('./AuthorPluginView.tsx');

interface Props {
  provider: Provider;
}

/** A labelled, focusable block of text with a copy button. */
function Copyable({
  kind,
  title,
  text,
  onCopy,
}: {
  kind: string;
  title: string;
  text: string;
  onCopy: (title: string, text: string) => void;
}) {
  return (
    <figure class="cmg-block" data-block={kind}>
      <figcaption>
        <span>{title}</span>
        <button
          type="button"
          class="cmg-copy"
          onClick={() => onCopy(title, text)}
          aria-label={`Copy ${title}`}
        >
          Copy
        </button>
      </figcaption>
      <pre class="cmg-pre" tabIndex={0} aria-label={title} data-output={kind}>
        <code>{text}</code>
      </pre>
    </figure>
  );
}

export default function AddToCodexIsland({ provider }: Props) {
  const [picked, setPicked] = useState<Picked | null>(null);
  const [announcement, announce] = useAnnouncer();
  const [PluginView, setPluginView] = useState<typeof PluginViewType | null>(null);
  const openPlugin = (e: Event) => {
    if ((e.currentTarget as HTMLDetailsElement).open && !PluginView)
      loadPluginView().then(
        (m) => setPluginView(() => m.AuthorPluginView),
        () => undefined,
      );
  };
  const copy = async (title: string, text: string) => {
    const ok = await copyText(text);
    announce(
      ok
        ? `${title} copied to the clipboard.`
        : `Could not copy ${title}: select the text and copy it by hand.`,
    );
  };

  const server = picked?.report.server ?? null;
  const conversion = picked?.conversion ?? null;
  // The site's root (origin plus base path): links and the badge image are paths under it.
  const origin =
    typeof window === 'undefined' ? '' : window.location.origin + withBase('/').slice(0, -1);
  const out =
    picked && server && conversion
      ? {
          link: picked.engine.prefillLink(origin, provider, server, conversion),
          readme: picked.engine.readmeSection(origin, provider, server, conversion),
        }
      : null;
  const snippets = picked && out ? picked.engine.badgeSnippets(origin, out.link) : null;
  const withheld =
    picked && server && conversion
      ? picked.engine.prefillFragment(provider, server, conversion).withheld
      : [];

  return (
    <div class="cmg" data-sj="authors">
      <ServerJsonPicker provider={provider} id="sj-authors" askInputs={false} onPick={setPicked} />
      {out && snippets && (
        <div class="cmg-outputs">
          <p>
            Your badge:{' '}
            <a href={out.link} data-sj="badge-link">
              <img src={withBase('/badges/add-to-codex.svg')} alt="Add to Codex" height={28} />
            </a>
          </p>
          {withheld.length > 0 && (
            <p class="cmg-help">
              Left out of the link because they look like credentials: {withheld.join(', ')}.
            </p>
          )}
          <Copyable kind="sj-link" title="Link" text={out.link} onCopy={copy} />
          <Copyable
            kind="sj-badge-md"
            title="Badge (Markdown)"
            text={snippets.markdown}
            onCopy={copy}
          />
          <Copyable kind="sj-badge-html" title="Badge (HTML)" text={snippets.html} onCopy={copy} />
          {out.readme ? (
            <Copyable
              kind="sj-readme"
              title="README section (Markdown)"
              text={out.readme}
              onCopy={copy}
            />
          ) : (
            <p class="cmg-help" data-sj="readme-missing">
              No README section yet: this entry still has a value your readers must fill in (such as
              a {'{placeholder}'} in the URL). The badge link works and tells them what to add.
            </p>
          )}
          {server && conversion && (
            <details class="cmg-plugin-out" data-sj="plugin" onToggle={openPlugin}>
              <summary>As a Codex plugin in your repository</summary>
              {PluginView ? (
                <PluginView
                  provider={provider}
                  server={server}
                  conversion={conversion}
                  onCopied={announce}
                />
              ) : (
                <p class="cmg-help">Loading…</p>
              )}
            </details>
          )}
        </div>
      )}
      <p class="cmg-live" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
