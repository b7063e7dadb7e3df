/**
 * Reads a pasted `server.json` into a `ServerJson`. Never throws: every problem becomes a
 * diagnostic naming the JSON path and the fix. Old snake_case spellings (schema 2025-07-09) are
 * read too, with a warning, so a file from any published version converts the same way.
 */
import {
  KNOWN_VERSIONS,
  type ArgumentDef,
  type InputDef,
  type JsonDiagnostic,
  type KeyValueDef,
  type PackageDef,
  type SchemaVersion,
  type ServerJson,
  type TransportDef,
} from './types.ts';
import { isCredentialName, isPlaceholder } from '../safety/credentials.ts';
import { unsafeChar, visible } from '../safety/unsafe-chars.ts';

/** Larger pastes are refused rather than parsed (real files are a few KB). */
export const MAX_SERVER_JSON_CHARS = 500_000;

/** The result of reading a paste: `server` is null only when nothing usable was found. */
export interface ParsedServerJson {
  server: ServerJson | null;
  diagnostics: JsonDiagnostic[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

// camelCase field -> its name before schema 2025-09-16 (renamed in registry issue #428).
const LEGACY: Record<string, string> = {
  registryType: 'registry_type',
  registryBaseUrl: 'registry_base_url',
  runtimeHint: 'runtime_hint',
  runtimeArguments: 'runtime_arguments',
  packageArguments: 'package_arguments',
  environmentVariables: 'environment_variables',
  isRequired: 'is_required',
  isSecret: 'is_secret',
  valueHint: 'value_hint',
  isRepeated: 'is_repeated',
  websiteUrl: 'website_url',
};

/** Which published schema a `$schema` URL names. */
export function schemaVersionOf(url: string): SchemaVersion {
  if (/\/draft\/server\.schema\.json$/.test(url)) return 'draft';
  const dated = /\/schemas\/(\d{4}-\d{2}-\d{2})\/server\.schema\.json$/.exec(url)?.[1];
  return (KNOWN_VERSIONS as readonly string[]).includes(dated ?? '')
    ? (dated as SchemaVersion)
    : 'unknown';
}

class Reader {
  readonly diagnostics: JsonDiagnostic[] = [];
  warn(path: string, message: string): void {
    this.diagnostics.push({ path, severity: 'warning', message });
  }
  error(path: string, message: string): void {
    this.diagnostics.push({ path, severity: 'error', message });
  }
  /** A field by its current name, or its legacy snake_case name (with a warning). */
  field(o: Obj, key: string, at: string): unknown {
    if (Object.hasOwn(o, key)) return o[key];
    const legacy = LEGACY[key];
    if (legacy && Object.hasOwn(o, legacy)) {
      this.warn(
        `${at}.${legacy}`,
        `"${legacy}" is the spelling from before schema 2025-09-16: it was read as "${key}"; rename it.`,
      );
      return o[legacy];
    }
    return undefined;
  }
  str(o: Obj, key: string, at: string): string {
    const v = this.field(o, key, at);
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    this.warn(`${at}.${key}`, `${key} should be a string: it was ignored.`);
    return '';
  }
  bool(o: Obj, key: string, at: string): boolean {
    const v = this.field(o, key, at);
    if (v === undefined) return false;
    if (typeof v === 'boolean') return v;
    this.warn(`${at}.${key}`, `${key} should be true or false: it was read as false.`);
    return false;
  }
  list(o: Obj, key: string, at: string): unknown[] {
    const v = this.field(o, key, at);
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    this.warn(`${at}.${key}`, `${key} should be a list ([...]): it was ignored.`);
    return [];
  }
}

function readInput(r: Reader, o: Obj, at: string): InputDef {
  const choices = r.list(o, 'choices', at).filter((c): c is string => typeof c === 'string');
  const variables = new Map<string, InputDef>();
  const vars = o['variables'];
  if (isObj(vars)) {
    for (const [key, value] of Object.entries(vars)) {
      if (isObj(value)) variables.set(key, readInput(r, value, `${at}.variables.${key}`));
      else
        r.warn(
          `${at}.variables.${key}`,
          `Variable ${key} should be an object with a description: it was ignored.`,
        );
    }
  } else if (vars !== undefined)
    r.warn(`${at}.variables`, 'variables should be an object: it was ignored.');
  const input: InputDef = {
    description: r.str(o, 'description', at),
    isRequired: r.bool(o, 'isRequired', at),
    isSecret: r.bool(o, 'isSecret', at),
    format: r.str(o, 'format', at) || 'string',
    variables,
  };
  for (const key of ['default', 'value', 'placeholder'] as const) {
    const v = r.str(o, key, at);
    if (v !== '' || (Object.hasOwn(o, key) && o[key] === '')) input[key] = v;
  }
  if (choices.length > 0) input.choices = choices;
  return input;
}

/** A POSIX shell variable name: what `export NAME=...` and Codex's env_vars accept. */
const POSIX_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function readKeyValue(r: Reader, raw: unknown, at: string, what: string): KeyValueDef | null {
  if (typeof raw === 'string' && what === 'environment variable' && raw.trim() !== '') {
    // Files from before the object form list the names alone; each one is a variable the server reads.
    const name = raw.trim();
    const isSecret = isCredentialName(name);
    r.warn(
      at,
      `"${visible(name).slice(0, 80)}" is a bare name (the form of older files): it was read as a required${isSecret ? ' secret' : ''} variable. Write {"name": "${visible(name).slice(0, 80)}", "isRequired": true${isSecret ? ', "isSecret": true' : ''}}.`,
    );
    return {
      name,
      description: '',
      isRequired: true,
      isSecret,
      format: 'string',
      variables: new Map(),
    };
  }
  if (!isObj(raw)) {
    r.error(
      at,
      `Each ${what} should be an object such as {"name": "API_KEY", "isSecret": true}: this one was ignored.`,
    );
    return null;
  }
  const name = r.str(raw, 'name', at).trim();
  if (name === '') {
    r.error(`${at}.name`, `This ${what} has no name: add "name", or remove it.`);
    return null;
  }
  const def = { ...readInput(r, raw, at), name };
  const standIn = def.default === undefined || isPlaceholder(def.default);
  if (what === 'environment variable' && !def.isSecret && def.value === undefined && standIn)
    if (isCredentialName(name)) {
      // A credential the author forgot to flag is still a credential: never asked for, never dropped.
      def.isSecret = true;
      r.warn(
        `${at}.isSecret`,
        `${visible(name).slice(0, 80)} is named like a credential but not marked "isSecret": it is treated as a secret (passed through from your shell, never typed here). Add "isSecret": true.`,
      );
    }
  return def;
}

function readArgument(r: Reader, raw: unknown, at: string): ArgumentDef | null {
  if (!isObj(raw)) {
    r.error(
      at,
      'Each argument should be an object with "type": "positional" or "named": this one was ignored.',
    );
    return null;
  }
  const type = r.str(raw, 'type', at);
  const input = readInput(r, raw, at);
  const name = r.str(raw, 'name', at).trim();
  const valueHint = r.str(raw, 'valueHint', at).trim();
  if (type === 'named') {
    if (name === '') {
      r.error(
        `${at}.name`,
        'A named argument needs "name" (the flag, such as "--port"): it was ignored.',
      );
      return null;
    }
    return { ...input, type, name, valueHint };
  }
  if (type !== 'positional') {
    r.error(
      `${at}.type`,
      `Argument type "${type}" is unknown: use "positional" or "named". It was ignored.`,
    );
    return null;
  }
  if (input.value === undefined && valueHint === '') {
    r.warn(
      at,
      'A positional argument needs "value" or "valueHint": it was read with the label "value".',
    );
  }
  return { ...input, type, name: '', valueHint: valueHint || 'value' };
}

/** Records a refusal: an error at its path, and the sentence the choice shows instead of a command. */
function refuse(r: Reader, refused: string[], path: string, what: string): void {
  const message = `${what}: this entry is refused, so nothing from it is shown or copied. Ask the server's author to fix it.`;
  r.error(path, message);
  refused.push(`${path}: ${message}`);
}

/**
 * Refuses every string (keys included) of a package or remote that holds a character no output may
 * carry (unsafe-chars.ts): a default with ESC[201~ or Ctrl-U would end a terminal's bracketed paste
 * and run the rest. Descriptions only reach the page's text, so a line break is kept there.
 */
function refusedStrings(r: Reader, raw: unknown, at: string): string[] {
  const refused: string[] = [];
  const walk = (v: unknown, path: string, key: string): void => {
    if (refused.length > 0) return;
    if (typeof v === 'string') {
      const bad = unsafeChar(v, { allowNewline: key === 'description' });
      if (bad)
        refuse(
          r,
          refused,
          path,
          `"${visible(v).slice(0, 80)}" holds ${bad.label}, a character that can change what a pasted command does`,
        );
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, key));
    else if (isObj(v))
      for (const [k, x] of Object.entries(v)) {
        const bad = unsafeChar(k);
        if (bad)
          refuse(
            r,
            refused,
            `${path}.${visible(k)}`,
            `The key "${visible(k).slice(0, 80)}" holds ${bad.label}`,
          );
        else walk(x, `${path}.${k}`, k);
      }
  };
  walk(raw, at, '');
  return refused;
}

function readTransport(r: Reader, raw: unknown, at: string, fallbackType: string): TransportDef {
  const o = isObj(raw) ? raw : {};
  if (raw !== undefined && !isObj(raw))
    r.warn(at, 'transport should be an object such as {"type": "stdio"}.');
  let type = r.str(o, 'type', at);
  if (type === '' && typeof o['transport_type'] === 'string') {
    r.warn(
      `${at}.transport_type`,
      '"transport_type" is the spelling from schema 2025-07-09: it was read as "type"; rename it.',
    );
    type = o['transport_type'];
  }
  if (type === '') {
    type = fallbackType;
    r.warn(`${at}.type`, `No transport type: it was read as "${fallbackType}". Add "type".`);
  }
  const headers = r
    .list(o, 'headers', at)
    .map((h, i) => readKeyValue(r, h, `${at}.headers[${i}]`, 'header'))
    .filter((h) => h !== null);
  const variables = readInput(r, { variables: o['variables'] }, at).variables;
  const refused = refusedStrings(r, raw, at);
  headers.forEach((h, i) => {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(h.name))
      refuse(
        r,
        refused,
        `${at}.headers[${i}].name`,
        `Header name "${visible(h.name).slice(0, 80)}" is not a name HTTP allows (letters, digits and - only)`,
      );
  });
  return { type, url: r.str(o, 'url', at).trim(), headers, variables, refused };
}

