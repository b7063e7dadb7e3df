/**
 * The highlighter itself, in its own chunk so none of it is on a page's critical path: shiki's
 * tokenizer primitives (no HTML renderer: the island renders tokens itself), the JavaScript regex
 * engine, only the `toml`, `shellscript` and `powershell` grammars and two themes, and a cache of lines.
 * Loaded through highlight.ts; the build runs the same code (prehighlight-build.ts).
 */
import {
  codeToTokensWithThemes,
  createShikiPrimitiveAsync,
  getLastGrammarState,
  type ShikiPrimitive,
} from '@shikijs/primitive';
import { createJavaScriptRegexEngine } from '@shikijs/engine-javascript';
import powershell from '@shikijs/langs/powershell';
import shellscript from '@shikijs/langs/shellscript';
import toml from '@shikijs/langs/toml';
import githubDark from '@shikijs/themes/github-dark';
import githubLight from '@shikijs/themes/github-light';
import type { Highlighter, Lang, Token } from './types.ts';

/** A grammar state as shiki's tokenizer takes and returns it (the interface, not the class). */
type GrammarState = NonNullable<ReturnType<typeof getLastGrammarState>>;

/** True when a line ends with nothing open, in every theme's stack: the next line starts afresh. */
function atRoot(state: GrammarState): boolean {
  return state.themes.every(
    (theme) => (state.getInternalStack(theme) as { depth?: number } | undefined)?.depth === 1,
  );
}

/** Creates a highlighter; shiki gives up on a line after `timeLimitMs` (0: never). */
export async function createHighlighter(timeLimitMs: number): Promise<Highlighter> {
  // Static imports: this chunk is itself loaded lazily, and its dependencies then load in parallel.
  const primitive: ShikiPrimitive = await createShikiPrimitiveAsync({
    themes: [githubLight, githubDark],
    // PowerShell costs ~4 KB gzipped in this lazy chunk; its blocks are coloured like the others.
    langs: [toml, shellscript, powershell],
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
  const tokenizeLine = (line: string, lang: Lang, state: GrammarState | undefined) => {
    const themed = codeToTokensWithThemes(primitive, line, {
      lang,
      ...options,
      ...(state ? { grammarState: state } : {}),
    });
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
}
