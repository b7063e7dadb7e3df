/**
 * Measurement 1 (static half): critical JS and the lazy highlighter's bytes per guide page, with
 * exactly the definitions the budget test asserts (tests/support/budget.ts).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CRITICAL_JS_BUDGET, criticalBytes, HIGHLIGHTER_BUDGET, highlighterChunks, looksLikeHighlighter } from '../../tests/support/budget.ts';
import { range, type Row } from './stats.ts';

export interface PageBytes {
  page: string;
  criticalExternal: number;
  criticalInline: number;
  critical: number;
  criticalFiles: string[];
  highlighter: number;
  highlighterFiles: string[];
  highlighterOnCriticalPath: string[];
}

export interface BytesResult {
  pages: PageBytes[];
  rows: Row[];
}

/** URL path of a built page file: dist/guides/nekt/index.html → /guides/nekt/. */
export function urlPathOf(dist: string, file: string): string {
  const rel = relative(dist, file).replace(/\\/g, '/').replace(/index\.html$/, '');
  return `/${rel}`;
}

export function measureBytes(dist: string, guideFiles: readonly string[]): BytesResult {
  const pages = guideFiles.map((file): PageBytes => {
    const html = readFileSync(file, 'utf8');
    const critical = criticalBytes(dist, html);
    const lazy = highlighterChunks(dist, html);
    return {
      page: urlPathOf(dist, file),
      criticalExternal: critical.external,
      criticalInline: critical.inline,
      critical: critical.external + critical.inline,
      criticalFiles: [...critical.files].sort(),
      highlighter: lazy.bytes,
      highlighterFiles: lazy.files,
      highlighterOnCriticalPath: [...critical.files].filter(looksLikeHighlighter),
    };
  });
  const crit = range(pages.map((p) => p.critical));
  const hl = range(pages.map((p) => p.highlighter));
  const onPath = pages.flatMap((p) => p.highlighterOnCriticalPath);
  const rows: Row[] = [
    {
      section: 'Bytes',
      metric: 'Critical JS per guide page (gzip -9)',
      unit: 'B',
      ...crit,
      compared: 'max',
      target: { kind: 'max', value: CRITICAL_JS_BUDGET },
      note: `${pages.length} guide pages; worst page counts`,
    },
    {
      section: 'Bytes',
      metric: 'Lazy highlighter per guide page (gzip -9)',
      unit: 'B',
      ...hl,
      compared: 'max',
      target: { kind: 'max', value: HIGHLIGHTER_BUDGET },
      note: onPath.length > 0 ? `highlighter chunks on the critical path: ${[...new Set(onPath)].join(', ')}` : 'no highlighter chunk on the critical path',
    },
  ];
  return { pages, rows };
}
