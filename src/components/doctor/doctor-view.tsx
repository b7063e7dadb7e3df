/** Parts of the doctor page that need no state of their own: rich messages, and the merge-all result with its diff. */
import type { VNode } from 'preact';
import type { DiffLine } from '../../lib/config-file/line-diff.ts';
import type { DoctorReport } from '../../lib/doctor/index.ts';
import type { MergeAllAnswer } from './doctor-analysis.ts';
import { trimEndTokens } from '../../lib/generator/tokens.ts';
import { plainTokens } from '../shared/OutputBlock.tsx';
import { DoctorBlock } from './DoctorBlock.tsx';

export { HIGHLIGHT_LIMIT } from './limits.ts';

/**
 * A quoted value (and any message part) longer than this is shortened where it is drawn: the
 * doctor quotes what was pasted, and a 2 MB value in a message took Chromium 1.5 s of CPU to lay out.
 */
const CLIP_CODE = 240;
const CLIP_TEXT = 2000;

/** `text`, or its start and end around a count of what was left out. */
export function clip(text: string, max = CLIP_TEXT): string {
  if (text.length <= max) return text;
  const head = Math.round(max * 0.66);
  const tail = Math.round(max * 0.17);
  return `${text.slice(0, head)}… (${(text.length - head - tail).toLocaleString('en')} more characters) …${text.slice(-tail)}`;
}

/** Renders `code` spans in a message (the doctor writes key names in backticks). */
export function Rich({ text }: { text: string }) {
  const parts = text.split(/(`[^`]+`)/);
  return (
    <>
      {parts.map((p) =>
        p.startsWith('`') && p.endsWith('`') && p.length > 2 ? (
          <code>{clip(p.slice(1, -1), CLIP_CODE)}</code>
        ) : (
          clip(p)
        ),
      )}
    </>
  );
}

/** Unchanged lines shown around each change; longer unchanged runs are folded. */
const CONTEXT = 2;
/** Rows drawn at most: a diff of 60,000 changed lines drawn whole blocked the page for seconds. */
const MAX_ROWS = 400;

/** The diff of a merge: added and removed lines marked by a sign and by words (not colour alone). */
function Diff({ lines }: { lines: DiffLine[] }) {
  const near = (i: number) =>
    lines.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((l) => l.kind !== 'same');
  const rows: VNode[] = [];
  let folded = 0;
  let notDrawn = 0;
  lines.forEach((l, i) => {
    if (rows.length >= MAX_ROWS) {
      if (l.kind !== 'same') notDrawn += 1;
      return;
    }
    if (l.kind === 'same' && !near(i)) {
      folded += 1;
      return;
    }
    if (folded > 0)
      rows.push(
        <li class="cmd-diff-fold">
          … {folded} unchanged {folded === 1 ? 'line' : 'lines'}
        </li>,
      );
    folded = 0;
    const sign = l.kind === 'added' ? '+' : l.kind === 'removed' ? '−' : ' ';
    rows.push(
      <li class={`cmd-diff-${l.kind}`} data-diff={l.kind}>
        <span class="cmd-diff-sign" aria-hidden="true">
          {sign}
        </span>
        {l.kind !== 'same' && (
          <span class="cmd-sr">{l.kind === 'added' ? 'Added: ' : 'Removed: '}</span>
        )}
        <code>{l.text === '' ? ' ' : l.text}</code>
      </li>,
    );
  });
  if (folded > 0)
    rows.push(
      <li class="cmd-diff-fold">
        … {folded} unchanged {folded === 1 ? 'line' : 'lines'}
      </li>,
    );
  if (notDrawn > 0)
    rows.push(
      <li class="cmd-diff-fold" data-diff-more={notDrawn}>
        … and {notDrawn} more added or removed lines, not drawn here: the merged file below has them
        all.
      </li>,
    );
  return (
    // A long line scrolls the list sideways: focusable, so a keyboard can scroll it too (axe
    // scrollable-region-focusable), as the output blocks' <pre> is.
    <ol class="cmd-diff" tabIndex={0} aria-label="Changes to the file: added and removed lines">
      {rows}
    </ol>
  );
}

/** The result of "Merge all corrected blocks": what was merged or skipped, the diff, and the merged file. */
export function MergeAllView({
  answer,
  interactive,
  onCopied,
}: {
  answer: MergeAllAnswer;
  interactive: boolean;
  onCopied: (m: string) => void;
}) {
  const { result, diff } = answer;
  const added = diff.filter((l) => l.kind === 'added').length;
  const removed = diff.filter((l) => l.kind === 'removed').length;
  return (
    <>
      <p data-merge-all-summary>
        Merged {result.merged.length} {result.merged.length === 1 ? 'block' : 'blocks'} (
        {result.merged.join(', ') || 'none'}): {added} {added === 1 ? 'line' : 'lines'} added,{' '}
        {removed} removed. Every other line of the file stays as it was.
      </p>
      {result.skipped.length > 0 && (
        <div class="cmg-blocked">
          <p>Not merged:</p>
          <ul>
            {result.skipped.map((k) => (
              <li>
                <code>{k.name}</code>: <Rich text={k.reason} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.warnings.length > 0 && (
        <div class="cmg-notice">
          <ul>
            {result.warnings.map((w) => (
              <li>
                <Rich text={w} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3>What changes</h3>
      <Diff lines={diff} />
      <DoctorBlock
        kind="merged-all"
        title="Merged config.toml (all corrected blocks)"
        // The reader's own file with blocks merged in: shown as it is, not coloured.
        tokens={plainTokens(result.text)}
        interactive={interactive}
        onCopied={onCopied}
      />
    </>
  );
}

/** A plugin's corrected files (the whole .mcp.json, and plugin.json when its servers moved), and what changed. */
export function PluginFiles({
  plugin,
  interactive,
  onCopied,
}: {
  plugin: NonNullable<DoctorReport['plugin']>;
  interactive: boolean;
  onCopied: (m: string) => void;
}) {
  return (
    <div class="cmd-corrected" data-plugin-files>
      {plugin.files.map((f) => (
        <DoctorBlock
          kind={`doctor-plugin-${f.path}`}
          title={`Corrected ${f.path}`}
          // Plain text: a JSON lexer here would cost every doctor page's first load (its budget).
          tokens={trimEndTokens(plainTokens(f.text))}
          interactive={interactive}
          onCopied={onCopied}
        />
      ))}
      {plugin.changes.length > 0 && (
        <ul class="cmd-changes" aria-label="What changed in the plugin's files">
          {plugin.changes.slice(0, 30).map((c) => (
            <li>
              <Rich text={c} />
            </li>
          ))}
          {plugin.changes.length > 30 && <li>… and {plugin.changes.length - 30} more.</li>}
        </ul>
      )}
    </div>
  );
}
