/**
 * The generator form's domain rules, kept out of the island so they are tested without a DOM:
 * which form field a diagnostic belongs to, which fields a sign-in method shows, and what
 * switching the sign-in method keeps of what the reader typed. Loaded with the generator engine
 * (src/components/generator/engine.ts), off the page's critical path.
 */
import type { Diagnostic, ServerSpec } from '../generator/model.ts';
import {
  defaultForm,
  endpointOf,
  modeOf,
  type AuthModeData,
  type FormState,
  type Provider,
} from './provider.ts';

// Diagnostic fields that are shown at the form field of the same name.
const SAME_NAME = new Set([
  'name',
  'startupTimeoutSec',
  'toolTimeoutSec',
  'enabledTools',
  'disabledTools',
  'scopes',
  'oauthClientId',
  'oauthResource',
  'required',
  'command',
  'args',
  'env',
  'envVars',
  'cwd',
]);

/** Where a diagnostic about `envHttpHeaders[index]` is shown. */
function envHeaderField(
  spec: ServerSpec,
  provider: Provider,
  mode: AuthModeData,
  index: string | undefined,
): string {
  const header = index === undefined ? undefined : spec.envHttpHeaders[Number(index)];
  const isAuth =
    header &&
    (mode.kind === 'basic'
      ? header.name === 'Authorization'
      : mode.kind === 'header' && header.name === mode.header);
  // Without an index the message is about the variable, unless the reader types the headers themselves.
  return isAuth || (index === undefined && !provider.customHeaders) ? 'envVar' : 'envHeaders';
}

/** Where a diagnostic about `httpHeaders[index]` is shown. */
function httpHeaderField(
  spec: ServerSpec,
  provider: Provider,
  mode: AuthModeData,
  index: string | undefined,
): string {
  const header = index === undefined ? undefined : spec.httpHeaders[Number(index)];
  if (header && provider.headers.some((h) => h.name === header.name))
    return `headers.${header.name}`;
  if (header && mode.kind === 'header' && header.name === mode.header) return 'secret';
  if (header && mode.kind === 'basic' && header.name === 'Authorization') return 'secret';
  if (provider.customHeaders) return 'httpHeaders';
  return index === undefined ? 'storage' : 'secret';
}

/** Which form field a diagnostic belongs to, so the message shows next to it ('general' when none). */
export function fieldOf(
  d: Diagnostic,
  spec: ServerSpec,
  provider: Provider,
  form: FormState,
): string {
  const [head = '', index, part] = d.field.split('.');
  if (SAME_NAME.has(head)) return head;
  // A note from the boundary (read-form.ts) names the form field itself.
  if (head === 'form') return d.field.slice('form.'.length);
  const mode = modeOf(provider, form);
  switch (head) {
    case 'auth':
      return 'mode';
    // The advanced settings (settings.ts) name their own fields.
    case 'settings':
      return d.field;
    case 'url': {
      // A URL built from a template is the reader's first endpoint param.
      const first = endpointOf(provider, form).params[0];
      return first ? `params.${first.key}` : 'general';
    }
    case 'bearerTokenEnvVar':
      return 'envVar';
    case 'envHttpHeaders':
      return envHeaderField(spec, provider, mode, index);
    case 'envVarLines': {
      if (part === 'name') return 'envVar';
      const line = spec.envVarLines[Number(index)];
      return line && mode.kind === 'basic' && line === spec.envVarLines[0] ? 'user' : 'secret';
    }
    case 'httpHeaders':
      return httpHeaderField(spec, provider, mode, index);
    default:
      return 'general';
  }
}

/** True when the form shows field `key` for sign-in method `mode` of `provider`. */
export function showsField(provider: Provider, mode: AuthModeData, key: keyof FormState): boolean {
  switch (key) {
    case 'scopes':
    case 'oauthClientId':
    case 'oauthResource':
      return mode.kind === 'oauth';
    case 'secret':
    case 'envVar':
      return mode.kind === 'bearer' || mode.kind === 'header' || mode.kind === 'basic';
    case 'storage':
      return mode.kind === 'header' || mode.kind === 'basic';
    case 'user':
      return mode.kind === 'basic';
    case 'command':
    case 'args':
    case 'env':
    case 'envVars':
    case 'cwd':
      return mode.kind === 'stdio';
    case 'httpHeaders':
    case 'envHeaders':
      return !!provider.customHeaders && mode.kind !== 'stdio';
    case 'params':
      return mode.kind !== 'stdio';
    default:
      // Name, scope, tuning, enabled/required and the provider's own headers apply to every method.
      return true;
  }
}

/** The entries of `typed` that differ from `preset` (what the reader changed in a keyed field). */
function changedEntries(
  typed: Record<string, string>,
  preset: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(typed).filter(([k, v]) => v !== (preset[k] ?? '')));
}

/**
 * The form after switching to sign-in method `modeId`: the new method's preset, plus everything
 * the reader changed from the old method's preset in a field both methods show (server name,
 * scope, tuning, headers, params, and the secret or variable name when both have one).
 */
export function switchMode(provider: Provider, form: FormState, modeId: string): FormState {
  const next = defaultForm(provider, modeId);
  const oldPreset = defaultForm(provider, form.mode);
  const [from, to] = [modeOf(provider, form), modeOf(provider, next)];
  const kept: Partial<Record<keyof FormState, unknown>> = {};
  for (const key of Object.keys(next) as (keyof FormState)[]) {
    if (key === 'mode' || !showsField(provider, from, key) || !showsField(provider, to, key))
      continue;
    if (key === 'params' || key === 'headers') {
      kept[key] = { ...next[key], ...changedEntries(form[key], oldPreset[key]) };
    } else if (form[key] !== oldPreset[key]) kept[key] = form[key];
  }
  return { ...next, ...(kept as Partial<FormState>) };
}

/** True when a basic-auth method's user field asks for an e-mail address (shown unmasked). */
export function userIsEmail(mode: AuthModeData): boolean {
  return (
    mode.kind === 'basic' && (/e-?mail/i.test(mode.userLabel) || mode.userPlaceholder.includes('@'))
  );
}
