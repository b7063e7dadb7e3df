/** The CSP integration: the allowances follow what the build emitted, and _headers carries the header-only protections. */
import { describe, expect, it } from 'vitest';
import { headersFile, needsOf, policy } from '../../../src/integrations/csp.ts';

describe('needsOf', () => {
  it.each([
    // Starlight's table of contents and Expressive Code write style attributes.
    [['<li style="--depth: 0;">'], ['index.html'], { styleAttributes: true, wasm: false }],
    // "style" as text, or a <style> element, is not an attribute.
    [
      ['<p>style="x"</p><style>a{}</style>'],
      ['index.html'],
      { styleAttributes: false, wasm: false },
    ],
    // Pagefind's WebAssembly, by its file names.
    [
      ['<p></p>'],
      ['pagefind/wasm.en.pagefind', 'pagefind/pagefind.js'],
      { styleAttributes: false, wasm: true },
    ],
    [['<p></p>'], ['x/module.wasm'], { styleAttributes: false, wasm: true }],
  ])('%j', (pages, files, expected) => {
    expect(needsOf(pages, files)).toEqual(expected);
  });
});

describe('policy', () => {
  it('adds an allowance only when the build needs it', () => {
    const none = policy(["'sha256-a'"], [], { styleAttributes: false, wasm: false });
    expect(none).not.toContain('unsafe-inline');
    expect(none).not.toContain('wasm-unsafe-eval');
    expect(none).toContain("script-src 'self' 'sha256-a'");
    const both = policy([], [], { styleAttributes: true, wasm: true });
    expect(both).toContain("style-src-attr 'unsafe-inline'");
    expect(both).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });
});

describe('headersFile', () => {
  it('forbids framing twice, pins HTTPS and isolates the window', () => {
    const text = headersFile("default-src 'self'; frame-ancestors 'none'");
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        '/*',
        "  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'",
        '  X-Frame-Options: DENY',
        '  Strict-Transport-Security: max-age=63072000; includeSubDomains',
        '  Cross-Origin-Opener-Policy: same-origin',
      ]),
    );
  });
});
