/**
 * Random VALID ServerSpecs, each with the entry a person would expect from it (built here by hand,
 * field by field, from what the form says), and random GARBAGE specs for robustness properties.
 */
import fc from 'fast-check';
import {
  emptySpec,
  type AuthMode,
  type EnvVarSpec,
  type ServerSpec,
} from '../../../src/lib/generator/model.ts';
import {
  acceptedOneLine,
  anyText,
  envNameArb,
  headerNameArb,
  headerValueArb,
  multiLineTextArb,
  noSpaceWordArb,
  serverNameArb,
  stringOf,
  trimmedWordArb,
  wellFormedText,
} from './arbitraries.ts';

export interface SpecCase {
  spec: ServerSpec;
  /** The `[mcp_servers.NAME]` table expected for `spec`. */
  entry: Record<string, unknown>;
}

/** An object with exactly these own keys (also "__proto__"), like a parsed TOML table. */
export function record(pairs: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of pairs)
    Object.defineProperty(out, k, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

const DIGITS = '0123456789';

/** A timeout as typed, and the number it means: "" (default), whole or fractional seconds in (0, 86400]. */
const timeoutArb: fc.Arbitrary<[string, number | undefined]> = fc.oneof(
  fc.constant<[string, number | undefined]>(['', undefined]),
  fc.integer({ min: 1, max: 86_400 }).map((n): [string, number] => [String(n), n]),
  fc
    .tuple(fc.integer({ min: 0, max: 86_399 }), stringOf(DIGITS, 1, 6))
    .map(([i, d]) => `${i}.${d}`)
    .filter((s) => Number(s) > 0)
    .map((s): [string, number] => [s, Number(s)]),
);

// No `{...}`: that is an unfilled endpoint placeholder, rejected on purpose (RFC 3986 wants braces encoded anyway).
const urlPathArb = anyText(20).filter(
  (s) => !/\s/.test(s) && acceptedOneLine(s) && !/\{[^{}]*\}/.test(s),
);
const hostArb = stringOf('abcdefghijklmnopqrstuvwxyz0123456789', 1, 10);
/** A URL checkUrl accepts: https to a made-up host, or http to a loopback host. */
export const urlArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(hostArb, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }), urlPathArb)
    .map(([h, port, path]) => `https://${h}.example${port ? `:${port}` : ''}/${path}`),
  fc
    .tuple(
      fc.constantFrom('localhost', '127.0.0.1', '[::1]'),
      fc.integer({ min: 1, max: 65535 }),
      urlPathArb,
    )
    .map(([h, port, path]) => `http://${h}:${port}/${path}`),
  fc.constantFrom(
    'https://mcp.example.com/mcp',
    'https://x.example/mcp?a=1&b=$x#frag',
    "https://x.example/it's",
  ),
);

const sharedArb = fc.record({
  startup: timeoutArb,
  tool: timeoutArb,
  enabled: fc.boolean(),
  required: fc.boolean(),
  enabledTools: fc.array(trimmedWordArb, { maxLength: 3 }),
  disabledTools: fc.array(trimmedWordArb, { maxLength: 3 }),
  scope: fc.constantFrom('user' as const, 'project' as const),
});

const envLineArb: fc.Arbitrary<EnvVarSpec> = fc.oneof(
  fc.record({ name: envNameArb, value: multiLineTextArb(), placeholder: multiLineTextArb() }),
  fc.record({
    name: envNameArb,
    value: fc.constant(''),
    placeholder: fc.constant(''),
    basicAuthFrom: fc.record({ userVar: envNameArb, secretVar: envNameArb }),
  }),
);

