/** Share links: the codec keeps only non-default, non-secret values and survives any input. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultForm, SECRET_FIELDS, type FormState } from '../../../src/lib/input/provider.ts';
import { providerSchema } from '../../../src/lib/input/provider-schema.ts';
import { findCredential } from '../../../src/lib/safety/credentials.ts';
import {
  decodeShare,
  encodeShare,
  linkCredential,
  MAX_NOTICES,
  MAX_VALUE_LENGTH,
  SECRET_LINK_KEYS,
  SETTINGS_KEYS,
  TEXT_KEYS,
} from '../../../src/lib/share/share.ts';
import { vendorDomain } from '../../../src/lib/share/share-report.ts';
import { readForm } from '../../../src/lib/input/read-form.ts';
import { CODEX_NEWEST, CODEX_OLDEST, PROBED_RELEASES } from '../../../src/lib/codex/releases.ts';
import { emptySettings, type SettingsForm } from '../../../src/lib/input/settings-form.ts';
import { wellFormedText } from '../_support/arbitraries.ts';
import { cpu } from '../_support/cpu.ts';

const load = (id: string) =>
  providerSchema.parse(JSON.parse(readFileSync(`content/providers/${id}.json`, 'utf8')));
const omni = load('omni');
const nekt = load('nekt');
const cdata = load('cdata-connect-ai');
const custom = load('custom');
const cinatra = load('cinatra');
const PROVIDERS = [omni, nekt, cdata, cinatra, load('alloy'), custom];

describe('encodeShare', () => {
  it.each([
    // The preset itself encodes to the version key alone.
    ['defaults', nekt, {}, 'v=1'],
    // Only changed fields appear, under their short keys.
    [
      'renamed server + timeout',
      nekt,
      { name: 'nekt-prod', startupTimeoutSec: '45' },
      'v=1&name=nekt-prod&startup=45',
    ],
    // A non-default mode is written, and the mode's own defaults (its env var) are not.
    [
      'omni api key with a param and a header',
      omni,
      {
        mode: 'api-key',
        params: { instance: 'blobs.omniapp.co' },
        headers: { ...defaultForm(omni).headers, 'X-MCP-Topic-Name': 'Sales' },
      },
      'v=1&mode=api-key&p.instance=blobs.omniapp.co&h.X-MCP-Topic-Name=Sales',
    ],
    // Booleans are 0/1.
    ['disabled + required', nekt, { enabled: false, required: true }, 'v=1&enabled=0&required=1'],
  ] as const)('%s', (_, provider, patch, expected) => {
    const form: FormState = {
      ...defaultForm(provider, (patch as Partial<FormState>).mode),
      ...(patch as Partial<FormState>),
    };
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
    expect(decodeShare(nekt, params)).toMatchObject({
      form,
      notices: [],
      ignored: [],
      applied: [{ key: 'env', label: 'Environment variable', value: 'MY_NEKT' }],
    });
  });

  it.each([
    // A known prefix in the variable-name field, named by the form's label.
    [
      'GitHub token as a variable name',
      nekt,
      { envVar: 'ghp_1234567890abcdefghijABCDEFGHIJ' },
      'v=1',
      ['Environment variable'],
    ],
    // Issue 9: a lowercase hex token with "_" pasted as the variable name (the old detector let it through).
    [
      'hex token with _ as a variable name',
      nekt,
      { envVar: 'a3f9c2_8b7e1d4f6a0c9b2e5d8f1a3c' },
      'v=1',
      ['Environment variable'],
    ],
    // A credential flag and its value on separate argument lines; the command stays.
    [
      '--access-token <token> in the arguments',
      custom,
      { mode: 'local', command: 'uvx', args: 'server\n--access-token\nabc123def' },
      'v=1&mode=local&command=uvx',
      ['Arguments'],
    ],
    // URL user info, and a credential query parameter, in the custom guide's URL.
    [
      'user:pass@ in the URL',
      custom,
      { params: { url: 'https://me:hunter2@mcp.example.com/mcp' } },
      'v=1',
      ['Server URL'],
    ],
    [
      '?api_key= in the URL',
      custom,
      { params: { url: 'https://mcp.example.com/mcp?api_key=abc123' } },
      'v=1',
      ['Server URL'],
    ],
    // Several at once, each named once; the rest of the link stays.
    [
      'two fields at once',
      custom,
      {
        name: 'docs',
        params: { url: 'https://mcp.example.com/?token=zz99zz' },
        envVar: 'sk-proj-abcdefghijklmnop',
        mode: 'token',
      },
      'v=1&mode=token&name=docs',
      ['Environment variable', 'Server URL'],
    ],
  ] as const)(
    'withholds a credential in a non-secret field: %s',
    (_, provider, patch, params, withheld) => {
      const form: FormState = {
        ...defaultForm(provider, (patch as Partial<FormState>).mode),
        ...(patch as Partial<FormState>),
      };
      const encoded = encodeShare(provider, form);
      expect(encoded.params).toBe(params);
      expect(encoded.withheld).toEqual(withheld);
    },
  );

  // Text a person might type or paste, credentials included, for the fuzz below.
  const TOKENS = [
    'ghp_1234567890abcdefghij',
    'a3f9c2_8b7e1d4f6a0c9b2e5d8f1a3c',
    'https://u:p4ss@h.example/x',
    'https://h.example/?api_key=zz',
    '--token\nabc123def',
    '--api-key=abc123',
    'Bearer abcdefgh12',
    'eyJhbGciOiJIUzI1NiJ9',
  ];
  const typed = fc.oneof(
    fc.string({ maxLength: 30 }),
    wellFormedText({ maxLength: 30 }),
    fc.constantFrom(...TOKENS),
    fc
      .tuple(
        fc.string({ maxLength: 10 }),
        fc.constantFrom(...TOKENS),
        fc.constantFrom(' ', '\n', '&', '=', '?', '#', '%', '+', ''),
        fc.string({ maxLength: 10 }),
      )
      .map(([a, t, sep, b]) => a + sep + t + sep + b),
  );
  const TEXT_FIELDS = [...new Set(Object.values(TEXT_KEYS))];
  const SETTINGS_FIELDS = Object.values(SETTINGS_KEYS);
  const randomForm = fc
    .tuple(
      fc.constantFrom(...PROVIDERS),
      fc.nat(),
      fc.array(fc.tuple(fc.constantFrom(...TEXT_FIELDS), typed), { maxLength: 6 }),
      typed,
      typed,
      fc.constantFrom('', 'true', 'false'),
      fc.array(fc.tuple(fc.constantFrom(...SETTINGS_FIELDS), typed), { maxLength: 4 }),
    )
    .map(([provider, m, fields, param, header, choice, typedSettings]) => {
      const form = defaultForm(provider, provider.authModes[m % provider.authModes.length]!.id);
      for (const [field, value] of fields) form[field] = value;
      for (const key of Object.keys(form.params)) form.params[key] = param;
      // Boolean headers are radio buttons: only their three values can occur.
      for (const h of provider.headers)
        form.headers[h.name] = h.type === 'boolean' ? choice : header;
      const settings = emptySettings();
      for (const [field, value] of typedSettings) settings[field] = value;
      return { provider, form, settings };
    });

  it('the final link never holds anything the detector flags, and reads back without a notice (10,000 runs)', () => {
    fc.assert(
      fc.property(randomForm, ({ provider, form, settings }) => {
        const { params, withheld, unusable } = encodeShare(provider, form, {}, settings);
        expect(findCredential(params)).toBeUndefined();
        for (const [key, value] of new URLSearchParams(params)) {
          expect(linkCredential(key, value)).toBeUndefined();
          expect(findCredential(value)).toBeUndefined();
        }
        // Every field left out is named; what is written is read back exactly, without a notice.
        const back = decodeShare(provider, params);
        expect(back.notices).toEqual([]);
        const written = back.applied.length - (form.mode !== provider.authModes[0]!.id ? 1 : 0);
        expect(written).toBe(
          new URLSearchParams(params).size - 1 - (form.mode !== provider.authModes[0]!.id ? 1 : 0),
        );
        // A link carries each value as the form's boundary read it (a host, a name without `export`).
        const read = readForm(provider, form).form;
        for (const [key, field] of Object.entries(TEXT_KEYS)) {
          if (new URLSearchParams(params).has(key)) expect(back.form[field]).toBe(read[field]);
        }
        for (const [key, field] of Object.entries(SETTINGS_KEYS)) {
          const carried = new URLSearchParams(params).has(key);
          expect(back.settings[field]).toBe(carried ? settings[field] : undefined);
        }
        expect(withheld.length + unusable.length).toBeLessThanOrEqual(
          TEXT_FIELDS.length +
            SETTINGS_FIELDS.length +
            Object.keys(form.params).length +
            Object.keys(form.headers).length,
        );
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);

  it('leaves out values no reader would use, and says which', () => {
    const form = {
      ...defaultForm(nekt),
      name: `a\u001bb`,
      toolTimeoutSec: '1'.repeat(MAX_VALUE_LENGTH + 1),
    };
    expect(encodeShare(nekt, form)).toEqual({
      params: 'v=1',
      withheld: [],
      unusable: ['Server name', 'Tool timeout'],
    });
  });
});

describe('names and timeouts: only what their field accepts, stand-ins included', () => {
  it('writes no name or timeout its field refuses, even one holding {x} or YOUR-', () => {
    const form = {
      ...defaultForm(nekt),
      name: 'YOUR-server $(touch x)',
      startupTimeoutSec: '{x}; rm -rf ~',
      toolTimeoutSec: 'YOUR-TIMEOUT',
    };
    const encoded = encodeShare(nekt, form);
    expect(encoded.params).toBe('v=1');
    expect(encoded.unusable).toEqual(['Server name', 'Startup timeout', 'Tool timeout']);
    // A stand-in in an address is still carried: the page asks for it there.
    const host = { ...defaultForm(cinatra), params: { instance: '{tenant}.acme.dev' } };
    expect(encodeShare(cinatra, host).params).toBe('v=1&p.instance=%7Btenant%7D.acme.dev');
  });

  it("reads no name or timeout its field refuses: each goes back to the preset, with the field's message", () => {
    const decoded = decodeShare(nekt, 'v=1&name=YOUR-a%20b&startup=%7Bx%7D&tooltimeout=YOUR-T');
    expect(decoded.form.name).toBe(defaultForm(nekt).name);
    expect(decoded.form.startupTimeoutSec).toBe(defaultForm(nekt).startupTimeoutSec);
    expect(decoded.form.toolTimeoutSec).toBe(defaultForm(nekt).toolTimeoutSec);
    expect(decoded.ignored).toEqual(['name', 'startup', 'tooltimeout']);
    expect(decoded.notices).toHaveLength(3);
    expect(decoded.notices[1]).toMatch(/^"startup" was ignored: Startup timeout/);
  });
});

describe('decodeShare', () => {
  it('round-trips every non-secret field of a form', () => {
    const form: FormState = {
      ...defaultForm(omni, 'api-key'),
      name: 'omni.sales',
      scope: 'project',
      params: { instance: 'x.omniapp.co' },
      headers: {
        ...defaultForm(omni).headers,
        'X-MCP-User-Required': 'true',
        'X-MCP-Model-ID': 'm 1&2=3',
      },
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
    [
      'v=1&secret=abc',
      ['"secret" was ignored: secrets are never read from links. Enter it on this page.'],
    ],
    // A value outside the allowed set falls back, with the reason.
    [
      'v=1&scope=galaxy',
      ['"scope" was ignored: this provider supports user or project (got "galaxy").'],
    ],
    // A newer format is not half-read.
    [
      'v=2&name=x',
      ['This link was made by a different version of the site (v=2); the defaults are shown.'],
    ],
    // Duplicates: the last wins, and the reader is told.
    ['v=1&name=a&name=b', ['"name" appears twice; the last value was used.']],
    // A value holding a control or bidi character is refused, and the notice names the character.
    [
      'v=1&name=a%1Bb',
      [
        '"name" was ignored: its value holds U+001B (escape), which no field accepts because it can change what a pasted command does.',
      ],
    ],
    [
      'v=1&allow=a%E2%80%AEb',
      [
        '"allow" was ignored: its value holds U+202E (right-to-left override), which no field accepts because it can change what a pasted command does.',
      ],
    ],
    // A credential in a non-secret key is not read either, and the notice says why.
    [
      'v=1&name=ghp_1234567890abcdefghij',
      [
        '"name" was ignored: its value looks like a credential (it starts like a GitHub token (ghp_…)), and credentials are not read from links. Enter it on this page.',
      ],
    ],
    // A key shown in a notice never carries a character that reorders the notice's text.
    ['v=1&a%E2%80%AEb=1', ['Unknown setting "a?b" was ignored.']],
    // Unknown mode.
    ['v=1&mode=magic', ['Unknown authentication "magic" was ignored.']],
    // Boolean header with a non-boolean value.
    [
      'v=1&mode=api-key&h.X-MCP-User-Required=maybe',
      ['"h.X-MCP-User-Required" was ignored: use true or false (got "maybe").'],
    ],
  ])('%s', (raw, notices) => {
    const { form, notices: got } = decodeShare(omni, raw);
    expect(got).toEqual(notices);
    expect(form.secret).toBe('');
  });

  it('reports 100,000 duplicate keys in one line, fast', () => {
    // CPU time of this process, not wall time: other processes' load on the CI cores does not count.
    const { ms, value } = cpu(() => decodeShare(nekt, `v=1&${'name=a&'.repeat(100_000)}name=b`));
    expect(ms).toBeLessThan(2000);
    const { form, notices } = value;
    expect(form.name).toBe('b');
    expect(notices).toEqual(['"name" appears 100,001 times; the last value was used.']);
  });

  it('caps 100,000 notices at MAX_NOTICES and counts the rest', () => {
    const { ms, value } = cpu(() => {
      const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}=1`).join('&');
      return decodeShare(nekt, `v=1&${keys}`);
    });
    expect(ms).toBeLessThan(2000);
    const { notices, ignored } = value;
    expect(notices).toHaveLength(MAX_NOTICES + 1);
    expect(notices[0]).toBe('Unknown setting "k0" was ignored.');
    expect(notices.at(-1)).toBe(`…and ${(100_000 - MAX_NOTICES).toLocaleString('en')} more.`);
    expect(ignored).toHaveLength(100_000);
  });

  it('lists what a link set, and the secrets the reader must still add', () => {
    const decoded = decodeShare(cdata, 'v=1&mode=basic&name=cdata-prod&enabled=0&allow=a%0Ab');
    expect(decoded.applied).toEqual([
      { key: 'mode', label: 'Authentication', value: 'Basic auth with a personal access token' },
      { key: 'name', label: 'Server name', value: 'cdata-prod' },
      { key: 'enabled', label: 'Enabled', value: 'no' },
      { key: 'allow', label: 'Allowed tools', value: 'a, b' },
    ]);
    expect(decoded.toAdd).toEqual(['Connect AI email', 'Personal access token (PAT)']);
    expect(decoded.cautions).toEqual([]);
    // OAuth needs nothing typed in.
    expect(decodeShare(omni, 'v=1').toAdd).toEqual([]);
  });

  it.each([
    // Omni's instance sits under omniapp.co: a link that moves it elsewhere says so.
    [
      omni,
      'v=1&mode=api-key&p.instance=evil.example.net',
      [
        /points Omni at evil\.example\.net, which is not an omniapp\.co address: your Omni API key would be sent there/,
      ],
    ],
    [omni, 'v=1&mode=api-key&p.instance=omniapp.co.evil.net', [/not an omniapp\.co address/]],
    // Its own subdomains are fine.
    [omni, 'v=1&mode=api-key&p.instance=blobs.omniapp.co', []],
    // Cinatra is self-hosted (its example is a reserved domain): any host is expected.
    [cinatra, 'v=1&mode=token&p.instance=mcp.acme.dev', []],
    // Turning on inline storage is said out loud.
    [
      cdata,
      'v=1&mode=basic&storage=inline',
      [/switches "Where the credential is kept" to config\.toml.*plaintext/],
    ],
    // Omni's API key is a bearer variable (the runtime suite proves the route): no storage choice to switch.
    [omni, 'v=1&mode=api-key&storage=inline', []],
  ] as const)('cautions: %#', (provider, raw, expected) => {
    const { cautions } = decodeShare(provider, raw);
    expect(cautions).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(cautions[i]).toMatch(re));
  });

  it.each([
    ['acme.omniapp.co', 'omniapp.co'],
    ['cinatra.example.com', undefined],
    ['https://mcp.example.com/mcp', undefined],
  ])('vendorDomain(%j) === %j', (host, expected) => {
    expect(vendorDomain(host)).toBe(expected);
  });

  it('ignores an over-long value instead of truncating it', () => {
    const { form, notices } = decodeShare(nekt, `v=1&name=${'a'.repeat(MAX_VALUE_LENGTH + 1)}`);
    expect(form.name).toBe('nekt');
    expect(notices).toHaveLength(1);
  });

  // Garbage of every kind: 10,000 random query strings per run.
  const garbageKey = fc.oneof(
    fc.constantFrom(
      'v',
      'mode',
      'name',
      'scope',
      'storage',
      'enabled',
      'required',
      'env',
      'startup',
      'allow',
      'secret',
      'user',
      '__proto__',
      'constructor',
      'prototype',
      'p.__proto__',
      'h.__proto__',
      'p.instance',
      'h.X-MCP-Model-ID',
      'toString',
      'hasOwnProperty',
    ),
    wellFormedText({ maxLength: 12 }),
  );
  const garbageValue = fc.oneof(
    wellFormedText({ maxLength: 40 }),
    fc.constantFrom(
      '%',
      '%E0%A4%A',
      '%zz',
      '%00',
      '%ff%fe',
      '<script>alert(1)</script>',
      'javascript:alert(1)',
      '"><img src=x onerror=alert(1)>',
      '1',
      '0',
      'inline',
      'project',
    ),
    // Up to ~120 KB, past the 100 KB a hostile link might carry.
    fc.integer({ min: 0, max: 120_000 }).map((n) => 'x'.repeat(n)),
  );
  const rawPair = fc
    .tuple(garbageKey, garbageValue)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  const rawQuery = fc.oneof(
    fc.array(rawPair, { maxLength: 8 }).map((pairs) => pairs.join('&')),
    wellFormedText({ maxLength: 200 }),
    fc
      .array(fc.oneof(rawPair, fc.constantFrom('&&', '=', '==', '%', '%%', '+', '#', '?')), {
        maxLength: 10,
      })
      .map((p) => p.join('')),
  );

  it('never throws, never pollutes prototypes, always yields a valid form and explains what it ignored (10,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROVIDERS),
        rawQuery,
        fc.constantFrom('', '#', '?'),
        (provider, query, lead) => {
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
          expect(Object.keys(form.params).sort()).toEqual(
            Object.keys(defaultForm(provider, form.mode).params).sort(),
          );
          expect(Object.keys(form.headers).sort()).toEqual(Object.keys(base.headers).sort());
          for (const v of [
            form.name,
            form.envVar,
            form.startupTimeoutSec,
            ...Object.values(form.params),
            ...Object.values(form.headers),
          ]) {
            expect(typeof v).toBe('string');
            expect(v.length).toBeLessThanOrEqual(MAX_VALUE_LENGTH);
          }
          // Every key is either applied or reported: a key not reported must, on its own, decode without notice.
          const { ignored } = decodeShare(provider, lead + query);
          expect(ignored.length > 0).toBe(notices.length > 0);
          for (const [key, value] of new URLSearchParams((lead + query).replace(/^[#?]/, ''))) {
            if (key === 'v' || ignored.includes(key)) continue;
            const alone = new URLSearchParams({
              v: '1',
              ...(form.mode !== provider.authModes[0]!.id ? { mode: form.mode } : {}),
              [key]: value,
            });
            expect(decodeShare(provider, alone.toString()).notices).toEqual([]);
          }
          // Nothing leaked onto shared prototypes.
          expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
          expect(Object.prototype).not.toHaveProperty('instance');
          expect(Object.getPrototypeOf(form.params)).toBe(Object.prototype);
        },
      ),
      { numRuns: 10_000 },
    );
    // Measured: about 15 s of CPU (links up to ~120 KB, each key decoded again alone), but 122 s of
    // wall time at load average 20 on the 2-core CI machine, past the old 120 s. The timeout only
    // stops a hang; the property is the proof.
  }, 300_000);
});

describe('decodeShare: storage only where the mode offers the choice', () => {
  // A bearer route keeps the token in a variable; a link cannot switch it to config.toml, and says so.
  it('ignores storage=inline for a bearer mode, with a notice', () => {
    const decoded = decodeShare(omni, 'v=1&mode=api-key&storage=inline');
    expect(decoded.form.storage).toBe('env');
    expect(decoded.ignored).toContain('storage');
    expect(decoded.notices.join(' ')).toMatch(
      /"storage" was ignored: this authentication keeps the credential in a variable/,
    );
  });
  it('applies storage=inline for a Basic mode, and writes it back', () => {
    const form = decodeShare(cdata, 'v=1&mode=basic&storage=inline').form;
    expect(form.storage).toBe('inline');
    expect(encodeShare(cdata, form).params).toContain('storage=inline');
  });
  it('never writes storage for a bearer mode', () => {
    expect(
      encodeShare(omni, { ...defaultForm(omni, 'api-key'), storage: 'inline' }).params,
    ).not.toContain('storage');
  });
});

describe('the view: Codex release and shell', () => {
  it('writes codex and shell only when they are not the defaults', () => {
    const form = defaultForm(nekt);
    expect(encodeShare(nekt, form, { release: CODEX_NEWEST, shell: 'posix' }).params).toBe('v=1');
    expect(encodeShare(nekt, form, { release: '0.150.0', shell: 'fish' }).params).toBe(
      'v=1&codex=0.150.0&shell=fish',
    );
  });

  it('reads them back, and lists them with what the link set', () => {
    const decoded = decodeShare(nekt, '#v=1&codex=0.150.0&shell=powershell');
    expect(decoded.view).toEqual({ release: '0.150.0', shell: 'powershell' });
    expect(decoded.notices).toEqual([]);
    expect(decoded.applied).toEqual([
      { key: 'codex', label: 'Codex version', value: '0.150.0' },
      { key: 'shell', label: 'Your shell', value: 'PowerShell' },
    ]);
  });

  it('round-trips every probed release and every shell', () => {
    for (const release of PROBED_RELEASES) {
      for (const shell of ['posix', 'fish', 'powershell'] as const) {
        const { params } = encodeShare(omni, defaultForm(omni), { release, shell });
        const view = decodeShare(omni, params).view;
        expect(view.release ?? CODEX_NEWEST).toBe(release);
        expect(view.shell ?? 'posix').toBe(shell);
      }
    }
  });

  it.each([
    ['a release outside the list', 'codex=0.999.0', 'codex'],
    ['a release inside the window that was never probed', 'codex=0.166.0', 'codex'],
    ['not a release at all', 'codex=latest', 'codex'],
    ['an unknown shell', 'shell=tcsh', 'shell'],
  ])('ignores %s with a notice, and keeps the default', (_, query, key) => {
    const decoded = decodeShare(nekt, `v=1&${query}`);
    expect(decoded.view).toEqual({});
    expect(decoded.ignored).toEqual([key]);
    expect(decoded.notices).toHaveLength(1);
    expect(decoded.notices[0]).toContain(`"${key}" was ignored`);
    if (key === 'codex')
      expect(decoded.notices[0]).toContain(`the output is for the newest, ${CODEX_NEWEST}`);
  });
});

describe('the advanced settings: approval and the top-level OAuth keys', () => {
  const typed: SettingsForm = {
    defaultApproval: 'approve',
    toolApprovals: 'search = approve\nrun_query = prompt',
    credentialsStore: 'file',
    callbackPort: '8765',
  };

  it('writes only the fields the reader set, and reads them back as typed', () => {
    const form = defaultForm(omni);
    expect(encodeShare(omni, form, {}, emptySettings()).params).toBe('v=1');
    const { params } = encodeShare(omni, form, {}, typed);
    expect(params).toBe(
      'v=1&approval=approve&toolapproval=search+%3D+approve%0Arun_query+%3D+prompt&credstore=file&callbackport=8765',
    );
    const decoded = decodeShare(omni, params);
    expect({ ...emptySettings(), ...decoded.settings }).toEqual(typed);
    expect(decoded.notices).toEqual([]);
    expect(decoded.applied.map((a) => [a.label, a.value])).toEqual([
      ['Tool approval for this server', 'approve'],
      ['Per-tool approval', 'search = approve, run_query = prompt'],
      ['Where OAuth tokens are kept', 'file'],
      ['OAuth callback port', '8765'],
    ]);
  });

  it('sets no settings field when a link has none of them, or is of another format', () => {
    expect(decodeShare(omni, 'v=1&name=x').settings).toEqual({});
    expect(decodeShare(omni, 'v=2&approval=approve').settings).toEqual({});
  });

  it("applies a setting only when its field accepts it: a refused one is unset, with the field's message", () => {
    const decoded = decodeShare(
      omni,
      'v=1&approval=sometimes&toolapproval=search%3Dmaybe&credstore=cloud&callbackport=99999&name=omni-2',
    );
    expect(decoded.settings).toEqual({});
    expect(decoded.ignored).toEqual(['approval', 'toolapproval', 'credstore', 'callbackport']);
    expect(decoded.notices).toEqual([
      expect.stringMatching(
        /^"approval" was ignored: Default tool approval "sometimes" is not a mode Codex/,
      ),
      expect.stringMatching(/^"toolapproval" was ignored: Per-tool approval, line 1: mode "maybe"/),
      expect.stringMatching(
        /^"credstore" was ignored: OAuth credential store "cloud" is not one Codex accepts/,
      ),
      expect.stringMatching(
        /^"callbackport" was ignored: OAuth callback port "99999" is not a port number/,
      ),
    ]);
    // The rest of the link still applies.
    expect(decoded.form.name).toBe('omni-2');
    // The link's release decides: "writes" is a mode only newer releases accept.
    expect(decodeShare(omni, 'v=1&approval=writes').settings).toEqual({
      defaultApproval: 'writes',
    });
    const old = decodeShare(omni, `v=1&codex=${CODEX_OLDEST}&approval=writes`);
    expect(old.settings).toEqual({});
    expect(old.notices[0]).toMatch(/needs a newer Codex than/);
  });

  it('writes a setting only when its field accepts it, and names the ones left out', () => {
    const bad = {
      defaultApproval: 'sometimes',
      toolApprovals: 'a = b',
      credentialsStore: 'x y',
      callbackPort: 'abc',
    };
    const encoded = encodeShare(omni, defaultForm(omni), {}, bad);
    expect(encoded.params).toBe('v=1');
    expect(encoded.unusable).toEqual([
      'Tool approval for this server',
      'Per-tool approval',
      'Where OAuth tokens are kept',
      'OAuth callback port',
    ]);
  });

  it('never carries a credential typed into a settings field, and says which field it withheld', () => {
    const leaked = { ...typed, toolApprovals: 'ghp_0123456789abcdefghijABCDEFGHIJ0123 = approve' };
    const encoded = encodeShare(omni, defaultForm(omni), {}, leaked);
    expect(encoded.params).not.toContain('ghp_');
    expect(encoded.withheld).toEqual(['Per-tool approval']);
    const decoded = decodeShare(
      omni,
      `v=1&toolapproval=${encodeURIComponent(leaked.toolApprovals)}`,
    );
    expect(decoded.settings).toEqual({});
    expect(decoded.ignored).toEqual(['toolapproval']);
  });

  it('refuses a line break where the field holds one line, and keeps it where it holds many', () => {
    expect(decodeShare(omni, 'v=1&approval=approve%0Aprompt').ignored).toEqual(['approval']);
    expect(decodeShare(omni, 'v=1&toolapproval=a%3Dapprove%0Ab%3Dprompt').ignored).toEqual([]);
  });
});
