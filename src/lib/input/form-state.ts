/**
 * The generator form's state, its defaults, and the light helpers the island needs before anything
 * loads (which mode, which endpoint). Reading the form into a `ServerSpec` (provider.ts) loads with
 * the engine, so the command-line and header readers stay off every page's critical path.
 */
import type { Pair, Scope } from '../generator/model.ts';
import type { AuthModeData, Endpoint, Provider } from './provider-schema.ts';

/**
 * The island's state: every input, as typed. One shape for every provider, so the share-link
 * codec and the form read the same defaults. Fields listed in `SECRET_FIELDS` never leave the page.
 */
export interface FormState {
  mode: string;
  name: string;
  scope: Scope;
  params: Record<string, string>;
  envVar: string;
  secret: string;
  user: string;
  storage: 'env' | 'inline';
  headers: Record<string, string>;
  startupTimeoutSec: string;
  toolTimeoutSec: string;
  enabled: boolean;
  required: boolean;
  enabledTools: string;
  disabledTools: string;
  scopes: string;
  oauthClientId: string;
  oauthResource: string;
  // Local (stdio) servers.
  command: string;
  /** One argument per line. */
  args: string;
  /** `NAME=value` per line; values can be API keys, so this field is secret. */
  env: string;
  envVars: string;
  cwd: string;
  // Free-form headers (providers with `customHeaders`).
  /** `Name: value` per line, written literally into the file; can hold credentials, so secret. */
  httpHeaders: string;
  /** `Name: VARIABLE` per line: the header's value comes from that variable. */
  envHeaders: string;
}

/** Fields that can hold a credential: never in a URL, storage, the console or a request. */
export const SECRET_FIELDS = [
  'secret',
  'user',
  'env',
  'httpHeaders',
] as const satisfies readonly (keyof FormState)[];

/** The one place defaults come from: a provider's preset for a given auth mode (first mode when absent). */
export function defaultForm(provider: Provider, modeId?: string): FormState {
  const mode = provider.authModes.find((m) => m.id === modeId) ?? provider.authModes[0]!;
  const endpoint = mode.endpoint ?? provider.endpoint;
  return {
    mode: mode.id,
    name: provider.serverName,
    scope: provider.scopes[0] ?? 'user',
    params: Object.fromEntries(endpoint.params.map((p) => [p.key, p.example])),
    envVar: 'envVar' in mode ? mode.envVar : '',
    secret: '',
    user: '',
    storage: 'env',
    headers: Object.fromEntries(provider.headers.map((h) => [h.name, ''])),
    startupTimeoutSec: provider.recommended.startupTimeoutSec?.toString() ?? '',
    toolTimeoutSec: provider.recommended.toolTimeoutSec?.toString() ?? '',
    enabled: true,
    required: false,
    enabledTools: '',
    disabledTools: '',
    scopes: '',
    oauthClientId: '',
    oauthResource: '',
    command: mode.kind === 'stdio' ? mode.command : '',
    args: mode.kind === 'stdio' ? mode.args.join('\n') : '',
    env: '',
    envVars: '',
    cwd: '',
    httpHeaders: '',
    envHeaders: '',
  };
}

/** The auth mode a form state selects (the first one when the id is unknown). */
export function modeOf(provider: Provider, form: FormState): AuthModeData {
  return provider.authModes.find((m) => m.id === form.mode) ?? provider.authModes[0]!;
}

/** True when a mode lets the reader choose where its credential is kept (variable or config.toml). */
export function offersStorage(mode: AuthModeData): boolean {
  return mode.kind === 'header' || mode.kind === 'basic';
}

/** The endpoint (with params) that applies to a form state. */
export function endpointOf(provider: Provider, form: FormState): Endpoint {
  return modeOf(provider, form).endpoint ?? provider.endpoint;
}

/** Fills `{param}` placeholders; an empty param stays visible as `{param}` so validation names it. */
export function fillEndpoint(template: string, params: Record<string, string>): string {
  return template.replace(/\{([a-zA-Z0-9]+)\}/g, (whole, key: string) => {
    const v = params[key]?.trim() ?? '';
    return v === '' ? whole : v;
  });
}

/** Splits a comma- or newline-separated list, dropping empty items. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Non-empty lines of a multi-line field. */
export function splitLines(raw: string): string[] {
  return raw.split('\n').filter((line) => line.trim() !== '');
}

/** `NAME<sep>value` lines as pairs; a line without the separator is a name with an empty value (validation names it). */
export function splitPairs(raw: string, separator: '=' | ':'): Pair[] {
  return splitLines(raw).map((line) => {
    const i = line.indexOf(separator);
    return i < 0
      ? { name: line.trim(), value: '' }
      : { name: line.slice(0, i).trim(), value: line.slice(i + 1).trim() };
  });
}
