/**
 * A share link carries and applies a value only when it passes its field's own validation: the
 * same boundary and checks the form uses (read-form.ts, then the generator's resolve and the
 * advanced settings' resolveSettings), asked once for the whole form, with each error mapped to the
 * form field it is shown at.
 */
import type { Release } from '../codex/releases.ts';
import { resolveSpec } from '../generator/resolve.ts';
import { resolveSettings } from '../generator/settings.ts';
import { fieldOf } from '../input/form.ts';
import { holdsPlaceholder } from '../input/boundary.ts';
import { specFromForm, type FormState, type Provider } from '../input/provider.ts';
import type { SettingsForm } from '../input/settings-form.ts';
import { SETTINGS_KEYS, TEXT_KEYS } from './share-keys.ts';

/**
 * The first error at each form field (`name`, `params.instance`, `settings.callbackPort`...), by
 * the rules of `release`.
 */
export function fieldErrors(
  provider: Provider,
  form: FormState,
  release?: Release,
  settings: Partial<SettingsForm> = {},
): Map<string, string> {
  const spec = specFromForm(provider, form);
  const errors = new Map<string, string>();
  for (const d of resolveSpec(spec, release).diagnostics) {
    if (d.severity !== 'error') continue;
    const field = fieldOf(d, spec, provider, form);
    if (!errors.has(field)) errors.set(field, d.message);
  }
  // The settings name their own fields (`settings.defaultApproval`); the OAuth ones count only
  // when the server signs in with OAuth, as on the page.
  const full = { defaultApproval: '', toolApprovals: '', credentialsStore: '', callbackPort: '' };
  const ctx = {
    oauth: spec.transport === 'http' && spec.auth === 'oauth',
    scope: spec.scope,
    platform: 'unix' as const,
    ...(release !== undefined && { release }),
  };
  for (const d of resolveSettings({ ...full, ...settings }, ctx).diagnostics)
    if (d.severity === 'error' && !errors.has(d.field)) errors.set(d.field, d.message);
  return errors;
}

/**
 * The form field a link key fills (`p.instance` -> `params.instance`, `approval` ->
 * `settings.defaultApproval`), or undefined for choices.
 */
export function fieldOfKey(key: string): string | undefined {
  if (Object.hasOwn(TEXT_KEYS, key)) return TEXT_KEYS[key];
  if (Object.hasOwn(SETTINGS_KEYS, key)) return `settings.${SETTINGS_KEYS[key]}`;
  if (key.startsWith('p.')) return `params.${key.slice(2)}`;
  if (key.startsWith('h.')) return `headers.${key.slice(2)}`;
  return undefined;
}

// Fields whose check is the whole rule (a name, a number of seconds, a setting's value): a stand-in
// such as `{x}` or `YOUR-…` is never meaningful there, so it is refused like any other text.
const STRICT = /^(name|startupTimeoutSec|toolTimeoutSec|settings\..*)$/;

/**
 * True when a value its field refuses may still travel in a link: a stand-in to replace
 * (`{tenant}`, `YOUR-INSTANCE`) in a field where the page asks for it (an address, an argument).
 */
export function keepsStandIn(field: string, value: string): boolean {
  return !STRICT.test(field) && holdsPlaceholder(value);
}
