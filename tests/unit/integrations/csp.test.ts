/** The CSP integration: the allowances follow what the build emitted, and _headers carries the header-only protections. */
import { describe, expect, it } from 'vitest';
import {
  caddySnippet,
  headersFile,
  needsOf,
  nginxSnippet,
  policy,
  siteHeaders,
} from '../../../src/integrations/csp.ts';
import { parseHeadersFile } from '../../support/serve.ts';

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

describe('nginx and Caddy snippets', () => {
  const csp = `${policy(["'sha256-abc='"], ["'sha256-def='"])}; frame-ancestors 'none'`;
  const expected = siteHeaders(csp);

  it('_headers, nginx and Caddy carry the same headers with the same values, in the same order', () => {
    const fromHeaders = parseHeadersFile(headersFile(csp))[0]!.headers;
    const fromNginx = nginxSnippet(csp)
      .split('\n')
      .filter((l) => l.startsWith('add_header '))
      .map((l) => /^add_header (\S+) "([^"]*)" always;$/.exec(l)!.slice(1, 3));
    const fromCaddy = caddySnippet(csp)
      .split('\n')
      .filter((l) => l.startsWith('\t'))
      .map((l) => /^\t(\S+) "([^"]*)"$/.exec(l)!.slice(1, 3));
    expect(expected.length).toBe(7);
    expect(fromHeaders).toEqual(expected);
    expect(fromNginx).toEqual(expected);
    expect(fromCaddy).toEqual(expected);
  });

  it('nginx sends the headers on error pages too, Caddy wraps them in one header block', () => {
    expect(nginxSnippet(csp)).toContain(`add_header Content-Security-Policy "${csp}" always;`);
    const caddy = caddySnippet(csp).split('\n');
    expect(caddy).toContain('header {');
    expect(caddy.at(-2)).toBe('}');
  });

  it('refuses a value that a double-quoted snippet could not hold, rather than write a broken one', () => {
    expect(() => nginxSnippet('default-src "self"')).toThrow(/Content-Security-Policy/);
    expect(() => caddySnippet("default-src 'self'\nX-Evil: 1")).toThrow(/Content-Security-Policy/);
    // nginx would expand $host, Caddy {http.request.host}: refused too.
    expect(() => nginxSnippet("default-src 'self' $host")).toThrow(/Content-Security-Policy/);
    expect(() => caddySnippet("default-src 'self' {http.request.host}")).toThrow(/Content/);
  });
});