const httpArb = fc
  .record({
    auth: fc.constantFrom<AuthMode>('none', 'bearer', 'oauth', 'headers'),
    url: urlArb,
    bearer: fc.option(envNameArb, { nil: undefined }),
    // Header names unique case-insensitively across both kinds; the first `split` are literal.
    headerNames: fc.uniqueArray(headerNameArb, { maxLength: 4, selector: (h) => h.toLowerCase() }),
    split: fc.nat({ max: 4 }),
    headerValues: fc.array(headerValueArb, { minLength: 4, maxLength: 4 }),
    envHeaderVars: fc.array(envNameArb, { minLength: 4, maxLength: 4 }),
    // One login line serves every shell: no quote or backslash in scopes (see resolve.ts).
    scopes: fc.array(
      noSpaceWordArb.filter((s) => !/[,'\\\u2018-\u201b]/.test(s)),
      { maxLength: 3 },
    ),
    clientId: fc.option(noSpaceWordArb, { nil: undefined }),
    resource: fc.option(urlArb, { nil: undefined }),
  })
  .filter(
    (h) =>
      (h.auth !== 'bearer' || h.bearer !== undefined) &&
      (h.auth !== 'headers' || h.headerNames.length > 0),
  );

const stdioArb = fc.record({
  command: noSpaceWordArb,
  args: fc.array(multiLineTextArb(), { maxLength: 6 }),
  env: fc.uniqueArray(fc.tuple(envNameArb, multiLineTextArb()), {
    maxLength: 3,
    selector: ([k]) => k,
  }),
  envVars: fc.array(envNameArb, { maxLength: 3 }),
  cwd: fc.option(trimmedWordArb, { nil: undefined }),
});

/** A valid spec and its expected entry. */
export const specCaseArb: fc.Arbitrary<SpecCase> = fc
  .tuple(
    serverNameArb,
    sharedArb,
    fc.array(envLineArb, { maxLength: 3 }),
    fc.oneof(
      httpArb.map((h) => ({ http: h })),
      stdioArb.map((s) => ({ stdio: s })),
    ),
  )
  .map(([name, shared, envVarLines, t]): SpecCase => {
    const spec: ServerSpec = {
      ...emptySpec(),
      name,
      scope: shared.scope,
      startupTimeoutSec: shared.startup[0],
      toolTimeoutSec: shared.tool[0],
      enabled: shared.enabled,
      required: shared.required,
      enabledTools: shared.enabledTools,
      disabledTools: shared.disabledTools,
      envVarLines,
    };
    const entry: [string, unknown][] = [];
    if ('http' in t) {
      const h = t.http;
      const literal = h.headerNames.slice(0, h.split);
      const fromEnv = h.headerNames.slice(h.split);
      Object.assign(spec, {
        transport: 'http',
        auth: h.auth,
        url: h.url,
        bearerTokenEnvVar: h.bearer ?? '',
        httpHeaders: literal.map((n, i) => ({ name: n, value: h.headerValues[i]! })),
        envHttpHeaders: fromEnv.map((n, i) => ({ name: n, value: h.envHeaderVars[i]! })),
        scopes: h.scopes,
        oauthClientId: h.clientId ?? '',
        oauthResource: h.resource ?? '',
      });
      entry.push(['url', h.url]);
      if (h.bearer !== undefined) entry.push(['bearer_token_env_var', h.bearer]);
      if (literal.length > 0)
        entry.push(['http_headers', record(literal.map((n, i) => [n, h.headerValues[i]!]))]);
      if (fromEnv.length > 0)
        entry.push(['env_http_headers', record(fromEnv.map((n, i) => [n, h.envHeaderVars[i]!]))]);
      if (h.scopes.length > 0) entry.push(['scopes', h.scopes]);
      if (h.resource !== undefined) entry.push(['oauth_resource', h.resource]);
      if (h.clientId !== undefined) entry.push(['oauth', { client_id: h.clientId }]);
    } else {
      const s = t.stdio;
      Object.assign(spec, {
        transport: 'stdio',
        auth: 'none',
        url: '',
        command: s.command,
        args: s.args,
        env: s.env.map(([n, v]) => ({ name: n, value: v })),
        envVars: s.envVars,
        cwd: s.cwd ?? '',
      });
      entry.push(['command', s.command]);
      if (s.args.length > 0) entry.push(['args', s.args]);
      if (s.env.length > 0) entry.push(['env', record(s.env)]);
      if (s.envVars.length > 0) entry.push(['env_vars', s.envVars]);
      if (s.cwd !== undefined) entry.push(['cwd', s.cwd]);
    }
    if (shared.startup[1] !== undefined) entry.push(['startup_timeout_sec', shared.startup[1]]);
    if (shared.tool[1] !== undefined) entry.push(['tool_timeout_sec', shared.tool[1]]);
    if (!shared.enabled) entry.push(['enabled', false]);
    if (shared.required) entry.push(['required', true]);
    if (shared.enabledTools.length > 0) entry.push(['enabled_tools', shared.enabledTools]);
    if (shared.disabledTools.length > 0) entry.push(['disabled_tools', shared.disabledTools]);
    return { spec, entry: record(entry) };
  });

/** Garbage text: anything at all, including NUL, lone surrogates, whitespace and prototype names. */
export const garbageText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\t',
    '\n',
    '\r\n',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udc00y',
    '__proto__',
    'constructor',
    'toString',
    '-',
    '--',
    '-x',
    '${X}',
    '$X',
    '~',
    ' x ',
    '1e3',
    '0',
    '-1',
    'NaN',
    'Infinity',
    '😀',
    'http://',
    'https://a b',
    'https://{x}/',
  ),
  fc.string({ unit: 'binary-ascii', maxLength: 12 }),
  wellFormedText({ maxLength: 12 }),
  fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    maxLength: 12,
  }),
  urlArb,
  envNameArb,
);

const garbagePair = fc.record({ name: garbageText, value: garbageText });

/** A spec whose every string field is garbage (the union-typed fields keep their legal values). */
export const garbageSpecArb: fc.Arbitrary<ServerSpec> = fc.record({
  name: garbageText,
  scope: fc.constantFrom('user' as const, 'project' as const),
  transport: fc.constantFrom('http' as const, 'stdio' as const),
  auth: fc.constantFrom<AuthMode>('none', 'oauth', 'bearer', 'headers'),
  url: garbageText,
  bearerTokenEnvVar: garbageText,
  httpHeaders: fc.array(garbagePair, { maxLength: 3 }),
  envHttpHeaders: fc.array(garbagePair, { maxLength: 3 }),
  oauthClientId: garbageText,
  oauthResource: garbageText,
  scopes: fc.array(garbageText, { maxLength: 3 }),
  command: garbageText,
  args: fc.array(garbageText, { maxLength: 3 }),
  env: fc.array(garbagePair, { maxLength: 3 }),
  envVars: fc.array(garbageText, { maxLength: 3 }),
  cwd: garbageText,
  startupTimeoutSec: garbageText,
  toolTimeoutSec: garbageText,
  enabled: fc.boolean(),
  required: fc.boolean(),
  enabledTools: fc.array(garbageText, { maxLength: 3 }),
  disabledTools: fc.array(garbageText, { maxLength: 3 }),
  envVarLines: fc.array(
    fc.record(
      {
        name: garbageText,
        value: garbageText,
        placeholder: garbageText,
        basicAuthFrom: fc.record({ userVar: garbageText, secretVar: garbageText }),
      },
      { requiredKeys: ['name', 'value', 'placeholder'] },
    ),
    { maxLength: 3 },
  ),
});
