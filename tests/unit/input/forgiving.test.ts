/**
 * The generator forgives what people paste (issue 12): whole command lines, `Name: value` headers,
 * credentials in fields that are not for secrets, example hosts left in place. Each case goes from
 * the form's state through specFromForm and generate, as the page does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldOf } from '../../../src/lib/input/form.ts';
import { generate } from '../../../src/lib/generator/generate.ts';
import { readHeaderLines } from '../../../src/lib/input/header-input.ts';
import {
  defaultForm,
  presetSpec,
  SECRET_FIELDS,
  specFromForm,
  type FormState,
  type Provider,
} from '../../../src/lib/input/provider.ts';
import { providerSchema } from '../../../src/lib/input/provider-schema.ts';

const DIR = join(import.meta.dirname, '../../../content/providers');
const providers: Provider[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => providerSchema.parse(JSON.parse(readFileSync(join(DIR, f), 'utf8'))));
const byId = (id: string): Provider => providers.find((p) => p.id === id)!;
const custom = byId('custom');

/** Generates for a form, and groups the diagnostics by the form field the page shows them at. */
function run(provider: Provider, form: FormState) {
  const spec = specFromForm(provider, form);
  const g = generate(spec);
  const at = (key: string) => g.diagnostics.filter((d) => fieldOf(d, spec, provider, form) === key);
  return { spec, g, at };
}
const local = (o: Partial<FormState>): FormState => ({ ...defaultForm(custom, 'local'), ...o });
const remote = (o: Partial<FormState>): FormState => ({
  ...defaultForm(custom, 'remote'),
  params: { url: 'https://mcp.acme.dev/mcp' },
  ...o,
});

describe('a whole command line pasted into Command', () => {
  it('is split into command and arguments, shown at the field, and used by the command and the TOML', () => {
    const { g, at } = run(
      custom,
      local({
        command: 'npx -y @modelcontextprotocol/server-filesystem "/home/me/my projects"',
        args: '',
      }),
    );
    expect(at('command')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(
          /^Read as a whole command line: command `npx`, 3 arguments: `-y`, `@modelcontextprotocol\/server-filesystem`, `\/home\/me\/my projects`\./,
        ),
      }),
    ]);
    expect(g.outputs!.cli.argv).toEqual([
      'codex',
      'mcp',
      'add',
      'my-server',
      '--',
      'npx',
      '-y',
      '@modelcontextprotocol/server-filesystem',
      '/home/me/my projects',
    ]);
    expect(g.outputs!.toml).toContain(
      'command = "npx"\nargs = [ "-y", "@modelcontextprotocol/server-filesystem", "/home/me/my projects" ]',
    );
  });

  it('keeps the Arguments field after the split arguments, with notes numbered as the program sees them', () => {
    const { spec, at } = run(
      custom,
      local({ command: 'uvx mcp-server-git', args: '--repository /srv/repo\n-v' }),
    );
    expect(spec.args).toEqual(['mcp-server-git', '--repository /srv/repo', '-v']);
    expect(at('args')).toEqual([
      expect.objectContaining({
        field: 'args.1',
        severity: 'warning',
        message: expect.stringMatching(
          /^Argument #2 holds spaces, so the program receives it as ONE argument/,
        ),
      }),
    ]);
  });

  it('a construct the split cannot honour: one error at Command naming it, no output', () => {
    const { g, at } = run(custom, local({ command: 'npx -y server --key $API_KEY', args: '' }));
    expect(g.outputs).toBeNull();
    expect(at('command')).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringMatching(/holds the shell variable "\$API_KEY"/),
      }),
    ]);
  });

  it('regression: an argument line with spaces was silently one argument', () => {
    const { g, at } = run(custom, local({ args: '-y @modelcontextprotocol/server-everything' }));
    expect(g.outputs!.entry).toMatchObject({
      args: ['-y @modelcontextprotocol/server-everything'],
    });
    expect(at('args')).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /If you meant 2 arguments, put each on its own line \(`-y`, `@modelcontextprotocol\/server-everything`\)/,
        ),
      }),
    ]);
  });
});

