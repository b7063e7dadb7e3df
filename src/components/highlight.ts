/**
 * Lazy syntax highlighting for the island's output blocks, built on shiki's tokenizer primitives
 * (no HTML renderer: the island renders tokens itself), the JavaScript regex engine, only the
 * `toml` and `shellscript` grammars and two themes. The build runs the same code to highlight
 * what a page shows first (prehighlight.ts); the browser loads it only on the first interaction.
 */
import type { GrammarState, ShikiPrimitive } from '@shikijs/primitive';

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
  /** Tokens already known for `code` (computed at build time), without tokenizing; hidden blocks use only these. */
  known?(code: string, lang: Lang): Token[][] | undefined;
}

const loading = new Map<number, Promise<Highlighter>>();

/** True when a line ends with nothing open, in every theme's stack: the next line starts afresh. */
function atRoot(state: GrammarState): boolean {
  return state.themes.every((theme) => (state.getInternalStack(theme) as { depth?: number } | undefined)?.depth === 1);
}

/**
 * Starts loading the highlighter once; later calls share the same promise. shiki stops tokenizing a
 * line after `timeLimitMs` and leaves the rest uncoloured: in the browser that guards against a
 * runaway pattern, but the build passes 0 (no limit) so a busy machine cannot change the output.
 */
export function loadHighlighter(timeLimitMs = 500): Promise<Highlighter> {
  const existing = loading.get(timeLimitMs);
  if (existing) return existing;
  const created = (async (): Promise<Highlighter> => {
    const [{ createShikiPrimitiveAsync, codeToTokensWithThemes, getLastGrammarState }, { createJavaScriptRegexEngine }] = await Promise.all([
      import('@shikijs/primitive'),
      import('@shikijs/engine-javascript'),
    ]);
    const primitive: ShikiPrimitive = await createShikiPrimitiveAsync({
      themes: [import('@shikijs/themes/github-light'), import('@shikijs/themes/github-dark')],
      langs: [import('@shikijs/langs/toml'), import('@shikijs/langs/shellscript')],
      engine: createJavaScriptRegexEngine(),
    });
    const options = {
      themes: { light: 'github-light', dark: 'github-dark' },
      // github-dark's comment grey (#6a737d) is 3.7:1 on Starlight's dark background; this one is 6:1 (WCAG AA).
      colorReplacements: { 'github-dark': { '#6a737d': '#8b949e' } },
      tokenizeTimeLimit: timeLimitMs,
    };
    // A keystroke changes one or two lines of a block. Lines that start in the grammar's root state
    // (nothing left open by the line before) tokenize the same wherever they appear, so they are
    // cached by text and only changed lines are tokenized again.
    const cache = new Map<string, { tokens: Token[]; end: GrammarState | undefined }>();
    const tokenizeLine = (line: string, lang: 'toml' | 'shellscript', state: GrammarState | undefined) => {
      const themed = codeToTokensWithThemes(primitive, line, { lang, ...options, ...(state ? { grammarState: state } : {}) });
      const end = getLastGrammarState(primitive, themed);
      const tokens = (themed[0] ?? []).map((t) => {
        const style: Record<string, string> = {};
        if (t.variants['light']?.color) style['--shiki-light'] = t.variants['light'].color;
        if (t.variants['dark']?.color) style['--shiki-dark'] = t.variants['dark'].color;
        return { content: t.content, style };
      });
      return { tokens, end: end && atRoot(end) ? undefined : end };
    };
    return {
      tokenize(code, lang) {
        // PowerShell has no grammar loaded (it would cost ~15 KB); its blocks stay plain text.
        if (lang === 'powershell') return code.split('\n').map((line) => [{ content: line, style: {} }]);
        if (cache.size > 4000) cache.clear();
        let state: GrammarState | undefined;
        return code.split('\n').map((line) => {
          const key = `${lang}\n${line}`;
          const hit = state ? undefined : cache.get(key);
          const result = hit ?? tokenizeLine(line, lang, state);
          if (!state && !hit) cache.set(key, result);
          state = result.end;
          return result.tokens;
        });
      },
    };
  })();
  loading.set(timeLimitMs, created);
  return created;
}

/** The next task: lets the browser paint and handle input between two pieces of work. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

let warming: Promise<Highlighter> | undefined;

/**
 * Loads the highlighter and compiles each grammar in its own task (so no one long task freezes
 * the page), once per page. Called on the first interaction, alongside the generator engine.
 */
export function loadHighlighterWarm(): Promise<Highlighter> {
  warming ??= (async () => {
    const highlighter = await loadHighlighter();
    for (const lang of ['toml', 'shellscript'] as const) {
      await nextTask();
      highlighter.tokenize('x = 1', lang);
    }
    return highlighter;
  })();
  return warming;
}

/**
 * Hands over the highlighter once the reader first interacts with `element` (focus, pointer or
 * key), or at once when `now` is set. Before that the page needs none: what it shows first was
 * highlighted at build time. Highlighting is decoration: failures leave plain text.
 */
export function loadHighlighterOnInteraction(element: Element | null, onReady: (highlighter: Highlighter) => void, now = false): void {
  const events = ['focusin', 'pointerdown', 'keydown'] as const;
  const start = () => {
    for (const e of events) element?.removeEventListener(e, start);
    loadHighlighterWarm().then(onReady, () => undefined);
  };
  if (now || !element) start();
  else for (const e of events) element.addEventListener(e, start, { passive: true });
}
