/** One output block: a caption, the exact text (highlighted when the highlighter has loaded), and a copy button. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Highlighter, Lang } from '../highlight/highlight.ts';
import { copyText } from './live.ts';

interface Props {
  /** Stable hook for tests: the block's text is exactly what copy puts on the clipboard. */
  kind: string;
  title: string;
  text: string;
  lang: Lang;
  highlighter: Highlighter | null;
  interactive: boolean;
  hidden?: boolean;
  partial?: boolean;
  /** What the block displays when that is not all of `text` (the doctor's huge blocks); Copy copies `text`. */
  shown?: string;
  onCopied: (message: string) => void;
  /** Hears the announcement this block made when its text changes after a copy: it no longer holds. */
  onStale?: (message: string) => void;
}

/**
 * Highlighted lines, or null when the tokens would not reproduce the text exactly. A hidden block
 * (another shell's variant) takes only tokens already known, computed at build time, so it is
 * highlighted the moment it is shown without tokenizing it on every keystroke while hidden.
 */
function highlighted(highlighter: Highlighter | null, text: string, lang: Lang, hidden: boolean) {
  if (!highlighter) return null;
  try {
    const lines = hidden ? highlighter.known?.(text, lang) : highlighter.tokenize(text, lang);
    if (!lines) return null;
    const joined = lines.map((l) => l.map((t) => t.content).join('')).join('\n');
    if (joined !== text) return null;
    return lines.map((line, i) => (
      <>
        {i > 0 && '\n'}
        {line.map((t) =>
          Object.keys(t.style).length > 0 ? <span style={t.style}>{t.content}</span> : t.content,
        )}
      </>
    ));
  } catch {
    // Highlighting is decoration: on any failure the plain text stays.
    return null;
  }
}

/** One output block with its copy button. */
export function OutputBlock({
  kind,
  title,
  text,
  lang,
  highlighter,
  interactive,
  hidden,
  partial,
  shown,
  onCopied,
  onStale,
}: Props) {
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
  // Tokenizing is most of a keystroke's cost: only when the text changes, and never for hidden blocks,
  // which are highlighted when they are shown.
  const tokens = useMemo(
    () => highlighted(highlighter, text, lang, !!hidden),
    [hidden, highlighter, text, lang],
  );
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
        <code>{tokens ?? shown ?? text}</code>
      </pre>
    </figure>
  );
}
