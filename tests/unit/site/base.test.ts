import { describe, expect, it } from 'vitest';
import { BASE, normalBase, withBase } from '../../../src/lib/site/base.ts';
import { baseLinksPlugin } from '../../../src/integrations/base-links.ts';

describe('normalBase', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['codex-mcp', '/codex-mcp/'],
    ['/codex-mcp', '/codex-mcp/'],
    ['/codex-mcp/', '/codex-mcp/'],
    ['//a/b//', '/a/b/'],
  ])('%j → %j', (input, expected) => expect(normalBase(input)).toBe(expected));
});

describe('withBase', () => {
  it('is the identity on a root build (what vitest sees)', () => {
    expect(BASE).toBe('/');
    expect(withBase('/guides/nekt/')).toBe('/guides/nekt/');
  });

  it.each([
    ['/guides/nekt/', '/codex-mcp/guides/nekt/'],
    ['/', '/codex-mcp/'],
    ['/og.png', '/codex-mcp/og.png'],
    ['/guides/custom/#v=1&mode=local', '/codex-mcp/guides/custom/#v=1&mode=local'],
    // Already under the base, or not a site path: unchanged.
    ['/codex-mcp/guides/nekt/', '/codex-mcp/guides/nekt/'],
    ['/codex-mcp', '/codex-mcp'],
    ['https://example.org/x', 'https://example.org/x'],
    ['//cdn.example/x', '//cdn.example/x'],
    ['#install', '#install'],
    ['../nekt/', '../nekt/'],
    // A sibling that merely starts with the same letters is not under the base.
    ['/codex-mcpx/', '/codex-mcp/codex-mcpx/'],
  ])('%j under /codex-mcp/ → %j', (path, expected) =>
    expect(withBase(path, '/codex-mcp/')).toBe(expected),
  );
});

describe('baseLinksPlugin (Markdown links)', () => {
  const run = (base: string, properties: Record<string, unknown>) => {
    const node = { properties: { ...properties } };
    const plugin = baseLinksPlugin(base);
    plugin.element.visit(node, {
      setProperty: (n: { properties?: Record<string, unknown> }, k: string, v: unknown) => {
        n.properties![k] = v;
      },
    });
    return node.properties;
  };

  it('visits links and images only', () => {
    expect(baseLinksPlugin('/x/').element.filter).toEqual(['a', 'img']);
  });

  it('prefixes root-relative href and src, leaves the rest alone', () => {
    expect(run('/codex-mcp/', { href: '/reference/troubleshooting/' })).toEqual({
      href: '/codex-mcp/reference/troubleshooting/',
    });
    expect(run('/codex-mcp/', { src: '/og.png', alt: '/not-a-link' })).toEqual({
      src: '/codex-mcp/og.png',
      alt: '/not-a-link',
    });
    expect(run('/codex-mcp/', { href: 'https://github.com/openai/codex' })).toEqual({
      href: 'https://github.com/openai/codex',
    });
    expect(run('/codex-mcp/', { href: '#top' })).toEqual({ href: '#top' });
    expect(run('/', { href: '/guides/nekt/' })).toEqual({ href: '/guides/nekt/' });
  });
});
