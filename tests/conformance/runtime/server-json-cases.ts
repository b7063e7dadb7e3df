/**
 * The server.json runtime cases: every usable choice of every corpus file, converted the way the
 * import box converts it (the reader's own values typed into its fields), opened in the generator
 * through the prefilled link, and turned into what a reader runs: the variable lines with the
 * placeholders replaced, then the TOML block (or, for a remote the command can carry, the command).
 * Each case says what must then arrive: the exact headers, or the exact stdio environment.
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { envLines } from '../../../src/lib/generator/env.ts';
import { generate, type Outputs } from '../../../src/lib/generator/generate.ts';
import { isStdio, type EnvVarSpec, type ServerEntry } from '../../../src/lib/generator/model.ts';
import { providerSchema } from '../../../src/lib/input/provider-schema.ts';
import { specFromForm, type Provider } from '../../../src/lib/input/provider.ts';
import {
  checkInputs,
  convertChoice,
  inputsOf,
  readServerJson,
  type Conversion,
  type ReaderInput,
  type ServerJson,
} from '../../../src/lib/server-json/index.ts';
import {
  prefillFragment,
  readmeSection,
  readmeVariables,
} from '../../../src/lib/server-json/link.ts';
import type { PackageDef, TransportDef } from '../../../src/lib/server-json/types.ts';
import { decodeShare } from '../../../src/lib/share/share.ts';
import { quotePosix } from '../../../src/lib/generator/shell/posix.ts';
import { CODEX_RELEASE, ROOT } from '../../support/codex.ts';

/**
 * Which values the reader types: the import box with only the required ones (defaults elsewhere) or
 * every one, or only the required ones with every optional variable left unset (its line deleted);
 * or none, reading the authors' README section (its placeholders replaced).
 */
export type ValueSet = 'required' | 'all' | 'unset-optional' | 'readme';

/** One converted choice and what a reader runs for it. */
export interface SjCase {
  id: string;
  file: string;
  choiceId: string;
  values: ValueSet;
  route: 'toml' | 'command';
  name: string;
  outputs: Outputs;
  /** The TOML the conversion itself generates, before the prefilled link: the link must lose nothing. */
  directToml: string;
  /** The bash lines the reader runs before Codex: the import box's lines (placeholders replaced), then the generator's. */
  exportScript: string;
  /** Every variable those lines export, with its value. */
  exported: Record<string, string>;
  /** Optional variables the page lists that the reader left unset: Codex must pass on nothing for them. */
  skipped: string[];
  /** The values the reader pasted over placeholders (secrets mostly): none may appear in the TOML or the command. */
  secrets: string[];
  /** Variables the package reads that the page leaves out ("not passed on"), set in the shell anyway: none may arrive. */
  unlisted: string[];
  /**
   * Remote: the headers the server.json itself declares (lower case), read from the file rather than
   * the conversion: the value when the file and the reader fix it, null when it is a secret or a template.
   */
  declared: Record<string, string | null>;
  /**
   * Stdio: the variables the server.json declares that must reach the server (required, secret, or
   * with a value), read from the file: the value when the file and the reader fix it, else null.
   */
  declaredEnv: Record<string, string | null>;
}

export const CORPUS_DIR = join(ROOT, 'tests', 'fixtures', 'server-json');
/** Not a real server: the header and variable shapes the real corpus lacks (fixed, templated, optional bearer, non-Bearer scheme). */
export const SYNTHETIC = join(import.meta.dirname, 'server-json-synthetic.json');

/** The "any MCP server" provider, which the import box fills. */
export function customProvider(): Provider {
  return providerSchema.parse(
    JSON.parse(readFileSync(join(ROOT, 'content', 'providers', 'custom.json'), 'utf8')),
  );
}

/** A value the reader could type into one non-secret input (valid for its format and choices). */
function typedValue(i: ReaderInput, n: number): string {
  if (i.choices && i.choices.length > 0) return i.choices[i.choices.length - 1]!;
  if (i.format === 'number') return String(8000 + n);
  if (i.format === 'boolean') return i.default === 'true' ? 'false' : 'true';
  if (i.id.startsWith('url.')) return `sj-${i.id.slice(4).toLowerCase()}.example`;
  return `sj-typed-${n}`;
}

/** The reader's values: every required input without a default, or every non-secret input. */
function readerValues(inputs: readonly ReaderInput[], set: ValueSet): Record<string, string> {
  const out: Record<string, string> = {};
  inputs.forEach((i, n) => {
    if (i.secret) return;
    if (
      set === 'all' ||
      ((set === 'required' || set === 'unset-optional') && i.required && i.default === '')
    )
      out[i.id] = typedValue(i, n);
  });
  return out;
}

