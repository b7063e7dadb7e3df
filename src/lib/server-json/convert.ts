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
import { isCredentialName, isPlaceholder } from '../safety/credentials.ts';
import { defaultForm, type FormState, type Provider } from '../input/provider.ts';
import { posixCommand } from '../generator/shell/posix.ts';
import { listChoices, type Choice } from './choices.ts';
import { templateVariables, type InputValues } from './inputs.ts';
import { readArgv, type CommandWarning } from './review.ts';
import { goVersion, launcherOf, registryOf } from './launchers.ts';
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
  /** What the command does beyond starting the one package it names, each naming its flag. */
  warnings: CommandWarning[];
  /** The exact program and arguments Codex will start (POSIX-quoted), or the URL it connects to. */
  runs: string;
}

/** "with your tenant identifier" from a description that may already say "Your …" or "The …". */
export function yourThing(description: string, fallback: string): string {
  const d = description.trim().replace(/\.+$/, '');
  if (d === '') return `your ${fallback}`;
  if (/^(your|the|an?)\s/i.test(d)) return d[0]!.toLowerCase() + d.slice(1);
  return `your ${d}`;
}

/** A description as the end of a sentence: "with its value", or "with your API key" without "Your Your". */
function withWhat(description: string): string {
  const d = description.trim().replace(/\.+$/, '');
  if (d === '') return 'its value';
  return /^(your|the|an?)\s/i.test(d) ? d[0]!.toLowerCase() + d.slice(1) : d;
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
  readonly warnings: CommandWarning[] = [];
  runs = '';
  readonly values: InputValues;
  constructor(values: InputValues) {
    this.values = values;
  }

  /** The reader's value for an input id, trimmed; '' when absent. */
  typed(id: string): string {
    return (Object.hasOwn(this.values, id) ? this.values[id] : undefined)?.trim() ?? '';
  }

  /**
   * Fills `{variables}` with non-secret values; secret or missing ones stay as `{name}` and are
   * returned. With `undeclared`, a `{name}` the file does not describe and a `${NAME}` it never
   * filled in are questions too (an argument or a package name), never literal text.
   */
  fill(
    template: string,
    vars: Map<string, InputDef>,
    idPrefix: string,
    undeclared = false,
  ): { text: string; secret: string[]; missing: string[] } {
    const secret: string[] = [];
    const missing: string[] = [];
    const pattern = undeclared
      ? /\$?\{([A-Za-z_][A-Za-z0-9_]*)\}/g
      : /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
    const text = template.replace(pattern, (whole, key: string) => {
      const def = vars.get(key);
      if (!def && !undeclared) return whole;
      if (!def) {
        const v = this.typed(`${idPrefix}.${key}`);
        if (v === '') missing.push(key);
        return v === '' ? `{${key}}` : v;
      }
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
  valueOf(
    def: InputDef,
    id: string,
    undeclared = false,
  ): { text: string; secret: string[]; missing: string[] } {
    if (def.value !== undefined) return this.fill(def.value, def.variables, id, undeclared);
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
      // A secret's own value (isSecret with a fixed `value`) never becomes its placeholder either.
      placeholder:
        secret && value.text !== '' && placeholder.includes(value.text)
          ? 'paste-your-secret'
          : placeholder,
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
      `Replace {${v}} in the Server URL with ${yourThing(remote.variables.get(v)?.description ?? '', v)}. It is a secret, so it is never filled in here, and Codex writes the URL into config.toml in plaintext.`,
    );
  for (const v of url.missing)
    b.todo.push(
      `Replace {${v}} in the Server URL with ${yourThing(remote.variables.get(v)?.description ?? '', v)}.`,
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
  const value = b.valueOf(a, id, true);
  const label = a.type === 'named' ? a.name : `<${a.valueHint}>`;
  if (
    docker &&
    a.type === 'named' &&
    (a.name === '-e' || a.name === '--env') &&
    a.value !== undefined
  ) {
    const eq = a.value.indexOf('=');
    const envName = eq > 0 ? a.value.slice(0, eq) : '';
    const raw = a.value.slice(eq + 1);
    const templated = /\$?\{[A-Za-z_][A-Za-z0-9_]*\}/.test(raw);
    // `NAME=<your-key>` is a stand-in the reader replaces, like a {variable} with no value.
    const standIn = !templated && raw !== '' && isPlaceholder(raw);
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(envName) && (templated || standIn)) {
      // docker reads the value of a bare `-e NAME` from its own environment, which Codex fills from env_vars.
      const inner = standIn
        ? { text: '', secret: [], missing: [raw] }
        : b.fill(raw, a.variables, id, true);
      // A stand-in was written to be replaced, and a credential is never optional by default.
      const required =
        a.isRequired ||
        standIn ||
        templateVariables(raw).some((v) => a.variables.get(v)?.isRequired);
      if (!required && inner.secret.length === 0 && inner.missing.length > 0) {
        b.notes.push(
          `${envName} is optional and has no value, so it is not passed on; add "-e ${envName}" to Arguments and ${envName} to Pass-through variables to use it.`,
        );
        return [];
      }
      const unfilled = inner.secret.length > 0 || inner.missing.length > 0;
      b.export(
        envName,
        {
          ...a,
          description:
            a.description ||
            templateVariables(raw)
              .map((v) => a.variables.get(v)?.description ?? '')
              .find(Boolean) ||
            '',
          isRequired: required,
          isSecret: a.isSecret || inner.secret.length > 0 || isCredentialName(envName),
        },
        { text: unfilled ? '' : inner.text, secret: inner.secret },
        inner.secret.length > 0 || isCredentialName(envName)
          ? 'paste-your-secret'
          : unfilled
            ? `your-${envName.toLowerCase().replace(/_/g, '-')}`
            : inner.text,
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
  for (const v of value.missing)
    b.todo.push(`Argument ${label} needs {${v}}: fill it in above, or replace it in Arguments.`);
  let text = value.text;
  if (text === '' && a.value === undefined && a.isSecret)
    text = `{${a.valueHint || a.name.replace(/^-+/, '') || 'value'}}`;
  if (a.type === 'named') {
    if (a.format === 'boolean' && a.value !== undefined && !a.value.includes('{'))
      return a.value === 'true' ? [a.name] : [];
    if (text === '') {
      if (!a.isRequired) return [];
      b.todo.push(
        `Argument ${a.name} is required: replace {${a.name.replace(/^-+/, '')}} in Arguments with ${withWhat(a.description)}.`,
      );
      return [a.name, `{${a.name.replace(/^-+/, '')}}`];
    }
    return [a.name, text];
  }
  if (text === '') {
    if (!a.isRequired) return [];
    b.todo.push(
      `Argument <${a.valueHint}> is required: replace {${a.valueHint}} in Arguments with ${withWhat(a.description)}.`,
    );
    return [`{${a.valueHint}}`];
  }
  return [text];
}

/** The image reference docker runs: the identifier, with `:version` when it carries no tag or digest. */
function imageOf(pkg: PackageDef): string {
  const last = pkg.identifier.split('/').pop() ?? '';
  return pkg.version && !last.includes(':') && !pkg.identifier.includes('@')
    ? `${pkg.identifier}:${pkg.version}`
    : pkg.identifier;
}

/** The package with the `${VERSION}` its author never filled in replaced by the reader's value, or `{VERSION}`. */
function filledPackage(pkg: PackageDef, b: Builder): PackageDef {
  const identifier = b.fill(pkg.identifier, new Map(), 'pkg', true);
  const version = b.fill(pkg.version, new Map(), 'pkg', true);
  for (const v of new Set([...identifier.missing, ...version.missing]))
    b.todo.push(
      `The package's name or version holds {${v}}, which its author never filled in: enter it in the field above, or replace {${v}} in Arguments.`,
    );
  return { ...pkg, identifier: identifier.text, version: version.text };
}

/** The word the launcher must start: `@acme/x@1.0.0`, `x==1.0.0`, `Tool@1.0.0`, `module@v1.0.0`, the image. */
function packageWord(pkg: PackageDef): string {
  switch (pkg.registryType) {
    case 'npm':
    case 'nuget':
      return pkg.version ? `${pkg.identifier}@${pkg.version}` : pkg.identifier;
    case 'pypi':
      return pkg.version ? `${pkg.identifier}==${pkg.version}` : pkg.identifier;
    case 'go':
      return `${pkg.identifier}@${pkg.version ? goVersion(pkg.version) : 'latest'}`;
    default:
      return imageOf(pkg);
  }
}

function packageArgv(
  source: PackageDef,
  b: Builder,
  passThrough: string[],
): { command: string; args: string[]; word: string } {
  const command = launcherOf(source, b);
  const { identifier, flags } = registryOf(source, command, b);
  const pkg = { ...source, identifier };
  const word = packageWord(pkg);
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
        word,
        args: [
          ...(command === 'npx' && !runtime.some((a) => a === '-y' || a === '--yes') ? ['-y'] : []),
          ...flags,
          ...runtime,
          word,
          ...packaged,
        ],
      };
    case 'pypi':
      return { command, word, args: [...flags, ...runtime, word, ...packaged] };
    case 'go':
      if (!pkg.version)
        b.warnings.push({
          flag: '@latest',
          message: `The file gives no version, so go runs ${word}: whatever is newest when Codex starts it. Ask the author to pin a version.`,
        });
      else if (goVersion(pkg.version) !== pkg.version)
        b.notes.push(
          `go run needs the tag's leading "v": ${pkg.version} is run as ${goVersion(pkg.version)}.`,
        );
      return { command, word, args: ['run', ...flags, ...runtime, word, ...packaged] };
    case 'nuget':
      // The registry's own example: `dnx Knapcode.SampleMcpServer@0.4.0-beta -- mcp start`.
      if (packaged.length > 0)
        b.notes.push(
          'The package arguments follow "--", so dnx hands them to the tool instead of reading them itself.',
        );
      return {
        command,
        word,
        args: [...flags, ...runtime, word, ...(packaged.length > 0 ? ['--', ...packaged] : [])],
      };
    default:
      return { command, word, args: dockerArgs(pkg, runtime, packaged, b, command) };
  }
}

function dockerArgs(
  pkg: PackageDef,
  runtime: string[],
  packaged: string[],
  b: Builder,
  command: string,
): string[] {
  const image = imageOf(pkg);
  const bare = image.replace(/[:@][^/]*$/, '');
  // Some files spell out the whole `docker run -i --rm ... IMAGE` in runtimeArguments: keep it, once.
  if (runtime[0] === 'run') {
    const at = runtime.findIndex((w, i) => i > 0 && (w === bare || w === image));
    const args =
      at >= 0 ? [...runtime.slice(0, at), image, ...runtime.slice(at + 1)] : [...runtime, image];
    b.notes.push(`runtimeArguments already spell out "${command} run", so they are used as given.`);
    return [...args, ...packaged];
  }
  const flags = ['run', '-i', '--rm'].filter((f) => f === 'run' || !runtime.includes(f));
  b.notes.push(
    `${command} runs with -i (Codex talks over stdin) and --rm (no stopped container is left behind).`,
  );
  return [...flags, ...runtime, image, ...packaged];
}

function convertPackage(source: PackageDef, b: Builder, form: FormState): void {
  const pkg = filledPackage(source, b);
  const passThrough: string[] = [];
  const { command, args, word } = packageArgv(pkg, b, passThrough);
  const envFlags: string[] = [];
  for (const e of pkg.environmentVariables) {
    const value = b.valueOf(e, `env.${e.name}`, true);
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
      if (pkg.registryType === 'oci') envFlags.push('-e', e.name);
    }
  }
  const image = args.indexOf(word);
  const finalArgs =
    envFlags.length > 0 && image > 0
      ? [...args.slice(0, image), ...envFlags, ...args.slice(image)]
      : args;
  // Said plainly: what the launcher really starts, and every flag that does more than start it.
  const read = readArgv(command, finalArgs);
  if (read.starts !== null && read.starts !== word)
    b.warnings.push({
      flag: read.starts,
      message: `${command} starts ${read.starts}, not ${word}, the package this server.json names: ${word} only reaches it as an argument. Check which one the server is.`,
    });
  for (const w of read.warnings) if (!b.warnings.some((x) => x.flag === w.flag)) b.warnings.push(w);
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
  b.runs = posixCommand([command, ...finalArgs]);
  form.command = command;
  form.args = finalArgs.join('\n');
  form.envVars = passThrough.join(', ');
  if (passThrough.length > 0)
    b.notes.push(
      `Variables are passed through from your shell by name (env_vars), so config.toml never holds their values: ${passThrough.join(', ')}.`,
    );
  if (['npx', 'bunx', 'uvx', 'dnx', 'docker', 'podman', 'go'].includes(command))
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
    warnings: b.warnings,
    runs: b.runs || (merged.params['url'] ?? ''),
  };
}
