/**
 * `pure` (src/components/shared/pure.tsx): the generator's fields and output blocks render again
 * only when their data changes. What must hold: the same markup as the bare component (the page
 * without JavaScript is rendered from it), a skip exactly when the props are the same data (a
 * message, an option or a token that differs in content is a change), and callbacks that always
 * reach the parent's latest ones, also after a skipped render.
 */
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { OutputBlock } from '../../../../src/components/shared/OutputBlock.tsx';
import { Text } from '../../../../src/components/shared/fields.tsx';
import { pure, sameData } from '../../../../src/components/shared/pure.tsx';
import { tok } from '../../../../src/lib/generator/tokens.ts';

describe('sameData', () => {
  it('compares plain data by content, functions as equal, anything else by identity', () => {
    expect(sameData('a', 'a')).toBe(true);
    expect(sameData('a', 'b')).toBe(false);
    expect(sameData(0, -0)).toBe(true);
    expect(sameData(undefined, null)).toBe(false);
    expect(
      sameData(
        [tok('flag', '--url'), tok('plain', ' ')],
        [tok('flag', '--url'), tok('plain', ' ')],
      ),
    ).toBe(true);
    expect(sameData([tok('flag', '--url')], [tok('string', '--url')])).toBe(false);
    expect(sameData([tok('flag', '--url')], [tok('flag', '--url'), tok('plain', '\n')])).toBe(
      false,
    );
    expect(
      sameData({ severity: 'error', message: 'x' }, { severity: 'warning', message: 'x' }),
    ).toBe(false);
    expect(sameData({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameData({ 0: 'x' }, ['x'])).toBe(false);
    expect(sameData({ onInput: () => 1 }, { onInput: () => 2 })).toBe(true);
    expect(sameData({ f: () => 1 }, { f: undefined })).toBe(false);
    class Box {
      constructor(readonly v: number) {}
    }
    expect(sameData(new Box(1), new Box(1))).toBe(false);
    const vnode = h('b', null, 'x');
    expect(sameData(vnode, h('b', null, 'x'))).toBe(false);
    expect(sameData(vnode, vnode)).toBe(true);
  });
});

describe('pure', () => {
  const blockProps = {
    kind: 'toml',
    title: '~/.codex/config.toml',
    tokens: [tok('header', '[mcp_servers.acme]'), tok('plain', '\n')],
    interactive: true,
    onCopied: () => undefined,
  };
  const textProps = {
    id: 'cmg-x-name',
    label: 'Server name',
    value: 'acme',
    onInput: (_v: string): unknown => undefined,
    messages: [{ field: 'name', severity: 'warning' as const, message: 'a `name`' }],
    help: 'The name Codex lists the server under.',
  };

  it('renders exactly the markup of the bare component', () => {
    expect(renderToString(h(pure(OutputBlock), blockProps))).toBe(
      renderToString(h(OutputBlock, blockProps)),
    );
    expect(renderToString(h(pure(Text), textProps))).toBe(renderToString(h(Text, textProps)));
  });

  it('skips a render only when the props are the same data', () => {
    const Pure = pure(OutputBlock);
    const c = new Pure(blockProps);
    c.props = blockProps;
    const again = {
      ...blockProps,
      tokens: blockProps.tokens.map((t) => ({ ...t })),
      onCopied: () => 1,
    };
    expect(c.shouldComponentUpdate!(again, {}, {})).toBe(false);
    const renamed = {
      ...blockProps,
      tokens: [tok('header', '[mcp_servers.acmek]'), tok('plain', '\n')],
    };
    expect(c.shouldComponentUpdate!(renamed, {}, {})).toBe(true);
    expect(c.shouldComponentUpdate!({ ...blockProps, hidden: true }, {}, {})).toBe(true);
  });

  it('hands the view forwarders that call the latest callbacks, also after a skipped render', () => {
    const Pure = pure(Text);
    const calls: string[] = [];
    const first = { ...textProps, onInput: (v: string) => calls.push(`first ${v}`) };
    const c = new Pure(first);
    c.props = first;
    const shown = c.render(first, {}, {}) as VNode<typeof textProps>;
    // Preact keeps the new props when shouldComponentUpdate says no (src/diff/index.js).
    const next = { ...textProps, onInput: (v: string) => calls.push(`next ${v}`) };
    expect(c.shouldComponentUpdate!(next, {}, {})).toBe(false);
    c.props = next;
    shown.props.onInput('acmek');
    expect(calls).toEqual(['next acmek']);
    // The same forwarder on every render: the view's props stay equal.
    expect((c.render(next, {}, {}) as VNode<typeof textProps>).props.onInput).toBe(
      shown.props.onInput,
    );
  });
});
