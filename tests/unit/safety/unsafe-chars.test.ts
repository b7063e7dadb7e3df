import { describe, expect, it } from 'vitest';
import { describeCodePoint, unsafeChar, visible } from '../../../src/lib/safety/unsafe-chars.ts';

describe('unsafeChar', () => {
  it.each<[string, Parameters<typeof unsafeChar>[1], number | undefined]>([
    // Plain text, quotes, shell syntax and NBSP are data, not refused.
    ['a \'"$`\\ é\u00a0😀', {}, undefined],
    // ESC, Ctrl-U, CR: the hostile link of issue 9 item 2.
    ['\u001b[201~', {}, 0x1b],
    ['x\u0015', {}, 0x15],
    ['x\r', {}, 0x0d],
    // A C1 control and a bidi override.
    ['\u009b', {}, 0x9b],
    ['\u202e', {}, 0x202e],
    // A tab is kept only with allowTab, a line feed only with allowNewline.
    ['a\tb', { allowTab: true }, undefined],
    ['a\tb', { allowNewline: true }, 0x09],
    ['a\nb', { allowNewline: true }, undefined],
    ['a\nb', { allowTab: true }, 0x0a],
    // The zero-width joiner is part of an emoji sequence or a non-Latin script...
    ['👩\u200d👩\u200d👧', {}, undefined],
    ['می\u200cخواهم', {}, undefined],
    // ...but next to ASCII or at an end it only hides a difference.
    ['a\u200db', {}, 0x200d],
    ['é\u200d', {}, 0x200d],
    ['\u200cé', {}, 0x200c],
    // A lone surrogate.
    ['\udc00', {}, 0xdc00],
  ])('unsafeChar(%j, %j) finds %s', (value, options, codePoint) => {
    expect(unsafeChar(value, options)?.codePoint).toBe(codePoint);
  });

  it('reports where and what', () => {
    // UTF-16 index and the label messages use.
    expect(unsafeChar('ab\u202ec')).toEqual({
      index: 2,
      codePoint: 0x202e,
      label: 'U+202E (right-to-left override)',
    });
    expect(describeCodePoint(0x01)).toBe('U+0001 (control character)');
  });

  it('visible() writes refused characters as code points, for messages', () => {
    // A name shown inside a message cannot carry the character it is refused for.
    expect(visible('X\u001b[31m\u202e')).toBe('X<U+001B>[31m<U+202E>');
  });
});
