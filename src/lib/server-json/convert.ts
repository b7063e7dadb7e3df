/**
 * One remote or package of a server.json -> the "any MCP server" generator's form state, plus what
 * the reader must still add. Everything else (command, TOML, quoting, links) is the existing core's
 * job: the form goes through `specFromForm` and `generate` like a hand-filled one.
 *
 * Secrets never become values: a secret header, environment variable or template variable becomes
 * the NAME of a shell variable (`bearer_token_env_var`, `env_http_headers`, `env_vars`).
 */
import { DEFAULT_STARTUP_TIMEOUT_SEC } from '../codex/defaults.ts';
import type { EnvVarSpec } from '../generator/model.ts';
import { defaultForm, type FormState, type Provider } from '../input/provider.ts';
import { posixCommand } from '../generator/shell/posix.ts';
import { listChoices, RUNNERS, type Choice } from './choices.ts';
import { templateVariables, type InputValues } from './inputs.ts';
import type { ArgumentDef, InputDef, PackageDef, ServerJson, TransportDef } from './types.ts';

/** A variable the reader sets in the shell that starts Codex. */
export interface ExportVar extends EnvVarSpec {
  secret: boolean;
  required: boolean;
  description: string;
}

/** The generator state for one choice, and everything the reader must know to finish. */
export interface Conversion {
  choice: Choice;
  form: FormState;
  /** Variables to export before starting Codex (values only for non-secret ones). */
  exports: ExportVar[];
  /** What the reader must still fill in or replace, one sentence each. */
  todo: string[];
  /** How the file was read (runner picked, flags interpreted), one sentence each. */
  notes: string[];
}

/** The Codex server name for a registry name: its last segment, in the characters `codex mcp add` accepts. */
export function serverNameOf(registryName: string): string {
  const [namespace = '', last = registryName] = registryName.includes('/')
    ? [registryName.slice(0, registryName.lastIndexOf('/')), registryName.split('/').pop()!]
    : [];
  let word = last;
  // `com.neon/mcp` names Neon's server: a generic last segment gives way to the namespace's own label.
  if (/^(mcp|server|mcp-server|mcp_server|remote)$/i.test(last)) {
    const labels = namespace
      .split('.')
      .filter((l) => !/^(com|io|ai|org|net|dev|app|co|kr|xyz|github|gitlab)$/i.test(l));
    word = labels[0] ?? last;
  }
  const cleaned = word.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return cleaned === '' ? 'server' : cleaned.slice(0, 64);
}

/** A shell-variable name made of the server's name and a suffix: `APIFY_MCP_SERVER_TOKEN`. */
export function varName(server: ServerJson, suffix: string): string {
  const norm = (s: string) =>
    s
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '');
  const name = `${norm(serverNameOf(server.name))}_${norm(suffix)}`.replace(/^_+/, '');
  return /^[0-9]/.test(name) ? `MCP_${name}` : name;
}

class Builder {
  readonly exports: ExportVar[] = [];
  readonly todo: string[] = [];
  readonly notes: string[] = [];
  readonly values: InputValues;
  constructor(values: InputValues) {
    this.values = values;
  }

  /** The reader's value for an input id, trimmed; '' when absent. */
  typed(id: string): string {
    return (Object.hasOwn(this.values, id) ? this.values[id] : undefined)?.trim() ?? '';
  }

  /** Fills `{variables}` with non-secret values; secret or missing ones stay as `{name}` and are returned. */
  fill(
    template: string,
    vars: Map<string, InputDef>,
    idPrefix: string,
  ): { text: string; secret: string[]; missing: string[] } {
    const secret: string[] = [];
    const missing: string[] = [];
    const text = template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, key: string) => {
      const def = vars.get(key);
      if (!def) return whole;
      if (def.isSecret) {
        secret.push(key);
        return whole;
      }
      const v = this.typed(`${idPrefix}.${key}`) || def.value || def.default || '';
      if (v === '') missing.push(key);
      return v === '' ? whole : v;
    });
    return { text, secret, missing };
  }

  /** The value of a header, variable or argument: fixed, typed, or the default. */
  valueOf(def: InputDef, id: string): { text: string; secret: string[]; missing: string[] } {
    if (def.value !== undefined) return this.fill(def.value, def.variables, id);
    if (def.isSecret) return { text: '', secret: ['value'], missing: [] };
    return { text: this.typed(id) || def.default || '', secret: [], missing: [] };
  }

  export(
    name: string,
    def: InputDef,
    value: { text: string; secret: string[] },
    placeholder: string,
  ): void {
    if (this.exports.some((e) => e.name === name)) return;
    const secret = def.isSecret || value.secret.length > 0;
    this.exports.push({
      name,
      value: secret ? '' : value.text,
      placeholder,
      secret,
      required: def.isRequired,
      description: def.description,
    });
  }
}

