/**
 * Share links: form state <-> URL fragment parameters.
 * Only allowlisted keys, only values that differ from the provider's preset, a version key,
 * and never a secret: the encoder scans its own final link with the credential detector and
 * withholds whatever it flags. Decoding never throws: anything unusable falls back to the default
 * and is listed in `notices` (at most MAX_NOTICES of them, then a count).
 */
import { CODEX_NEWEST, CODEX_OLDEST, PROBED_RELEASES, type Release } from '../codex/releases.ts';
import { findCredential, type CredentialHit } from '../safety/credentials.ts';
import {
  defaultForm,
  endpointOf,
  modeOf,
  offersStorage,
  SECRET_FIELDS,
  type FormState,
  type Provider,
} from '../input/provider.ts';
import { cautionsFor, secretsToAdd, short } from './share-report.ts';
import { fieldErrors, fieldOfKey, keepsStandIn } from './link-fields.ts';
import { readForm } from '../input/read-form.ts';
import type { Shell } from '../generator/shells.ts';
import { unsafeChar, type UnsafeChar } from '../safety/unsafe-chars.ts';
import type { SettingsForm } from '../input/settings-form.ts';
import {
  ENUM_LABELS,
  FROM_KEY,
  isShell,
  MULTILINE_KEYS,
  SECRET_LINK_KEYS,
  SETTINGS_KEYS,
  SETTINGS_LABELS,
  SHELL_NAMES,
  TEXT_KEYS,
  TEXT_LABELS,
} from './share-keys.ts';
import type { Applied, TextField } from './share-keys.ts';

export type { Applied } from './share-keys.ts';
export { FROM_KEY, SECRET_LINK_KEYS, SETTINGS_KEYS, SHARE_KEYS, TEXT_KEYS } from './share-keys.ts';

/** The current share-link format. Bump it and add a migration when a key changes meaning. */
export const SHARE_VERSION = '1';
/** Longest value a link may carry for one field; longer ones are ignored, not truncated. */
export const MAX_VALUE_LENGTH = 2000;
/** Most notices a link can produce; the rest are counted in one last line. */
export const MAX_NOTICES = 20;

/**
 * How the reader views the output, beside the form: their shell and their Codex release. A link
 * carries each only when it is not the default (bash/zsh, the newest release).
 */
export interface View {
  shell?: Shell;
  release?: Release;
}

/** Result of reading a link: always a complete, usable form state, and what to tell the reader. */
export interface Decoded {
  form: FormState;
  /** One human sentence per ignored item (at most MAX_NOTICES, then "…and N more"), for the notice above the form. */
  notices: string[];
  /** The raw keys that were not applied (unknown, invalid, secret, too long, or overridden by a duplicate), each once. */
  ignored: string[];
  /** What the link set, in link order. */
  applied: Applied[];
  /** Settings the reader should look at twice: a host outside the provider's domain, secrets written into the file. */
  cautions: string[];
  /** The secret fields of the chosen sign-in method, which no link carries. */
  toAdd: string[];
  /** The shell and Codex release the link asks for; absent ones keep the page's own. */
  view: View;
  /** The "Advanced settings" fields the link set (approval, top-level OAuth keys), as typed. */
  settings: Partial<SettingsForm>;
  /**
   * What the link's `from` says it was made from (a server.json name and version): the link's own
   * claim, which the page cannot verify. Absent when the link has none or it was refused.
   */
  from?: string;
}

/** Result of writing a link: the parameter string, and the fields left out, by the form's labels. */
export interface Encoded {
  params: string;
  /** Fields left out because they look like credentials. */
  withheld: string[];
  /**
   * Fields left out because no link reader would use them: longer than MAX_VALUE_LENGTH, holding a
   * refused character, or refused by their field's own validation (the reader sees the error there).
   */
  unusable: string[];
}

const bool = (b: boolean): string => (b ? '1' : '0');

/**
 * The credential in one link parameter, if any: its value, or the pair read as `key=value`
 * (so a header named like a credential, `h.X-Api-Key`, counts). The encoder and decoder share it.
 */
export function linkCredential(key: string, value: string): CredentialHit | undefined {
  return findCredential(value) ?? findCredential(`${key}=${value}`);
}

/** How the form labels the field behind a link key. */
function labelOf(provider: Provider, key: string): string {
  const text = TEXT_KEYS[key];
  if (text && Object.hasOwn(TEXT_KEYS, key)) return TEXT_LABELS[text];
  if (Object.hasOwn(ENUM_LABELS, key)) return ENUM_LABELS[key]!;
  if (Object.hasOwn(SETTINGS_KEYS, key)) return SETTINGS_LABELS[SETTINGS_KEYS[key]!];
  const params = provider.authModes.flatMap((m) => (m.endpoint ?? provider.endpoint).params);
  const param = key.startsWith('p.') ? params.find((p) => p.key === key.slice(2)) : undefined;
  if (param) return param.label;
  const header = key.startsWith('h.')
    ? provider.headers.find((h) => h.name === key.slice(2))
    : undefined;
  return header ? `${header.label} (${header.name})` : key;
}

