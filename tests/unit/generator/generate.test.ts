import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODEX_VERSION,
  configPath,
  generate,
  loginCommand,
  portableWord,
  verifyCommands,
  type Generated,
} from '../../../src/lib/generator/generate.ts';
import { emptySpec, type ServerSpec } from '../../../src/lib/generator/model.ts';
import { providerSchema } from '../../../src/lib/input/provider-schema.ts';
import { specFromForm } from '../../../src/lib/input/provider.ts';
import { decodeShare } from '../../../src/lib/share/share.ts';
import { fishCommand } from '../../../src/lib/generator/shell/fish.ts';
import { posixCommand } from '../../../src/lib/generator/shell/posix.ts';
import { powershellCommand } from '../../../src/lib/generator/shell/powershell.ts';
import { serverNameArb } from '../_support/arbitraries.ts';
import { available, assertArgvRoundTrip, propertySeed } from '../_support/shells.ts';
import { garbageSpecArb, specCaseArb } from '../_support/specs.ts';

const http = (o: Partial<ServerSpec>): ServerSpec => ({ ...emptySpec(), ...o });
const stdio = (o: Partial<ServerSpec>): ServerSpec => ({
  ...emptySpec(),
  transport: 'stdio',
  ...o,
});

/** Every output of one spec as one readable text, the format of the golden files. */
function renderAll(title: string, g: Generated): string {
  const o = g.outputs;
  if (!o) throw new Error(`${title}: no outputs: ${JSON.stringify(g.diagnostics)}`);
  const block = (s: string | null | undefined) => (s == null ? '(none)' : s.replace(/\n$/, ''));
  const parts = [
    `# ${title}`,
    '',
    '## diagnostics',
    ...(g.diagnostics.length
      ? g.diagnostics.map((d) => `${d.severity} [${d.field}] ${d.message}`)
      : ['(none)']),
    '',
    `## codex mcp add: mode ${o.cli.mode}${o.cli.missing.length ? `; keys the command cannot set: ${o.cli.missing.join(', ')}` : ''}`,
    ...(o.cli.reason ? [`reason: ${o.cli.reason}`] : []),
    '### bash/zsh',
    block(o.cli.posix),
    '### fish',
    block(o.cli.fish),
    '### PowerShell',
    block(o.cli.powershell),
    '',
    `## ${o.configPath}`,
    block(o.toml),
    '',
    '## env: bash/zsh',
    block(o.env?.posix),
    '## env: fish',
    block(o.env?.fish),
    '## env: PowerShell',
    block(o.env?.powershell),
    '',
    '## login',
    block(o.login),
    '',
    '## verify',
    block(o.verify),
    '',
  ];
  return parts.join('\n');
}

/** Representative specs; each golden file was read and checked by hand against the Codex 0.169.0 reference. */
const GOLDEN: [file: string, spec: ServerSpec][] = [
  [
    // HTTP + bearer token variable: a complete one-line command.
    'http-bearer',
    http({
      name: 'github',
      url: 'https://api.githubcopilot.com/mcp/',
      auth: 'bearer',
      bearerTokenEnvVar: 'GITHUB_PAT',
      envVarLines: [{ name: 'GITHUB_PAT', value: '', placeholder: 'ghp_your_token_here' }],
    }),
  ],
  [
    // OAuth with scopes and a pre-registered client id: partial (scopes are TOML-only), login with --scopes.
    'oauth-scopes-client-id',
    http({
      name: 'linear',
      url: 'https://mcp.linear.app/mcp',
      auth: 'oauth',
      scopes: ['read', 'write'],
      oauthClientId: 'lin_client_123',
      oauthResource: 'https://mcp.linear.app',
    }),
  ],
  [
    // Header auth from an env var plus a literal extra header: TOML only (no flag sets headers).
    'header-env',
    http({
      name: 'omni',
      url: 'https://acme.omniapp.co/mcp',
      auth: 'headers',
      httpHeaders: [{ name: 'X-MCP-Model-Id', value: 'model-1' }],
      envHttpHeaders: [{ name: 'Authorization', value: 'OMNI_AUTH' }],
      envVarLines: [{ name: 'OMNI_AUTH', value: '', placeholder: 'Bearer YOUR_API_KEY' }],
    }),
  ],
  [
    // Basic auth whose header variable is derived in the shell from user and secret variables.
    'basic-derived',
    http({
      name: 'jira',
      url: 'https://example.atlassian.net/mcp',
      auth: 'headers',
      envHttpHeaders: [{ name: 'Authorization', value: 'JIRA_AUTH' }],
      envVarLines: [
        { name: 'JIRA_USER', value: 'me@example.com', placeholder: 'you@example.com' },
        { name: 'JIRA_TOKEN', value: '', placeholder: 'your-api-token' },
        {
          name: 'JIRA_AUTH',
          value: '',
          placeholder: '',
          basicAuthFrom: { userVar: 'JIRA_USER', secretVar: 'JIRA_TOKEN' },
        },
      ],
    }),
  ],
  [
    // stdio with args needing quotes, env, env_vars and cwd: command plus two TOML-only keys.
    'stdio-full',
    stdio({
      name: 'fs',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', '/home/me/My Projects', "it's"],
      env: [{ name: 'LOG_LEVEL', value: 'debug $HOME' }],
      envVars: ['GITHUB_TOKEN'],
      cwd: '/home/me',
    }),
  ],
  [
    // Project scope: `codex mcp add` cannot write .codex/config.toml, so TOML only.
    'project-scope',
    http({ name: 'docs', scope: 'project', url: 'https://docs.example.com/mcp' }),
  ],
  [
    // Timeouts, required, tool lists on a local http server: partial, with the list of keys to add.
    'partial-timeouts-tools',
    http({
      name: 'slow',
      url: 'http://localhost:8080/mcp',
      startupTimeoutSec: '60',
      toolTimeoutSec: '2.5',
      required: true,
      enabledTools: ['search', 'fetch'],
      disabledTools: ['delete'],
    }),
  ],
  [
    // A dotted name: quoted TOML key, bare shell word.
    'name-dotted',
    stdio({ name: 'a.b', command: 'uvx', args: ['mcp-server-fetch'] }),
  ],
  [
    // A name with "@", "/" and ":": quoted TOML key; PowerShell quotes nothing here but the words it must.
    'name-scoped',
    http({
      name: 'x@y/z:1',
      url: 'https://mcp.example.com/mcp',
      auth: 'bearer',
      bearerTokenEnvVar: 'XY_TOKEN',
    }),
  ],
];