function convertRemote(
  server: ServerJson,
  remote: TransportDef,
  b: Builder,
  form: FormState,
): void {
  const url = b.fill(remote.url, remote.variables, 'url');
  form.params['url'] = url.text;
  for (const v of url.secret)
    b.todo.push(
      `Replace {${v}} in the Server URL with your ${remote.variables.get(v)?.description || v}. It is a secret, so it is never filled in here, and Codex writes the URL into config.toml in plaintext.`,
    );
  for (const v of url.missing)
    b.todo.push(
      `Replace {${v}} in the Server URL with your ${remote.variables.get(v)?.description || v}.`,
    );
  const envHeaders: string[] = [];
  for (const h of remote.headers) {
    const value = b.valueOf(h, `header.${h.name}`);
    const bearer =
      /^authorization$/i.test(h.name) &&
      h.isRequired &&
      (h.value === undefined ? h.isSecret : /^Bearer \{[A-Za-z_][A-Za-z0-9_]*\}$/i.test(h.value));
    if (bearer && form.mode !== 'token') {
      form.mode = 'token';
      form.envVar = varName(server, 'TOKEN');
      b.notes.push(
        `Authorization is sent as "Bearer " plus the value of ${form.envVar} (bearer_token_env_var): export the token itself, without "Bearer".`,
      );
      b.todo.push(
        `Export ${form.envVar} with your token in the shell that starts Codex${h.description ? ` (${h.description})` : ''}.`,
      );
      continue;
    }
    const name = varName(server, h.name);
    envHeaders.push(`${h.name}: ${name}`);
    const shape =
      h.value !== undefined && value.secret.length > 0
        ? ` (the whole header value, such as "${h.value.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, '<$1>')}")`
        : /^authorization$/i.test(h.name)
          ? ' (the whole header value, such as "Bearer <token>")'
          : '';
    b.export(
      name,
      h,
      value,
      value.secret.length > 0
        ? `your-${h.name.toLowerCase()}`
        : value.text || `your-${h.name.toLowerCase()}`,
    );
    if (shape) b.notes.push(`${name} holds the header ${h.name}${shape}.`);
    for (const v of value.missing) b.todo.push(`Header ${h.name} needs {${v}}: set it in ${name}.`);
  }
  if (envHeaders.length > 0) {
    form.envHeaders = envHeaders.join('\n');
    b.notes.push(
      'Each header is read from a variable (env_http_headers), so the config file never holds its value.',
    );
  }
}

/** Renders one argument into argv words; `docker` turns `-e NAME={var}` into `-e NAME` plus a pass-through. */
function renderArgument(
  a: ArgumentDef,
  id: string,
  b: Builder,
  docker: boolean,
  passThrough: string[],
): string[] {
  const value = b.valueOf(a, id);
  const label = a.type === 'named' ? a.name : `<${a.valueHint}>`;
  if (
    docker &&
    a.type === 'named' &&
    (a.name === '-e' || a.name === '--env') &&
    a.value !== undefined
  ) {
    const eq = a.value.indexOf('=');
    const envName = eq > 0 ? a.value.slice(0, eq) : '';
    if (envName !== '' && templateVariables(a.value).length > 0) {
      // docker reads the value of a bare `-e NAME` from its own environment, which Codex fills from env_vars.
      const inner = b.fill(a.value.slice(eq + 1), a.variables, id);
      if (
        !a.isRequired &&
        inner.text === a.value.slice(eq + 1) &&
        inner.secret.length === 0 &&
        inner.missing.length > 0
      )
        return [];
      b.export(
        envName,
        { ...a, isSecret: a.isSecret || inner.secret.length > 0 },
        { text: inner.text, secret: inner.secret },
        inner.secret.length > 0 ? 'paste-your-secret' : inner.text,
      );
      passThrough.push(envName);
      return [a.name, envName];
    }
  }
  if (value.secret.length > 0 || (a.isSecret && a.value === undefined)) {
    b.todo.push(
      `Argument ${label} is a secret: replace ${value.text || `{${a.valueHint || 'value'}}`} in Arguments yourself. Codex cannot read an argument from a variable, so it will be in config.toml in plaintext.`,
    );
  }
  let text = value.text;
  if (text === '' && a.value === undefined && a.isSecret)
    text = `{${a.valueHint || a.name.replace(/^-+/, '') || 'value'}}`;
  if (a.type === 'named') {
    if (a.format === 'boolean' && a.value !== undefined && !a.value.includes('{'))
      return a.value === 'true' ? [a.name] : [];
    if (text === '') {
      if (!a.isRequired) return [];
      b.todo.push(
        `Argument ${a.name} is required: replace {${a.name.replace(/^-+/, '')}} in Arguments with ${a.description || 'its value'}.`,
      );
      return [a.name, `{${a.name.replace(/^-+/, '')}}`];
    }
    return [a.name, text];
  }
  if (text === '') {
    if (!a.isRequired) return [];
    b.todo.push(
      `Argument <${a.valueHint}> is required: replace {${a.valueHint}} in Arguments with ${a.description || 'its value'}.`,
    );
    return [`{${a.valueHint}}`];
  }
  for (const v of value.missing)
    b.todo.push(`Argument ${label} needs {${v}}: replace it in Arguments.`);
  return [text];
}