describe('headers: Name: value, or a message naming the format', () => {
  // Issue 20: a quoted curl -H option and a JSON line are read as the header they name (were refused).
  it.each([
    ["-H 'X-Api-Key: abc'", /line 1: read a curl -H option as the header X-Api-Key\./],
    ['--header "X-Api-Key: abc"', /line 1: read a curl -H option as the header X-Api-Key\./],
    ['"X-Api-Key": "abc",', /line 1: read a JSON line as the header X-Api-Key\./],
  ])('static %j is read as the header it names, with a note', (line, note) => {
    const { g, at } = run(custom, remote({ httpHeaders: line }));
    expect(g.outputs!.entry).toMatchObject({ http_headers: { 'X-Api-Key': 'abc' } });
    const messages = at('httpHeaders').map((d) => d.message);
    expect(messages).toContainEqual(expect.stringMatching(note));
    // The static field can hold a credential: the note never repeats the value.
    expect(messages.join('\n')).not.toContain('abc');
  });

  it.each([
    ['-H X-Api-Key: abc', /line 1: a curl option \(-H\)/],
    ['X-Api-Key=abc', /line 1: a "Name=value" \(or TOML\) line: use a colon/],
    ['Authorization Bearer abc', /line 1: has no colon/],
  ])('static %j', (line, shape) => {
    const { g, at } = run(custom, remote({ httpHeaders: line }));
    expect(g.outputs).toBeNull();
    const messages = at('httpHeaders').map((d) => d.message);
    expect(messages).toEqual([expect.stringMatching(shape)]);
    expect(messages[0]).toMatch(
      /Write one header per line as Name: value, for example X-Api-Key: abc123\.$/,
    );
    // The static field can hold a credential: the message never repeats the line.
    expect(messages[0]).not.toContain('abc,');
  });

  it('an env-sourced line in another shape says Name: VARIABLE', () => {
    const { at } = run(custom, remote({ envHeaders: 'X-Team TEAM_ID' }));
    expect(at('envHeaders').map((d) => d.message)).toEqual([
      expect.stringMatching(
        /line 1: has no colon.*Name: VARIABLE, for example X-Api-Key: MY_API_KEY/,
      ),
    ]);
  });

  it('reads Name: value lines, keeping colons inside values', () => {
    expect(readHeaderLines('X-A: 1\n\n  Authorization:  Bearer a:b  \n', 'static')).toEqual({
      pairs: [
        { name: 'X-A', value: '1' },
        { name: 'Authorization', value: 'Bearer a:b' },
      ],
      notes: [],
    });
  });

  it('env-sourced headers name their variables in the TOML; their export lines are offered commented out', () => {
    const { g } = run(
      custom,
      remote({
        mode: 'token',
        envVar: 'TOKEN',
        envHeaders: 'X-Api-Key: ACME_KEY\nX-Team: TEAM_ID\nX-Again: ACME_KEY',
      }),
    );
    expect(g.outputs!.toml).toContain(
      '[mcp_servers.my-server.env_http_headers]\nX-Api-Key = "ACME_KEY"\nX-Team = "TEAM_ID"',
    );
    const env = g.outputs!.env!;
    // The bearer variable is live; each header variable once, commented out in every shell, so the
    // block run as shown never sends a placeholder (Codex leaves a header out while it is unset).
    expect(env.posix).toMatch(/^export TOKEN=/m);
    expect(env.posix).toContain(
      '\n# export ACME_KEY=your-x-api-key-value\n# export TEAM_ID=your-x-team-value\n',
    );
    expect(env.posix.match(/ACME_KEY/g)).toHaveLength(1);
    expect(env.fish).toContain("\n# set -gx ACME_KEY 'your-x-api-key-value'\n");
    expect(env.powershell).toContain("\n# $env:ACME_KEY = 'your-x-api-key-value'\n");
    expect(env.powershell).toContain(
      "\n# [Environment]::SetEnvironmentVariable('ACME_KEY', $env:ACME_KEY, 'User')",
    );
    for (const text of [env.posix, env.fish, env.powershell]) {
      expect(text.split('\n').filter((l) => l.includes('ACME_KEY') && !l.startsWith('# '))).toEqual(
        [],
      );
    }
  });
});

