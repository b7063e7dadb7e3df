/**
 * The highlighter the island loads (src/components/highlight/highlight.ts) and the build-time table it starts
 * from (src/components/highlight/prehighlight.ts): the line cache must colour exactly as shiki does on the
 * whole text, and the table must give back exactly the build's tokens, or nothing.
 */
import { codeToTokensWithThemes, createShikiPrimitiveAsync } from '@shikijs/primitive';
import { createJavaScriptRegexEngine } from '@shikijs/engine-javascript';
import { describe, expect, it } from 'vitest';
import {
  loadHighlighter,
  type Highlighter,
  type Lang,
  type Token,
} from '../../../../src/components/highlight/highlight.ts';
import {
  encodePrehighlighted,
  layeredHighlighter,
  textKey,
} from '../../../../src/components/highlight/prehighlight.ts';
import { generate } from '../../../../src/lib/generator/generate.ts';
import { defaultForm, specFromForm } from '../../../../src/lib/input/provider.ts';
import { loadProviders } from '../../../../scripts/bench/core.ts';

const providers = loadProviders('content/providers');

/** Every highlighted block of every provider's preset, in every auth mode. */
function presetBlocks(): { code: string; lang: Lang }[] {
  const blocks: { code: string; lang: Lang }[] = [];
  for (const p of providers) {
    for (const mode of p.authModes) {
      const o = generate(specFromForm(p, defaultForm(p, mode.id))).outputs;
      if (!o) continue;
      blocks.push(
        { code: o.toml.trimEnd(), lang: 'toml' },
        { code: o.verify.trimEnd(), lang: 'shellscript' },
      );
      if (o.cli.posix) blocks.push({ code: o.cli.posix.trimEnd(), lang: 'shellscript' });
      if (o.cli.powershell) blocks.push({ code: o.cli.powershell.trimEnd(), lang: 'powershell' });
      if (o.login) blocks.push({ code: o.login.trimEnd(), lang: 'shellscript' });
      if (o.env)
        blocks.push(
          { code: o.env.posix.trimEnd(), lang: 'shellscript' },
          { code: o.env.fish.trimEnd(), lang: 'shellscript' },
          { code: o.env.powershell.trimEnd(), lang: 'powershell' },
        );
    }
  }
  return blocks;
}

/** Shiki on the whole text at once (what the island did before the line cache), as plain colour pairs. */
async function wholeText(): Promise<(code: string, lang: Lang) => string[][]> {
  const primitive = await createShikiPrimitiveAsync({
    themes: [import('@shikijs/themes/github-light'), import('@shikijs/themes/github-dark')],
    langs: [
      import('@shikijs/langs/toml'),
      import('@shikijs/langs/shellscript'),
      import('@shikijs/langs/powershell'),
    ],
    engine: createJavaScriptRegexEngine(),
  });
  return (code, lang) =>
    codeToTokensWithThemes(primitive, code, {
      lang,
      themes: { light: 'github-light', dark: 'github-dark' },
      colorReplacements: { 'github-dark': { '#6a737d': '#8b949e' } },
      tokenizeTimeLimit: 0,
    }).map((line) =>
      // Per character, so token boundaries that differ but colour the same compare equal.
      line.flatMap((t) =>
        [...t.content].map(
          () => `${t.variants['light']?.color ?? ''}|${t.variants['dark']?.color ?? ''}`,
        ),
      ),
    );
}

const perChar = (lines: Token[][]) =>
  lines.map((line) =>
    line.flatMap((t) =>
      [...t.content].map(
        () => `${t.style['--shiki-light'] ?? ''}|${t.style['--shiki-dark'] ?? ''}`,
      ),
    ),
  );
const text = (lines: Token[][]) => lines.map((l) => l.map((t) => t.content).join('')).join('\n');