function readPackage(r: Reader, raw: unknown, at: string): PackageDef | null {
  if (!isObj(raw)) {
    r.error(
      at,
      'Each package should be an object with registryType, identifier and transport: this one was ignored.',
    );
    return null;
  }
  const registryType = r.str(raw, 'registryType', at).trim();
  const identifier = r.str(raw, 'identifier', at).trim();
  if (registryType === '')
    r.error(
      `${at}.registryType`,
      'registryType is missing: add "npm", "pypi", "oci", "nuget" or "mcpb".',
    );
  if (identifier === '')
    r.error(
      `${at}.identifier`,
      'identifier is missing: add the package name (or image reference).',
    );
  if (registryType === '' || identifier === '') return null;
  if (!Object.hasOwn(raw, 'transport'))
    r.warn(
      `${at}.transport`,
      'transport is missing (required since 2025-09-29): it was read as {"type": "stdio"}.',
    );
  const args = (key: string) =>
    r
      .list(raw, key, at)
      .map((a, i) => readArgument(r, a, `${at}.${key}[${i}]`))
      .filter((a) => a !== null);
  const version = r.str(raw, 'version', at).trim();
  if (/\$\{/.test(identifier + version))
    r.warn(
      `${at}.identifier`,
      `"${visible(identifier + ' ' + version).slice(0, 80)}" holds a \${...} placeholder that was never filled in when the file was published: the import asks for its value. Replace it with a real version.`,
    );
  if (version === 'latest')
    r.warn(
      `${at}.version`,
      '"latest" is not a version the registry accepts: pin a specific version.',
    );
  const environmentVariables = r
    .list(raw, 'environmentVariables', at)
    .map((e, i) => readKeyValue(r, e, `${at}.environmentVariables[${i}]`, 'environment variable'))
    .filter((e) => e !== null);
  const transport = readTransport(r, raw['transport'], `${at}.transport`, 'stdio');
  const refused = [
    ...refusedStrings(r, { ...raw, transport: undefined }, at),
    ...transport.refused,
  ];
  environmentVariables.forEach((e, i) => {
    if (!POSIX_NAME.test(e.name))
      refuse(
        r,
        refused,
        `${at}.environmentVariables[${i}].name`,
        `Variable name "${visible(e.name).slice(0, 80)}" is not a name a shell accepts (letters, digits and _, not starting with a digit)`,
      );
  });
  return {
    registryType,
    registryBaseUrl: r.str(raw, 'registryBaseUrl', at).trim(),
    identifier,
    version,
    runtimeHint: r.str(raw, 'runtimeHint', at).trim(),
    runtimeArguments: args('runtimeArguments'),
    packageArguments: args('packageArguments'),
    environmentVariables,
    transport,
    refused,
  };
}

/** Where JSON.parse stopped, as "line L, column C", when the engine says. */
function position(text: string, message: string): string {
  const at = /position (\d+)/.exec(message)?.[1];
  if (at === undefined) return '';
  const before = text.slice(0, Number(at)).split('\n');
  return ` (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1})`;
}

/** Reads a pasted server.json. Never throws. */
export function parseServerJson(text: string): ParsedServerJson {
  const r = new Reader();
  if (text.length > MAX_SERVER_JSON_CHARS) {
    r.error(
      '$',
      `The paste is ${text.length} characters long; a server.json is a few thousand. Paste only the server.json.`,
    );
    return { server: null, diagnostics: r.diagnostics };
  }
  if (text.trim() === '') {
    r.error('$', 'Nothing to read: paste the contents of a server.json.');
    return { server: null, diagnostics: r.diagnostics };
  }
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    r.error(
      '$',
      `This is not valid JSON${position(text, message)}: ${message.slice(0, 160)}. Paste the whole file, braces included.`,
    );
    return { server: null, diagnostics: r.diagnostics };
  }
  if (!isObj(root)) {
    r.error(
      '$',
      'A server.json is a JSON object ({ ... }) with name, description, version and remotes or packages.',
    );
    return { server: null, diagnostics: r.diagnostics };
  }
  for (const key of ['name', 'title', 'version', '$schema', 'websiteUrl'] as const) {
    const v = root[key];
    const bad = typeof v === 'string' ? unsafeChar(v) : undefined;
    if (bad) {
      // The name and title reach the README section and the link: refuse the file, not one entry.
      r.error(
        `$.${key}`,
        `"${visible(v as string).slice(0, 80)}" holds ${bad.label}, a character that can change what is shown or pasted: the file is refused. Ask the server's author to fix it.`,
      );
      return { server: null, diagnostics: r.diagnostics };
    }
  }
  return { server: readServer(r, root), diagnostics: r.diagnostics };
}

