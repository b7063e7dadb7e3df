/**
 * Lazy syntax highlighting for the island's output blocks: the types, and when to load the
 * highlighter (shiki-runtime.ts, its own chunk). The build runs the same code to highlight what a
 * page shows first (prehighlight.ts); the browser loads it only on the first interaction.
 */

export type { Highlighter, Lang, Token } from './types.ts';
import type { Highlighter } from './types.ts';

const loading = new Map<number, Promise<Highlighter>>();

/**
 * Starts loading the highlighter once; later calls share the same promise. shiki stops tokenizing a
 * line after `timeLimitMs` and leaves the rest uncoloured: in the browser that guards against a
 * runaway pattern, but the build passes 0 (no limit) so a busy machine cannot change the output.
 */
export function loadHighlighter(timeLimitMs = 500): Promise<Highlighter> {
  const existing = loading.get(timeLimitMs);
  if (existing) return existing;
  const created = import('./shiki-runtime.ts').then(({ createHighlighter }) =>
    createHighlighter(timeLimitMs),
  );
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
    for (const lang of ['toml', 'shellscript', 'powershell'] as const) {
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
export function loadHighlighterOnInteraction(
  element: Element | null,
  onReady: (highlighter: Highlighter) => void,
  now = false,
): void {
  const events = ['focusin', 'pointerdown', 'keydown'] as const;
  const start = () => {
    for (const e of events) element?.removeEventListener(e, start);
    loadHighlighterWarm().then(onReady, () => undefined);
  };
  if (now || !element) start();
  else for (const e of events) element.addEventListener(e, start, { passive: true });
}
