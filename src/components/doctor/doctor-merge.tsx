/** The merge preview: the reader's file with one block added or replaced, everything else kept byte for byte. */
import type { MergeResult } from '../../lib/config-file/merge.ts';
import { Area } from './doctor-fields.tsx';
import { Rich } from './doctor-view.tsx';
import { plainTokens } from '../shared/OutputBlock.tsx';
import { DoctorBlock } from './DoctorBlock.tsx';

interface MergePreviewProps {
  existing: string;
  onExisting: (v: string) => void;
  name: string;
  onName: (v: string) => void;
  block: string;
  onBlock: (v: string) => void;
  /** The merge of `block` into `existing`, when there is one to show. */
  merge: MergeResult | null;
  /** True while "All corrected blocks, merged" is shown above: the one merged result on the page. */
  mergedAbove: boolean;
  headingRef: { current: HTMLHeadingElement | null };
  hydrated: boolean;
  onCopied: (message: string) => void;
}

/** The merge preview section; its state lives in the island, which fills it from the corrected blocks. */
export function MergePreview(props: MergePreviewProps) {
  const {
    existing,
    onExisting,
    name,
    onName,
    block,
    onBlock,
    merge,
    mergedAbove,
    headingRef,
    hydrated,
    onCopied,
  } = props;
  return (
    <section class="cmd-merge" aria-labelledby="cmd-merge-heading">
      <h2 id="cmd-merge-heading" tabIndex={-1} ref={headingRef}>
        Merge preview
      </h2>
      <p class="cmg-help">
        See your whole file with one server added or replaced, the way <code>codex mcp add</code>{' '}
        would do it, before you touch it. Everything else in the file, comments included, stays
        exactly as it is.
      </p>
      <form
        class="cmg-form"
        aria-label="Merge preview"
        onSubmit={(e) => e.preventDefault()}
        noValidate
      >
        <Area
          id="cmd-existing"
          label="Your current config.toml"
          value={existing}
          onInput={onExisting}
          rows={8}
          help="Leave empty to start a new file."
        />
        <div class="cmg-field">
          <label for="cmd-merge-name">Server name</label>
          <input
            id="cmd-merge-name"
            type="text"
            value={name}
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            aria-describedby="cmd-merge-name-help"
            onInput={(e) => onName(e.currentTarget.value)}
          />
          <p class="cmg-help" id="cmd-merge-name-help">
            The name in the block below, as in <code>[mcp_servers.NAME]</code>.
          </p>
        </div>
        <Area
          id="cmd-merge-block"
          label="Block to merge"
          value={block}
          onInput={onBlock}
          rows={8}
          help="Filled in with the first corrected block above; paste a block from a guide or the generator instead if you like."
        />
      </form>
      {mergedAbove && (
        <p class="cmg-help" data-merged-above>
          The merged file is shown above, under "All corrected blocks, merged". Edit a field here to
          preview one block instead.
        </p>
      )}
      {merge && (
        <div class="cmd-merge-result" data-merge-collision={merge.collision ? 'true' : 'false'}>
          {merge.error ? (
            <p class="cmg-blocked">
              <Rich text={merge.error.message} />
            </p>
          ) : (
            <>
              {merge.warnings.length > 0 && (
                <div class="cmg-notice" data-merge-warning>
                  <ul>
                    {merge.warnings.map((w) => (
                      <li>
                        <Rich text={w} />
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              <DoctorBlock
                kind="merged"
                title="Merged config.toml"
                // The reader's own file with the block merged in: shown as it is, not coloured.
                tokens={plainTokens(merge.text ?? '')}
                interactive={hydrated}
                onCopied={onCopied}
              />
            </>
          )}
        </div>
      )}
    </section>
  );
}
