import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reservedNameProblem } from '../../../src/lib/codex/reserved.ts';
import { envLines } from '../../../src/lib/generator/env.ts';
import { generate } from '../../../src/lib/generator/generate.ts';
import { guardOutputs } from '../../../src/lib/generator/guard.ts';
import { copied, lastAnswer } from '../../../src/lib/generator/last-answer.ts';
import {
  emptySpec,
  type HttpEntry,
  type ServerEntry,
  type ServerSpec,
  type SharedEntry,
} from '../../../src/lib/generator/model.ts';
import { resolveSpec } from '../../../src/lib/generator/resolve.ts';
import {
  guardedTomlBlock,
  namelessToml,
  retitle,
  tomlBlock,
  tomlTokens,
} from '../../../src/lib/generator/toml.ts';
import { serverNameArb } from '../_support/arbitraries.ts';
import { propertySeed } from '../_support/shells.ts';
import { garbageSpecArb, specCaseArb } from '../_support/specs.ts';

/** A function that counts its calls, wrapped by lastAnswer. */
function counted<A extends unknown[]>(fn: (...args: A) => unknown) {
  let calls = 0;
  const remembered = lastAnswer((...args: A) => {
    calls++;
    return fn(...args);
  });
  return { remembered, calls: () => calls };
}

describe('lastAnswer', () => {
  it('answers again from the same content in new objects, and recomputes when it changes', () => {
    const f = counted((list: { name: string }[], n: number) => list.map((x) => x.name).join() + n);
    expect(f.remembered([{ name: 'a' }, { name: 'b' }], 1)).toBe('a,b1');
    expect(f.remembered([{ name: 'a' }, { name: 'b' }], 1)).toBe('a,b1');
    expect(f.calls()).toBe(1);
    expect(f.remembered([{ name: 'a' }, { name: 'c' }], 1)).toBe('a,c1');
    expect(f.remembered([{ name: 'a' }, { name: 'c' }], 2)).toBe('a,c2');
    expect(f.calls()).toBe(3);
  });

  it("sees a caller's change to the very objects it was given", () => {
    const f = counted((list: string[]) => list.join('+'));
    const list = ['a', 'b'];
    expect(f.remembered(list)).toBe('a+b');
    list.push('c');
    expect(f.remembered(list)).toBe('a+b+c');
    list[0] = 'z';
    expect(f.remembered(list)).toBe('z+b+c');
    expect(f.calls()).toBe(3);
  });

  it('tells apart what JSON would not: NaN and null, -0 and 0, an own __proto__ key and none', () => {
    const f = counted((v: unknown) => (Object.is(v, -0) ? '-0' : JSON.stringify(v)));
    expect(f.remembered(NaN)).toBe('null');
    expect(f.remembered(null)).toBe('null');
    expect(f.remembered(0)).toBe('0');
    expect(f.remembered(-0)).toBe('-0');
    expect(f.calls()).toBe(4);
    const g = counted((o: object) => Object.keys(o).join());
    expect(g.remembered(JSON.parse('{"__proto__": 1}'))).toBe('__proto__');
    expect(g.remembered({})).toBe('');
    expect(g.calls()).toBe(2);
  });

  it('keeps nothing but plain data: class instances, functions and cycles are computed every time', () => {
    class Box {
      constructor(readonly v: string) {}
    }
    const f = counted((v: unknown) => v);
    const box = new Box('a');
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    const fn = () => 1;
    for (const v of [box, box, cycle, cycle, fn, fn]) expect(f.remembered(v)).toBe(v);
    expect(f.calls()).toBe(6);
  });

  it('does not keep an answer that threw', () => {
    let fail = true;
    const f = counted((v: string) => {
      if (fail) throw new Error(`no ${v}`);
      return v;
    });
    expect(() => f.remembered('a')).toThrow('no a');
    fail = false;
    expect(f.remembered('a')).toBe('a');
    expect(f.calls()).toBe(2);
  });
});

describe('copied', () => {
  it('copies every list and object, keeping an own __proto__ key an own key', () => {
    const value = JSON.parse('{"a": [1, {"b": 2}], "__proto__": {"c": [3]}}');
    const copy = copied(value);
    expect(copy).toEqual(value);
    expect(Object.keys(copy)).toEqual(['a', '__proto__']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy.a).not.toBe(value.a);
    expect(copy.a[1]).not.toBe(value.a[1]);
    expect(copy['__proto__']).not.toBe(value['__proto__']);
    expect(copy['__proto__'].c).toEqual([3]);
  });
});