describe('example values are placeholders, refused until changed', () => {
  const templated = providers.flatMap((p) =>
    p.authModes
      .filter((m) => m.kind !== 'stdio' && (m.endpoint ?? p.endpoint).params.length > 0)
      .map((m) => [p.id, m.id] as const),
  );

  it('every templated endpoint is covered (Omni, Cinatra, any server)', () => {
    expect(new Set(templated.map(([p]) => p))).toEqual(new Set(['omni', 'cinatra', 'custom']));
  });

  it.each(templated)(
    '%s, %s: the default host is refused at its field until the reader enters one',
    (id, mode) => {
      const provider = byId(id);
      const form = defaultForm(provider, mode);
      const param = Object.keys(form.params)[0]!;
      expect(form.params[param]).toMatch(/YOUR-[A-Z]+/);
      const { g, at } = run(provider, form);
      expect(g.outputs).toBeNull();
      expect(at(`params.${param}`)).toContainEqual(
        expect.objectContaining({
          severity: 'error',
          message: expect.stringMatching(
            /^the placeholder YOUR-[A-Z-]+ is still in it: enter your own/,
          ),
        }),
      );
      const filled = run(provider, {
        ...form,
        params: { [param]: param === 'url' ? 'https://mcp.acme.dev/mcp' : 'acme.omniapp.co' },
      });
      expect(filled.g.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    },
  );

  it.each(providers.map((p) => [p.id, p] as const))(
    '%s: the build-time preset shows its output, a placeholder flagged as a warning',
    (_id, provider) => {
      const g = generate(presetSpec(provider));
      expect(g.outputs).not.toBeNull();
      const flagged = g.diagnostics.filter((d) => /placeholder YOUR-/.test(d.message));
      expect(flagged.every((d) => d.severity === 'warning')).toBe(true);
      if (g.outputs!.toml.includes('YOUR-')) expect(flagged.length).toBe(1);
    },
  );
});

// A GitHub token shape the credential detector knows (credentials.ts), never a real one.
const TOKEN = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';

/** Every text field a mode shows that is not a secret field, with how to set it. */
function nonSecretFields(
  provider: Provider,
  modeId: string,
): [string, (f: FormState) => FormState][] {
  const form = defaultForm(provider, modeId);
  const mode = provider.authModes.find((m) => m.id === modeId)!;
  const secret = new Set<string>(SECRET_FIELDS);
  const keys: (keyof FormState)[] = [
    'name',
    'startupTimeoutSec',
    'toolTimeoutSec',
    'enabledTools',
    'disabledTools',
  ];
  if (mode.kind === 'oauth') keys.push('scopes', 'oauthClientId', 'oauthResource');
  if (mode.kind === 'bearer' || mode.kind === 'header' || mode.kind === 'basic')
    keys.push('envVar');
  if (mode.kind === 'stdio') keys.push('command', 'args', 'envVars', 'cwd');
  if (provider.customHeaders && mode.kind !== 'stdio') keys.push('envHeaders');
  const fields: [string, (f: FormState) => FormState][] = keys
    .filter((k) => !secret.has(k))
    .map((k) => [k, (f) => ({ ...f, [k]: k === 'envHeaders' ? `X-Key: ${TOKEN}` : TOKEN })]);
  for (const p of mode.kind === 'stdio' ? [] : Object.keys(form.params))
    fields.push([
      `params.${p}`,
      (f) => ({
        ...f,
        params: {
          ...f.params,
          [p]: p === 'url' ? `https://mcp.acme.dev/mcp?api_key=${TOKEN}` : `${TOKEN}.acme.dev`,
        },
      }),
    ]);
  for (const h of provider.headers.filter(
    (h) => h.type === 'text' && (!h.modes || h.modes.includes(modeId)),
  )) {
    fields.push([
      `headers.${h.name}`,
      (f) => ({ ...f, headers: { ...f.headers, [h.name]: TOKEN } }),
    ]);
  }
  return fields;
}

describe('a credential in a field that is not for secrets gets a message at that field', () => {
  const cases = providers.flatMap((p) =>
    p.authModes.flatMap((m) =>
      nonSecretFields(p, m.id).map(([field, set]) => [p.id, m.id, field, set] as const),
    ),
  );

  it.each(cases.map(([p, m, field, set]) => [`${p} / ${m} / ${field}`, p, m, field, set] as const))(
    '%s',
    (_title, id, mode, field, set) => {
      const provider = byId(id);
      // Fill any placeholder host, so the only thing wrong is the token.
      const base = defaultForm(provider, mode);
      const filled = {
        ...base,
        params: Object.fromEntries(
          Object.keys(base.params).map((k) => [
            k,
            k === 'url' ? 'https://mcp.acme.dev/mcp' : 'acme.omniapp.co',
          ]),
        ),
      };
      const { at } = run(provider, set(filled));
      const key = field === 'envHeaders' ? 'envHeaders' : field;
      expect(
        at(key)
          .map((d) => d.message)
          .join('\n'),
      ).toMatch(/credential|token/i);
    },
  );

  it("regression (issue 12): a token pasted into Nekt's variable-name field is refused there", () => {
    const nekt = byId('nekt');
    const { g, at } = run(nekt, { ...defaultForm(nekt), envVar: TOKEN });
    expect(g.outputs).toBeNull();
    expect(at('envVar')).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        message: expect.stringMatching(/looks like a token, not a variable name/),
      }),
    );
  });
});
