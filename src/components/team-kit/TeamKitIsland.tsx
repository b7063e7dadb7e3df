/**
 * The team kit: share links and a server.json in, a Codex plugin marketplace repository out, each
 * file to copy and all of them as one .zip. The assembly (kit.ts: the share codec, the generator,
 * the server.json import) loads on the first focus of a field; the zip library loads when "Download
 * .zip" is pressed. Nothing typed is stored, put in the address bar or sent anywhere.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Provider } from '../../lib/input/provider.ts';
import { Text } from '../shared/fields.tsx';
import { useAnnouncer } from '../shared/live.ts';
import { CopyBlock } from './CopyBlock.tsx';
import type { KitInput } from './kit.ts';

type Engine = typeof import('./kit.ts');
let loading: Promise<Engine> | undefined;
const loadKit = (): Promise<Engine> => (loading ??= import('./kit.ts'));

interface Props {
  providers: Provider[];
}

const EMPTY: KitInput = { links: '', serverJson: '', name: 'team-mcp', repo: '' };

export default function TeamKitIsland({ providers }: Props) {
  const [engine, setEngine] = useState<Engine | null>(null);
  const [input, setInput] = useState<KitInput>(EMPTY);
  const [announcement, announce] = useAnnouncer();
  const [zipping, setZipping] = useState(false);
  const wake = () => {
    if (!engine) loadKit().then(setEngine, () => undefined);
  };
  const set = (key: keyof KitInput) => (value: string) => {
    wake();
    setInput((prev) => ({ ...prev, [key]: value }));
  };

  const started = input.links.trim() !== '' || input.serverJson.trim() !== '';
  const kit = useMemo(
    () => (engine && started ? engine.buildKit(providers, input) : null),
    [engine, providers, input, started],
  );
  const messages = (key: keyof KitInput) => kit?.messages[key] ?? [];
  const root = input.name.trim();

  const download = async () => {
    if (!kit?.files) return;
    setZipping(true);
    try {
      const { zipRepo } = await import('./zip.ts');
      const url = URL.createObjectURL(zipRepo(root, kit.files));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${root}.zip`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      announce(`${root}.zip downloaded: ${kit.files.length} files.`);
    } catch {
      announce('Could not build the .zip here: copy each file instead.');
    } finally {
      setZipping(false);
    }
  };

  return (
    <div class="cmg" data-team-kit onFocusIn={wake} onPointerDown={wake}>
      <Text
        id="tk-links"
        label="Share links, one a line"
        value={input.links}
        onInput={set('links')}
        multiline
        help={
          'From any guide: fill in its form and press "Copy link for teammates". Links never carry secrets.'
        }
        messages={messages('links')}
      />
      <Text
        id="tk-server-json"
        label="server.json (optional)"
        value={input.serverJson}
        onInput={set('serverJson')}
        multiline
        help="A server's server.json from the MCP Registry: its preferred remote or package is added."
        messages={messages('serverJson')}
      />
      <Text
        id="tk-name"
        label="Marketplace name"
        value={input.name}
        onInput={set('name')}
        help={'ASCII letters, digits, "-" and "_": the MARKETPLACE of PLUGIN@MARKETPLACE.'}
        messages={started ? messages('name') : []}
      />
      <Text
        id="tk-repo"
        label="GitHub repository (OWNER/REPO, optional)"
        value={input.repo}
        onInput={set('repo')}
        placeholder="acme/codex-plugins"
        help="Where you will push the kit; the README's install command names it."
        messages={started ? messages('repo') : []}
      />
      {kit?.files && (
        <div class="cmg-outputs" data-tk="files">
          <p>
            {kit.servers.length} {kit.servers.length === 1 ? 'plugin' : 'plugins'}:{' '}
            {kit.servers.map((s, i) => (
              <>
                {i > 0 && ', '}
                <code>{s.plugin}</code> ({s.source})
              </>
            ))}
            . Commit these files at the root of the repository, or download them all:
          </p>
          <p>
            <button
              type="button"
              class="cmg-copy"
              onClick={download}
              disabled={zipping}
              data-tk="download"
            >
              Download .zip
            </button>
          </p>
          {kit.files.map((f) => (
            <CopyBlock
              kind={`tk:${f.path}`}
              title={f.path}
              text={f.text.trimEnd()}
              onCopied={announce}
            />
          ))}
        </div>
      )}
      <p class="cmg-live" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
