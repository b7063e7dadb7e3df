import { describe, expect, it } from 'vitest';
import { emptySpec, isStdio, type ServerEntry } from '../../../src/lib/generator/model.ts';

describe('emptySpec', () => {
  it('is an HTTP, user-scoped, enabled, not-required spec with every field empty', () => {
    // The defaults every caller spreads over (one source of truth).
    const s = emptySpec();
    expect(s).toMatchObject({
      transport: 'http',
      scope: 'user',
      auth: 'none',
      enabled: true,
      required: false,
      name: '',
      url: '',
      command: '',
    });
    for (const list of [
      s.args,
      s.env,
      s.envVars,
      s.httpHeaders,
      s.envHttpHeaders,
      s.scopes,
      s.enabledTools,
      s.disabledTools,
      s.envVarLines,
    ]) {
      expect(list).toEqual([]);
    }
  });

  it('returns a fresh object each time', () => {
    // Mutating one spec's arrays must not leak into the next default.
    const a = emptySpec();
    a.args.push('x');
    expect(emptySpec().args).toEqual([]);
  });
});

describe('isStdio', () => {
  it.each<[ServerEntry, boolean]>([
    [{ command: 'npx' }, true], // a command makes it stdio
    [{ url: 'https://x.example/mcp' }, false], // a url makes it streamable HTTP
    [{ command: '', enabled: false }, true], // presence of the key, not its truthiness, decides
  ])('isStdio(%j) === %s', (entry, expected) => {
    expect(isStdio(entry)).toBe(expected);
  });
});