/** A secret the reader pastes: a space and a quote, so the shell quoting is exercised too. */
const secretValue = (name: string): string => `sj ${name.toLowerCase()} it's`;

/** What the reader's shell ends up holding, built line by line from what the page shows. */
class ReaderShell {
  readonly exported: Record<string, string> = {};
  readonly secrets: string[] = [];
  readonly skipped: string[] = [];
  private readonly skipOptional: boolean;
  constructor(skipOptional: boolean) {
    this.skipOptional = skipOptional;
  }

  /**
   * Variable lines as a reader runs them: each placeholder line (a variable shown without a value)
   * replaced by the reader's own value, or deleted when it is optional and the reader skips those.
   * The placeholder line must be shown exactly as expected.
   */
  run(shown: string, vars: readonly (EnvVarSpec & { required?: boolean })[]): string {
    let script = shown;
    for (const e of vars) {
      if (e.basicAuthFrom)
        throw new Error(`no server.json conversion builds a Basic header in the shell:\n${shown}`);
      if (e.value !== '') {
        this.exported[e.name] = e.value;
        continue;
      }
      const line = `export ${e.name}=${quotePosix(e.placeholder)}`;
      if (script.split('\n').filter((l) => l === line).length !== 1)
        throw new Error(`the page does not show "${line}" once:\n${shown}`);
      if (this.skipOptional && e.required === false) {
        script = script.replace(line + '\n', '');
        this.skipped.push(e.name);
        continue;
      }
      const value = secretValue(e.name);
      script = script.replace(line, `export ${e.name}=${quotePosix(value)}`);
      this.exported[e.name] = value;
      this.secrets.push(value);
    }
    return script;
  }

  /** Sets a variable the reader typed into the generator (its token field). */
  typed(name: string): string {
    const value = secretValue(name);
    this.exported[name] = value;
    this.secrets.push(value);
    return value;
  }
}

