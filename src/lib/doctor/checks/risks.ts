/**
 * Risks: what Codex loads but is unsafe or will not work (plaintext credentials, variables it
 * never expands, unusable addresses, names a session never starts, variables that are not set).
 */
import { isPathWithSpaces } from '../../generator/command-path.ts';
import { factsFor, nameRefusal, sessionNameRefusal } from '../../codex/index.ts';
import { RESERVED_NAMES } from '../../codex/reserved.ts';
import { checkEnvName, checkServerName, checkUrl } from '../../generator/validate.ts';
import type { Context, Findings } from '../findings.ts';
import { display, keyCheck } from '../schema.ts';
import {
  hasSecretQuery,
  isCredentialHeader,
  isSecretEnv,
  moveArgSecrets,
  secretByContent,
  secretOptionValue,
} from './secrets.ts';
import { hasPlaceholder, placeholderVar, saneServerName } from './values.ts';
import { isTable, type Table } from '../types.ts';

type Transport = 'stdio' | 'http' | null;

/** Every risk of one entry, in a fixed order. */
export function checkRisks(t: Table, transport: Transport, out: Findings, ctx: Context): void {
  // The name rules were observed on config.toml entries only.
  if (!ctx.plugin) nameRisks(out, ctx);
  placeholderRisks(t, out, ctx);
  plaintextRisks(t, out);
  addressRisks(t, transport, out);
  referenceRisks(t, out, ctx);
  otherRisks(t, out);
}

// Names Codex keeps for its own servers: one list, shared with the generator.
export { RESERVED_NAMES } from '../../codex/reserved.ts';

/** Names Codex lists but a session never starts: outside its rule, or kept for itself. */
function nameRisks(out: Findings, ctx: Context): void {
  if (RESERVED_NAMES.includes(ctx.name)) {
    out.risk(
      [],
      `"${ctx.name}" is the name Codex keeps for its own built-in Apps server: a session never starts an entry of that name from config.toml. The corrected block renames it.`,
      'error',
    );
  }
  // Names outside the rule: the file loads and `codex mcp list` shows the entry, but a session
  // never starts it (tests/conformance/runtime/guides.test.ts, badNameRequired and dottedOptional).
  const nameProblem = checkServerName(ctx.name, ctx.release);
  const rule = factsFor(ctx.release).nameRule;
  if (nameProblem && !rule.pattern.test(ctx.name)) {
    out.risk(
      [],
      `\`codex mcp list\` shows this entry, but a session of Codex ${ctx.release} never starts it: its name is outside Codex's rule, which allows only ${rule.allowed} (\`codex mcp add\` and \`remove\` refuse it too: "${nameRefusal(ctx.name, rule)}"; with \`required = true\` the session stops with "${sessionNameRefusal(ctx.name, rule)}"). Rename it: change the table's name in config.toml to one such as "${saneServerName(ctx.name, ctx.release)}"; the corrected block does this.`,
    );
  } else if (ctx.name.startsWith('-')) {
    out.risk(
      [],
      `The name "${ctx.name}" starts with "-": \`codex mcp get/remove/login\` read it as an option. The corrected block renames it.`,
      'info',
    );
  }
}

/** Variable references in values, which Codex passes as written. */
function placeholderRisks(t: Table, out: Findings, ctx: Context): void {
  // Variables in values: Codex never expands them.
  const visit = (v: unknown, key: string[], depth = 0): void => {
    // Bounded: a value nested this deep is a type error Codex reports anyway, and recursing into
    // thousands of levels would overflow the stack.
    if (depth > MAX_VISIT_DEPTH) return;
    if (typeof v === 'string') {
      if (hasPlaceholder(v) && key[0] !== 'env_http_headers' && key[0] !== 'bearer_token_env_var') {
        out.risk(
          key,
          `\`${key.join('.')}\` holds "${v}": Codex passes it literally and never expands variables (no \${VAR}, $VAR or %VAR%). ${placeholderFix(key)}`,
        );
      }
    } else if (Array.isArray(v)) {
      for (const x of v) visit(x, key, depth + 1);
    } else if (isTable(v)) {
      for (const [k, x] of Object.entries(v)) visit(x, [...key, k], depth + 1);
    }
  };
  for (const [k, v] of Object.entries(t))
    if (keyCheck(k, ctx.release) || k === 'headers') visit(v, [k]);
}

