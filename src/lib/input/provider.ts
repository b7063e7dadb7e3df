/**
 * Provider presets: the one function that turns a provider's data (`content/providers/*.json`,
 * validated by `provider-schema.ts`) plus the form's state (form-state.ts) into a `ServerSpec`,
 * reading what people paste (command lines, header lines) and refusing example placeholders.
 */
import {
  emptySpec,
  type Diagnostic,
  type EnvVarSpec,
  type Pair,
  type ServerSpec,
} from '../generator/model.ts';
import { basicAuthorization } from '../generator/basic-auth.ts';
import { argumentLineNote, readAsMessage, readCommandField, shownWord } from './command-line.ts';
import { readForm } from './read-form.ts';
import { readHeaderLines } from './header-input.ts';
import {
  defaultForm,
  endpointOf,
  fillEndpoint,
  modeOf,
  splitLines,
  splitList,
  splitPairs,
  type FormState,
} from './form-state.ts';
import type { Provider } from './provider-schema.ts';

// The form's state and its light helpers, re-exported so callers keep one import.
export type { AuthModeData, Endpoint, Provider } from './provider-schema.ts';
export {
  defaultForm,
  endpointOf,
  fillEndpoint,
  modeOf,
  offersStorage,
  SECRET_FIELDS,
  splitLines,
  splitList,
  splitPairs,
  type FormState,
} from './form-state.ts';

/** Extra headers that apply to the current mode and have a value. */
function extraHeaders(provider: Provider, form: FormState, modeId: string): Pair[] {
  return provider.headers
    .filter((h) => !h.modes || h.modes.includes(modeId))
    .map((h) => ({ name: h.name, value: form.headers[h.name] ?? '' }))
    .filter((h) => h.value.trim() !== '');
}

/** Builds the spec for a provider preset and the form's state. Pure; never throws. */
export function specFromForm(provider: Provider, typed: FormState): ServerSpec {
  // Every outside value passes the boundary first: the spec is built from what the reader meant.
  const { form, notes: read } = readForm(provider, typed);
  const mode = modeOf(provider, form);
  const endpoint = endpointOf(provider, form);
  const spec: ServerSpec = {
    ...emptySpec(),
    name: form.name,
    scope: provider.scopes.includes(form.scope) ? form.scope : (provider.scopes[0] ?? 'user'),
    url: fillEndpoint(endpoint.url, form.params),
    startupTimeoutSec: form.startupTimeoutSec,
    toolTimeoutSec: form.toolTimeoutSec,
    enabled: form.enabled,
    required: form.required,
    enabledTools: splitList(form.enabledTools),
    disabledTools: splitList(form.disabledTools),
    httpHeaders: extraHeaders(provider, form, mode.id),
  };
  const notes: Diagnostic[] = [...read];
  if (provider.customHeaders && mode.kind !== 'stdio') {
    const literal = readHeaderLines(form.httpHeaders, 'static');
    const fromEnv = readHeaderLines(form.envHeaders, 'env');
    spec.httpHeaders = [...spec.httpHeaders, ...literal.pairs];
    spec.envHttpHeaders = fromEnv.pairs;
    notes.push(...literal.notes, ...fromEnv.notes);
  }
  const placeholder = placeholderNote(provider, form);
  if (placeholder) notes.push(placeholder);
  const envVar = form.envVar.trim();
  const lines: EnvVarSpec[] = [];
  switch (mode.kind) {
    case 'none':
      break;
    case 'stdio':
      spec.transport = 'stdio';
      spec.url = '';
      spec.httpHeaders = [];
      readStdio(form, defaultForm(provider, form.mode).args, spec, notes);
      spec.env = splitPairs(form.env, '=');
      spec.envVars = splitList(form.envVars);
      spec.cwd = form.cwd;
      break;
    case 'oauth':
      spec.auth = 'oauth';
      spec.scopes = splitList(form.scopes);
      spec.oauthClientId = form.oauthClientId;
      spec.oauthResource = form.oauthResource;
      break;
    case 'bearer':
      spec.auth = 'bearer';
      spec.bearerTokenEnvVar = envVar;
      lines.push({ name: envVar, value: form.secret, placeholder: mode.placeholder });
      break;
    case 'header': {
      spec.auth = 'headers';
      const secret = form.secret === '' ? mode.placeholder : form.secret;
      if (form.storage === 'inline') {
        spec.httpHeaders = [
          { name: mode.header, value: mode.prefix + secret },
          ...spec.httpHeaders,
        ];
      } else {
        spec.envHttpHeaders = [{ name: mode.header, value: envVar }, ...spec.envHttpHeaders];
        lines.push({
          name: envVar,
          value: form.secret === '' ? '' : mode.prefix + form.secret,
          placeholder: mode.prefix + mode.placeholder,
        });
      }
      break;
    }
    case 'basic':
      spec.auth = 'headers';
      if (form.storage === 'inline') {
        // An explicit choice: the page computes the header, and the config file then holds it in plaintext.
        const value =
          form.user !== '' || form.secret !== ''
            ? basicAuthorization(form.user, form.secret)
            : `Basic ${mode.placeholder}`;
        spec.httpHeaders = [{ name: 'Authorization', value }, ...spec.httpHeaders];
      } else {
        spec.envHttpHeaders = [{ name: 'Authorization', value: envVar }, ...spec.envHttpHeaders];
        lines.push(
          { name: mode.userVar, value: form.user, placeholder: mode.userPlaceholder },
          { name: mode.secretVar, value: form.secret, placeholder: mode.placeholder },
          {
            name: envVar,
            value: '',
            placeholder: '',
            basicAuthFrom: { userVar: mode.userVar, secretVar: mode.secretVar },
          },
        );
      }
      break;
  }
  spec.envVarLines = [...lines, ...headerVariables(spec.envHttpHeaders, lines)];
  if (notes.length > 0) spec.inputNotes = notes;
  return spec;
}

