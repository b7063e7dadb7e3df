/**
 * generate() remembers the last answer of each field's checks and renderings (last-answer.ts). A
 * remembered answer must be exactly what computing it again gives: these properties compare every
 * result after other specs ("warm") with the result after a spec that shares no field text with it
 * ("cold": every remembered answer replaced), on keystroke-like sequences, after the caller changed
 * its spec in place, and after the caller changed the results it was given.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate, type Generated } from '../../../src/lib/generator/generate.ts';
import { lastAnswer, sameStrings, copyStrings } from '../../../src/lib/generator/last-answer.ts';
import { emptySpec, type ServerSpec } from '../../../src/lib/generator/model.ts';
import { propertySeed } from '../_support/shells.ts';
import { garbageSpecArb, specCaseArb } from '../_support/specs.ts';

const RUNS = 2_000;

let flushes = 0;
/** A spec whose every field holds text no other spec has: every remembered answer is replaced. */
function flushSpec(transport: 'http' | 'stdio'): ServerSpec {
  const n = `flush${++flushes}`;
  return {
    ...emptySpec(),
    name: n,
    transport,
    auth: transport === 'http' ? 'bearer' : 'none',
    url: transport === 'http' ? `https://${n}.example/mcp` : '',
    bearerTokenEnvVar: transport === 'http' ? `${n.toUpperCase()}_TOKEN` : '',
    httpHeaders: transport === 'http' ? [{ name: `X-${n}`, value: n }] : [],
    envHttpHeaders:
      transport === 'http' ? [{ name: `X-Env-${n}`, value: `${n.toUpperCase()}_V` }] : [],
    command: transport === 'stdio' ? n : '',
    args: transport === 'stdio' ? [n] : [],
    env: transport === 'stdio' ? [{ name: `${n.toUpperCase()}_E`, value: n }] : [],
    envVars: transport === 'stdio' ? [`${n.toUpperCase()}_P`] : [],
    oauthClientId: transport === 'http' ? `${n}-client` : '',
    oauthResource: transport === 'http' ? `https://${n}.example/` : '',
    scopes: transport === 'http' ? [`${n}.read`] : [],
    cwd: transport === 'stdio' ? `/srv/${n}` : '',
    startupTimeoutSec: String((flushes % 1000) + 1),
    toolTimeoutSec: String((flushes % 1000) + 2),
    enabled: false,
    required: true,
    enabledTools: [`${n}_allowed`],
    disabledTools: [`${n}_blocked`],
    envVarLines: [{ name: `${n.toUpperCase()}_TOKEN`, value: '', placeholder: n }],
  };
}

/** The result with every remembered answer replaced first (both transports' fields). */
function cold(spec: ServerSpec): Generated {
  generate(flushSpec('http'));
  generate(flushSpec('stdio'));
  return generate(structuredClone(spec));
}

const FIELDS = Object.keys(emptySpec()) as (keyof ServerSpec)[];
const anySpec = fc.oneof(
  { arbitrary: specCaseArb.map((c) => c.spec), weight: 3 },
  { arbitrary: garbageSpecArb, weight: 1 },
);

describe('remembered answers are exactly the computed ones', () => {
  it('keystroke-like sequences: a spec, then one with some of its fields, give what a cold call gives', () => {
    const seed = propertySeed();
    fc.assert(
      fc.property(anySpec, anySpec, fc.subarray(FIELDS), (a, b, kept) => {
        const c = { ...b } as Record<string, unknown>;
        for (const field of kept) c[field] = (a as unknown as Record<string, unknown>)[field];
        const mixed = c as unknown as ServerSpec;
        generate(a);
        const warm = generate(mixed);
        // Twice warm: the second call answers from what the first remembered.
        const again = generate(mixed);
        const reference = cold(mixed);
        expect(warm).toStrictEqual(reference);
        expect(again).toStrictEqual(reference);
      }),
      { seed, numRuns: RUNS },
    );
  }, 240_000);

  it('a spec changed in place after a call is computed again, not answered from before', () => {
    const seed = propertySeed();
    fc.assert(
      fc.property(specCaseArb, fc.string({ minLength: 1, maxLength: 8 }), (c, typed) => {
        const spec = structuredClone(c.spec);
        generate(spec);
        // The caller edits its own arrays and objects in place (no new spec object).
        if (spec.httpHeaders[0]) spec.httpHeaders[0].value += typed;
        if (spec.envHttpHeaders[0]) spec.envHttpHeaders[0].name += typed;
        if (spec.env[0]) spec.env[0].value += typed;
        if (spec.args[0] !== undefined) spec.args[0] += typed;
        spec.enabledTools.push(`t${typed}`);
        if (spec.disabledTools[0] !== undefined) spec.disabledTools[0] += typed;
        if (spec.envVarLines[0]) spec.envVarLines[0].value += typed;
        spec.envVarLines.push({ name: 'TYPED_VAR', value: typed, placeholder: '' });
        expect(generate(spec)).toStrictEqual(cold(spec));
      }),
      { seed, numRuns: RUNS },
    );
  }, 240_000);

  it('results changed by the caller do not change the next results', () => {
    const seed = propertySeed();
    fc.assert(
      fc.property(specCaseArb, (c) => {
        const reference = cold(c.spec);
        const first = generate(c.spec);
        // Everything a caller could change in what it was given.
        for (const d of first.diagnostics) d.message += ' (changed)';
        first.diagnostics.push({ field: 'name', severity: 'error', message: 'added' });
        const o = first.outputs;
        if (o) {
          const entry = o.entry as unknown as Record<string, unknown>;
          for (const value of Object.values(entry)) {
            if (Array.isArray(value)) value.push('added');
            else if (value !== null && typeof value === 'object')
              (value as Record<string, unknown>)['Added'] = 'added';
          }
          entry['url'] = 'https://changed.example/';
          o.tokens.toml.push({ kind: 'plain', text: 'added' });
          o.tokens.toml.reverse();
          if (o.tokens.env) for (const list of Object.values(o.tokens.env)) list.length = 0;
          if (o.tokens.cli) for (const list of Object.values(o.tokens.cli)) list.length = 0;
          o.cli.missing.push('added');
          // The tokens themselves are shared between calls, and frozen: changing one throws.
          const token = o.tokens.toml.find((t) => t.text !== 'added');
          if (token) expect(() => (token.text = 'changed')).toThrow(TypeError);
        }
        expect(generate(c.spec)).toStrictEqual(reference);
      }),
      { seed, numRuns: RUNS },
    );
  }, 240_000);
});

describe('lastAnswer', () => {
  it('answers from memory only for the same content, and computes from its own copy', () => {
    const seen: string[][] = [];
    const joined = lastAnswer(copyStrings, sameStrings, (list: string[]) => {
      seen.push(list);
      return { text: list.join('+') };
    });
    const input = ['a', 'b'];
    const first = joined(input);
    expect(first).toEqual({ text: 'a+b' });
    // The same content in another array: remembered (the very same, frozen answer).
    expect(joined(['a', 'b'])).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    // The caller's array changed in place: computed again.
    input[1] = 'c';
    expect(joined(input)).toEqual({ text: 'a+c' });
    // The copy was computed from, never the caller's array.
    expect(seen.every((list) => list !== input)).toBe(true);
    // Anything but strings is never the same, even the same object.
    const odd = [{ toString: () => 'x' }] as unknown as string[];
    joined(odd);
    joined(odd);
    expect(seen).toHaveLength(4);
  });
});
