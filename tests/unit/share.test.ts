/** Share links: the codec keeps only non-default, non-secret values and survives any input. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultForm, SECRET_FIELDS, type FormState } from '../../src/lib/provider.ts';
import { providerSchema } from '../../src/lib/provider-schema.ts';
import { decodeShare, encodeShare, MAX_VALUE_LENGTH, SECRET_LINK_KEYS, TEXT_KEYS } from '../../src/lib/share.ts';

const load = (id: string) => providerSchema.parse(JSON.parse(readFileSync(`content/providers/${id}.json`, 'utf8')));
const omni = load('omni');
const nekt = load('nekt');
const cdata = load('cdata-connect-ai');
const PROVIDERS = [omni, nekt, cdata, load('cinatra'), load('alloy')];

describe('encodeShare', () => {
  it.each([
    // The preset itself encodes to the version key alone.
    ['defaults', nekt, {}, 'v=1'],
    // Only changed fields appear, under their short keys.
    ['renamed server + timeout', nekt, { name: 'nekt-prod', startupTimeoutSec: '45' }, 'v=1&name=nekt-prod&startup=45'],
    // A non-default mode is written, and the mode's own defaults (its env var) are not.
    ['omni api key with a param and a header', omni, { mode: 'api-key', params: { instance: 'blobs.omniapp.co' }, headers: { ...defaultForm(omni).headers, 'X-MCP-Topic-Name': 'Sales' } }, 'v=1&mode=api-key&p.instance=blobs.omniapp.co&h.X-MCP-Topic-Name=Sales'],
    // Booleans are 0/1.
    ['disabled + required', nekt, { enabled: false, required: true }, 'v=1&enabled=0&required=1'],
  ] as const)('%s', (_, provider, patch, expected) => {
    const form: FormState = { ...defaultForm(provider, (patch as Partial<FormState>).mode), ...(patch as Partial<FormState>) };
    expect(encodeShare(provider, form).params).toBe(expected);
  });

  it('never writes a secret field, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (secret, user) => {
        const form = { ...defaultForm(cdata, 'basic'), secret, user };
        // Only the mode differs from the preset; the secrets add nothing at all.
        expect(encodeShare(cdata, form).params).toBe('v=1&mode=basic');
        expect(SECRET_FIELDS).toEqual(expect.arrayContaining(['secret', 'user']));
      }),
      { numRuns: 500 },
    );
  });

  it('maps no link key to a secret field, and no link key is both readable and secret', () => {
    for (const [key, field] of Object.entries(TEXT_KEYS)) {
      expect(SECRET_FIELDS as readonly string[]).not.toContain(field);
      expect(SECRET_LINK_KEYS.has(key)).toBe(false);
    }
  });

  it('round-trips a changed variable name (link key "env" is the NAME, not the secret stdio env)', () => {
    const form = { ...defaultForm(nekt), envVar: 'MY_NEKT' };
    const { params } = encodeShare(nekt, form);
    expect(params).toBe('v=1&env=MY_NEKT');
    expect(decodeShare(nekt, params)).toEqual({ form, notices: [], ignored: [] });
  });

  it('withholds a credential pasted into a non-secret field', () => {
    const form = { ...defaultForm(nekt), envVar: 'ghp_1234567890abcdefghijABCDEFGHIJ' };
    const { params, withheld } = encodeShare(nekt, form);
    expect(params).toBe('v=1');
    expect(withheld).toEqual(['envVar']);
  });
});

describe('decodeShare', () => {
  it('round-trips every non-secret field of a form', () => {
    const form: FormState = {
      ...defaultForm(omni, 'api-key'),
      name: 'omni.sales',
      scope: 'project',
      params: { instance: 'x.omniapp.co' },
      headers: { ...defaultForm(omni).headers, 'X-MCP-User-Required': 'true', 'X-MCP-Model-ID': 'm 1&2=3' },
      storage: 'inline',
      startupTimeoutSec: '60',
      toolTimeoutSec: '120',
      enabledTools: 'a, b',
      disabledTools: 'c',
      enabled: false,
      required: true,
    };
    const { form: back, notices } = decodeShare(omni, '#' + encodeShare(omni, form).params);
    expect(notices).toEqual([]);
    expect(back).toEqual(form);
  });

  it.each([
    // An unknown key is ignored and named.
    ['v=1&colour=blue', ['Unknown setting "colour" was ignored.']],
    // A secret in a link is never read.
    ['v=1&secret=abc', ['"secret" was ignored: secrets are never read from links. Enter it on this page.']],
    // A value outside the allowed set falls back, with the reason.
    ['v=1&scope=galaxy', ['"scope" was ignored: this provider supports user or project (got "galaxy").']],
    // A newer format is not half-read.
    ['v=2&name=x', ['This link was made by a different version of the site (v=2); the defaults are shown.']],
    // Duplicates: the last wins, and the reader is told.
    ['v=1&name=a&name=b', ['"name" appears more than once; the last value was used.']],
    // Unknown mode.
    ['v=1&mode=magic', ['Unknown authentication "magic" was ignored.']],
    // Boolean header with a non-boolean value.
    ['v=1&mode=api-key&h.X-MCP-User-Required=maybe', ['"h.X-MCP-User-Required" was ignored: use true or false (got "maybe").']],
  ])('%s', (raw, notices) => {
    const { form, notices: got } = decodeShare(omni, raw);
    expect(got).toEqual(notices);
    expect(form.secret).toBe('');
  });

  it('ignores an over-long value instead of truncating it', () => {
    const { form, notices } = decodeShare(nekt, `v=1&name=${'a'.repeat(MAX_VALUE_LENGTH + 1)}`);
    expect(form.name).toBe('nekt');
    expect(notices).toHaveLength(1);
  });

  // Garbage of every kind: 10,000 random query strings per run.
  const garbageKey = fc.oneof(
    fc.constantFrom('v', 'mode', 'name', 'scope', 'storage', 'enabled', 'required', 'env', 'startup', 'allow', 'secret', 'user', '__proto__', 'constructor', 'prototype', 'p.__proto__', 'h.__proto__', 'p.instance', 'h.X-MCP-Model-ID', 'toString', 'hasOwnProperty'),
    fc.string({ unit: 'binary', maxLength: 12 }),
  );
  const garbageValue = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom('%', '%E0%A4%A', '%zz', '%00', '%ff%fe', '<script>alert(1)</script>', 'javascript:alert(1)', '"><img src=x onerror=alert(1)>', '1', '0', 'inline', 'project'),
    // Up to ~120 KB, past the 100 KB a hostile link might carry.
    fc.integer({ min: 0, max: 120_000 }).map((n) => 'x'.repeat(n)),
  );
  const rawPair = fc.tuple(garbageKey, garbageValue).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  const rawQuery = fc.oneof(
    fc.array(rawPair, { maxLength: 8 }).map((pairs) => pairs.join('&')),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(fc.oneof(rawPair, fc.constantFrom('&&', '=', '==', '%', '%%', '+', '#', '?')), { maxLength: 10 }).map((p) => p.join('')),
  );

  it('never throws, never pollutes prototypes, always yields a valid form and explains what it ignored (10,000 runs)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROVIDERS), rawQuery, fc.constantFrom('', '#', '?'), (provider, query, lead) => {
        const { form, notices } = decodeShare(provider, lead + query);
        // A complete, well-typed form state.
        const base = defaultForm(provider);
        expect(Object.keys(form).sort()).toEqual(Object.keys(base).sort());
        expect(provider.authModes.some((m) => m.id === form.mode)).toBe(true);
        expect(provider.scopes).toContain(form.scope);
        expect(['env', 'inline']).toContain(form.storage);
        expect(typeof form.enabled).toBe('boolean');
        expect(form.secret).toBe('');
        expect(form.user).toBe('');
        expect(Object.keys(form.params).sort()).toEqual(Object.keys(defaultForm(provider, form.mode).params).sort());
        expect(Object.keys(form.headers).sort()).toEqual(Object.keys(base.headers).sort());
        for (const v of [form.name, form.envVar, form.startupTimeoutSec, ...Object.values(form.params), ...Object.values(form.headers)]) {
          expect(typeof v).toBe('string');
          expect(v.length).toBeLessThanOrEqual(MAX_VALUE_LENGTH);
        }
        // Every key is either applied or reported: a key not reported must, on its own, decode without notice.
        const { ignored } = decodeShare(provider, lead + query);
        expect(ignored.length > 0).toBe(notices.length > 0);
        for (const [key, value] of new URLSearchParams((lead + query).replace(/^[#?]/, ''))) {
          if (key === 'v' || ignored.includes(key)) continue;
          const alone = new URLSearchParams({ v: '1', ...(form.mode !== provider.authModes[0]!.id ? { mode: form.mode } : {}), [key]: value });
          expect(decodeShare(provider, alone.toString()).notices).toEqual([]);
        }
        // Nothing leaked onto shared prototypes.
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('instance');
        expect(Object.getPrototypeOf(form.params)).toBe(Object.prototype);
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);
});