/** The image reference docker runs: the identifier, with `:version` when it carries no tag or digest. */
function imageOf(pkg: PackageDef): string {
  const last = pkg.identifier.split('/').pop() ?? '';
  return pkg.version && !last.includes(':') && !pkg.identifier.includes('@')
    ? `${pkg.identifier}:${pkg.version}`
    : pkg.identifier;
}

function packageArgv(
  pkg: PackageDef,
  b: Builder,
  passThrough: string[],
): { command: string; args: string[] } {
  const command = pkg.runtimeHint || RUNNERS[pkg.registryType]!.command;
  const runtime = pkg.runtimeArguments.flatMap((a, i) =>
    renderArgument(a, `arg.r${i}`, b, pkg.registryType === 'oci', passThrough),
  );
  const packaged = pkg.packageArguments.flatMap((a, i) =>
    renderArgument(a, `arg.p${i}`, b, false, passThrough),
  );
  switch (pkg.registryType) {
    case 'npm':
      return {
        command,
        args: [
          ...(command === 'npx' && !runtime.some((a) => a === '-y' || a === '--yes') ? ['-y'] : []),
          ...runtime,
          pkg.version ? `${pkg.identifier}@${pkg.version}` : pkg.identifier,
          ...packaged,
        ],
      };
    case 'pypi':
      return {
        command,
        args: [
          ...runtime,
          pkg.version ? `${pkg.identifier}==${pkg.version}` : pkg.identifier,
          ...packaged,
        ],
      };
    case 'nuget':
      // The registry's own example: `dnx Knapcode.SampleMcpServer@0.4.0-beta -- mcp start`.
      if (packaged.length > 0)
        b.notes.push(
          'The package arguments follow "--", so dnx hands them to the tool instead of reading them itself.',
        );
      return {
        command,
        args: [
          ...runtime,
          pkg.version ? `${pkg.identifier}@${pkg.version}` : pkg.identifier,
          ...(packaged.length > 0 ? ['--', ...packaged] : []),
        ],
      };
    default:
      return { command, args: dockerArgs(pkg, runtime, packaged, b) };
  }
}

function dockerArgs(pkg: PackageDef, runtime: string[], packaged: string[], b: Builder): string[] {
  const image = imageOf(pkg);
  const bare = image.replace(/[:@][^/]*$/, '');
  // Some files spell out the whole `docker run -i --rm ... IMAGE` in runtimeArguments: keep it, once.
  if (runtime[0] === 'run') {
    const at = runtime.findIndex((w, i) => i > 0 && (w === bare || w === image));
    const args =
      at >= 0 ? [...runtime.slice(0, at), image, ...runtime.slice(at + 1)] : [...runtime, image];
    b.notes.push('runtimeArguments already spell out "docker run", so they are used as given.');
    return [...args, ...packaged];
  }
  const flags = ['run', '-i', '--rm'].filter((f) => f === 'run' || !runtime.includes(f));
  b.notes.push(
    'docker runs with -i (Codex talks over stdin) and --rm (no stopped container is left behind).',
  );
  return [...flags, ...runtime, image, ...packaged];
}