describe('retitle', () => {
  it('gives exactly the block and tokens smol-toml writes for the name', () => {
    const names = fc.oneof(
      serverNameArb,
      fc.constantFrom('x', 'x.y', '[mcp_servers.x', 'mcp_servers', 'é', 'a"b', 'a b', ''),
    );
    fc.assert(
      fc.property(specCaseArb, names, ({ entry }, name) => {
        const e = entry as unknown as ServerEntry;
        const text = guardedTomlBlock(name, e);
        expect(retitle(name, namelessToml(e))).toEqual({ text, tokens: tomlTokens(text) });
      }),
      { seed: propertySeed(), numRuns: 500 },
    );
  });
});

/**
 * What generate() shows for a spec, computed without it and its kept answer: resolveSpec, the
 * reserved names, the output guard, tomlBlock and envLines, in generate's order.
 */
function reference(spec: ServerSpec) {
  const { entry, diagnostics } = resolveSpec(spec);
  const name = spec.name.trim();
  const reserved = reservedNameProblem(name);
  if (reserved) diagnostics.push({ field: 'name', severity: 'error', message: reserved });
  if (entry && !reserved) diagnostics.push(...guardOutputs(name, entry, spec.envVarLines));
  const ok = entry !== null && !diagnostics.some((d) => d.severity === 'error');
  return {
    diagnostics,
    entry: ok ? entry : null,
    toml: ok ? tomlBlock(name, entry) : null,
    env: ok ? envLines(spec.envVarLines) : null,
  };
}

function shown(spec: ServerSpec) {
  const { diagnostics, outputs } = generate(spec);
  return {
    diagnostics,
    entry: outputs?.entry ?? null,
    toml: outputs?.toml ?? null,
    env: outputs?.env ?? null,
  };
}

describe('generate with its last answer kept', () => {
  it('gives what it gives the spec alone, after any other spec, name or release', () => {
    const spec = fc.oneof(
      specCaseArb.map((c) => c.spec),
      garbageSpecArb,
    );
    fc.assert(
      fc.property(spec, spec, serverNameArb, (a, b, name) => {
        const renamed = { ...a, name };
        const alone = generate(renamed);
        // `renamed` after `b` (a miss), and after `a`, from which only its name differs (kept).
        for (const x of [b, renamed, a, renamed]) expect(shown(x)).toEqual(reference(x));
        expect(generate(renamed)).toEqual(alone);
        expect(generate(renamed, '0.140.0')).toEqual(generate(structuredClone(renamed), '0.140.0'));
      }),
      { seed: propertySeed(), numRuns: 300 },
    );
  });

  it('sees a change made in place to the spec it was given, and hands out copies', () => {
    const spec: ServerSpec = {
      ...emptySpec(),
      name: 'docs',
      url: 'https://mcp.example.com/mcp',
      httpHeaders: [{ name: 'X-One', value: 'first' }],
      enabledTools: ['search'],
    };
    expect(generate(spec).outputs?.toml).toContain('X-One = "first"');
    spec.httpHeaders[0]!.value = 'second';
    const second = generate(spec);
    expect(second.outputs?.toml).toContain('X-One = "second"');
    expect(second.outputs?.toml).not.toContain('first');
    // What was handed out is the caller's to change: the next answer is unaffected.
    const entry = second.outputs!.entry as HttpEntry & SharedEntry;
    entry.enabled_tools!.push('changed');
    entry.http_headers!['X-One'] = 'changed';
    entry.url = 'https://changed.example/';
    second.outputs!.tokens.toml.length = 0;
    second.outputs!.cli.missing.push('changed');
    second.diagnostics.push({ field: 'name', severity: 'error', message: 'changed' });
    const third = generate(spec);
    expect(third.outputs?.toml).toBe(second.outputs?.toml);
    expect(third.outputs?.entry).toEqual({
      url: 'https://mcp.example.com/mcp',
      http_headers: { 'X-One': 'second' },
      enabled_tools: ['search'],
    });
    expect(third.outputs?.tokens.toml.length).toBeGreaterThan(0);
    expect(third.outputs?.cli.missing).not.toContain('changed');
    expect(third.diagnostics.some((d) => d.message === 'changed')).toBe(false);
  });
});
