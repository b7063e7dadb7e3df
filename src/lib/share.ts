/**
 * Share links: form state <-> URL fragment parameters.
 * Only allowlisted keys, only values that differ from the provider's preset, a version key,
 * and never a secret. Decoding never throws: anything unusable falls back to the default and
 * is listed in `notices`.
 */
import { defaultForm, endpointOf, SECRET_FIELDS, type FormState, type Provider } from './provider.ts';
import { looksLikeSecret } from './validate.ts';

/** The current share-link format. Bump it and add a migration when a key changes meaning. */
export const SHARE_VERSION = '1';
/** Longest value a link may carry for one field; longer ones are ignored, not truncated. */
export const MAX_VALUE_LENGTH = 2000;

type TextField =
  | 'name'
  | 'envVar'
  | 'startupTimeoutSec'
  | 'toolTimeoutSec'
  | 'enabledTools'
  | 'disabledTools'
  | 'scopes'
  | 'oauthClientId'
  | 'oauthResource'
  | 'command'
  | 'args'
  | 'envVars'
  | 'cwd'
  | 'envHeaders';

// Link key -> form field, for plain text fields. Short, stable, documented on the reference page.
export const TEXT_KEYS: Record<string, TextField> = {
  name: 'name',
  env: 'envVar',
  startup: 'startupTimeoutSec',
  tooltimeout: 'toolTimeoutSec',
  allow: 'enabledTools',
  block: 'disabledTools',
  scopes: 'scopes',
  clientid: 'oauthClientId',
  resource: 'oauthResource',
  command: 'command',
  args: 'args',
  envvars: 'envVars',
  cwd: 'cwd',
  envheaders: 'envHeaders',
};
const ENUM_KEYS = ['mode', 'scope', 'storage', 'enabled', 'required'] as const;
// Link keys that would carry a secret: never written, and ignored (with a notice) when a link has them.
// These are link keys, not form-field names: the form's secret `env` (stdio values) has no link key,
// while the link key `env` is the non-secret variable NAME. A unit test keeps the two lists apart.
export const SECRET_LINK_KEYS = new Set<string>(['secret', 'user', 'httpheaders', 'token', 'key', 'password', 'pat']);

// Names the server.json that prefilled an "Add to Codex" link (src/lib/server-json/link.ts); not a form field.
export const FROM_KEY = 'from';

/** Every key a link may carry, for the reference page. `p.` and `h.` prefix endpoint params and headers. */
export const SHARE_KEYS = ['v', ...ENUM_KEYS, ...Object.keys(TEXT_KEYS), 'p.<param>', 'h.<header>'] as const;

/** Result of reading a link: always a complete, usable form state. */
export interface Decoded {
  form: FormState;
  /** One human sentence per ignored item, for the notice shown above the form. */
  notices: string[];
  /** The raw keys that were not applied (unknown, invalid, secret, too long, or overridden by a duplicate). */
  ignored: string[];
}

/** Result of writing a link: the parameter string, and the non-secret fields left out because they looked like credentials. */
export interface Encoded {
  params: string;
  withheld: string[];
}

const bool = (b: boolean): string => (b ? '1' : '0');

/** Encodes the non-default, non-secret parts of a form state as `v=1&...` (no leading `#`). */
export function encodeShare(provider: Provider, form: FormState): Encoded {
  const base = defaultForm(provider, form.mode);
  const out = new URLSearchParams();
  const withheld: string[] = [];
  out.set('v', SHARE_VERSION);
  const put = (key: string, value: string, label: string): void => {
    // A credential pasted into the wrong box (or into one line of it) must not escape through the link either.
    if (value.split('\n').some((line) => looksLikeSecret(line.replace(/^[^=:]*[=:]\s*/, '')) || looksLikeSecret(line))) withheld.push(label);
    else if (value.length <= MAX_VALUE_LENGTH) out.set(key, value);
  };
  if (form.mode !== provider.authModes[0]?.id) out.set('mode', form.mode);
  if (form.scope !== base.scope) out.set('scope', form.scope);
  if (form.storage !== base.storage) out.set('storage', form.storage);
  if (form.enabled !== base.enabled) out.set('enabled', bool(form.enabled));
  if (form.required !== base.required) out.set('required', bool(form.required));
  for (const [key, field] of Object.entries(TEXT_KEYS)) {
    // Defence in depth: a field classed as secret is never written, even if a link key maps to it.
    if ((SECRET_FIELDS as readonly string[]).includes(field)) continue;
    if (form[field] !== base[field]) put(key, form[field], field);
  }
  for (const param of endpointOf(provider, form).params) {
    const value = form.params[param.key] ?? '';
    if (value !== (base.params[param.key] ?? '')) put(`p.${param.key}`, value, param.label);
  }
  for (const header of provider.headers) {
    const value = form.headers[header.name] ?? '';
    if (value !== (base.headers[header.name] ?? '')) put(`h.${header.name}`, value, header.name);
  }
  return { params: out.toString(), withheld };
}