/**
 * Export lines for the variables env-sourced headers read (valid names only, once each), commented
 * out: Codex leaves a header out while its variable is unset, and a live placeholder line would
 * send the placeholder instead (the runtime server.json suite caught that on optional headers).
 */
function headerVariables(headers: readonly Pair[], existing: readonly EnvVarSpec[]): EnvVarSpec[] {
  const seen = new Set(existing.map((l) => l.name));
  const out: EnvVarSpec[] = [];
  for (const h of headers) {
    const name = h.value.trim();
    // An invalid name gets its message at the header's row; it gets no export line.
    if (seen.has(name) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    seen.add(name);
    out.push({
      name,
      value: '',
      placeholder: `your-${h.name.trim().toLowerCase()}-value`,
      optional: true,
    });
  }
  return out;
}

/**
 * Command and arguments: a whole command line pasted into Command is split, and the reader told
 * how. Its arguments replace the preset's (still in Arguments, untouched); arguments the reader
 * typed there follow them, and the note counts them all.
 */
function readStdio(
  form: FormState,
  presetArgs: string,
  spec: ServerSpec,
  notes: Diagnostic[],
): void {
  const reading = readCommandField(form.command);
  // Arguments keep their inner spaces; only the line breaks separate them.
  const lines = splitLines(form.args);
  const preset = reading.kind === 'split' && lines.length > 0 && form.args === presetArgs;
  const typed = preset ? [] : lines;
  const lead = reading.kind === 'split' ? reading.argv.slice(1) : [];
  spec.command = reading.kind === 'split' ? (reading.argv[0] ?? '') : form.command;
  spec.args = [...lead, ...typed];
  if (reading.kind === 'split') {
    const message = [
      reading.note,
      readAsMessage(reading.argv, typed.length),
      preset
        ? `They replace the preset arguments under Arguments (${lines.map(shownWord).join(', ')}), which are not used: clear that field.`
        : '',
    ];
    notes.push({
      field: 'command',
      severity: 'warning',
      message: message.filter(Boolean).join(' '),
    });
  }
  if (reading.kind === 'refused')
    notes.push({ field: 'command', severity: 'error', message: reading.message });
  typed.forEach((line, i) => {
    const message = argumentLineNote(line, lead.length + i + 1);
    if (message) notes.push({ field: `args.${lead.length + i}`, severity: 'warning', message });
  });
}

/**
 * The preset's spec for the build-time output: it shows the placeholder form (`https://YOUR-INSTANCE...`)
 * with the placeholder flagged as a warning at its field, so the page reads well without JavaScript;
 * the live form refuses the placeholder until the reader replaces it.
 */
export function presetSpec(provider: Provider): ServerSpec {
  const spec = specFromForm(provider, defaultForm(provider));
  const notes = spec.inputNotes?.map((n) =>
    n.message.includes(PLACEHOLDER_MARK) ? { ...n, severity: 'warning' as const } : n,
  );
  return notes ? { ...spec, inputNotes: notes } : spec;
}

// Words of the placeholder message, so presetSpec can find it.
const PLACEHOLDER_MARK = 'is still in it: enter your own';
// An obviously-placeholder segment of a provider's example value, such as YOUR-INSTANCE.
const PLACEHOLDER_RE = /\bYOUR[-_][A-Z0-9_-]*/;

/** The placeholder segment a value still holds (`YOUR-INSTANCE`), or undefined. */
export function placeholderIn(value: string): string | undefined {
  return PLACEHOLDER_RE.exec(value)?.[0];
}

/** An error while a part of the endpoint still holds its example placeholder, so no working-looking URL is shown. */
function placeholderNote(provider: Provider, form: FormState): Diagnostic | undefined {
  if (modeOf(provider, form).kind === 'stdio') return undefined;
  for (const p of endpointOf(provider, form).params) {
    const segment = placeholderIn(form.params[p.key] ?? '');
    if (segment) {
      return {
        field: 'url',
        severity: 'error',
        message: `the placeholder ${segment} ${PLACEHOLDER_MARK} (${p.help})`,
      };
    }
  }
  return undefined;
}
