/**
 * Issue 20, the cross-surface property: random and hostile values put into every way in (form fields,
 * a share link, a server.json, the doctor's conversions, the settings) → every copied shell block
 * (the command for each shell, the login command, the variables for each shell) → the real bash,
 * dash, zsh, fish and pwsh, with an argv/env recorder (tests/unit/_support/shells.ts) and a canary
 * file: nothing runs (the canary is never created), and what the shell receives (the argv a native
 * program gets, the environment a child process sees) is exactly what the page intends.
 * Every output text is also checked to hold no refused character.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'smol-toml';
import { afterAll, describe, expect, it } from 'vitest';
import type { EnvLines } from '../../../src/lib/generator/env.ts';
import { envLines } from '../../../src/lib/generator/env.ts';
import { generate, type Generated } from '../../../src/lib/generator/generate.ts';
import type { EnvVarSpec } from '../../../src/lib/generator/model.ts';
import { withSettings } from '../../../src/lib/generator/settings.ts';
import { convertMcpServersJson, diagnoseConfig } from '../../../src/lib/doctor/index.ts';
import {
  defaultForm,
  endpointOf,
  specFromForm,
  type FormState,
  type Provider,
} from '../../../src/lib/input/provider.ts';
import { providerSchema } from '../../../src/lib/input/provider-schema.ts';
import type { SettingsForm } from '../../../src/lib/input/settings-form.ts';
import { unsafeChar } from '../../../src/lib/safety/unsafe-chars.ts';
import { readServerJson } from '../../../src/lib/server-json/index.ts';
import { decodeShare, SETTINGS_KEYS, TEXT_KEYS } from '../../../src/lib/share/share.ts';
import { anyText } from '../_support/arbitraries.ts';
import { available, propertySeed, runScript, type ShellName } from '../_support/shells.ts';

/** Cases per surface: five surfaces, 10,000 cases, each run in the five shells. */
const PER_SURFACE = 2_000;
const CANARY = join(tmpdir(), `cross-surface-canary-${process.pid}`);

const load = (id: string): Provider =>
  providerSchema.parse(JSON.parse(readFileSync(`content/providers/${id}.json`, 'utf8')));
const PROVIDERS = ['custom', 'omni', 'cinatra', 'cdata-connect-ai', 'nekt', 'alloy'].map(load);
const custom = PROVIDERS[0]!;

// What an attacker puts in a value: command substitution for each shell, quotes that try to close the
// quoting, line breaks and CR that try to end the line, the end of bracketed paste, Ctrl-U, and the
// invisible characters the page refuses.
const HOSTILE = [
  `$(touch ${CANARY})`,
  `\`touch ${CANARY}\``,
  `;touch ${CANARY};`,
  `'; touch ${CANARY}; '`,
  `"; touch ${CANARY}; "`,
  `\ntouch ${CANARY}\n`,
  `\rtouch ${CANARY}\r`,
  `\u001b[201~touch ${CANARY}\n`,
  `\u0015touch ${CANARY}\r`,
  `(touch ${CANARY})`,
  `$(New-Item ${CANARY})`,
  `& touch ${CANARY}`,
  `| touch ${CANARY}`,
  `&& touch ${CANARY} #`,
  `\\'; touch ${CANARY}; #`,
  `\u2019; touch ${CANARY}; \u2018`,
  '%self',
  '{a,b}',
  '~root',
  '!!',
  '^x^y',
  '$HOME',
  '${HOME}',
  '$env:HOME',
  '@(1)',
  '--%',
  '\\',
  "'",
  '"',
  '`',
  'é',
  '😀',
  '\u{E0041}',
  '\u202e',
  '\u200b',
  '\u3164',
  '\ufe0f',
  '\t',
];
const ORDINARY = [
  'docs',
  'npx',
  '-y',
  '@acme/server',
  'API_KEY',
  'MY_TOKEN',
  '30',
  '2.5',
  'https://mcp.example.com/mcp',
  'X-Api-Key: KEY',
  'NAME=value',
  'search = approve',
  'read',
];
const hostile: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...HOSTILE, ...ORDINARY), anyText(6)), {
        minLength: 1,
        maxLength: 4,
      })
      .map((a) => a.join('')),
  },
  { weight: 2, arbitrary: anyText(24) },
  { weight: 2, arbitrary: fc.constantFrom(...ORDINARY) },
);

