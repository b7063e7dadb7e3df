/**
 * The generator form's domain rules (src/lib/input/form.ts): where each diagnostic is shown, which fields
 * a sign-in method shows, and what switching methods keeps. Real provider files, so a new preset
 * is covered as soon as it exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldOf, showsField, switchMode, userIsEmail } from '../../../src/lib/input/form.ts';
import { isShell } from '../../../src/lib/generator/shells.ts';
import { generate } from '../../../src/lib/generator/generate.ts';
import {
  defaultForm,
  modeOf,
  specFromForm,
  type FormState,
  type Provider,
} from '../../../src/lib/input/provider.ts';
import { providerSchema } from '../../../src/lib/input/provider-schema.ts';

const DIR = 'content/providers';
const providers: Provider[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => providerSchema.parse(JSON.parse(readFileSync(join(DIR, f), 'utf8'))));
const byId = (id: string): Provider => providers.find((p) => p.id === id)!;
const custom = byId('custom');
const cdata = byId('cdata-connect-ai');

/** The fields (by fieldOf key) the errors and warnings of a form land on. */
function fieldsOf(provider: Provider, form: FormState): string[] {
  const spec = specFromForm(provider, form);
  return generate(spec).diagnostics.map((d) => fieldOf(d, spec, provider, form));
}

