/**
 * The Pagefind search UI with Starlight's settings, loaded by Search.astro when the reader first
 * opens search. Its stylesheet comes with it, so neither is on any page's critical path.
 */
// @ts-expect-error: @pagefind/default-ui ships no types (Starlight's own component does the same).
import { PagefindUI } from '@pagefind/default-ui';
import './search-ui.css';

/** What Search.astro passes: Starlight's Pagefind options plus its URL formatter. */
interface Options extends Record<string, unknown> {
  element: string;
  formatURL: (path: string) => string;
}

interface Result {
  url: string;
  sub_results: Array<{ url: string }>;
}

/** Mounts the Pagefind UI exactly as Starlight 0.42's Search component does. */
export function mountSearchUI({ formatURL, ...options }: Options): void {
  new PagefindUI({
    ...options,
    showImages: false,
    showSubResults: true,
    processResult: (result: Result) => {
      result.url = formatURL(result.url);
      result.sub_results = result.sub_results.map((sub) => ({ ...sub, url: formatURL(sub.url) }));
    },
  });
}