/**
 * Encodes the non-default, non-secret parts of a form state, its settings and the view as
 * `v=1&...` (no leading `#`).
 */
export function encodeShare(
  provider: Provider,
  form: FormState,
  view: View = {},
  settings: Partial<SettingsForm> = {},
): Encoded {
  const base = defaultForm(provider, form.mode);
  const out = new URLSearchParams();
  const unusable: string[] = [];
  out.set('v', SHARE_VERSION);
  // A value as the boundary read it (a URL's host, a variable's name without `export ...=value`),
  // carried only when its field accepts it (settings too); a stand-in to replace (`{tenant}`) in an
  // address or argument is carried as is, never in a name, a timeout or a setting.
  const errors = fieldErrors(provider, form, view.release, settings);
  const typed = form;
  form = readForm(provider, form).form;
  // The decoder refuses these, so writing them would only produce a notice on the other side.
  const put = (key: string, value: string): void => {
    const field = fieldOfKey(key);
    // A credential goes on to the scan below, which withholds it and says why.
    const invalid =
      field !== undefined &&
      errors.has(field) &&
      !keepsStandIn(field, value) &&
      !linkCredential(key, value);
    if (value.length <= MAX_VALUE_LENGTH && !refusedChar(key, value) && !invalid)
      out.set(key, value);
    else unusable.push(labelOf(provider, key));
  };
  // 1. The allowlist: only known keys, only values that differ from the preset, never a secret field.
  if (form.mode !== provider.authModes[0]?.id) out.set('mode', form.mode);
  if (form.scope !== base.scope) out.set('scope', form.scope);
  // Only a mode that offers the choice has a storage to share (a bearer token always lives in a variable).
  if (offersStorage(modeOf(provider, form)) && form.storage !== base.storage)
    out.set('storage', form.storage);
  if (form.enabled !== base.enabled) out.set('enabled', bool(form.enabled));
  if (form.required !== base.required) out.set('required', bool(form.required));
  for (const [key, field] of Object.entries(TEXT_KEYS)) {
    // Defence in depth: a field classed as secret is never written, even if a link key maps to it.
    if ((SECRET_FIELDS as readonly string[]).includes(field)) continue;
    if (typed[field] !== base[field] && form[field] !== base[field]) put(key, form[field]);
  }
  for (const param of endpointOf(provider, form).params) {
    const value = form.params[param.key] ?? '';
    if (value !== (base.params[param.key] ?? '')) put(`p.${param.key}`, value);
  }
  for (const header of provider.headers) {
    const value = form.headers[header.name] ?? '';
    if (value !== (base.headers[header.name] ?? '')) put(`h.${header.name}`, value);
  }
  for (const [key, field] of Object.entries(SETTINGS_KEYS))
    if (settings[field]) put(key, settings[field]);
  if (view.release && view.release !== CODEX_NEWEST) out.set('codex', view.release);
  if (view.shell && view.shell !== 'posix') out.set('shell', view.shell);
  // 2. The final link, read back the way a browser will, parameter by parameter, then as one string:
  // whatever the detector flags is withheld, so "never included" is true of the very text copied.
  const final = new URLSearchParams(out.toString());
  const withheld: string[] = [];
  const withhold = (key: string): void => {
    final.delete(key);
    withheld.push(labelOf(provider, key));
  };
  for (const [key, value] of [...final]) if (linkCredential(key, value)) withhold(key);
  // Each round removes one parameter, so this ends.
  for (let hit = findCredential(final.toString()); hit; hit = findCredential(final.toString())) {
    const text = final.toString();
    const key = decodeURIComponent(
      text
        .slice(text.lastIndexOf('&', hit.index) + 1)
        .split('=')[0]!
        .replace(/\+/g, ' '),
    );
    if (key === 'v' || !final.has(key)) break;
    withhold(key);
  }
  return { params: final.toString(), withheld, unusable };
}

/** Collects notices up to MAX_NOTICES and counts the rest, so a hostile link costs a bounded page. */
class Notices {
  readonly list: string[] = [];
  readonly ignored = new Set<string>();
  private overflow = 0;
  /** Every notice added, shown or counted. */
  get total(): number {
    return this.list.length + this.overflow;
  }
  /** `text` may be a function, so notices past the cap are counted without being written. */
  add(text: string | (() => string), key?: string): void {
    if (key !== undefined) this.ignored.add(key);
    if (this.list.length < MAX_NOTICES) this.list.push(typeof text === 'string' ? text : text());
    else this.overflow++;
  }
  done(): string[] {
    return this.overflow > 0
      ? [...this.list, `…and ${this.overflow.toLocaleString('en')} more.`]
      : this.list;
  }
}