describe('highlighter line cache', () => {
  const extra: { code: string; lang: Lang }[] = [
    // Open constructs across lines: continuation, multi-line strings, a heredoc.
    { code: "codex mcp add a \\\n  --url 'https://x' \\\n  -- npx -y pkg", lang: 'shellscript' },
    { code: 'cat <<EOF\nliteral $HOME\nEOF\necho done', lang: 'shellscript' },
    { code: 'a = """\nline [not.a.table]\n"""\n[t]\nb = 1', lang: 'toml' },
  ];

  it('colours every preset block and the tricky ones exactly as shiki on the whole text, twice (cache hits too)', async () => {
    const reference = await wholeText();
    // No time limit (as the build uses it): on a busy machine shiki would otherwise give up on a line.
    const highlighter = await loadHighlighter(0);
    for (const { code, lang } of [...presetBlocks(), ...extra]) {
      for (let pass = 0; pass < 2; pass++) {
        const lines = highlighter.tokenize(code, lang);
        expect(text(lines)).toBe(code);
        expect(perChar(lines)).toEqual(reference(code, lang));
      }
    }
  });
});

describe('PowerShell output', () => {
  it('is coloured like the other shells (it stayed plain text before the grammar was loaded)', async () => {
    const highlighter = await loadHighlighter(0);
    const omni = providers.find((p) => p.id === 'omni')!;
    // The preset host is a placeholder the generator refuses: type a real one.
    const form = defaultForm(omni, 'api-key');
    const typed = { ...form, params: { ...form.params, instance: 'acme' } };
    const o = generate(specFromForm(omni, typed)).outputs!;
    for (const code of [o.cli.powershell!.trimEnd(), o.env!.powershell.trimEnd()]) {
      const colours = new Set(
        highlighter
          .tokenize(code, 'powershell')
          .flat()
          .map((t) => t.style['--shiki-light'] ?? ''),
      );
      expect(colours.size, code).toBeGreaterThan(1);
    }
  });
});

describe('build-time highlighting table', () => {
  const fake: Token[][] = [
    [
      { content: 'codex', style: { '--shiki-light': '#6F42C1', '--shiki-dark': '#B392F0' } },
      { content: ' mcp', style: {} },
    ],
    [],
    [{ content: 'x = 1', style: { '--shiki-light': '#24292E' } }],
  ];
  const code = 'codex mcp\n\nx = 1';

  it('gives back exactly the tokens it was built from', () => {
    const pre = encodePrehighlighted([{ code, lang: 'shellscript', lines: fake }]);
    expect(layeredHighlighter(pre, null).known?.(code, 'shellscript')).toEqual(fake);
  });

  it('knows nothing for other text, another language, or tokens that do not spell the text', () => {
    const pre = encodePrehighlighted([
      { code, lang: 'shellscript', lines: fake },
      { code: 'other', lang: 'toml', lines: [[{ content: 'different', style: {} }]] },
    ]);
    const h = layeredHighlighter(pre, null);
    expect(h.known?.(code + ' ', 'shellscript')).toBeUndefined();
    expect(h.known?.(code, 'toml')).toBeUndefined();
    expect(h.known?.('other', 'toml')).toBeUndefined();
    expect(JSON.parse(pre).r[textKey('other', 'toml')]).toBeUndefined();
  });

  it('falls back to the runtime highlighter once loaded, and before that throws and reports the miss', () => {
    const misses: string[] = [];
    const before = layeredHighlighter(undefined, null, (c) => misses.push(c));
    expect(() => before.tokenize('y = 2', 'toml')).toThrow();
    expect(misses).toEqual(['y = 2']);
    const runtime: Highlighter = {
      tokenize: (c) => [[{ content: c, style: { '--shiki-light': '#000000' } }]],
    };
    expect(layeredHighlighter(undefined, runtime).tokenize('y = 2', 'toml')).toEqual([
      [{ content: 'y = 2', style: { '--shiki-light': '#000000' } }],
    ]);
  });

  it('survives a corrupt table', () => {
    expect(layeredHighlighter('{not json', null).known?.(code, 'shellscript')).toBeUndefined();
    expect(
      layeredHighlighter(
        JSON.stringify({ p: [], r: { [textKey(code, 'shellscript')]: '9.0' } }),
        null,
      ).known?.(code, 'shellscript'),
    ).toBeUndefined();
  });
});
