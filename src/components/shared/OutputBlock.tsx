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

/**
 * A block longer than this shows only its first lines (Copy still copies all of it): Chromium took
 * 3 s of CPU to lay out an 80,000-line block, 0.4 s for 20,000 lines.
 */
const SHOWN_LINES = 400;
const SHOWN_CHARS = 40_000;

/** The part of `text` a block shows, and how many lines it leaves out (0 when it shows all). */
export function shownPart(text: string): { shown: string; total: number; left: number } {
  let cut = -1;
  let lines = 1;
  for (
    let i = text.indexOf('\n');
    i !== -1 && lines <= SHOWN_LINES;
    i = text.indexOf('\n', i + 1)
  ) {
    lines += 1;
    if (lines > SHOWN_LINES) cut = i;
  }
  if (cut === -1 && text.length <= SHOWN_CHARS) return { shown: text, total: lines, left: 0 };
  cut = Math.min(cut === -1 ? text.length : cut, SHOWN_CHARS);
  const shown = text.slice(0, cut);
  let total = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) total += 1;
  let kept = 1;
  for (let i = shown.indexOf('\n'); i !== -1; i = shown.indexOf('\n', i + 1)) kept += 1;
  return { shown, total, left: total - kept };
}

/** One output block with its copy button. */
export function OutputBlock({
  kind,
  title,
  tokens,
  interactive,
  hidden,
  partial,
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
  }, [text]);
  // A block cut to its first lines shows them as plain text (its tokens would cover all of it).
  const part = useMemo(() => shownPart(text), [text]);
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
          <button type="button" class="cmg-copy" onClick={copy} aria-label={`Copy ${title}`}>
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
        <code>{part.left > 0 ? part.shown : rendered(tokens)}</code>
      </pre>
      {part.left > 0 && (
        <p class="cmg-help" data-truncated>
          Only the first {(part.total - part.left).toLocaleString('en')} of{' '}
          {part.total.toLocaleString('en')} lines are shown here; Copy copies all of them.
        </p>
      )}
    </figure>
  );
}