/** Reads parameters (with or without a leading `#` or `?`) into a form state. Never throws. */
export function decodeShare(provider: Provider, raw: string): Decoded {
  const empty = {
    ignored: [],
    applied: [],
    cautions: [],
    toAdd: [],
    view: {},
    settings: {},
  };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(raw.replace(/^[#?]/, ''));
  } catch {
    return {
      form: defaultForm(provider),
      notices: ['The link could not be read; the defaults are shown.'],
      ...empty,
    };
  }
  const notices = new Notices();
  // Later duplicates win, like most URL readers; each repeated key is reported once, with its count.
  const values = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const [key, value] of params) {
    values.set(key, value);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, count] of counts) {
    if (count > 1)
      notices.add(
        () =>
          `"${short(key)}" appears ${count === 2 ? 'twice' : `${count.toLocaleString('en')} times`}; the last value was used.`,
        key,
      );
  }
  const version = values.get('v');
  if (version !== undefined && version !== SHARE_VERSION) {
    return {
      form: defaultForm(provider),
      notices: [
        `This link was made by a different version of the site (v=${short(version)}); the defaults are shown.`,
      ],
      ...empty,
      ignored: [...values.keys()],
    };
  }
  values.delete('v');
  const from = values.get(FROM_KEY);
  values.delete(FROM_KEY);
  const { form, applied: set, view, settings } = applyValues(provider, values, notices);
  const applied = keepValid(provider, form, settings, set, view, notices);
  const claim = from === undefined ? undefined : readClaim(from, notices);
  return {
    form,
    notices: notices.done(),
    ignored: [...notices.ignored],
    applied,
    cautions: cautionsFor(provider, form, applied),
    toAdd: secretsToAdd(provider, form),
    view,
    settings,
    ...(claim !== undefined && { from: claim }),
  };
}

/**
 * The applied values whose field accepts them; each other one goes back to the preset (a setting
 * to unset), with a notice quoting its field's own message. A stand-in to replace (`{tenant}`) in an
 * address or argument stays: the page asks for it.
 */
function keepValid(
  provider: Provider,
  form: FormState,
  settings: Partial<SettingsForm>,
  applied: Applied[],
  view: View,
  notices: Notices,
): Applied[] {
  const errors = fieldErrors(provider, form, view.release, settings);
  const preset = defaultForm(provider, form.mode);
  return applied.filter(({ key }) => {
    const field = fieldOfKey(key);
    const message = field === undefined ? undefined : errors.get(field);
    if (field === undefined || message === undefined) return true;
    const [group, name = ''] = field.split('.');
    if (group === 'settings') {
      delete settings[name as keyof SettingsForm];
    } else if (group === 'params' || group === 'headers') {
      if (keepsStandIn(field, form[group][name] ?? '')) return true;
      form[group][name] = preset[group][name] ?? '';
    } else {
      const f = field as TextField;
      if (keepsStandIn(field, form[f])) return true;
      form[f] = preset[f];
    }
    notices.add(`"${short(key)}" was ignored: ${message}`, key);
    return false;
  });
}

/** Longest `from` claim shown; longer ones are cut. */
const MAX_FROM = 200;

/** A link's `from` claim, shown as text only when it holds no refused character (bidi, zero-width, controls). */
function readClaim(value: string, notices: Notices): string | undefined {
  const bad = unsafeChar(value);
  if (bad) {
    notices.add(
      `"${FROM_KEY}" was ignored: its value holds ${bad.label}, which could make the text shown differ from the text it is.`,
      FROM_KEY,
    );
    return undefined;
  }
  const claim = value.trim().slice(0, MAX_FROM);
  return claim === '' ? undefined : claim;
}

/** The first character of a link value that its field may not hold. */
function refusedChar(key: string, value: string): UnsafeChar | undefined {
  return unsafeChar(MULTILINE_KEYS.has(key) ? value.replace(/\n/g, ' ') : value);
}

/** Why a link value is refused before it is even interpreted, or undefined. */
function refusal(key: string, value: string): string | undefined {
  if (SECRET_LINK_KEYS.has(key)) return 'secrets are never read from links. Enter it on this page';
  if (value.length > MAX_VALUE_LENGTH)
    return `its value is longer than ${MAX_VALUE_LENGTH} characters`;
  const bad = refusedChar(key, value);
  if (bad)
    return `its value holds ${bad.label}, which no field accepts because it can change what a pasted command does`;
  const credential = linkCredential(key, value);
  if (credential)
    return `its value looks like a credential (${credential.reason}), and credentials are not read from links. Enter it on this page`;
  return undefined;
}

