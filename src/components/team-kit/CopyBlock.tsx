/**
 * A file to copy: its path as the caption, the exact text, and a copy button whose result is
 * announced. Plain text (JSON and Markdown have no grammar in the site's highlighter). Kept apart
 * from the generator's OutputBlock so that the guides' critical path stays one chunk for it.
 */
import { copyText } from '../shared/live.ts';

interface Props {
  kind: string;
  title: string;
  text: string;
  onCopied: (message: string) => void;
}

export function CopyBlock({ kind, title, text, onCopied }: Props) {
  const copy = async () =>
    onCopied(
      (await copyText(text))
        ? `${title} copied to the clipboard.`
        : `Could not copy ${title}: select the text and copy it by hand.`,
    );
  return (
    <figure class="cmg-block" data-block={kind}>
      <figcaption>
        <span>{title}</span>
        <button type="button" class="cmg-copy" onClick={copy} aria-label={`Copy ${title}`}>
          Copy
        </button>
      </figcaption>
      <pre class="cmg-pre" tabIndex={0} aria-label={title} data-output={kind}>
        <code>{text}</code>
      </pre>
    </figure>
  );
}
