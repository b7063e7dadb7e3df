/**
 * Build-time half of prehighlight.ts: renders an island once in Node, records every text it asks
 * to highlight (whatever its blocks are: shown or hidden, present now or added later), and
 * tokenizes them with the runtime highlighter's own code. Never shipped to the browser.
 */
import { h, type ComponentType } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { loadHighlighter, type Lang } from './highlight.ts';
import { encodePrehighlighted, textKey, type Prehighlighted } from './prehighlight.ts';

/** Props every prehighlightable island accepts (see GeneratorIsland). */
interface Collecting {
  onUnhighlighted?: (code: string, lang: Lang) => void;
}

/** The build-time highlighting for what `Component` shows with `props`, ready to pass back as its `prehighlighted` prop. */
export async function prehighlight<P extends object>(
  Component: ComponentType<P & Collecting>,
  props: P,
): Promise<Prehighlighted> {
  const wanted = new Map<string, { code: string; lang: Lang }>();
  const onUnhighlighted = (code: string, lang: Lang) =>
    wanted.set(textKey(code, lang), { code, lang });
  const withCollector: P & Collecting = { ...props, onUnhighlighted };
  renderToString(h(Component, withCollector));
  // No time limit: a busy build machine must not leave a line uncoloured in the page.
  const highlighter = await loadHighlighter(0);
  return encodePrehighlighted(
    [...wanted.values()].map(({ code, lang }) => ({
      code,
      lang,
      lines: highlighter.tokenize(code, lang),
    })),
  );
}