/** A link value as the prefilled notice shows it: choices in words, text as typed (one line, shortened). */
function shownValue(key: string, value: string): string {
  if (key === 'enabled' || key === 'required') return value === '1' ? 'yes' : 'no';
  if (key === 'storage')
    return value === 'inline' ? 'written into config.toml' : 'in an environment variable';
  if (key === 'shell' && isShell(value)) return SHELL_NAMES[value];
  const lines = value.split('\n').filter((l) => l.trim() !== '');
  return lines.length > 1 ? `${short(lines.join(', '))}` : value === '' ? '(empty)' : short(value);
}

/** Applies the allowlisted values of a link to the preset of its sign-in method. */
function applyValues(
  provider: Provider,
  values: Map<string, string>,
  notices: Notices,
): { form: FormState; applied: Applied[]; view: View; settings: Partial<SettingsForm> } {
  const applied: Applied[] = [];
  const view: View = {};
  const settings: Partial<SettingsForm> = {};
  const modeId = values.get('mode');
  let mode = provider.authModes[0]!.id;
  if (modeId !== undefined) {
    const found = provider.authModes.find((m) => m.id === modeId);
    if (found) {
      mode = modeId;
      applied.push({ key: 'mode', label: ENUM_LABELS['mode']!, value: found.label });
    } else notices.add(`Unknown authentication "${short(modeId)}" was ignored.`, 'mode');
    values.delete('mode');
  }
  const form = defaultForm(provider, mode);
  const reject = (key: string, value: string, why: string): void =>
    notices.add(`"${short(key)}" was ignored: ${why} (got "${short(value)}").`, key);
  const known = (key: string): boolean =>
    Object.hasOwn(TEXT_KEYS, key) ||
    Object.hasOwn(SETTINGS_KEYS, key) ||
    Object.hasOwn(ENUM_LABELS, key) ||
    (key.startsWith('p.') && Object.hasOwn(form.params, key.slice(2))) ||
    (key.startsWith('h.') && provider.headers.some((h) => h.name === key.slice(2)));
  for (const [key, value] of values) {
    // Unknown keys are the cheap, common case of a hostile link: no detector run for them.
    if (!known(key) && !SECRET_LINK_KEYS.has(key)) {
      notices.add(() => `Unknown setting "${short(key)}" was ignored.`, key);
      continue;
    }
    const why = refusal(key, value);
    if (why) {
      notices.add(`"${short(key)}" was ignored: ${why}.`, key);
      continue;
    }
    const before = notices.total;
    if (Object.hasOwn(TEXT_KEYS, key)) {
      form[TEXT_KEYS[key]!] = value;
    } else if (Object.hasOwn(SETTINGS_KEYS, key)) {
      settings[SETTINGS_KEYS[key]!] = value;
    } else if (key === 'scope') {
      if ((provider.scopes as string[]).includes(value)) form.scope = value as FormState['scope'];
      else reject(key, value, `this provider supports ${provider.scopes.join(' or ')}`);
    } else if (key === 'storage') {
      if (!offersStorage(modeOf(provider, form)))
        reject(
          key,
          value,
          'this authentication keeps the credential in a variable, with no other place to choose',
        );
      else if (value === 'env' || value === 'inline') form.storage = value;
      else reject(key, value, 'use env or inline');
    } else if (key === 'codex') {
      if ((PROBED_RELEASES as readonly string[]).includes(value)) view.release = value as Release;
      else
        reject(
          key,
          value,
          `it is not one of the Codex releases this site was checked against (${CODEX_OLDEST} to ${CODEX_NEWEST}, listed under "Codex version"), so the output is for the newest, ${CODEX_NEWEST}`,
        );
    } else if (key === 'shell') {
      if (isShell(value)) view.shell = value;
      else reject(key, value, 'use posix, fish or powershell');
    } else if (key === 'enabled' || key === 'required') {
      if (value === '0' || value === '1') form[key] = value === '1';
      else reject(key, value, 'use 0 or 1');
    } else if (key.startsWith('p.') && Object.hasOwn(form.params, key.slice(2))) {
      form.params[key.slice(2)] = value;
    } else if (key.startsWith('h.') && provider.headers.some((h) => h.name === key.slice(2))) {
      const header = provider.headers.find((h) => h.name === key.slice(2))!;
      if (header.type === 'boolean' && value !== 'true' && value !== 'false' && value !== '')
        reject(key, value, 'use true or false');
      else form.headers[header.name] = value;
    } else {
      notices.add(`Unknown setting "${short(key)}" was ignored.`, key);
    }
    if (notices.total === before)
      applied.push({ key, label: labelOf(provider, key), value: shownValue(key, value) });
  }
  return { form, applied, view, settings };
}
