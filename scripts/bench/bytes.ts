/**
 * Measurement 1: JavaScript before the first interaction on every built page, with exactly the
 * definitions the budget tests assert (tests/support/budget.ts): the static count, and what
 * headless Chromium really fetches while the page sits idle (which also catches scripts loaded on
 * idle, such as Starlight's default search UI). The baseline Starlight site is measured the same way.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Browser } from '@playwright/test';
import {
  CRITICAL_JS_BUDGET,
  criticalBytes,
  fetchedBeforeInteraction,
  guidePages,
  AFTER_INTERACTION_BUDGET,
  firstInteractionChunks,
  htmlPages,
  looksLikeHighlighter,
} from '../../tests/support/budget.ts';
import { localContext } from './browser.ts';
import { range, type Row } from './stats.ts';

export interface PageBytes {
  page: string;
  criticalExternal: number;
  criticalInline: number;
  critical: number;
  criticalFiles: string[];
  /** Measured in Chromium: every JS response while idle, plus inline scripts (null when not measured). */
  fetched: number | null;
  fetchedFiles: string[];
  /**
   * Guide pages only: what the first interaction loads (the engine; there is no highlighter any
   * more: outputs carry their colours). The field names are kept for the report's history.
   */
  highlighter: number | null;
  highlighterFiles: string[];
  highlighterOnCriticalPath: string[];
}

/** URL path of a built page file: dist/guides/nekt/index.html → /guides/nekt/, dist/404.html → /404.html. */
export function urlPathOf(dist: string, file: string): string {
  const rel = relative(dist, file)
    .replace(/\\/g, '/')
    .replace(/(^|\/)index\.html$/, '$1');
  return `/${rel}`;
}

/** The static count for every page of a build (the highlighter only where there is a generator). */
export function staticBytes(dist: string): PageBytes[] {
  const guides = new Set(guidePages(dist));
  return htmlPages(dist).map((file): PageBytes => {
    const html = readFileSync(file, 'utf8');
    const critical = criticalBytes(dist, html);
    const lazy = guides.has(file) ? firstInteractionChunks(dist, html) : null;
    return {
      page: urlPathOf(dist, file),
      criticalExternal: critical.external,
      criticalInline: critical.inline,
      critical: critical.external + critical.inline,
      criticalFiles: [...critical.files].sort(),
      fetched: null,
      fetchedFiles: [],
      highlighter: lazy?.bytes ?? null,
      highlighterFiles: lazy?.files ?? [],
      highlighterOnCriticalPath: [...critical.files].filter((f) => looksLikeHighlighter(f, dist)),
    };
  });
}

/** Fills in what Chromium really fetches before any interaction on each page. */
export async function measureFetched(
  browser: Browser,
  origin: string,
  pages: PageBytes[],
): Promise<void> {
  for (const p of pages) {
    const context = await localContext(browser, origin);
    const page = await context.newPage();
    const fetched = await fetchedBeforeInteraction(page, origin + p.page);
    await context.close();
    p.fetched = fetched.total;
    p.fetchedFiles = [...fetched.files.keys()].sort();
  }
}

const worst = (pages: readonly PageBytes[], f: (p: PageBytes) => number | null) =>
  Math.max(...pages.map((p) => f(p) ?? Number.NaN).filter(Number.isFinite));

/** Rows: fetched (browser) and static JS on every page, the highlighter on guide pages; baseline side by side. */
export function bytesRows(pages: readonly PageBytes[], baseline: readonly PageBytes[]): Row[] {
  const onPath = [...new Set(pages.flatMap((p) => p.highlighterOnCriticalPath))];
  const guides = pages.filter((p) => p.highlighter !== null);
  const worstPage = (f: (p: PageBytes) => number | null) =>
    pages.find((p) => f(p) === worst(pages, f))?.page ?? '';
  const rows: Row[] = [];
  if (pages.some((p) => p.fetched !== null)) {
    rows.push({
      section: 'Bytes',
      metric: 'JS fetched before the first interaction, every page (Chromium, idle, gzip -9)',
      unit: 'B',
      ...range(pages.map((p) => p.fetched ?? Number.NaN).filter(Number.isFinite)),
      compared: 'max',
      target: { kind: 'max', value: CRITICAL_JS_BUDGET },
      ...(baseline.some((p) => p.fetched !== null)
        ? { baseline: worst(baseline, (p) => p.fetched) }
        : {}),
      note: `${pages.length} pages, worst ${worstPage((p) => p.fetched)}; baseline: default Starlight pages, search UI loaded on idle`,
    });
  }
  rows.push(
    {
      section: 'Bytes',
      metric: 'JS before the first interaction, every page (static count, gzip -9)',
      unit: 'B',
      ...range(pages.map((p) => p.critical)),
      compared: 'max',
      target: { kind: 'max', value: CRITICAL_JS_BUDGET },
      ...(baseline.length > 0 ? { baseline: worst(baseline, (p) => p.critical) } : {}),
      note: `worst ${worstPage((p) => p.critical)}; the static count cannot see scripts loaded on idle (the browser row can)`,
    },
    {
      section: 'Bytes',
      metric: 'JS loaded on the first interaction per guide page (engine, gzip -9)',
      unit: 'B',
      ...range(guides.map((p) => p.highlighter ?? 0)),
      compared: 'max',
      target: { kind: 'max', value: AFTER_INTERACTION_BUDGET },
      note:
        onPath.length > 0
          ? `highlighter chunks on the critical path: ${onPath.join(', ')}`
          : 'no highlighter chunk on the critical path',
    },
  );
  return rows;
}