/** Credentials written into the file in plaintext. */
function plaintextRisks(t: Table, out: Findings): void {
  // Secrets in plaintext.
  for (const hk of ['http_headers', 'headers'] as const) {
    const headers = t[hk];
    if (!isTable(headers)) continue;
    for (const [h, v] of Object.entries(headers)) {
      if (typeof v === 'string' && isCredentialHeader(h, v)) {
        out.risk(
          [hk, h],
          `Header ${h} holds a credential in plaintext: anyone who can read config.toml (backups, dotfile repos, screen shares) can use it. The corrected block reads it from an environment variable instead.`,
        );
      }
    }
  }
  if (isTable(t['env'])) {
    for (const [k, v] of Object.entries(t['env'])) {
      if (typeof v === 'string' && isSecretEnv(k, v)) {
        out.risk(
          ['env', k],
          `env.${k} looks like a secret written into config.toml in plaintext. The corrected block passes ${k} through from your shell (env_vars) instead, so the file only names it.`,
        );
      }
    }
  }
  if (Array.isArray(t['args'])) {
    const args = t['args'].map((a) => (typeof a === 'string' ? a : ''));
    const { moved } = moveArgSecrets(args, (suffix) => suffix);
    const covered = new Set(moved.flatMap((m) => m.at));
    for (const m of moved) {
      out.risk(
        ['args'],
        `The argument ${m.what} holds a credential: it sits in config.toml in plaintext and is visible in the process list. The corrected block moves it to a variable (env_vars).`,
      );
    }
    args.forEach((a, i) => {
      if (!covered.has(i) && (secretOptionValue(a) !== undefined || secretByContent(a))) {
        out.risk(
          ['args'],
          `An argument looks like a credential (${a.slice(0, 4)}…): it sits in config.toml in plaintext and is visible in the process list. Prefer a variable the server reads (env_vars).`,
        );
      }
    });
  }
  if (
    isTable(t['oauth']) &&
    typeof t['oauth']['client_secret'] === 'string' &&
    t['oauth']['client_secret'] !== ''
  ) {
    out.risk(
      ['oauth', 'client_secret'],
      'oauth.client_secret is stored in config.toml in plaintext. Keep it only if your provider requires a confidential client, and keep the file private (chmod 600). The corrected block leaves it out.',
    );
  }
  if (
    typeof t['bearer_token'] === 'string' &&
    t['bearer_token'] !== '' &&
    !placeholderVar(t['bearer_token'])
  ) {
    out.risk(
      ['bearer_token'],
      'An inline bearer token sits in the file in plaintext (and Codex refuses the key anyway). Rotate it if the file was ever shared.',
    );
  }
}

/** The server address: unusable URLs, credentials in the query, commands with spaces, cwd. */
function addressRisks(t: Table, transport: Transport, out: Findings): void {
  // The server address.
  if (transport === 'http' && typeof t['url'] === 'string') {
    const url = t['url'];
    const u = checkUrl(url.trim());
    if (u.error)
      out.risk(['url'], `Codex loads this entry but cannot connect: ${u.error}`, 'error');
    for (const w of u.warnings) out.risk(['url'], w);
    if (hasSecretQuery(url))
      out.risk(
        ['url'],
        'The URL carries a credential in its query string: it is stored in config.toml in plaintext. Prefer a bearer token variable or an env-sourced header if the provider allows it; the corrected block takes it out of the URL.',
      );
  }
  if (transport === 'stdio' && typeof t['command'] === 'string') {
    const cmd = t['command'];
    if (cmd.trim() === '')
      out.risk(
        ['command'],
        'The command is empty: Codex loads the entry, but the server can never start.',
        'error',
      );
    else if (/\s/.test(cmd.trim()) && !isPathWithSpaces(cmd.trim())) {
      out.risk(
        ['command'],
        `The command "${cmd}" contains a space: Codex runs it as ONE program name (no shell splits it), so the server will not start. Put the program in command and each argument in args.`,
        'error',
      );
    }
  }
  if (typeof t['cwd'] === 'string') {
    const cwd = t['cwd'];
    if (cwd.startsWith('~'))
      out.risk(['cwd'], 'cwd starts with "~", which Codex does not expand: write the full path.');
    else if (cwd !== '' && !/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(cwd))
      out.risk(
        ['cwd'],
        'cwd is relative: Codex resolves it against wherever it was started. Prefer a full path.',
        'info',
      );
  }
}

