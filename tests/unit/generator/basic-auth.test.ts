import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Utf8, basicAuthorization } from '../../../src/lib/generator/basic-auth.ts';
import { wellFormedText } from '../_support/arbitraries.ts';

describe('base64Utf8', () => {
  it.each([
    ['', ''], // RFC 4648 vector: empty in, empty out
    ['f', 'Zg=='], // RFC 4648 vector: two "=" of padding
    ['fo', 'Zm8='], // RFC 4648 vector: one "=" of padding
    ['foo', 'Zm9v'], // RFC 4648 vector: no padding
    ['foobar', 'Zm9vYmFy'], // RFC 4648 vector: two full groups
    // Non-ASCII is encoded as its UTF-8 bytes (é = C3 A9), not Latin-1 (which btoa alone would give, or throw).
    ['é', 'w6k='],
    // A character outside the BMP: 4 UTF-8 bytes F0 9F 98 80.
    ['😀', '8J+YgA=='],
  ])('base64Utf8(%j) === %j', (text, expected) => {
    expect(base64Utf8(text)).toBe(expected);
  });

  it('agrees with Node Buffer for any well-formed string', () => {
    // An independent implementation (Node's) on arbitrary Unicode text.
    fc.assert(
      fc.property(wellFormedText(), (s) => {
        expect(base64Utf8(s)).toBe(Buffer.from(s, 'utf8').toString('base64'));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('basicAuthorization', () => {
  it.each([
    // The RFC 7617 example: Aladdin / open sesame.
    ['Aladdin', 'open sesame', 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=='],
    // A user with "@" and a secret with ":": only the FIRST colon separates user and secret.
    ['a@b.c', 'p:w', 'Basic ' + Buffer.from('a@b.c:p:w').toString('base64')],
    // Unicode user and secret (UTF-8, as RFC 7617 charset="UTF-8").
    ['jürgen', 'пароль😀', 'Basic ' + Buffer.from('jürgen:пароль😀', 'utf8').toString('base64')],
    // Empty user and secret still produce "Basic " + base64(":").
    ['', '', 'Basic Og=='],
  ])('basicAuthorization(%j, %j) === %j', (user, secret, expected) => {
    expect(basicAuthorization(user, secret)).toBe(expected);
  });

  it('decodes back to user:secret for any input', () => {
    fc.assert(
      fc.property(wellFormedText(), wellFormedText(), (user, secret) => {
        const value = basicAuthorization(user, secret);
        expect(value.startsWith('Basic ')).toBe(true);
        expect(Buffer.from(value.slice(6), 'base64').toString('utf8')).toBe(`${user}:${secret}`);
      }),
      { numRuns: 2000 },
    );
  });
});
