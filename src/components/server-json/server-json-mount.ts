/**
 * Hydrates the "Import a server.json" box. ServerJsonImport.astro renders the box at build time and
 * imports this module only when the reader opens it, or when the page was opened from a prefilled
 * (`from=`) link, so none of its code loads before the first interaction.
 */
import { h, hydrate } from 'preact';
import type { Provider } from '../../lib/input/provider.ts';
import ServerJsonImport from './ServerJsonImport.tsx';

/** Hydrates the box rendered inside `root`; its props are the JSON in `data-provider`. */
export function mountServerJsonImport(root: HTMLElement): void {
  const provider = JSON.parse(root.dataset['provider'] ?? 'null') as Provider;
  hydrate(h(ServerJsonImport, { provider }), root);
}
