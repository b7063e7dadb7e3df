import { describe, expect, it } from 'vitest';
import {
  isPlaceholder,
  mentionsVariable,
  variableReference,
  withoutAuthScheme,
} from '../../../src/lib/safety/placeholders.ts';
import { cpu } from '../_support/cpu.ts';

describe('variableReference: a value that is only a reference to a variable', () => {
  it.each([
    ['${TOKEN}', 'TOKEN'],
    ['${env:TOKEN}', 'TOKEN'], // VS Code's form
    ['$TOKEN', 'TOKEN'],
    ['%TOKEN%', 'TOKEN'], // cmd.exe's form
    ['  $T_1  ', 'T_1'], // surrounding blanks
  ])('%j -> %j', (value, name) => {
    expect(variableReference(value)).toBe(name);
  });
  it.each([['Bearer ${T}'], ['${T}x'], ['$1'], ['abc'], ['']])(
    '%j is not only a reference',
    (value) => {
      expect(variableReference(value)).toBeUndefined();
    },
  );
  it('sees through an auth scheme with withoutAuthScheme', () => {
    expect(variableReference(withoutAuthScheme('Bearer ${T}'))).toBe('T');
    expect(variableReference(withoutAuthScheme('token $T'))).toBe('T');
  });
});

describe('mentionsVariable: a reference anywhere, which Codex never expands', () => {
  it.each([
    ['Bearer ${T}', true],
    ['$HOME/x', true],
    ['a %APPDATA% b', true],
    ['a$ b', false],
    ['${', false],
    ['price 5%', false],
  ])('%j -> %s', (value, expected) => {
    expect(mentionsVariable(value)).toBe(expected);
  });
  it('stays linear on many unclosed "${"', () => {
    // CPU time of this process, not wall time: other processes' load on the CI cores does not count.
    const { ms, value } = cpu(() => mentionsVariable('${'.repeat(100_000)));
    expect(value).toBe(false);
    expect(ms).toBeLessThan(500);
  });
});

describe('isPlaceholder: a stand-in, not a value', () => {
  it.each([
    ['$X'],
    ['${X}'],
    ['%X%'],
    ['<token>'],
    ['<YOUR_TOKEN>'],
    ['{key}'],
    ['YOUR_API_KEY'],
    ['your-api-key'],
    ['your_token'],
    ['your api key'],
    ['yourApiKey'],
    ['paste-token-here'],
    ['changeme'],
    ['***'],
    ['xxxx'],
    [''],
  ])('%j is a placeholder', (v) => {
    expect(isPlaceholder(v)).toBe(true);
  });
  it.each([
    ['yourself'],
    ['enterprise-key-1'],
    ['ghp_abcdefghijklmnop'],
    ['a1b2c3d4e5'],
    ['session=abc'],
  ])('%j is a value', (v) => {
    expect(isPlaceholder(v)).toBe(false);
  });
});
