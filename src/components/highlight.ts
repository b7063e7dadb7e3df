/**
 * Lazy syntax highlighting for the island's output blocks, built on shiki's tokenizer primitives
 * (no HTML renderer: the island renders tokens itself), the JavaScript regex engine, only the
 * `toml` and `shellscript` grammars and two themes. It is loaded after first paint; until it
 * arrives the outputs are plain text.
 */
import type { ShikiPrimitive } from '@shikijs/primitive';

/** The languages the island shows. */
export type Lang = 'toml' | 'shellscript' | 'powershell';

/** One highlighted token: its text and the CSS custom properties that colour it per theme. */
export interface Token {
  content: string;
  style: Record<string, string>;
}

/** A loaded highlighter: tokenizes synchronously. */
export interface Highlighter {
  tokenize(code: string, lang: Lang): Token[][];
}

let loading: Promise<Highlighter> | undefined;

/** Starts loading the highlighter once; later calls share the same promise. */
export function loadHighlighter(): Promise<Highlighter> {
  loading ??= (async () => {
    const [{ createShikiPrimitiveAsync, codeToTokensWithThemes }, { createJavaScriptRegexEngine }] = await Promise.all([
      import('@shikijs/primitive'),
      import('@shikijs/engine-javascript'),
    ]);
    const primitive: ShikiPrimitive = await createShikiPrimitiveAsync({
      themes: [import('@shikijs/themes/github-light'), import('@shikijs/themes/github-dark')],
      langs: [import('@shikijs/langs/toml'), import('@shikijs/langs/shellscript')],
      engine: createJavaScriptRegexEngine(),
    });
    return {
      tokenize(code, lang) {
        // PowerShell has no grammar loaded (it would cost ~15 KB); its blocks stay plain text.
        if (lang === 'powershell') return code.split('\n').map((line) => [{ content: line, style: {} }]);
        const lines = codeToTokensWithThemes(primitive, code, {
          lang,
          themes: { light: 'github-light', dark: 'github-dark' },
          // github-dark's comment grey (#6a737d) is 3.7:1 on Starlight's dark background; this one is 6:1 (WCAG AA).
          colorReplacements: { 'github-dark': { '#6a737d': '#8b949e' } },
        });
        return lines.map((line) =>
          line.map((t) => {
            const style: Record<string, string> = {};
            if (t.variants['light']?.color) style['--shiki-light'] = t.variants['light'].color;
            if (t.variants['dark']?.color) style['--shiki-dark'] = t.variants['dark'].color;
            return { content: t.content, style };
          }),
        );
      },
    };
  })();
  return loading;
}

/** Resolves when the browser is idle (or after a short delay where requestIdleCallback is missing). */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 200);
  });
}

/** Resolves once `element` is near the viewport, so a generator far down the page costs nothing at load. */
function nearViewport(element: Element | null): Promise<void> {
  if (!element || !('IntersectionObserver' in window)) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          resolve();
        }
      },
      { rootMargin: '400px' },
    );
    observer.observe(element);
  });
}

/**
 * Loads the highlighter after first paint, once `element` is near the viewport and the browser is
 * idle, then hands it over. Each grammar is warmed up in its own idle slot, so compiling them never
 * makes one long task on a slow phone. Highlighting is decoration: failures leave plain text.
 */
export function loadHighlighterWhenIdle(onReady: (highlighter: Highlighter) => void, element: Element | null = null): void {
  (async () => {
    await nearViewport(element);
    await idle();
    const highlighter = await loadHighlighter();
    for (const lang of ['toml', 'shellscript'] as const) {
      await idle();
      highlighter.tokenize('x = 1', lang);
    }
    await idle();
    onReady(highlighter);
  })().catch(() => undefined);
}
