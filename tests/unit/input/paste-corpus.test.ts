/**
 * The paste corpus (paste-corpus.ts): every realistic paste gives the entry the person meant, or
 * an error at the field it was pasted into, naming the fix. None gives a different entry silently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/lib/generator/generate.ts';
import { fieldOf } from '../../../src/lib/input/form.ts';
import {
  defaultForm,
  specFromForm,
  type FormState,
  type Provider,
} from '../../../src/lib/input/provider.ts';
import { providerSchema } from '../../../src/lib/input/provider-schema.ts';
import { CORPUS, type Base, type Paste } from './paste-corpus.ts';

const DIR = join(import.meta.dirname, '../../../content/providers');
const byId = (id: string): Provider =>
  providerSchema.parse(JSON.parse(readFileSync(join(DIR, `${id}.json`), 'utf8')));

// Each base: a provider, a sign-in method, and the values its form needs to be complete.
const BASES: Record<Base, [string, string, Partial<FormState>]> = {
  omni: ['omni', 'api-key', { params: { instance: 'acme.omniapp.co' } }],
  cinatra: ['cinatra', 'token', { params: { instance: 'cinatra.acme.dev' } }],
  remote: ['custom', 'remote', { params: { url: 'https://mcp.acme.dev/mcp' } }],
  oauth: ['custom', 'oauth', { params: { url: 'https://mcp.acme.dev/mcp' } }],
  local: ['custom', 'local', {}],
  nekt: ['nekt', 'bearer', {}],
};

function run(paste: Paste) {
  const [id, mode, filled] = BASES[paste.base];
  const provider = byId(id);
  const base = { ...defaultForm(provider, mode), ...filled };
  const form: FormState = {
    ...base,
    ...paste.set,
    params: { ...base.params, ...paste.set.params },
    headers: { ...base.headers, ...paste.set.headers },
  };
  const spec = specFromForm(provider, form);
  const g = generate(spec);
  const errorsAt = (key: string) =>
    g.diagnostics.filter((d) => d.severity === 'error' && fieldOf(d, spec, provider, form) === key);
  return { g, errorsAt };
}

describe('paste corpus (issue 20)', () => {
  it('holds at least 60 realistic pastes, every provider with a typed field among them', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CORPUS.map((c) => c.base))).toEqual(new Set(Object.keys(BASES)));
    // The providers exist as data files.
    expect(readdirSync(DIR)).toEqual(expect.arrayContaining(['omni.json', 'cinatra.json']));
  });

  it.each(CORPUS.map((c) => [JSON.stringify(c.set), c] as const))('%s', (_title, paste) => {
    const { g, errorsAt } = run(paste);
    if ('entry' in paste.want) {
      expect(g.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const entry = g.outputs!.entry as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(paste.want.entry)) {
        if (key === 'name') expect(g.outputs!.name).toBe(value);
        else expect(entry[key], key).toEqual(value);
      }
    } else {
      expect(g.outputs).toBeNull();
      const messages = errorsAt(paste.want.refused).map((d) => d.message);
      expect(messages).toContainEqual(expect.stringMatching(paste.want.message));
    }
  });
});
