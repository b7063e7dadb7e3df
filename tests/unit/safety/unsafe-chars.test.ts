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
    // Issue 20: default-ignorable characters that passed. A tag character after a package name
    // (ASCII smuggling), variation selectors, Hangul fillers, the deprecated format characters.
    ['@modelcontextprotocol/server-everything\u{E0041}', {}, 0xe0041],
    ['a\u{E0001}', {}, 0xe0001],
    ['a\ufe0f', {}, 0xfe0f],
    ['\u{E0100}', {}, 0xe0100],
    ['\u115f', {}, 0x115f],
    ['\u1160', {}, 0x1160],
    ['\u3164', {}, 0x3164],
    ['\uffa0', {}, 0xffa0],
    ['\u206a', {}, 0x206a],
    ['\u206f', {}, 0x206f],
    ['\u034f', {}, 0x034f],
    // A presentation selector right after a visible non-ASCII character is part of an emoji (❤️, 🏳️‍🌈)...
    ['\u2764\ufe0f', {}, undefined],
    ['🏳\ufe0f\u200d🌈', {}, undefined],
    // ...but never two in a row, and joiners never in a run (they would spell hidden bits).
    ['é\ufe0f\ufe0e', {}, 0xfe0e],
    ['é\u200d\u200cé', {}, 0x200d],
    ['😀\ufe00', {}, 0xfe00],
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

  it('names the new classes by what they are', () => {
    expect(unsafeChar('@modelcontextprotocol/server-everything\u{E0041}')?.label).toBe(
      'U+E0041 (tag character)',
    );
    expect(describeCodePoint(0xfe0f)).toBe('U+FE0F (variation selector)');
    expect(describeCodePoint(0xe01ef)).toBe('U+E01EF (variation selector)');
    expect(describeCodePoint(0x3164)).toBe('U+3164 (Hangul filler)');
    expect(describeCodePoint(0x115f)).toBe('U+115F (Hangul filler)');
    expect(describeCodePoint(0x206c)).toBe('U+206C (deprecated formatting character)');
    expect(describeCodePoint(0xfff0)).toBe('U+FFF0 (invisible formatting character)');
  });

  it('visible() writes refused characters as code points, for messages', () => {
    // A name shown inside a message cannot carry the character it is refused for.
    expect(visible('X\u001b[31m\u202e')).toBe('X<U+001B>[31m<U+202E>');
    expect(visible('pkg\u{E0041}\u{E0042}')).toBe('pkg<U+E0041><U+E0042>');
  });
});

describe('the refused set, by the Unicode properties themselves', () => {
  // Every code point, in isolation and after ASCII text: what Unicode calls default-ignorable (drawn as
  // nothing), every control (Cc) and bidi control, the line and paragraph separators and lone
  // surrogates are refused; no other code point is. The properties come from the JavaScript engine's
  // Unicode tables, not from the list under test.
  const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
  const CONTROL = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u;
  const isRefused = (cp: number) => {
    const c = String.fromCodePoint(cp);
    return IGNORABLE.test(c) || CONTROL.test(c) || (cp >= 0xd800 && cp <= 0xdfff);
  };

  it('for all 1,114,112 code points: refused exactly when the properties say so', () => {
    const wrong: string[] = [];
    let refused = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const expected = isRefused(cp);
      if (expected) refused++;
      const c = String.fromCodePoint(cp);
      for (const value of [c, `abc${c}`, `${c}abc`]) {
        const got = unsafeChar(value);
        const ok = expected
          ? got?.codePoint === cp && value.startsWith(c, got.index)
          : got === undefined;
        if (!ok && wrong.length < 10)
          wrong.push(`${describeCodePoint(cp)} in ${JSON.stringify(value)}`);
      }
    }
    expect(wrong).toEqual([]);
    // 65 controls, 2 separators, 2,048 surrogates and 4,174 default-ignorables (Unicode 15/16).
    expect(refused).toBeGreaterThan(6_000);
  }, 120_000);

  it('a default-ignorable between two visible non-ASCII letters is refused too, but for one joiner or selector', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const c = String.fromCodePoint(cp);
      if (!IGNORABLE.test(c)) continue;
      const kept = cp === 0x200c || cp === 0x200d || cp === 0xfe0e || cp === 0xfe0f;
      if ((unsafeChar(`é${c}中`) === undefined) !== kept) wrong.push(describeCodePoint(cp));
    }
    expect(wrong).toEqual([]);
  });

  it('allowTab and allowNewline let through that one character and nothing else', () => {
    for (let cp = 0; cp < 0x100; cp++) {
      const c = String.fromCodePoint(cp);
      const base = unsafeChar(c) !== undefined;
      expect(unsafeChar(c, { allowTab: true }) !== undefined).toBe(base && cp !== 0x09);
      expect(unsafeChar(c, { allowNewline: true }) !== undefined).toBe(base && cp !== 0x0a);
    }
  });
});