/** The fenced blocks of the authors' README section, by the sentence that introduces them. */
function readmeBlocks(md: string): { env: string; command: string; toml: string } {
  const out = { env: '', command: '', toml: '' };
  for (const m of md.matchAll(/([^\n]*)\n\n(`{3,4})(sh|toml)\n([\s\S]*?)\n\2/g)) {
    const [, intro = '', , lang, body = ''] = m;
    if (lang === 'toml') out.toml = body + '\n';
    else if (intro.startsWith('Set these variables')) out.env = body + '\n';
    else if (intro.startsWith('Add the server with one command')) out.command = body + '\n';
  }
  return out;
}

/** What the reader runs for one conversion: from the import box and the prefilled generator, or from the authors' README section. */
function readerRoute(
  provider: Provider,
  server: ServerJson,
  conversion: Conversion,
  values: ValueSet,
  id: string,
): { outputs: Outputs; script: string; shell: ReaderShell } | null {
  const shell = new ReaderShell(values === 'unset-optional');
  if (values === 'readme') {
    // The authors' page asks no values: its readers get the section as published.
    const outputs = generate(specFromForm(provider, conversion.form), CODEX_RELEASE).outputs;
    const md = readmeSection('https://site.example', provider, server, conversion);
    // A URL still holding a {placeholder} is an error in the generator: the page then offers no section.
    if (!outputs || !md) return null;
    const blocks = readmeBlocks(md);
    if (blocks.toml !== outputs.toml)
      throw new Error(`${id}: the README's TOML is not the generator's:\n${md}`);
    if (outputs.cli.mode === 'full' && blocks.command !== outputs.cli.posix)
      throw new Error(`${id}: the README's command is not the generator's:\n${md}`);
    const script = shell.run(
      blocks.env,
      readmeVariables(specFromForm(provider, conversion.form), conversion),
    );
    return { outputs, script, shell };
  }
  const fromImport = shell.run(envLines(conversion.exports)?.posix ?? '', conversion.exports);
  // "Fill in the generator" opens the prefilled link; the reader then types the token (if any) there.
  const form = decodeShare(
    provider,
    '#' + prefillFragment(provider, server, conversion).fragment,
  ).form;
  if (form.mode === 'token') form.secret = shell.typed(form.envVar);
  const { outputs, diagnostics } = generate(specFromForm(provider, form), CODEX_RELEASE);
  if (!outputs)
    throw new Error(`${id}: the generator shows errors: ${JSON.stringify(diagnostics)}`);
  return {
    outputs,
    script: [fromImport, outputs.env?.posix ?? ''].filter((t) => t !== '').join('\n'),
    shell,
  };
}

/** The variables a package reads that its stdio entry neither sets (`env`) nor passes (`env_vars`). */
function unlistedVars(entry: ServerEntry, pkg: PackageDef | undefined): string[] {
  if (!isStdio(entry)) return [];
  const passed = [...(entry.env_vars ?? []), ...Object.keys(entry.env ?? {})];
  return (pkg?.environmentVariables ?? [])
    .map((e) => e.name)
    .filter((n) => /^[A-Za-z_]\w*$/.test(n) && !passed.includes(n));
}

/** The headers a remote's server.json declares (lower case), with their value where the file and the reader fix it. */
function declaredHeaders(
  entry: ServerEntry,
  transport: TransportDef | undefined,
  typed: Record<string, string>,
  skipped: readonly string[],
): Record<string, string | null> {
  const declared: Record<string, string | null> = {};
  if (isStdio(entry)) return declared;
  // A header whose variable the reader left unset is not sent (proven in cli-facts): it is not expected.
  const unset = new Set(
    Object.entries(entry.env_http_headers ?? {})
      .filter(([, v]) => skipped.includes(v))
      .map(([h]) => h.toLowerCase()),
  );
  for (const h of transport?.headers ?? []) {
    const fixed =
      h.isSecret || (h.value ?? '').includes('{')
        ? null
        : typed[`header.${h.name}`] || h.value || h.default || null;
    if (!unset.has(h.name.toLowerCase())) declared[h.name.toLowerCase()] = fixed;
  }
  return declared;
}

/**
 * Converts one choice with one value set; throws when the import box would not let the reader go on
 * (a broken case, not one to skip); null when the authors' page shows no README section for it.
 */
function makeCase(
  provider: Provider,
  file: string,
  text: string,
  choiceId: string,
  values: ValueSet,
): Omit<SjCase, 'route'> | null {
  const id = `${file} ${choiceId} (${values})`;
  const server = readServerJson(provider, text).server!;
  const inputs = inputsOf(server, choiceId);
  const typed = readerValues(inputs, values);
  // The authors' page asks nothing (its readers fill the placeholders), so only the import box checks.
  const problems = checkInputs(inputs, typed);
  if (values !== 'readme' && problems.size > 0)
    throw new Error(
      `${id}: the import box refuses the values: ${[...problems.values()].join(' ')}`,
    );
  const conversion = convertChoice(provider, server, choiceId, typed);
  if (!conversion) throw new Error(`${id}: no conversion`);
  const route = readerRoute(provider, server, conversion, values, id);
  if (!route) return null;
  const { outputs, script } = route;
  const directToml =
    generate(specFromForm(provider, conversion.form), CODEX_RELEASE).outputs?.toml ??
    '(the conversion does not generate)';
  const { exported, secrets, skipped } = route.shell;
  const entry = outputs.entry;
  const pkg =
    conversion.choice.kind === 'package' ? server.packages[conversion.choice.index] : undefined;
  const unlisted = unlistedVars(entry, pkg);
  // The reader may already have the package's other variables set: Codex must not pass them on.
  const unlistedLines = unlisted.map(
    (n) => ((exported[n] = `unlisted-${n}`), `export ${n}=${exported[n]}`),
  );
  const exportScript = [script, ...unlistedLines].filter((t) => t !== '').join('\n');
  const transport =
    conversion.choice.kind === 'remote' ? server.remotes[conversion.choice.index] : pkg?.transport;
  const declared = declaredHeaders(entry, transport, typed, skipped);
  const declaredEnv: Record<string, string | null> = {};
  for (const e of isStdio(entry) ? (pkg?.environmentVariables ?? []) : []) {
    const fixed =
      e.isSecret || (e.value ?? '').includes('{')
        ? null
        : typed[`env.${e.name}`] || e.value || e.default || null;
    if (
      (e.isRequired || e.isSecret || fixed !== null || e.value !== undefined) &&
      !skipped.includes(e.name)
    )
      declaredEnv[e.name] = fixed;
  }
  return {
    id,
    file,
    choiceId,
    values,
    name: outputs.name,
    outputs,
    directToml,
    exportScript,
    exported,
    skipped,
    secrets,
    unlisted,
    declared,
    declaredEnv,
  };
}

/** Every corpus file (real ones first, then the synthetic one), as paths. */
export function corpusFiles(): string[] {
  const corpus = readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'expected-tables.json')
    .sort();
  return [...corpus.map((f) => join(CORPUS_DIR, f)), SYNTHETIC];
}

/** Every usable choice of every corpus file, with each value set (identical results once), by both routes where the command is complete. */
export function buildCases(provider: Provider): SjCase[] {
  const out: SjCase[] = [];
  const seen = new Set<string>();
  for (const path of corpusFiles()) {
    const file = basename(path);
    const text = readFileSync(path, 'utf8');
    for (const c of readServerJson(provider, text).choices) {
      if (!c.conversion) continue;
      for (const values of ['required', 'all', 'unset-optional', 'readme'] as const) {
        const base = makeCase(provider, file, text, c.choice.id, values);
        if (!base) continue;
        const key = JSON.stringify([file, c.choice.id, base.outputs.toml, base.exportScript]);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ ...base, route: 'toml' });
        if (
          !isStdio(base.outputs.entry) &&
          base.outputs.cli.mode === 'full' &&
          base.outputs.cli.posix
        )
          out.push({ ...base, id: `${base.id} command`, route: 'command' });
      }
    }
  }
  return out;
}

/** The headers a remote case promises (lower-case names): bearer from its variable, each env header from its set variable, literal headers. */
export function promisedHeaders(c: SjCase): Record<string, string> {
  const entry = c.outputs.entry;
  if (isStdio(entry)) return {};
  const out: Record<string, string> = {};
  const fromVar = (name: string): string => {
    if (!(name in c.exported))
      throw new Error(`${c.id}: the page never tells the reader to export ${name}`);
    return c.exported[name]!;
  };
  if (entry.bearer_token_env_var)
    out['authorization'] = `Bearer ${fromVar(entry.bearer_token_env_var)}`;
  for (const [h, v] of Object.entries(entry.env_http_headers ?? {}))
    if (!c.skipped.includes(v)) out[h.toLowerCase()] = fromVar(v);
  for (const [h, v] of Object.entries(entry.http_headers ?? {})) out[h.toLowerCase()] = v;
  return out;
}

/** The variables a stdio case's server must see beyond the allowlist: `env`, and each `env_vars` name with its exported value. */
export function promisedServerEnv(c: SjCase): Record<string, string> {
  const entry = c.outputs.entry;
  if (!isStdio(entry)) return {};
  const out: Record<string, string> = { ...(entry.env ?? {}) };
  for (const name of entry.env_vars ?? []) {
    // An optional variable the reader left unset: Codex passes nothing for it (and still starts the server).
    if (c.skipped.includes(name)) continue;
    if (!(name in c.exported))
      throw new Error(`${c.id}: the page never tells the reader to export ${name}`);
    out[name] = c.exported[name]!;
  }
  return out;
}

/** The package runners the corpus uses; each is faked by a shim in front of PATH. */
export const RUNNER_SHIMS = ['npx', 'uvx', 'docker', 'dnx'] as const;

/**
 * Writes the fake runners into `dir`: each is a Node script (no shell, which would add PWD to the
 * environment) that becomes the fake stdio server, recording its environment and the exact argv
 * Codex gave the runner to `stdio-<runner>-<pid>.json` in its working directory.
 */
export function writeRunnerShims(dir: string, nodeBin: string, stdioScript: string): void {
  mkdirSync(dir, { recursive: true });
  for (const runner of RUNNER_SHIMS) {
    const file = join(dir, runner);
    const body = [
      `#!${nodeBin}`,
      `process.argv.splice(2, 0, 'stdio-${runner}-' + process.pid + '.json');`,
      `import(${JSON.stringify(stdioScript)});`,
      '',
    ];
    writeFileSync(file, body.join('\n'), 'utf8');
    chmodSync(file, 0o755);
  }
}

/** What a shim recorded: the runner, its argv, its environment. */
export interface StdioSeen {
  runner: string;
  argv: string[];
  env: Record<string, string>;
}

/** The name of a shim's record: `stdio-<runner>-<pid>.json`. */
export const SHIM_RECORD = /^stdio-[a-z]+-\d+\.json$/;

/** Every record the shims wrote in `home`. */
export function readShimRecords(home: string): StdioSeen[] {
  return readdirSync(home)
    .filter((f) => SHIM_RECORD.test(f))
    .map((f) => {
      const rec = JSON.parse(readFileSync(join(home, f), 'utf8')) as {
        env: Record<string, string>;
        argv: string[];
      };
      return { runner: f.split('-')[1]!, argv: rec.argv, env: rec.env };
    });
}
