/** The doctor's form parts: a labelled text area, the "Codex version" control, and reading a pasted block's name. */
import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { CODEX_NEWEST, PROBED_RELEASES, type Release } from '../../lib/codex/releases.ts';
import type { Mode } from './doctor-cards.tsx';

/** What "Load an example" pastes, per mode. */
export const EXAMPLES: Record<Mode, string> = {
  toml: `# ~/.codex/config.toml
model = "o3"

[mcp_servers.github]
url = "https://api.githubcopilot.com/mcp/"
bearer_token = "ghp_example0123456789abcdefghijklmnop"
tool_timeout_sec = "60"

[mcp_servers.docs]
type = "http"
url = "https://docs.example.com/mcp"
headers = { Authorization = "Bearer \${DOCS_TOKEN}" }
`,
  json: `{
  "mcpServers": {
    "filesystem": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem", "/Users/me/Projects"]
    },
    "search": {
      "type": "http",
      "url": "https://search.example.com/mcp",
      "headers": { "X-API-Key": "\${env:SEARCH_KEY}" }
    }
  }
}
`,
  plugin: `{
  "mcpServers": {
    "docs": {
      "type": "http",
      "url": "https://docs.example.com/mcp",
      "headers": { "Authorization": "Bearer \${DOCS_TOKEN}" }
    },
    "local": {
      "command": "node",
      "args": ["\${CLAUDE_PLUGIN_ROOT}/dist/server.js"]
    }
  }
}
`,
};

/** The single server name a block defines, or '' when it does not parse to exactly one. */
export async function blockName(block: string): Promise<string> {
  try {
    // The TOML parser loads when the reader first edits the block, not with the page (byte budget).
    const { parse } = await import('smol-toml');
    const servers = (parse(block) as Record<string, unknown>)['mcp_servers'];
    if (typeof servers === 'object' && servers !== null) {
      const names = Object.keys(servers);
      if (names.length === 1) return names[0] as string;
    }
  } catch {
    // An unparsable block has no name; the merge reports the parse error itself.
  }
  return '';
}

/**
 * A value above this many characters that did not come from typing in the field (a paste, a
 * prefilled block) is held rather than put in it: Chromium takes seconds to lay out a
 * multi-megabyte text area (5 s of CPU for 2 MB here), which no script can shorten. The doctor
 * still reads all of it; the reader may still show it.
 */
export const HOLD_CHARS = 256 * 1024;

const size = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;

function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines += 1;
  return lines;
}

/** A labelled text area with its help text; a very large value is held, with a way to show it. */
export function Area(props: {
  id: string;
  label: ComponentChildren;
  value: string;
  onInput: (v: string) => void;
  help?: string;
  rows?: number;
  areaRef?: { current: HTMLTextAreaElement | null };
}) {
  const { id, label, value, onInput, help, rows, areaRef } = props;
  // What the reader typed last, and a large value they asked to see: neither is held.
  const typed = useRef<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const held = value.length > HOLD_CHARS && value !== typed.current && value !== shown;
  const lines = useMemo(() => (held ? lineCount(value) : 0), [held, value]);
  const describedBy = [help !== undefined && `${id}-help`, held && `${id}-held`]
    .filter(Boolean)
    .join(' ');
  const onPaste = (e: ClipboardEvent) => {
    const pasted = e.clipboardData?.getData('text/plain') ?? '';
    const el = e.currentTarget as HTMLTextAreaElement;
    // Into a held value (not in the field) a paste replaces it; otherwise it goes where the caret is.
    const next = held
      ? pasted
      : value.slice(0, el.selectionStart) + pasted + value.slice(el.selectionEnd);
    if (next.length <= HOLD_CHARS && !held) return;
    e.preventDefault();
    onInput(next);
  };
  return (
    <div class="cmg-field cmd-area">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        {...(areaRef && { ref: areaRef })}
        value={held ? '' : value}
        readOnly={held}
        rows={held ? 2 : (rows ?? 12)}
        spellcheck={false}
        autocomplete="off"
        autocapitalize="off"
        wrap="off"
        {...(describedBy !== '' && { 'aria-describedby': describedBy })}
        onInput={(e) => {
          typed.current = e.currentTarget.value;
          onInput(e.currentTarget.value);
        }}
        onPaste={onPaste}
      />
      {held && (
        <div class="cmg-notice cmd-held" id={`${id}-held`} data-held>
          <p>
            Holding {size(value.length)} ({lines.toLocaleString('en')} lines): the doctor reads all
            of it, but the field does not show it, because a browser takes seconds to lay out that
            much text.
          </p>
          <button type="button" onClick={() => setShown(value)}>
            Show it in the field (slow)
          </button>{' '}
          <button type="button" onClick={() => onInput('')}>
            Clear
          </button>
        </div>
      )}
      {help && (
        <p class="cmg-help" id={`${id}-help`}>
          {help}
        </p>
      )}
    </div>
  );
}

/** The releases offered, newest first. */
const RELEASES_NEWEST_FIRST: readonly Release[] = [...PROBED_RELEASES].reverse();

/** The "Codex version" control: a labelled select of the probed releases, newest first and by default. */
export function ReleaseSelect({
  value,
  onChange,
}: {
  value: Release;
  onChange: (r: Release) => void;
}) {
  return (
    <div class="cmg-field cmd-release">
      <label for="cmd-release">Codex version</label>
      <select
        id="cmd-release"
        value={value}
        aria-describedby="cmd-release-help"
        onChange={(e) =>
          onChange(
            (RELEASES_NEWEST_FIRST.find((r) => r === e.currentTarget.value) ??
              CODEX_NEWEST) as Release,
          )
        }
      >
        {RELEASES_NEWEST_FIRST.map((r) => (
          <option value={r}>{r === CODEX_NEWEST ? `${r} (newest)` : r}</option>
        ))}
      </select>
      <p class="cmg-help" id="cmd-release-help">
        The doctor judges by this release's rules (<code>codex --version</code> prints yours).
      </p>
    </div>
  );
}
