/**
 * The Pagefind search UI with Starlight's settings, loaded by Search.astro when the reader first
 * opens search. Its stylesheet comes with it, so neither is on any page's critical path.
 */
// @ts-expect-error: @pagefind/default-ui ships no types (Starlight's own component does the same).
import { PagefindUI } from '@pagefind/default-ui';
// As a URL, not a CSS import: Astro hoists the CSS of every module a page's scripts can reach into
// the page's <head>, which would load the stylesheet on every page. Linked when search first opens.
import stylesUrl from './search-ui.css?url';
import { rankSections, type RankableResult } from './rank.ts';

/** What Search.astro passes: Starlight's Pagefind options plus its URL formatter. */
interface Options extends Record<string, unknown> {
  element: string;
  formatURL: (path: string) => string;
}

type Result = RankableResult;

/** Links Pagefind's stylesheet and resolves once it has loaded (or failed: the UI still works). */
function loadStyles(): Promise<void> {
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesUrl;
    link.onload = link.onerror = () => resolve();
    document.head.append(link);
  });
}

/**
 * Mounts the Pagefind UI as Starlight 0.42's Search component does, once its styles are in; the one
 * change is the order of a result's sections (rank.ts).
 */
export async function mountSearchUI({ formatURL, ...options }: Options): Promise<void> {
  await loadStyles();
  // The words searched for, so a pasted message's own section is listed first (rank.ts).
  let term = '';
  new PagefindUI({
    ...options,
    showImages: false,
    showSubResults: true,
    processTerm: (t: string) => ((term = t), t),
    processResult: (result: Result) => {
      const ranked = rankSections(result, term);
      result.url = formatURL(result.url);
      result.sub_results = ranked.map((sub) => ({ ...sub, url: formatURL(sub.url) }));
    },
  });
}
