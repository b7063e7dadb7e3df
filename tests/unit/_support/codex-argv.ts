/**
 * A model of how `codex mcp add` 0.169.0 (clap) reads its argv, written from `codex mcp add --help`:
 *   codex mcp add [OPTIONS] <NAME> (--url <URL> | -- <COMMAND>...)
 * Options take a value as the next word or attached with "="; clap rejects a separate value that starts
 * with "-" (it would be read as another option). Everything after "--" is the command and its arguments.
 * It returns the TOML keys Codex would write, so tests can compare argv with the entry.
 */

const VALUE_FLAGS = new Set([
  '--url',
  '--bearer-token-env-var',
  '--oauth-client-id',
  '--oauth-resource',
  '--env',
]);

export interface ParsedAdd {
  name: string;
  entry: Record<string, unknown>;
}

export function parseCodexAdd(argv: readonly string[]): ParsedAdd {
  if (argv[0] !== 'codex' || argv[1] !== 'mcp' || argv[2] !== 'add')
    throw new Error(`not a codex mcp add: ${JSON.stringify(argv)}`);
  const name = argv[3];
  if (name === undefined || name.startsWith('-'))
    throw new Error(`missing or option-like NAME: ${JSON.stringify(name)}`);
  const values: Record<string, string[]> = {};
  let command: string[] | null = null;
  for (let i = 4; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') {
      command = argv.slice(i + 1);
      break;
    }
    const eq = word.indexOf('=');
    const flag = eq > 0 ? word.slice(0, eq) : word;
    if (!VALUE_FLAGS.has(flag)) throw new Error(`unknown argument ${JSON.stringify(word)}`);
    let value: string;
    if (eq > 0) value = word.slice(eq + 1);
    else {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      if (next.startsWith('-'))
        throw new Error(
          `clap would read ${JSON.stringify(next)} as an option, not the value of ${flag}`,
        );
      value = next;
    }
    (values[flag] ??= []).push(value);
  }
  const one = (flag: string): string | undefined => {
    const v = values[flag];
    if (v && v.length > 1) throw new Error(`${flag} given twice`);
    return v?.[0];
  };
  const url = one('--url');
  if ((url === undefined) === (command === null))
    throw new Error('exactly one of --url and -- COMMAND is required');
  if (command !== null) {
    if (command.length === 0) throw new Error('-- without a command');
    for (const f of ['--bearer-token-env-var', '--oauth-client-id', '--oauth-resource']) {
      if (values[f]) throw new Error(`${f} is only valid with --url`);
    }
    const entry: Record<string, unknown> = { command: command[0] };
    if (command.length > 1) entry.args = command.slice(1);
    const env = values['--env'];
    if (env) {
      const record: Record<string, string> = {};
      for (const pair of env) {
        const at = pair.indexOf('=');
        if (at <= 0) throw new Error(`--env ${JSON.stringify(pair)} is not KEY=VALUE`);
        Object.defineProperty(record, pair.slice(0, at), {
          value: pair.slice(at + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      entry.env = record;
    }
    return { name, entry };
  }
  if (values['--env']) throw new Error('--env is only valid with stdio servers');
  const entry: Record<string, unknown> = { url };
  const bearer = one('--bearer-token-env-var');
  if (bearer !== undefined) entry.bearer_token_env_var = bearer;
  const resource = one('--oauth-resource');
  if (resource !== undefined) entry.oauth_resource = resource;
  const clientId = one('--oauth-client-id');
  if (clientId !== undefined) entry.oauth = { client_id: clientId };
  return { name, entry };
}

/** Keys `codex mcp add` can write; everything else must be added to the file by hand. */
export const SETTABLE_BY_ADD = [
  'url',
  'bearer_token_env_var',
  'oauth_resource',
  'oauth',
  'command',
  'args',
  'env',
];