/** An exported variable the page intends: its value, or `<unset>` for a commented-out line, or undefined when computed (Basic). */
type Intent = string | undefined;
interface CommandBlock {
  posix: string;
  fish: string;
  powershell: string;
  argv: string[];
}
interface EnvBlock {
  lines: EnvLines;
  intent: Map<string, Intent>;
}
interface Case {
  surface: string;
  commands: CommandBlock[];
  envs: EnvBlock[];
  texts: string[];
}

/** What the page intends each variable of `lines` to hold once the block has run. */
function intentOf(lines: readonly EnvVarSpec[]): Map<string, Intent> {
  const intent = new Map<string, Intent>();
  for (const l of lines) {
    // A later line of the same name overrides an earlier one, unless it is commented out.
    if (l.optional && intent.has(l.name)) continue;
    intent.set(
      l.name,
      l.optional
        ? '<unset>'
        : l.basicAuthFrom
          ? undefined
          : l.value !== ''
            ? l.value
            : l.placeholder,
    );
  }
  return intent;
}

/** The names an env block sets (live) or leaves commented out, read from the bash/zsh block itself. */
function intentFromBlock(lines: EnvLines): Map<string, Intent> {
  const intent = new Map<string, Intent>();
  for (const m of lines.posix.matchAll(/^(# )?export ([A-Za-z_][A-Za-z0-9_]*)=/gm))
    intent.set(m[2]!, m[1] ? '<unset>' : undefined);
  return intent;
}

/** Every copyable block of a generated result, with what each is meant to do. */
function collect(
  c: Case,
  g: Generated & { topLevel?: string | null },
  lines: readonly EnvVarSpec[],
): void {
  const o = g.outputs;
  if (g.topLevel) c.texts.push(g.topLevel);
  if (!o) return;
  c.texts.push(
    o.toml,
    o.verify,
    ...[o.cli.posix, o.cli.fish, o.cli.powershell, o.login].filter((t) => t !== null),
  );
  if (
    o.cli.argv &&
    o.cli.posix &&
    o.cli.fish &&
    o.cli.powershell &&
    !o.cli.powershell.startsWith('#')
  )
    c.commands.push({
      posix: o.cli.posix.trimEnd(),
      fish: o.cli.fish.trimEnd(),
      powershell: o.cli.powershell.trimEnd(),
      argv: o.cli.argv,
    });
  if (o.login) {
    const line = o.login.split('\n')[0]!;
    const scopes = 'scopes' in o.entry ? (o.entry.scopes ?? []) : [];
    const argv = [
      'codex',
      'mcp',
      'login',
      o.name,
      ...(scopes.length ? ['--scopes', scopes.join(',')] : []),
    ];
    c.commands.push({ posix: line, fish: line, powershell: line, argv });
  }
  if (o.env) c.envs.push({ lines: o.env, intent: intentOf(lines) });
}

// --- The five surfaces -----------------------------------------------------------------------

const FORM_FIELDS: (keyof FormState)[] = [
  'name',
  'envVar',
  'secret',
  'user',
  'startupTimeoutSec',
  'toolTimeoutSec',
  'enabledTools',
  'disabledTools',
  'scopes',
  'oauthClientId',
  'oauthResource',
  'command',
  'args',
  'env',
  'envVars',
  'cwd',
  'httpHeaders',
  'envHeaders',
];

/** The form: a provider, a sign-in method, and one to three fields typed or pasted with hostile text. */
const formCase = fc
  .tuple(
    fc.nat(),
    fc.nat(),
    fc.array(fc.tuple(fc.nat(), hostile), { minLength: 1, maxLength: 3 }),
    fc.boolean(),
  )
  .map(([p, m, edits, inline]): Case => {
    const provider = PROVIDERS[p % PROVIDERS.length]!;
    const mode = provider.authModes[m % provider.authModes.length]!;
    const form = {
      ...defaultForm(provider, mode.id),
      storage: inline ? 'inline' : 'env',
    } as FormState;
    const params = endpointOf(provider, form).params.map((q) => `params.${q.key}`);
    const headers = provider.headers.map((h) => `headers.${h.name}`);
    const fields = [...FORM_FIELDS, ...params, ...headers];
    for (const [f, value] of edits) {
      const field = fields[f % fields.length]!;
      if (field.startsWith('params.')) form.params = { ...form.params, [field.slice(7)]: value };
      else if (field.startsWith('headers.'))
        form.headers = { ...form.headers, [field.slice(8)]: value };
      else (form as unknown as Record<string, string>)[field] = value;
    }
    const spec = specFromForm(provider, form);
    const c: Case = { surface: 'form', commands: [], envs: [], texts: [] };
    collect(c, generate(spec), spec.envVarLines);
    return c;
  });

const LINK_KEYS = [
  ...Object.keys(TEXT_KEYS),
  ...Object.keys(SETTINGS_KEYS),
  'mode',
  'storage',
  'p.instance',
];

/** A share link: hostile values under any key, decoded, then the form and the settings it gives. */
const linkCase = fc
  .tuple(fc.nat(), fc.array(fc.tuple(fc.nat(), hostile), { minLength: 1, maxLength: 4 }))
  .map(([p, pairs]): Case => {
    const provider = PROVIDERS[p % PROVIDERS.length]!;
    const params = new URLSearchParams([['v', '1']]);
    for (const [k, value] of pairs) params.append(LINK_KEYS[k % LINK_KEYS.length]!, value);
    const decoded = decodeShare(provider, `#${params.toString()}`);
    const spec = specFromForm(provider, decoded.form);
    const settings = {
      defaultApproval: '',
      toolApprovals: '',
      credentialsStore: '',
      callbackPort: '',
      ...decoded.settings,
    };
    const c: Case = { surface: 'link', commands: [], envs: [], texts: [] };
    const oauth = spec.transport === 'http' && spec.auth === 'oauth';
    collect(
      c,
      withSettings(generate(spec), settings, { oauth, scope: spec.scope, platform: 'unix' }),
      spec.envVarLines,
    );
    return c;
  });

/** A server.json: hostile names, identifiers, hints, arguments, variables, defaults and headers. */
const serverJsonCase = fc
  .record({
    kind: fc.constantFrom('npm', 'pypi', 'oci', 'remote'),
    name: fc.oneof(fc.constant('io.github.acme/official'), hostile),
    identifier: fc.oneof(fc.constant('@acme/official'), hostile),
    hint: fc.option(hostile, { nil: undefined }),
    arg: fc.option(hostile, { nil: undefined }),
    named: fc.option(hostile, { nil: undefined }),
    varName: fc.oneof(fc.constant('API_KEY'), hostile),
    varDefault: fc.option(hostile, { nil: undefined }),
    secret: fc.boolean(),
    path: fc.oneof(fc.constant('mcp'), hostile),
    header: fc.oneof(fc.constant('X-Api-Key'), hostile),
    headerValue: fc.option(hostile, { nil: undefined }),
  })
  .map((r): Case => {
    const variable = {
      name: r.varName,
      default: r.varDefault,
      isSecret: r.secret,
      isRequired: true,
    };
    const json =
      r.kind === 'remote'
        ? {
            name: r.name,
            version: '1.0.0',
            remotes: [
              {
                type: 'streamable-http',
                url: `https://mcp.example.com/${r.path}`,
                headers: [{ name: r.header, value: r.headerValue, isSecret: r.secret }],
              },
            ],
          }
        : {
            name: r.name,
            version: '1.0.0',
            packages: [
              {
                registryType: r.kind,
                identifier: r.identifier,
                version: '1.0.0',
                runtimeHint: r.hint,
                transport: { type: 'stdio' },
                packageArguments: [
                  ...(r.arg !== undefined ? [{ type: 'positional', value: r.arg }] : []),
                  ...(r.named !== undefined
                    ? [{ type: 'named', name: '--mode', value: r.named }]
                    : []),
                ],
                environmentVariables: [variable],
              },
            ],
          };
    const c: Case = { surface: 'server.json', commands: [], envs: [], texts: [] };
    const report = readServerJson(custom, JSON.stringify(json));
    for (const choice of report.choices) {
      if (!choice.conversion) continue;
      // The import's own "Variables for your shell" block, built straight from the conversion.
      const exported = envLines(choice.conversion.exports);
      if (exported) {
        c.texts.push(exported.posix, exported.fish, exported.powershell);
        c.envs.push({ lines: exported, intent: intentOf(choice.conversion.exports) });
      }
      const spec = specFromForm(custom, choice.conversion.form);
      collect(c, generate(spec), spec.envVarLines);
    }
    return c;
  });

/** The doctor: a config.toml or another client's JSON holding hostile values, and its corrected blocks. */
const doctorCase = fc
  .record({
    json: fc.boolean(),
    name: fc.oneof(fc.constant('docs'), hostile),
    command: fc.oneof(fc.constant('npx'), hostile),
    args: fc.array(hostile, { maxLength: 3 }),
    envKey: fc.oneof(fc.constant('API_KEY'), hostile),
    envValue: hostile,
    cwd: fc.option(hostile, { nil: undefined }),
    remote: fc.boolean(),
    url: fc.oneof(fc.constant('https://mcp.example.com/mcp'), hostile),
    bearer: fc.option(hostile, { nil: undefined }),
    header: fc.oneof(fc.constant('Authorization'), hostile),
    headerValue: hostile,
  })
  .map((r): Case => {
    const entry: Record<string, unknown> = r.remote
      ? {
          url: r.url,
          ...(r.bearer !== undefined && { bearer_token_env_var: r.bearer }),
          http_headers: { [r.header]: r.headerValue },
        }
      : {
          command: r.command,
          args: r.args,
          env: { [r.envKey]: r.envValue },
          ...(r.cwd !== undefined && { cwd: r.cwd }),
        };
    const report = r.json
      ? convertMcpServersJson(
          JSON.stringify({
            mcpServers: {
              [r.name]: r.remote
                ? { url: r.url, headers: { [r.header]: r.headerValue } }
                : { command: r.command, args: r.args, env: { [r.envKey]: r.envValue } },
            },
          }),
        )
      : diagnoseConfig(stringify({ mcp_servers: { [r.name]: entry } }));
    const c: Case = { surface: 'doctor', commands: [], envs: [], texts: [] };
    for (const s of report.servers) {
      if (!s.corrected) continue;
      c.texts.push(s.corrected.toml);
      if (s.corrected.env) {
        c.texts.push(s.corrected.env.posix, s.corrected.env.fish, s.corrected.env.powershell);
        c.envs.push({ lines: s.corrected.env, intent: intentFromBlock(s.corrected.env) });
      }
    }
    return c;
  });

/** The settings: one or two hostile fields (approval mode, per-tool lines, credential store, port) around a valid server. */
const SETTINGS_FIELDS: (keyof SettingsForm)[] = [
  'defaultApproval',
  'toolApprovals',
  'credentialsStore',
  'callbackPort',
];
const settingsCase = fc
  .tuple(
    fc.nat(),
    fc.array(fc.tuple(fc.nat(), hostile), { minLength: 1, maxLength: 2 }),
    fc.constantFrom<'unix' | 'windows'>('unix', 'windows'),
  )
  .map(([p, edits, platform]): Case => {
    const provider = PROVIDERS[p % PROVIDERS.length]!;
    const spec = specFromForm(provider, { ...defaultForm(provider), secret: 'tok' });
    const settings: SettingsForm = {
      defaultApproval: 'approve',
      toolApprovals: 'search = approve',
      credentialsStore: '',
      callbackPort: '',
    };
    for (const [f, value] of edits) settings[SETTINGS_FIELDS[f % SETTINGS_FIELDS.length]!] = value;
    const c: Case = { surface: 'settings', commands: [], envs: [], texts: [] };
    const oauth = spec.transport === 'http' && spec.auth === 'oauth';
    collect(
      c,
      withSettings(generate(spec), settings, { oauth, scope: spec.scope, platform }),
      spec.envVarLines,
    );
    return c;
  });

// --- Running the blocks in the real shells --------------------------------------------------

type Family = 'posix' | 'fish' | 'powershell';
const SHELLS: [ShellName, Family][] = [
  ['bash', 'posix'],
  ['dash', 'posix'],
  ['zsh', 'posix'],
  ['fish', 'fish'],
  ['pwsh', 'powershell'],
];
// Variables the recorder itself needs: a block that sets one is checked as text only.
const HARNESS_VARS = new Set([
  'PATH',
  'HOME',
  'W_OUT',
  'LC_ALL',
  'DOTNET_ROOT',
  'IFS',
  'PWD',
  'ENV',
]);

const unset: Record<Family, (names: string[]) => string> = {
  posix: (n) => `unset ${n.join(' ')}`,
  fish: (n) => `set -e ${n.join(' ')}; true`,
  powershell: (n) =>
    `Remove-Item -ErrorAction SilentlyContinue -Path ${n.map((x) => `Env:${x}`).join(', ')}`,
};

// Reads the variables back in one record; `<unset>` for a variable that is not set.
const read: Record<Family, (names: string[]) => string> = {
  posix: (n) => `__w ${n.map((x) => `"\${${x}-<unset>}"`).join(' ')}`,
  fish: (n) =>
    [
      ...n.map((x, i) => `if set -q ${x}; set __v${i} "$${x}"; else; set __v${i} '<unset>'; end`),
      `__w ${n.map((_, i) => `$__v${i}`).join(' ')}`,
    ].join('\n'),
  powershell: (n) =>
    [
      `[void]$o.Append("${n.length}\`0")`,
      ...n.map(
        (x) =>
          `$v = [Environment]::GetEnvironmentVariable('${x}'); [void]$o.Append($(if ($null -eq $v) { '<unset>' } else { $v })).Append("\`0")`,
      ),
    ].join('\n'),
};

/** The script for one shell, and the record each recorder call must write. */
function scriptFor(
  family: Family,
  cases: readonly Case[],
): { lines: string[]; expected: string[][] } {
  const lines: string[] = [];
  const expected: string[][] = [];
  const pwshExpected: string[][] = [];
  // Commands: a native call costs ~10 ms in pwsh, so 25 commands share one line there (quoting is per
  // word, so the line is the command line of their concatenated words); one per line elsewhere.
  const commands = cases.flatMap((c) => c.commands);
  const per = family === 'powershell' ? 25 : 1;
  for (let i = 0; i < commands.length; i += per) {
    const group = commands.slice(i, i + per);
    lines.push(`__w ${group.map((b) => b[family]).join(' ')}`);
    expected.push(group.flatMap((b) => b.argv));
  }
  // Variables: each block runs from a clean slate, then the shell reports each variable's value. A
  // child process (`__env`, a native program) costs a process start, so it checks every 20th block;
  // the others are read in the shell (pwsh: its process environment, which every child inherits).
  const blocks = cases
    .flatMap((c) => c.envs)
    .filter((b) => b.intent.size > 0 && ![...b.intent.keys()].some((n) => HARNESS_VARS.has(n)));
  // pwsh's in-shell reads go to a buffer written at the end, after the records native programs write.
  const buffered = family === 'powershell' ? pwshExpected : expected;
  if (family === 'powershell') lines.push('$o = [Text.StringBuilder]::new()');
  blocks.forEach((block, i) => {
    const names = [...block.intent.keys()];
    const want = [...block.intent.values()].map((v) => v ?? '*');
    lines.push(unset[family](names), block.lines[family], read[family](names));
    buffered.push(want);
    if (i % 20 === 0) {
      lines.push(`__env ${names.join(' ')}`);
      expected.push(want);
    }
  });
  if (family === 'powershell') lines.push('[IO.File]::AppendAllText($env:W_OUT, $o.ToString())');
  expected.push(...pwshExpected);
  return { lines, expected };
}

describe('every surface → every copied shell block → the real shells', () => {
  const seed = propertySeed();
  const surfaces: [string, fc.Arbitrary<Case>][] = [
    ['form', formCase],
    ['link', linkCase],
    ['server.json', serverJsonCase],
    ['doctor', doctorCase],
    ['settings', settingsCase],
  ];
  const started = performance.now();
  const cases = surfaces.flatMap(([, arb], i) =>
    fc.sample(arb, { seed: seed + i, numRuns: PER_SURFACE }),
  );
  const generatedMs = performance.now() - started;
  const stats = (surface: string) => {
    const of = cases.filter((c) => c.surface === surface);
    return `${surface}: ${of.length} cases, ${of.filter((c) => c.commands.length + c.envs.length > 0).length} with shell blocks, ${of.reduce((n, c) => n + c.commands.length, 0)} commands, ${of.reduce((n, c) => n + c.envs.length, 0)} variable blocks`;
  };

  afterAll(() => {
    rmSync(CANARY, { force: true });
    console.info(
      `cross-surface: seed ${seed}; ${cases.length} cases generated in ${Math.round(generatedMs)} ms, ${Math.round(performance.now() - started)} ms in all\n  ${surfaces.map(([s]) => stats(s)).join('\n  ')}`,
    );
  });

  it('has at least 10,000 cases, and every surface gives copyable blocks for many of them', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10_000);
    for (const [surface] of surfaces) {
      const withBlocks = cases.filter(
        (c) => c.surface === surface && c.commands.length + c.envs.length > 0,
      );
      // Settings fields are choices and a port: most hostile values are refused there, as they should be.
      expect(withBlocks.length, stats(surface)).toBeGreaterThan(PER_SURFACE / 20);
    }
  });

  it('no output text holds a refused character', () => {
    for (const c of cases)
      for (const text of c.texts) {
        const bad = unsafeChar(text, { allowNewline: true });
        expect(bad, `${c.surface}: ${JSON.stringify(text)}`).toBeUndefined();
      }
  });

  for (const [shell, family] of SHELLS) {
    it.skipIf(!available(shell, 'the cross-surface property test'))(
      `${shell}: nothing runs, and the argv and environment received are what the page intends`,
      () => {
        const { lines, expected } = scriptFor(family, cases);
        const got = runScript(shell, lines);
        expect(existsSync(CANARY), `${shell} ran a command from a value`).toBe(false);
        expect(got.length).toBe(expected.length);
        got.forEach((record, i) => {
          const want = expected[i]!;
          const same =
            record.length === want.length &&
            record.every((v, j) => want[j] === '*' || v === want[j]);
          if (!same)
            throw new Error(
              `${shell}, record ${i}: received ${JSON.stringify(record)}, intended ${JSON.stringify(want)}`,
            );
        });
      },
      300_000,
    );
  }

  it.skipIf(!available('bash', 'the canary negative control'))(
    'negative control: the canary does catch a command that runs',
    () => {
      runScript('bash', [`__w $(touch ${CANARY})`]);
      expect(existsSync(CANARY)).toBe(true);
      rmSync(CANARY);
    },
  );
});
