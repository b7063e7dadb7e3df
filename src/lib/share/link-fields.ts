/**
 * A share link carries and applies a value only when it passes its field's own validation: the
 * same boundary and checks the form uses (read-form.ts, then the generator's resolve), asked once
 * for the whole form, with each error mapped to the form field it is shown at.
 */
import type { Release } from '../codex/releases.ts';
import { resolveSpec } from '../generator/resolve.ts';
import { fieldOf } from '../input/form.ts';
import { specFromForm, type FormState, type Provider } from '../input/provider.ts';
import { TEXT_KEYS } from './share-keys.ts';

/** The first error at each form field (`name`, `params.instance`, `headers.X-MCP-Model-ID`...), by the rules of `release`. */
export function fieldErrors(
  provider: Provider,
  form: FormState,
  release?: Release,
): Map<string, string> {
  const spec = specFromForm(provider, form);
  const errors = new Map<string, string>();
  for (const d of resolveSpec(spec, release).diagnostics) {
    if (d.severity !== 'error') continue;
    const field = fieldOf(d, spec, provider, form);
    if (!errors.has(field)) errors.set(field, d.message);
  }
  return errors;
}

/** The form field a link key fills (`p.instance` -> `params.instance`), or undefined for choices and settings. */
export function fieldOfKey(key: string): string | undefined {
  if (Object.hasOwn(TEXT_KEYS, key)) return TEXT_KEYS[key];
  if (key.startsWith('p.')) return `params.${key.slice(2)}`;
  if (key.startsWith('h.')) return `headers.${key.slice(2)}`;
  return undefined;
}
