/**
 * The notice above the generator when the page was opened from a share link: what the link set,
 * what to check, and what it left out. Loaded with the share-link codec (only for share links), so
 * it stays off every guide's first-interaction bytes.
 */
import type { Ref } from 'preact';
import type { Decoded } from '../../lib/share/share.ts';
import { InlineCode } from '../shared/fields.tsx';

/** What the notice above the form says about a link that was opened (see `decodeShare`). */
export type LinkReport = Pick<Decoded, 'applied' | 'cautions' | 'toAdd' | 'notices'>;

/** The share-link notice; focusable (the island focuses it) and dismissible. */
export function LinkNotice({
  link,
  noticeRef,
  onDismiss,
  fromJson,
}: {
  link: LinkReport;
  noticeRef: Ref<HTMLDivElement>;
  onDismiss: () => void;
  /**
   * The link was made from a server.json: the page's server.json notice already says where the
   * values came from and what to add, so this one shows only what to check and what was not used.
   */
  fromJson?: boolean;
}) {
  if (fromJson && link.cautions.length === 0 && link.notices.length === 0) return null;
  return (
    <div class="cmg-notice" role="status" tabIndex={-1} ref={noticeRef} data-link-notice>
      {!fromJson && (
        <p>
          <strong>Prefilled from a shared link.</strong>{' '}
          {link.applied.length === 0 ? "It sets nothing beyond this guide's defaults." : 'It set:'}
        </p>
      )}
      {!fromJson && link.applied.length > 0 && (
        <ul>
          {link.applied.map((a) => (
            <li>
              {a.label}: <code>{a.value}</code>
            </li>
          ))}
        </ul>
      )}
      {link.cautions.map((c) => (
        <p class="cmg-msg cmg-warning">
          <strong>Check: </strong>
          <InlineCode text={c} />
        </p>
      ))}
      {!fromJson && link.toAdd.length > 0 && (
        <p>Still to add yourself (links never carry them): {link.toAdd.join(', ')}.</p>
      )}
      {link.notices.length > 0 && (
        <>
          <p>Some settings in this link were not used:</p>
          <ul>
            {link.notices.map((n) => (
              <li>
                <InlineCode text={n} />
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