function readServer(r: Reader, root: Obj): ServerJson {
  const schemaUrl = r.str(root, '$schema', '$');
  const schema = schemaVersionOf(schemaUrl);
  if (schemaUrl === '')
    r.warn(
      '$.$schema',
      '$schema is missing: the file was read as the newest published version (2025-12-11).',
    );
  else if (schema === 'unknown')
    r.warn(
      '$.$schema',
      `$schema "${schemaUrl.slice(0, 120)}" is not a published server.json schema: the file was read as 2025-12-11.`,
    );
  const name = r.str(root, 'name', '$').trim();
  if (name === '')
    r.error('$.name', 'name is missing: add the reverse-DNS name, such as "io.github.you/server".');
  else if (!/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/.test(name))
    r.warn(
      '$.name',
      `name "${name.slice(0, 80)}" is not in the registry's form "namespace/server" (such as io.github.you/server).`,
    );
  let version = r.str(root, 'version', '$').trim();
  const detail = root['version_detail'];
  if (version === '' && isObj(detail) && typeof detail['version'] === 'string') {
    r.warn(
      '$.version_detail',
      '"version_detail.version" is the spelling from schema 2025-07-09: it was read as "version".',
    );
    version = detail['version'];
  }
  const repository = root['repository'];
  const server: ServerJson = {
    name,
    title: r.str(root, 'title', '$').trim(),
    description: r.str(root, 'description', '$').trim(),
    version,
    schema,
    schemaUrl,
    websiteUrl: r.str(root, 'websiteUrl', '$').trim(),
    repositoryUrl:
      isObj(repository) && typeof repository['url'] === 'string' ? repository['url'] : '',
    remotes: r
      .list(root, 'remotes', '$')
      .map((t, i) => readTransport(r, t, `$.remotes[${i}]`, 'streamable-http')),
    packages: r
      .list(root, 'packages', '$')
      .map((p, i) => readPackage(r, p, `$.packages[${i}]`))
      .filter((p) => p !== null),
  };
  server.remotes.forEach((remote, i) => checkRemote(r, remote, `$.remotes[${i}]`, schema));
  return server;
}

function checkRemote(r: Reader, remote: TransportDef, at: string, schema: SchemaVersion): void {
  if (remote.url === '')
    r.error(
      `${at}.url`,
      'This remote has no url: add the endpoint, such as "https://mcp.example.com/mcp".',
    );
  const usesVariables = /\{[A-Za-z_][A-Za-z0-9_]*\}/.test(remote.url);
  const early = schema !== 'draft' && schema !== 'unknown' && schema < '2025-12-11';
  if (usesVariables && early)
    r.warn(
      `${at}.url`,
      `URL template variables arrived in schema 2025-12-11, but this file declares ${schema}: update $schema.`,
    );
  if (/^\{/.test(remote.url) && schema !== 'draft')
    r.warn(
      `${at}.url`,
      'A URL that starts with a variable is only allowed by the draft schema: this file may be rejected by the registry.',
    );
}
