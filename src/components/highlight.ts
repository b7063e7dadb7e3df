/**
 * Lazy syntax highlighting for the island's output blocks: shiki's fine-grained core with the
 * JavaScript regex engine, only the `toml` and `shellscript` grammars and two themes. It is
 * imported on demand after first paint; until it arrives the outputs are plain text.
 */
import type { HighlighterCore } from 'shiki/core';

/** The languages the island shows. */
export type Lang = 'toml' | 'shellscript' | 'powershell';

/** One highlighted token: its text and the CSS custom properties that colour it per theme. */
export interface Token {
  content: string;
  style: Record<string, string>;
}

let loading: Promise<HighlighterCore> | undefined;

/** Starts loading the highlighter once; later calls share the same promise. */
export function loadHighlighter(): Promise<HighlighterCore> {
  loading ??= (async () => {
    const [{ createHighlighterCore }, { createJavaScriptRegexEngine }] = await Promise.all([
      import('shiki/core'),
      import('shiki/engine/javascript'),
    ]);
    return createHighlighterCore({
      themes: [import('@shikijs/themes/github-light'), import('@shikijs/themes/github-dark')],
      langs: [import('@shikijs/langs/toml'), import('@shikijs/langs/shellscript')],
      engine: createJavaScriptRegexEngine(),
    });
  })();
  return loading;
}

/** Tokenizes code into lines of tokens; the tokens' text joined with "\n" is exactly `code`. */
export function tokenize(highlighter: HighlighterCore, code: string, lang: Lang): Token[][] {
  // PowerShell has no grammar loaded (it would cost ~15 KB); its blocks stay plain text.
  if (lang === 'powershell') return code.split('\n').map((line) => [{ content: line, style: {} }]);
  const { tokens } = highlighter.codeToTokens(code, {
    lang,
    themes: { light: 'github-light', dark: 'github-dark' },
    defaultColor: false,
  });
  return tokens.map((line) => line.map((t) => ({ content: t.content, style: t.htmlStyle ?? {} })));
}
