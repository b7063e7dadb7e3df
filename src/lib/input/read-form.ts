/**
 * Passes every outside field of the generator form through the boundary (boundary.ts,
 * env-lines.ts): the form as the reader plainly meant it, and a note at each field read
 * differently or refused. `specFromForm` builds from this form, and share links carry and apply
 * only what it accepts, so the page, its links and its outputs read every value the same way.
 */
import type { Diagnostic } from '../generator/model.ts';
import {
  outside,
  readHeaderValue,
  readHost,
  readServerUrl,
  readTimeout,
  readVariableName,
  readWordList,
  type Reading,
} from './boundary.ts';
import { readEnvLines } from './env-lines.ts';
import { endpointOf, modeOf, type FormState } from './form-state.ts';
import type { Provider } from './provider-schema.ts';

/** The form as read, the notes (each at the form field it is about), and what the boundary refused. */
export interface ReadForm {
  form: FormState;
  notes: Diagnostic[];
  /** Form fields (`envVar`, `params.instance`...) whose value was refused. */
  refused: Set<string>;
}

/** The diagnostic field a note about form field `key` goes to (`url` for an endpoint param, which resolve also checks). */
const noteField = (key: string): string => (key.startsWith('params.') ? 'url' : `form.${key}`);

/** Reads the form; see the module comment. Pure; never throws. */
export function readForm(provider: Provider, raw: FormState): ReadForm {
  const form: FormState = { ...raw, params: { ...raw.params }, headers: { ...raw.headers } };
  const notes: Diagnostic[] = [];
  const refused = new Set<string>();
  /** Applies one reading to field `key`; a refused value is kept as typed, with its error. */
  const take = (key: string, r: Reading, set: (v: string) => void): void => {
    if ('refused' in r) {
      refused.add(key);
      notes.push({ field: noteField(key), severity: 'error', message: r.refused });
      return;
    }
    set(r.value);
    if (r.note) notes.push({ field: noteField(key), severity: 'warning', message: r.note });
  };
  const mode = modeOf(provider, form);
  const endpoint = endpointOf(provider, form);
  if (mode.kind !== 'stdio') {
    for (const p of endpoint.params) {
      const value = form.params[p.key] ?? '';
      const set = (v: string) => (form.params[p.key] = v);
      if (endpoint.url.startsWith(`https://{${p.key}}`))
        take(
          `params.${p.key}`,
          readHost(value, { ...p, template: endpoint.url, provider: provider.name }),
          set,
        );
      else if (endpoint.url === `{${p.key}}`)
        take(`params.${p.key}`, readServerUrl(value, p.label), set);
      else set(outside(value));
    }
  }
  take('envVar', readVariableName(form.envVar, 'Environment variable'), (v) => (form.envVar = v));
  for (const [key, label] of [
    ['startupTimeoutSec', 'Startup timeout'],
    ['toolTimeoutSec', 'Tool timeout'],
  ] as const)
    take(key, readTimeout(form[key], label), (v) => (form[key] = v));
  for (const [key, label] of [
    ['enabledTools', 'Allowed tools'],
    ['disabledTools', 'Blocked tools'],
    ['scopes', 'OAuth scopes'],
  ] as const) {
    const list = readWordList(form[key], label);
    take(key, { value: list.items.join(', '), ...(list.note && { note: list.note }) }, (v) => {
      form[key] = v;
    });
  }
  for (const h of provider.headers) {
    if (h.type !== 'text') continue;
    const r = readHeaderValue(form.headers[h.name] ?? '', h.name, `${h.label} (${h.name})`);
    take(`headers.${h.name}`, r, (v) => (form.headers[h.name] = v));
  }
  form.secret = outside(form.secret);
  form.user = outside(form.user);
  form.command = outside(form.command);
  form.args = form.args.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (mode.kind === 'stdio') {
    const env = readEnvLines(form.env);
    form.env = env.pairs.map((p) => `${p.name}=${p.value}`).join('\n');
    notes.push(...env.notes);
    const names = readWordList(form.envVars, 'Pass-through variables');
    if (names.note) notes.push({ field: 'form.envVars', severity: 'warning', message: names.note });
    const items = names.items.map((item) => {
      const r = readVariableName(item, 'Pass-through variables');
      if ('value' in r && r.note)
        notes.push({ field: 'form.envVars', severity: 'warning', message: r.note });
      return 'value' in r ? r.value : item;
    });
    for (const f of env.forwarded) if (!items.includes(f)) items.push(f);
    form.envVars = items.join(', ');
  }
  form.envHeaders = readEnvHeaderVariables(form.envHeaders, notes);
  return { form, notes, refused };
}

/** `Name: $VAR` or `Name: ${VAR}` lines of the env-sourced header field give `Name: VAR`. */
function readEnvHeaderVariables(raw: string, notes: Diagnostic[]): string {
  return outside(raw)
    .split('\n')
    .map((line) => {
      const colon = line.indexOf(':');
      if (colon < 0) return line;
      const r = readVariableName(line.slice(colon + 1), 'Headers from environment variables');
      if (!('value' in r) || !r.note) return line;
      notes.push({ field: 'form.envHeaders', severity: 'warning', message: r.note });
      return `${line.slice(0, colon).trim()}: ${r.value}`;
    })
    .join('\n');
}
