/** One output block: a caption, the exact text coloured by its tokens' kinds, and a copy button. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { textOf, type Token } from '../../lib/generator/tokens.ts';
import { copyText } from './live.ts';

interface Props {
  /** Stable hook for tests: the block's text is exactly what copy puts on the clipboard. */
  kind: string;
  title: string;
  /** The block as its renderer wrote it: the text shown and copied is exactly their concatenation. */
  tokens: readonly Token[];
  interactive: boolean;
  hidden?: boolean;
  partial?: boolean;
  /** What the block displays when that is not all of `text` (the doctor's huge blocks); Copy copies `text`. */
  shown?: string;
  onCopied: (message: string) => void;
  /** Hears the announcement this block made when its text changes after a copy: it no longer holds. */
  onStale?: (message: string) => void;
}

/** User text shown as is (the doctor's merged files): one plain token. */
export const plainTokens = (text: string): Token[] => [{ kind: 'plain', text }];

/**
 * Each token coloured by its kind (cmg-t-KIND, generator.css); plain ones as bare text. The same
 * markup at build time and in the browser: the no-JS page shows exactly this.
 */
const rendered = (tokens: readonly Token[]) =>
  tokens.map((t) =>
    t.kind === 'plain' ? t.text : <span class={`cmg-t-${t.kind}`}>{t.text}</span>,
  );

/** One output block with its copy button. */
export function OutputBlock({
  kind,
  title,
  tokens,
  interactive,
  hidden,
  partial,
  shown,
  onCopied,
  onStale,
}: Props) {
  const text = useMemo(() => textOf(tokens), [tokens]);
  // The last copy: of which text, what was announced, and the button's label (back to "Copy" after 2 s).
  const [copied, setCopied] = useState<{ text: string; message: string; label: string } | null>(
    null,
  );
  useEffect(() => {
    // "Copied" describes the text that was copied: once the text changes it would mislead.
    if (copied && copied.text !== text) {
      onStale?.(copied.message);
      setCopied(null);
    }
    // Only while a copy is shown: otherwise a keystroke that changes the text would run this
    // effect, in a task of its own after the frame, for nothing.
  }, [copied ? text : null]);
  const copy = async () => {
    const ok = await copyText(text);
    const message = ok
      ? `${title} copied to the clipboard.`
      : `Could not copy ${title}: select the text and copy it by hand.`;
    setCopied({ text, message, label: ok ? 'Copied' : 'Copy failed' });
    onCopied(message);
    // The announcement stays until the text changes; only the button's label goes back.
    setTimeout(() => setCopied((c) => c && { ...c, label: 'Copy' }), 2000);
  };
  return (
    <figure class="cmg-block" hidden={hidden} data-block={kind}>
      <figcaption>
        <span>{title}</span>
        {interactive && (
          <button
            type="button"
            class="cmg-copy"
            onClick={copy}
            aria-label={`${copied?.label ?? 'Copy'} ${title}`}
          >
            {copied?.label ?? 'Copy'}
          </button>
        )}
      </figcaption>
      <pre
        class="cmg-pre"
        tabIndex={0}
        aria-label={title}
        data-output={kind}
        data-cli-partial={partial ? '' : undefined}
      >
        <code>{shown ?? rendered(tokens)}</code>
      </pre>
    </figure>
  );
}