function convertPackage(pkg: PackageDef, b: Builder, form: FormState): void {
  const passThrough: string[] = [];
  const { command, args } = packageArgv(pkg, b, passThrough);
  const envFlags: string[] = [];
  for (const e of pkg.environmentVariables) {
    const value = b.valueOf(e, `env.${e.name}`);
    const wanted = e.isRequired || e.isSecret || value.text !== '';
    if (!wanted) {
      b.notes.push(
        `${e.name} is optional and has no default, so it is not passed on; add it to Pass-through variables to use it${e.description ? ` (${e.description})` : ''}.`,
      );
      continue;
    }
    b.export(
      e.name,
      e,
      value,
      value.secret.length > 0 ? 'paste-your-secret' : value.text || 'your-value',
    );
    if (!passThrough.includes(e.name)) {
      passThrough.push(e.name);
      if (pkg.registryType === 'oci' && command === 'docker') envFlags.push('-e', e.name);
    }
  }
  const image = args.indexOf(imageOf(pkg));
  const finalArgs =
    envFlags.length > 0 && image > 0
      ? [...args.slice(0, image), ...envFlags, ...args.slice(image)]
      : args;
  if (pkg.transport.type === 'streamable-http') {
    const url = b.fill(pkg.transport.url, pkg.transport.variables, 'url');
    form.mode = 'remote';
    form.params['url'] = url.text;
    b.todo.push(
      `This package is a local HTTP server: Codex connects to it but does not start it. Start it first with: ${posixCommand([command, ...finalArgs])}`,
    );
    return;
  }
  form.mode = 'local';
  form.command = command;
  form.args = finalArgs.join('\n');
  form.envVars = passThrough.join(', ');
  if (passThrough.length > 0)
    b.notes.push(
      `Variables are passed through from your shell by name (env_vars), so config.toml never holds their values: ${passThrough.join(', ')}.`,
    );
  if (command === 'npx' || command === 'uvx' || command === 'dnx' || command === 'docker')
    form.startupTimeoutSec = '60';
}

/** Converts one choice (`remote:N` / `package:N`) into the generator's form state. Never throws; null for an unusable choice. */
export function convertChoice(
  provider: Provider,
  server: ServerJson,
  choiceId: string,
  values: InputValues = {},
): Conversion | null {
  const choice = listChoices(server).find((c) => c.id === choiceId);
  if (!choice || !choice.supported) return null;
  const b = new Builder(values);
  const form = defaultForm(provider, choice.kind === 'remote' ? 'remote' : 'local');
  form.name = serverNameOf(server.name);
  if (choice.kind === 'remote') {
    form.mode = 'remote';
    convertRemote(server, server.remotes[choice.index]!, b, form);
  } else {
    convertPackage(server.packages[choice.index]!, b, form);
  }
  const mode = form.mode;
  // Keep the mode's own defaults for fields the conversion did not set.
  const base = defaultForm(provider, mode);
  const merged: FormState = { ...base, ...form, params: { ...base.params, ...form.params } };
  if (mode !== 'local') Object.assign(merged, { command: base.command, args: base.args });
  if (
    mode === 'local' &&
    server.packages[choice.index]?.registryType !== undefined &&
    merged.startupTimeoutSec === '60'
  ) {
    b.notes.push(
      "Startup timeout is 60 s: the first run downloads the package, which can take longer than Codex's default " +
        DEFAULT_STARTUP_TIMEOUT_SEC +
        ' s.',
    );
  }
  for (const e of b.exports)
    if (!e.secret && e.required && e.value === '')
      b.todo.push(
        `Set ${e.name} in the shell that starts Codex${e.description ? `: ${e.description}` : ''}.`,
      );
  for (const e of b.exports)
    if (e.secret)
      b.todo.push(
        `Export ${e.name} in the shell that starts Codex${e.description ? `: ${e.description}` : ''}${e.required ? '' : ' (optional)'}.`,
      );
  // Descriptions end in their own full stop; keep one.
  const tidy = (t: string) => t.replace(/\.+( \(optional\))?\.$/, '$1.').replace(/\.\)\.$/, ').');
  return {
    choice,
    form: merged,
    exports: b.exports,
    todo: b.todo.map(tidy),
    notes: b.notes.map(tidy),
  };
}