/** Reads parameters (with or without a leading `#` or `?`) into a form state. Never throws. */
export function decodeShare(provider: Provider, raw: string): Decoded {
  const notices: string[] = [];
  const ignored: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(raw.replace(/^[#?]/, ''));
  } catch {
    return { form: defaultForm(provider), notices: ['The link could not be read; the defaults are shown.'], ignored: [] };
  }
  // Later duplicates win, like most URL readers; the earlier ones are reported.
  const values = new Map<string, string>();
  for (const [key, value] of params) {
    if (values.has(key)) {
      notices.push(`"${short(key)}" appears more than once; the last value was used.`);
      ignored.push(key);
    }
    values.set(key, value);
  }
  const version = values.get('v');
  if (version !== undefined && version !== SHARE_VERSION) {
    return {
      form: defaultForm(provider),
      notices: [`This link was made by a different version of the site (v=${short(version)}); the defaults are shown.`],
      ignored: [...values.keys()],
    };
  }
  values.delete('v');

  const modeId = values.get('mode');
  let mode = provider.authModes[0]!.id;
  if (modeId !== undefined) {
    if (provider.authModes.some((m) => m.id === modeId)) mode = modeId;
    else {
      notices.push(`Unknown authentication "${short(modeId)}" was ignored.`);
      ignored.push('mode');
    }
    values.delete('mode');
  }
  const form = defaultForm(provider, mode);
  const reject = (key: string, value: string, why: string): void => {
    notices.push(`"${short(key)}" was ignored: ${why} (got "${short(value)}").`);
    ignored.push(key);
  };

  for (const [key, value] of values) {
    if (key === FROM_KEY) continue;
    if (SECRET_LINK_KEYS.has(key)) {
      notices.push(`"${short(key)}" was ignored: secrets are never read from links. Enter it on this page.`);
      ignored.push(key);
      continue;
    }
    if (value.length > MAX_VALUE_LENGTH) {
      notices.push(`"${short(key)}" was ignored: its value is longer than ${MAX_VALUE_LENGTH} characters.`);
      ignored.push(key);
      continue;
    }
    if (Object.hasOwn(TEXT_KEYS, key)) {
      form[TEXT_KEYS[key]!] = value;
    } else if (key === 'scope') {
      if ((provider.scopes as string[]).includes(value)) form.scope = value as FormState['scope'];
      else reject(key, value, `this provider supports ${provider.scopes.join(' or ')}`);
    } else if (key === 'storage') {
      if (value === 'env' || value === 'inline') form.storage = value;
      else reject(key, value, 'use env or inline');
    } else if (key === 'enabled' || key === 'required') {
      if (value === '0' || value === '1') form[key] = value === '1';
      else reject(key, value, 'use 0 or 1');
    } else if (key.startsWith('p.') && Object.hasOwn(form.params, key.slice(2))) {
      form.params[key.slice(2)] = value;
    } else if (key.startsWith('h.') && provider.headers.some((h) => h.name === key.slice(2))) {
      const header = provider.headers.find((h) => h.name === key.slice(2))!;
      if (header.type === 'boolean' && value !== 'true' && value !== 'false' && value !== '') reject(key, value, 'use true or false');
      else form.headers[header.name] = value;
    } else {
      notices.push(`Unknown setting "${short(key)}" was ignored.`);
      ignored.push(key);
    }
  }
  return { form, notices, ignored };
}

/** Keeps notices readable whatever a link holds. */
function short(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}