describe('fieldOf', () => {
  it.each([
    ['name', { name: 'bad name!' }, 'name'],
    ['startup timeout', { startupTimeoutSec: 'soon' }, 'startupTimeoutSec'],
    ['tool timeout', { toolTimeoutSec: '-3' }, 'toolTimeoutSec'],
    ['URL (a template param)', { params: { url: 'ftp://x' } }, 'params.url'],
    ['bearer variable', { mode: 'token', envVar: 'lower case' }, 'envVar'],
    ['command', { mode: 'local', command: '' }, 'command'],
    ['stdio env line', { mode: 'local', env: 'NO_EQUALS_SIGN_HERE=\nBAD NAME=1' }, 'env'],
    ['env header', { envHeaders: 'X-Thing: not a var' }, 'envHeaders'],
    ['static header', { httpHeaders: 'Bad Header: 1' }, 'httpHeaders'],
  ] as const)('puts the %s message at its field', (_, change, field) => {
    const mode = 'mode' in change ? change.mode : undefined;
    const form = { ...defaultForm(custom, mode), ...change } as FormState;
    expect(fieldsOf(custom, form)).toContain(field);
  });

  it('shows the basic-auth variable error at the variable field, the credential at its own', () => {
    const form = { ...defaultForm(cdata, 'basic'), envVar: 'not valid' };
    expect(fieldsOf(cdata, form)).toContain('envVar');
  });

  it('falls back to general for a field it does not know', () => {
    const form = defaultForm(custom);
    const spec = specFromForm(custom, form);
    expect(
      fieldOf({ field: 'nonsense', severity: 'error', message: 'x' }, spec, custom, form),
    ).toBe('general');
  });

  it('puts the release-dependent name refusal at the name field', () => {
    // The preset host is a placeholder the generator refuses: type a real one.
    const preset = defaultForm(custom);
    const form = {
      ...preset,
      name: 'a.b',
      params: { ...preset.params, url: 'https://mcp.example.com/mcp' },
    };
    const spec = specFromForm(custom, form);
    const old = generate(spec, '0.150.0').diagnostics.filter((d) => d.severity === 'error');
    expect(old.map((d) => fieldOf(d, spec, custom, form))).toEqual(['name']);
    expect(generate(spec).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('switchMode', () => {
  it('keeps the name, scope, tuning, params and headers the reader typed', () => {
    const typed: FormState = {
      ...defaultForm(custom, 'oauth'),
      name: 'mine',
      scope: 'project',
      startupTimeoutSec: '45',
      toolTimeoutSec: '90',
      enabledTools: 'a, b',
      disabledTools: 'c',
      enabled: false,
      required: true,
      params: { url: 'https://mcp.acme.test/mcp' },
      envHeaders: 'X-Team: TEAM_VAR',
    };
    const next = switchMode(custom, typed, 'token');
    expect(next.mode).toBe('token');
    for (const key of [
      'name',
      'scope',
      'startupTimeoutSec',
      'toolTimeoutSec',
      'enabledTools',
      'disabledTools',
      'enabled',
      'required',
      'params',
      'envHeaders',
    ] as const) {
      expect(next[key], key).toEqual(typed[key]);
    }
  });

  it('keeps the secret and a typed variable name when both methods have them', () => {
    const mode = { label: 'Mode', description: 'A mode', secretLabel: 'Key', placeholder: 'paste' };
    const two = providerSchema.parse({
      id: 'two',
      name: 'Two',
      summary: 'two methods with a secret',
      docsUrl: 'https://docs.example.com/',
      serverName: 'two',
      endpoint: { url: 'https://mcp.example.com/mcp' },
      authModes: [
        { ...mode, id: 'bearer', kind: 'bearer', envVar: 'TWO_TOKEN' },
        { ...mode, id: 'header', kind: 'header', header: 'X-Api-Key', envVar: 'TWO_KEY' },
      ],
    });
    const typed = { ...defaultForm(two, 'bearer'), secret: 's3cr3t-typed', envVar: 'MY_TOKEN' };
    const next = switchMode(two, typed, 'header');
    expect([next.secret, next.envVar]).toEqual(['s3cr3t-typed', 'MY_TOKEN']);
    // Untouched, the variable name is the new method's own.
    expect(switchMode(two, { ...typed, envVar: 'TWO_TOKEN' }, 'header').envVar).toBe('TWO_KEY');
    // token -> remote (no secret field) -> token: the secret is gone, the preset variable is back.
    const viaNone = switchMode(
      custom,
      switchMode(
        custom,
        { ...defaultForm(custom, 'token'), secret: 'x', envVar: 'MINE' },
        'remote',
      ),
      'token',
    );
    expect([viaNone.secret, viaNone.envVar]).toEqual(['', defaultForm(custom, 'token').envVar]);
  });

  it('takes the new method variable preset when the reader left the old one untouched', () => {
    const from = defaultForm(cdata, 'basic');
    const back = switchMode(cdata, switchMode(cdata, from, 'oauth'), 'basic');
    expect(back.envVar).toBe(from.envVar);
  });

  it('keeps the typed stdio fields only while the method is local', () => {
    const local = {
      ...defaultForm(custom, 'local'),
      command: 'uvx',
      args: 'my-server',
      cwd: '/srv',
    };
    const remote = switchMode(custom, local, 'remote');
    expect(remote.command).toBe('');
    expect(remote.args).toBe('');
    expect(remote.cwd).toBe('');
    expect(switchMode(custom, local, 'local')).toEqual(local);
  });

  it('keeps OAuth settings across OAuth, drops them for other methods', () => {
    const oauth = { ...defaultForm(custom, 'oauth'), scopes: 'read', oauthClientId: 'cid' };
    expect(switchMode(custom, oauth, 'oauth').scopes).toBe('read');
    expect(switchMode(custom, oauth, 'token').scopes).toBe('');
  });

  it('for every provider and pair of methods, yields exactly the new preset when nothing was typed', () => {
    for (const p of providers) {
      for (const a of p.authModes) {
        for (const b of p.authModes)
          expect(switchMode(p, defaultForm(p, a.id), b.id), `${p.id} ${a.id}->${b.id}`).toEqual(
            defaultForm(p, b.id),
          );
      }
    }
  });
});

describe('showsField', () => {
  it('matches the method kinds', () => {
    const token = modeOf(custom, defaultForm(custom, 'token'));
    const local = modeOf(custom, defaultForm(custom, 'local'));
    expect(showsField(custom, token, 'secret')).toBe(true);
    expect(showsField(custom, token, 'command')).toBe(false);
    expect(showsField(custom, local, 'command')).toBe(true);
    expect(showsField(custom, local, 'httpHeaders')).toBe(false);
    expect(showsField(custom, token, 'name')).toBe(true);
  });
});

describe('userIsEmail', () => {
  it('finds the providers whose basic-auth user field is an e-mail address', () => {
    const emails = providers.flatMap((p) =>
      p.authModes.filter(userIsEmail).map((m) => `${p.id}/${m.id}`),
    );
    expect(emails).toEqual(['cdata-connect-ai/basic']);
  });
});

describe('isShell', () => {
  it('accepts the three shells and nothing else', () => {
    expect(['posix', 'fish', 'powershell', 'bash', '', 'toString'].filter(isShell)).toEqual([
      'posix',
      'fish',
      'powershell',
    ]);
  });
});
