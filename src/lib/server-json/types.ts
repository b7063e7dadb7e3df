/**
 * A pasted `server.json` (the official MCP Registry's format), as this site reads it: every field
 * optional and checked, legacy spellings normalised, unknown fields ignored.
 */

/** Schema versions this site knows, read from `$schema`. */
export const KNOWN_VERSIONS = [
  '2025-07-09',
  '2025-09-16',
  '2025-09-29',
  '2025-10-11',
  '2025-10-17',
  '2025-12-11',
] as const;

/** A dated version, the unreleased draft, or a file whose `$schema` names neither. */
export type SchemaVersion = (typeof KNOWN_VERSIONS)[number] | 'draft' | 'unknown';

/** One input: a variable, header, environment variable or argument value the reader may supply. */
export interface InputDef {
  description: string;
  isRequired: boolean;
  isSecret: boolean;
  /** `string`, `number`, `boolean` or `filepath`. */
  format: string;
  default?: string;
  /** A fixed value (possibly a `{variable}` template); the reader does not choose it. */
  value?: string;
  choices?: string[];
  placeholder?: string;
  /** Variables the `value` template refers to. */
  variables: Map<string, InputDef>;
}

/** A header or an environment variable. */
export interface KeyValueDef extends InputDef {
  name: string;
}

/** A runtime or package argument. */
export interface ArgumentDef extends InputDef {
  type: 'positional' | 'named';
  /** The flag, for named arguments (`--port`). */
  name: string;
  /** The label of a positional argument. */
  valueHint: string;
}

/** A transport: `stdio`, `streamable-http` or `sse`. */
export interface TransportDef {
  type: string;
  url: string;
  headers: KeyValueDef[];
  /** URL template variables (remotes). */
  variables: Map<string, InputDef>;
  /** Why this remote cannot be used as written (a refused character, a header name no HTTP allows). */
  refused: string[];
}

/** One way to run the server locally. */
export interface PackageDef {
  registryType: string;
  /** Where the package is downloaded from (`https://ghcr.io`); '' for the type's public registry. */
  registryBaseUrl: string;
  identifier: string;
  version: string;
  runtimeHint: string;
  runtimeArguments: ArgumentDef[];
  packageArguments: ArgumentDef[];
  environmentVariables: KeyValueDef[];
  transport: TransportDef;
  /** Why this package cannot be used as written: a refused character, a variable name no shell accepts. */
  refused: string[];
}

/** The parts of a server.json this site uses. */
export interface ServerJson {
  /** Reverse-DNS name, such as `io.github.user/weather`. */
  name: string;
  title: string;
  description: string;
  version: string;
  schema: SchemaVersion;
  schemaUrl: string;
  websiteUrl: string;
  repositoryUrl: string;
  remotes: TransportDef[];
  packages: PackageDef[];
}

/** A problem in the pasted file: `path` is a JSON path such as `packages[0].registryType`. */
export interface JsonDiagnostic {
  path: string;
  severity: 'error' | 'warning';
  message: string;
}