describe('golden outputs (read and checked by hand against the Codex 0.169.0 reference)', () => {
  it.each(GOLDEN)('%s', async (file, spec) => {
    const g = generate(spec);
    expect(g.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const o = g.outputs!;
    // Every text output is a whole number of lines.
    for (const text of [
      o.cli.posix,
      o.cli.fish,
      o.cli.powershell,
      o.toml,
      o.env?.posix,
      o.env?.fish,
      o.env?.powershell,
      o.login,
      o.verify,
    ]) {
      if (text != null) expect(text).toMatch(/[^\n]\n$/);
    }
    await expect(renderAll(file, g)).toMatchFileSnapshot(`./__golden__/${file}.txt`);
  });
});

describe('small outputs', () => {
  it.each([
    ['user', '~/.codex/config.toml'], // the user file `codex mcp add` writes
    ['project', '.codex/config.toml'], // read only when the project is trusted
  ] as const)('configPath(%s) === %s', (scope, path) => {
    expect(configPath(scope)).toBe(path);
  });

  it.each([
    // No scopes: just the name.
    ['docs', [], 'codex mcp login docs'],
    // Scopes joined by commas into one --scopes value, quoted: a bare a,b is an array in PowerShell.
    ['docs', ['read', 'write'], "codex mcp login docs --scopes 'read,write'"],
    // A leading "@" would splat a variable in PowerShell, so the shared login line quotes it.
    ['@acme/docs', [], "codex mcp login '@acme/docs'"],
    // A scope with characters the shell would interpret makes the value quoted.
    ['docs', ['repo:*'], "codex mcp login docs --scopes 'repo:*'"],
    // Names with "@" "/" ":" "." are bare-safe in POSIX shells.
    ['x@y/z:1', [], 'codex mcp login x@y/z:1'],
  ])('loginCommand(%j, %j)', (name, scopes, first) => {
    expect(loginCommand(name, scopes)).toBe(
      `${first}\n# No browser on this machine (SSH, container)? Add --no-browser and paste the callback URL back.\n`,
    );
  });

  it.each([
    ['docs', 'docs'], // a plain name
    ['a.b', 'a.b'], // dots are bare-safe
    ['x@y/z:1', 'x@y/z:1'], // so are "@", "/" and ":"
    ['@acme/docs', "'@acme/docs'"], // a leading "@" is quoted for PowerShell
  ])('verifyCommands(%j)', (name, rendered) => {
    expect(verifyCommands(name)).toBe(
      `codex mcp list\ncodex mcp get ${rendered} --json\ncodex doctor\n`,
    );
  });

  it('pins the Codex version every output was checked against', () => {
    // The conformance suite and the reference are for this exact release: the pinned devDependency.
    const pkg = JSON.parse(
      readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
    ) as { devDependencies: Record<string, string> };
    expect(CODEX_VERSION).toBe(pkg.devDependencies['@openai/codex']);
  });

  it.each<[string, ServerSpec, boolean]>([
    // OAuth over http: login command shown.
    ['oauth http', http({ name: 'a', url: 'https://x.example/mcp', auth: 'oauth' }), true],
    // Bearer: no login (the token is in a variable).
    [
      'bearer',
      http({ name: 'a', url: 'https://x.example/mcp', auth: 'bearer', bearerTokenEnvVar: 'T' }),
      false,
    ],
    // No auth: no login.
    ['none', http({ name: 'a', url: 'https://x.example/mcp' }), false],
    // stdio: no login (Codex: "OAuth login is only supported for streamable HTTP servers").
    ['stdio', stdio({ name: 'a', command: 'x' }), false],
  ])('login offered for %s: %s', (_label, spec, offered) => {
    expect(generate(spec).outputs!.login !== null).toBe(offered);
  });

  it('is pure: the same spec gives the same result, and the spec is not modified', () => {
    // Two calls, deep-equal results; the input object unchanged.
    const spec = stdio({
      name: 'fs',
      command: 'npx',
      args: ['-y', 'x'],
      env: [{ name: 'A', value: '1' }],
    });
    const copy = structuredClone(spec);
    expect(generate(spec)).toEqual(generate(spec));
    expect(spec).toEqual(copy);
  });

  it('shows no command and no TOML while any error remains', () => {
    // A wrong command is never shown: one bad field hides every output.
    const g = generate(
      http({ name: 'ok', url: 'https://x.example/mcp', startupTimeoutSec: 'soon' }),
    );
    expect(g.outputs).toBeNull();
    expect(g.diagnostics).toEqual([
      expect.objectContaining({ field: 'startupTimeoutSec', severity: 'error' }),
    ]);
  });

  it('trims the name everywhere', () => {
    // Name typed with spaces: the command, TOML and verify lines use the trimmed name.
    const o = generate(http({ name: '  docs ', url: 'https://x.example/mcp' })).outputs!;
    expect(o.name).toBe('docs');
    expect(o.cli.argv![3]).toBe('docs');
    expect(o.toml.startsWith('[mcp_servers.docs]\n')).toBe(true);
  });
});

describe('every shell reads the generated lines back exactly (real bash, zsh, fish, pwsh)', () => {
  const SHELLS = ['bash', 'zsh', 'fish', 'pwsh'] as const;
  const seed = propertySeed();
  // Random valid specs with hostile values in every field.
  const cases = fc.sample(specCaseArb, { seed, numRuns: 1000 });
  const outputs = cases.map((c) => generate(c.spec).outputs).filter((o) => o !== null);
  const argvs = outputs.map((o) => o.cli.argv).filter((a) => a !== null);

  it("each command block is its shell's quoting of cli.argv", () => {
    // So the real-shell round trips below, run on the argv, cover what the page shows.
    expect(argvs.length).toBeGreaterThan(300);
    for (const o of outputs) {
      if (o.cli.argv === null) continue;
      expect([o.cli.posix, o.cli.fish, o.cli.powershell]).toEqual(
        [posixCommand(o.cli.argv), fishCommand(o.cli.argv), powershellCommand(o.cli.argv)].map(
          (l) => l + '\n',
        ),
      );
    }
  });

  for (const shell of SHELLS) {
    it.skipIf(!available(shell, 'the generated-command round trip'))(
      `${shell}: the command block of ${argvs.length} random valid specs hands codex exactly cli.argv`,
      () => {
        const render =
          shell === 'fish' ? fishCommand : shell === 'pwsh' ? powershellCommand : posixCommand;
        assertArgvRoundTrip(
          shell,
          argvs.filter((a) => !a.includes('--%')),
          render,
          shell === 'pwsh' ? 10 : 1,
        );
      },
      300_000,
    );

    it.skipIf(!available(shell, 'the portable login/verify round trip'))(
      `${shell}: the login and verify lines (shared by every shell) read back exactly`,
      () => {
        // Server names Codex accepts and scopes resolve.ts accepts, plus hand-picked awkward ones.
        const names = [
          ...fc.sample(serverNameArb, { seed, numRuns: 2000 }),
          '@acme/docs',
          'x@y/z:1',
          '.',
          '..',
          '-',
          '1e3',
          '%self',
          '~x',
          'a,b',
        ];
        const scopeLists = outputs
          .map((o) => ('scopes' in o.entry ? (o.entry.scopes ?? []) : []))
          .filter((l) => l.length > 0);
        const argvs2 = [
          ...names.map((n) => ['codex', 'mcp', 'get', n, '--json']),
          ...scopeLists.map((l, i) => [
            'codex',
            'mcp',
            'login',
            names[i]!,
            '--scopes',
            l.join(','),
          ]),
          [
            'codex',
            'mcp',
            'login',
            'docs',
            '--scopes',
            'repo:* {a,b} $x `y` ~ %self @z #c'.replace(/ /g, ','),
          ],
        ];
        expect(scopeLists.length).toBeGreaterThan(20);
        const render = (argv: readonly string[]) =>
          argv.map((w) => portableWord(w) ?? 'NOT-PORTABLE').join(' ');
        assertArgvRoundTrip(shell, argvs2, render, shell === 'pwsh' ? 20 : 1);
        // And the functions that print them use exactly that rendering.
        expect(verifyCommands('@acme/docs').split('\n')[1]).toBe(
          render(['codex', 'mcp', 'get', '@acme/docs', '--json']),
        );
        expect(loginCommand('docs', ['a', 'b'])!.split('\n')[0]).toBe(
          render(['codex', 'mcp', 'login', 'docs', '--scopes', 'a,b']),
        );
      },
      300_000,
    );
  }

  it('a word no single quoting serves in every shell is reported as not portable', () => {
    // A quote, a backslash (fish) or a typographic single quote (PowerShell) cannot be single-quoted for all.
    expect([portableWord("a'b"), portableWord('a\\'), portableWord('a\u2019')]).toEqual([
      null,
      null,
      null,
    ]);
    expect(loginCommand('docs', ["it's"])).toBeNull();
  });

  it('a scope of exactly "--%" gives no login line: PowerShell would drop it (found by the cross-surface test)', () => {
    // The shared line was `codex mcp login connectai --scopes '--%'`; pwsh passed `--scopes` alone.
    expect(portableWord('--%')).toBeNull();
    expect(loginCommand('connectai', ['--%'])).toBeNull();
    expect(loginCommand('connectai', ['a', '--%'])).toContain("--scopes 'a,--%'");
  });
});

describe('regression, issue 9 item 2: control characters from a link never reach an output', () => {
  it('ESC[201~, Ctrl-U and CR in an argument: refused next to the field, nothing to copy', () => {
    const custom = providerSchema.parse(
      JSON.parse(readFileSync('content/providers/custom.json', 'utf8')),
    );
    const { form } = decodeShare(
      custom,
      '#v=1&mode=local&args=%1B%5B201~%15touch%20%2Ftmp%2Fpwned%0D',
    );
    const spec = specFromForm(custom, form);
    const g = generate(spec);
    // Whether the link decoder drops the value or the field check refuses it, no output carries it.
    expect(JSON.stringify(g.outputs ?? {})).not.toMatch(/\\u001b|\\u0015|\\r/);
    if (spec.args.some((a) => a.includes('\u001b'))) {
      expect(g.outputs).toBeNull();
      expect(g.diagnostics).toContainEqual(
        expect.objectContaining({
          field: 'args.0',
          message: expect.stringMatching(/^Argument #1 contains U\+001B \(escape\) at position 1/),
        }),
      );
    }
  });
});

describe('property: garbage never throws, and every diagnostic names a field', () => {
  const SPEC_KEYS = new Set(Object.keys(emptySpec()));

  it('10,000 garbage specs', () => {
    // Every string field is random garbage: empty, whitespace, NUL, lone surrogates, "__proto__", controls...
    fc.assert(
      fc.property(garbageSpecArb, (spec) => {
        const g = generate(spec);
        // Plain checks (not expect) inside the loop: this runs for ~150,000 diagnostics.
        const bad = g.diagnostics.filter((d) => {
          if (
            d.field === '' ||
            d.message.trim() === '' ||
            (d.severity !== 'error' && d.severity !== 'warning')
          )
            return true;
          // The field path starts with a real ServerSpec key, and any index points at an existing row.
          const [head, index] = d.field.split('.');
          if (!SPEC_KEYS.has(head!)) return true;
          if (index !== undefined) {
            const list = (spec as unknown as Record<string, unknown>)[head!];
            if (!Array.isArray(list) || !(Number(index) < list.length)) return true;
          }
          return false;
        });
        if (bad.length > 0)
          throw new Error(`diagnostics without a proper field: ${JSON.stringify(bad)}`);
        // Outputs exist exactly when there is no error.
        if ((g.outputs === null) !== g.diagnostics.some((d) => d.severity === 'error'))
          throw new Error('outputs null but no error, or the reverse');
        // Whatever got through contains no NUL anywhere.
        if (g.outputs && JSON.stringify(g.outputs).includes('\\u0000'))
          throw new Error('NUL in outputs');
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);
});