/** Variables the server reads: bad names, and (given the exported list) unset ones. */
function referenceRisks(t: Table, out: Findings, ctx: Context): void {
  // Variables the server reads.
  const refs = referencedEnv(t);
  if (refs.bearer !== undefined) {
    const r = checkEnvName(refs.bearer, 'bearer_token_env_var');
    if (r.error || r.warning)
      out.risk(
        ['bearer_token_env_var'],
        `${r.error ?? r.warning ?? ''} Codex looks up a variable with exactly that name.`,
        r.error ? 'error' : 'warning',
      );
  }
  for (const [h, v] of refs.headers) {
    const r = checkEnvName(v, `env_http_headers.${h}`);
    if (r.error || r.warning)
      out.risk(
        ['env_http_headers', h],
        `${r.error ?? r.warning ?? ''} Codex looks up a variable with exactly that name, and leaves the header out when it is not set.`,
        r.error ? 'error' : 'warning',
      );
  }
  if (ctx.exported) {
    const exported = ctx.exported;
    if (refs.bearer !== undefined && refs.bearer !== '' && !exported.has(refs.bearer)) {
      out.risk(
        ['bearer_token_env_var'],
        `${refs.bearer} is not among the variables you listed as exported: with it unset or empty, this server fails to start.`,
      );
    }
    for (const [h, v] of refs.headers) {
      if (v !== '' && !exported.has(v))
        out.risk(
          ['env_http_headers', h],
          `${v} is not among the variables you listed as exported: Codex then silently leaves header ${h} out, and the server answers with an authentication error.`,
        );
    }
    for (const v of refs.passThrough) {
      if (!exported.has(v))
        out.risk(
          ['env_vars'],
          `${v} is not among the variables you listed as exported: the server will not see it.`,
        );
    }
  }
}

/** Two credentials at once, disabled servers, old spellings, managed auth. */
function otherRisks(t: Table, out: Findings): void {
  const refs = referencedEnv(t);
  // Two credentials at once.
  const headerNames = [
    ...Object.keys(isTable(t['http_headers']) ? t['http_headers'] : {}),
    ...Object.keys(isTable(t['env_http_headers']) ? t['env_http_headers'] : {}),
  ];
  if (refs.bearer !== undefined && headerNames.some((h) => h.toLowerCase() === 'authorization')) {
    out.risk(
      ['bearer_token_env_var'],
      'Both bearer_token_env_var and an Authorization header are set: the server receives two credentials. Keep one.',
    );
  }

  if (t['enabled'] === false)
    out.risk(
      ['enabled'],
      'This server is disabled (enabled = false): Codex loads the entry but never starts it.',
      'info',
    );
  if (t['enabled'] === false && t['required'] === true)
    out.risk(['required'], 'required = true has no effect on a disabled server.', 'info');
  if (typeof t['startup_timeout_ms'] === 'number' && !('startup_timeout_sec' in t)) {
    out.risk(
      ['startup_timeout_ms'],
      'startup_timeout_ms is the old spelling; Codex still reads it, but startup_timeout_sec (in seconds) is the documented key. The corrected block converts it.',
      'info',
    );
  }
  if (t['auth'] === 'ema_auth' || t['auth'] === 'chatgpt') {
    out.risk(
      ['auth'],
      `auth = ${display(t['auth'])} is an enterprise/managed setting with rules of its own that the doctor does not check.`,
      'info',
    );
  }
}

/** The variables a server reads from the environment Codex runs in. */
function referencedEnv(t: Table): {
  bearer?: string;
  headers: [string, string][];
  passThrough: string[];
} {
  const bearer =
    typeof t['bearer_token_env_var'] === 'string' ? t['bearer_token_env_var'] : undefined;
  const headers = isTable(t['env_http_headers'])
    ? Object.entries(t['env_http_headers']).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      )
    : [];
  const passThrough = Array.isArray(t['env_vars'])
    ? t['env_vars']
        .map((x) =>
          typeof x === 'string'
            ? x
            : isTable(x) && typeof x['name'] === 'string'
              ? x['name']
              : undefined,
        )
        .filter((x): x is string => x !== undefined)
    : [];
  return { ...(bearer !== undefined && { bearer }), headers, passThrough };
}

const MAX_VISIT_DEPTH = 32;

/** How to fix a variable reference in the key `key`. */
function placeholderFix(key: string[]): string {
  switch (key[0]) {
    case 'http_headers':
    case 'headers':
      return key[1]?.toLowerCase() === 'authorization'
        ? 'Use bearer_token_env_var = "VAR" for a Bearer token, or env_http_headers for another scheme (the corrected block does this).'
        : 'Use env_http_headers = { HEADER = "VAR" } instead (the corrected block does this).';
    case 'env':
      return 'List the variable in env_vars to pass it through from your shell (the corrected block does this).';
    case 'bearer_token':
      return 'Use bearer_token_env_var = "VAR".';
    default:
      return 'Write the actual value, or have the server read the variable itself (env_vars passes variables through).';
  }
}
