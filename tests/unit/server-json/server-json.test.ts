/** server.json import: reading every schema version, converting each registry type, secrets, links, garbage. */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/lib/generator/generate.ts';
import { providerSchema } from '../../../src/lib/input/provider-schema.ts';
import { specFromForm, SECRET_FIELDS } from '../../../src/lib/input/provider.ts';
import { decodeShare } from '../../../src/lib/share/share.ts';
import {
  checkInputs,
  convertChoice,
  inputsOf,
  listChoices,
  looksLikeServerJson,
  parseServerJson,
  readServerJson,
  schemaVersionOf,
  serverNameOf,
} from '../../../src/lib/server-json/index.ts';
import { prefillFragment, prefillTodo, readmeSection } from '../../../src/lib/server-json/link.ts';
import type { ServerJson } from '../../../src/lib/server-json/types.ts';

const custom = providerSchema.parse(
  JSON.parse(readFileSync('content/providers/custom.json', 'utf8')),
);
const CORPUS = 'tests/fixtures/server-json';
const corpus = readdirSync(CORPUS).filter((f) => f.endsWith('.json'));
const read = (file: string) => readFileSync(`${CORPUS}/${file}`, 'utf8');

/** Parses a server.json given as an object, failing the test when it does not parse. */
function server(json: object): ServerJson {
  const r = parseServerJson(JSON.stringify(json));
  if (!r.server) throw new Error(JSON.stringify(r.diagnostics));
  return r.server;
}
const S = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';
const pkg = (p: object) =>
  server({
    $schema: S,
    name: 'io.github.acme/weather',
    version: '1.0.0',
    description: 'x',
    packages: [{ transport: { type: 'stdio' }, ...p }],
  });
const entryOf = (s: ServerJson, choice: string, values = {}) => {
  const c = convertChoice(custom, s, choice, values);
  expect(c, choice).not.toBeNull();
  const g = generate(specFromForm(custom, c!.form));
  expect(g.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { entry: g.outputs!.entry as unknown as Record<string, unknown>, conversion: c! };
};

describe('schema versions', () => {
  it.each([
    ['https://static.modelcontextprotocol.io/schemas/2025-07-09/server.schema.json', '2025-07-09'],
    ['https://static.modelcontextprotocol.io/schemas/2025-09-29/server.schema.json', '2025-09-29'],
    ['https://static.modelcontextprotocol.io/schemas/2025-10-17/server.schema.json', '2025-10-17'],
    [S, '2025-12-11'],
    [
      'https://raw.githubusercontent.com/modelcontextprotocol/registry/main/docs/reference/server-json/draft/server.schema.json',
      'draft',
    ],
    ['https://static.modelcontextprotocol.io/schemas/2031-01-01/server.schema.json', 'unknown'],
    ['not a url', 'unknown'],
  ])('%s -> %s', (url, version) => expect(schemaVersionOf(url)).toBe(version));

  it('reads the 2025-07-09 snake_case spelling the same as camelCase, with warnings naming each field', () => {
    const old = parseServerJson(
      JSON.stringify({
        name: 'io.github.a/b',
        version_detail: { version: '0.5.0' },
        packages: [
          {
            registry_type: 'pypi',
            identifier: 'weather-mcp',
            version: '0.5.0',
            runtime_hint: 'uvx',
            environment_variables: [{ name: 'KEY', is_secret: true, is_required: true }],
          },
        ],
      }),
    );
    const now = pkg({
      registryType: 'pypi',
      identifier: 'weather-mcp',
      version: '0.5.0',
      runtimeHint: 'uvx',
      environmentVariables: [{ name: 'KEY', isSecret: true, isRequired: true }],
    });
    expect(old.server!.version).toBe('0.5.0');
    expect(entryOf(old.server!, 'package:0').entry).toEqual(entryOf(now, 'package:0').entry);
    expect(old.diagnostics.map((d) => d.path)).toEqual(
      expect.arrayContaining([
        '$.packages[0].registry_type',
        '$.packages[0].runtime_hint',
        '$.version_detail',
      ]),
    );
  });

  it('warns when a URL template variable is used before 2025-12-11, and a leading variable outside the draft', () => {
    const r = parseServerJson(
      JSON.stringify({
        $schema: 'https://static.modelcontextprotocol.io/schemas/2025-09-29/server.schema.json',
        name: 'a/b',
        remotes: [{ type: 'streamable-http', url: '{base}/mcp' }],
      }),
    );
    expect(
      r.diagnostics.filter((d) => d.path === '$.remotes[0].url').map((d) => d.message),
    ).toEqual([expect.stringContaining('2025-12-11'), expect.stringContaining('draft')]);
    const draft = parseServerJson(
      JSON.stringify({
        $schema:
          'https://raw.githubusercontent.com/modelcontextprotocol/registry/main/docs/reference/server-json/draft/server.schema.json',
        name: 'a/b',
        remotes: [{ type: 'streamable-http', url: '{base}/mcp' }],
      }),
    );
    expect(draft.diagnostics).toEqual([]);
  });
});

describe('packages: one runner per registry type', () => {
  it.each([
    [
      'npm',
      { registryType: 'npm', identifier: '@acme/weather', version: '1.2.3' },
      'npx',
      ['-y', '@acme/weather@1.2.3'],
    ],
    ['npm, no version', { registryType: 'npm', identifier: 'weather' }, 'npx', ['-y', 'weather']],
    [
      'pypi',
      { registryType: 'pypi', identifier: 'weather-mcp', version: '0.5.0' },
      'uvx',
      ['weather-mcp==0.5.0'],
    ],
    [
      'nuget',
      {
        registryType: 'nuget',
        identifier: 'Knapcode.SampleMcpServer',
        version: '0.4.0-beta',
        packageArguments: [
          { type: 'positional', value: 'mcp' },
          { type: 'positional', value: 'start' },
        ],
      },
      'dnx',
      ['Knapcode.SampleMcpServer@0.4.0-beta', '--', 'mcp', 'start'],
    ],
    [
      'oci, version appended',
      { registryType: 'oci', identifier: 'ghcr.io/acme/weather', version: '2.0.0' },
      'docker',
      ['run', '-i', '--rm', 'ghcr.io/acme/weather:2.0.0'],
    ],
    [
      'oci, tag kept',
      { registryType: 'oci', identifier: 'docker.io/acme/weather:1.1.0' },
      'docker',
      ['run', '-i', '--rm', 'docker.io/acme/weather:1.1.0'],
    ],
    [
      'runtimeHint wins',
      { registryType: 'npm', identifier: 'weather', version: '1.0.0', runtimeHint: 'bunx' },
      'bunx',
      ['weather@1.0.0'],
    ],
    [
      'runtime args before the package, package args after',
      {
        registryType: 'pypi',
        identifier: 'w',
        version: '1',
        runtimeArguments: [{ type: 'named', name: '--python', value: '3.12' }],
        packageArguments: [
          { type: 'named', name: '--port', value: '8080' },
          { type: 'positional', valueHint: 'dir', default: '/data' },
        ],
      },
      'uvx',
      ['--python', '3.12', 'w==1', '--port', '8080', '/data'],
    ],
    [
      'boolean flags: true is the bare flag, false is dropped',
      {
        registryType: 'npm',
        identifier: 'w',
        version: '1',
        packageArguments: [
          { type: 'named', name: '--read-only', value: 'true', format: 'boolean' },
          { type: 'named', name: '--debug', value: 'false', format: 'boolean' },
        ],
      },
      'npx',
      ['-y', 'w@1', '--read-only'],
    ],
    [
      'optional argument without value is left out',
      {
        registryType: 'npm',
        identifier: 'w',
        version: '1',
        packageArguments: [
          { type: 'named', name: '--port' },
          { type: 'positional', valueHint: 'config' },
        ],
      },
      'npx',
      ['-y', 'w@1'],
    ],
  ])('%s', (_, p, command, args) => {
    const { entry } = entryOf(pkg(p), 'package:0');
    expect(entry['command']).toBe(command);
    expect(entry['args']).toEqual(args);
  });

  it("fills argument templates from the reader's values, then defaults, and validates choices and formats", () => {
    const s = pkg({
      registryType: 'npm',
      identifier: 'w',
      version: '1',
      packageArguments: [
        { type: 'named', name: '--mode', choices: ['local', 'proxy'], default: 'local' },
        { type: 'named', name: '--port', format: 'number', isRequired: true },
        {
          type: 'named',
          name: '--db',
          value: 'postgres://{host}/app',
          variables: { host: { default: 'localhost' } },
        },
      ],
    });
    expect(entryOf(s, 'package:0', { 'arg.p0': 'proxy', 'arg.p1': '9000' }).entry['args']).toEqual([
      '-y',
      'w@1',
      '--mode',
      'proxy',
      '--port',
      '9000',
      '--db',
      'postgres://localhost/app',
    ]);
    expect(entryOf(s, 'package:0', { 'arg.p2.host': 'db.internal' }).entry['args']).toContain(
      'postgres://db.internal/app',
    );
    const problems = checkInputs(inputsOf(s, 'package:0'), {
      'arg.p0': 'cached',
      'arg.p1': 'eighty',
    });
    expect([...problems.keys()]).toEqual(['arg.p0', 'arg.p1']);
    expect(problems.get('arg.p0')).toMatch(/one of: local, proxy/);
    expect(checkInputs(inputsOf(s, 'package:0'), {}).get('arg.p1')).toMatch(/required/);
  });

  it('a required argument without a value stays a visible {placeholder} and is listed to do', () => {
    const { entry, conversion } = entryOf(
      pkg({
        registryType: 'npm',
        identifier: 'w',
        version: '1',
        packageArguments: [{ type: 'positional', valueHint: 'target_dir', isRequired: true }],
      }),
      'package:0',
    );
    expect(entry['args']).toEqual(['-y', 'w@1', '{target_dir}']);
    expect(conversion.todo.join(' ')).toMatch(/replace \{target_dir\}/);
  });

  it('docker: -e NAME={secret} becomes -e NAME plus a pass-through; env vars get -e NAME too', () => {
    const gh = readServerJson(custom, read('github-mcp-server.json'));
    const c = gh.choices[0]!;
    expect(c.generated!.outputs!.entry).toMatchObject({
      command: 'docker',
      args: [
        'run',
        '-i',
        '--rm',
        '-e',
        'GITHUB_PERSONAL_ACCESS_TOKEN',
        'ghcr.io/github/github-mcp-server:{VERSION}',
      ],
      env_vars: ['GITHUB_PERSONAL_ACCESS_TOKEN'],
    });
    const { entry } = entryOf(
      pkg({
        registryType: 'oci',
        identifier: 'acme/db:3',
        environmentVariables: [
          { name: 'DB_PASSWORD', isSecret: true, isRequired: true },
          { name: 'SSL_MODE', default: 'prefer' },
        ],
      }),
      'package:0',
    );
    expect(entry).toMatchObject({
      args: ['run', '-i', '--rm', '-e', 'DB_PASSWORD', '-e', 'SSL_MODE', 'acme/db:3'],
      env_vars: ['DB_PASSWORD', 'SSL_MODE'],
    });
  });

  it('environment variables: every one is passed through by name; defaults and typed values go to the export lines', () => {
    const s = pkg({
      registryType: 'npm',
      identifier: 'w',
      version: '1',
      environmentVariables: [
        { name: 'API_KEY', isSecret: true, isRequired: true },
        { name: 'UNITS', default: 'celsius' },
        { name: 'REGION', isRequired: true },
        { name: 'DEBUG' },
      ],
    });
    const { entry, conversion } = entryOf(s, 'package:0', { 'env.REGION': 'eu' });
    expect(entry['env_vars']).toEqual(['API_KEY', 'UNITS', 'REGION']);
    expect(entry['env']).toBeUndefined();
    expect(conversion.exports.map((e) => [e.name, e.value, e.secret])).toEqual([
      ['API_KEY', '', true],
      ['UNITS', 'celsius', false],
      ['REGION', 'eu', false],
    ]);
    expect(conversion.notes.join(' ')).toMatch(/DEBUG is optional/);
  });

  it('a package that serves streamable HTTP becomes a remote entry and says how to start it', () => {
    const { entry, conversion } = entryOf(
      server(JSON.parse(read('polymarket-mcp.json'))),
      'package:0',
    );
    expect(entry).toEqual({ url: 'http://localhost:8000/mcp' });
    expect(conversion.todo[0]).toMatch(/Start it first with: uvx 0xchron-polymarket-mcp==0\.1\.0$/);
  });

  it('mcpb and sse packages are explained, not converted', () => {
    const s = server({
      name: 'a/b',
      packages: [
        { registryType: 'mcpb', identifier: 'https://x/y.mcpb', transport: { type: 'stdio' } },
        {
          registryType: 'npm',
          identifier: 'y',
          transport: { type: 'sse', url: 'http://localhost:1/sse' },
        },
      ],
    });
    const choices = listChoices(s);
    expect(choices.map((c) => c.supported)).toEqual([false, false]);
    expect(choices[0]!.why).toMatch(/bundle/);
    expect(choices[1]!.why).toMatch(/SSE/);
    expect(convertChoice(custom, s, 'package:0')).toBeNull();
  });
});

describe('remotes', () => {
  const remote = (r: object) =>
    server({
      $schema: S,
      name: 'io.github.acme/weather',
      version: '2.1.0',
      remotes: [{ type: 'streamable-http', ...r }],
    });

  it('URL template variables: typed value, then default; a missing one stays visible and the generator names the URL', () => {
    const s = remote({
      url: 'https://{tenant}.{region}.example.com/mcp',
      variables: {
        tenant: { description: 'Your tenant', isRequired: true },
        region: { default: 'eu', choices: ['eu', 'us'] },
      },
    });
    expect(entryOf(s, 'remote:0', { 'url.tenant': 'acme' }).entry['url']).toBe(
      'https://acme.eu.example.com/mcp',
    );
    const c = convertChoice(custom, s, 'remote:0')!;
    expect(c.form.params['url']).toBe('https://{tenant}.eu.example.com/mcp');
    // The description already says "Your": the to-do does not say it twice.
    expect(c.todo).toContain('Replace {tenant} in the Server URL with your tenant.');
    expect(c.todo.join(' ')).not.toMatch(/your your/i);
    expect(
      generate(specFromForm(custom, c.form)).diagnostics.some(
        (d) => d.field === 'url' && d.severity === 'error',
      ),
    ).toBe(true);
  });

  it('a required secret Authorization header becomes bearer_token_env_var; other headers are read from variables', () => {
    const s = remote({
      url: 'https://mcp.example.com/mcp',
      headers: [
        {
          name: 'Authorization',
          value: 'Bearer {token}',
          isRequired: true,
          variables: { token: { isSecret: true } },
        },
        { name: 'X-Region', default: 'us-east-1', choices: ['us-east-1', 'eu-west-1'] },
        { name: 'X-Api-Key', isSecret: true },
      ],
    });
    const { entry, conversion } = entryOf(s, 'remote:0', { 'header.X-Region': 'eu-west-1' });
    expect(entry).toEqual({
      url: 'https://mcp.example.com/mcp',
      bearer_token_env_var: 'WEATHER_TOKEN',
      env_http_headers: { 'X-Region': 'WEATHER_X_REGION', 'X-Api-Key': 'WEATHER_X_API_KEY' },
    });
    expect(conversion.exports.map((e) => [e.name, e.value])).toEqual([
      ['WEATHER_X_REGION', 'eu-west-1'],
      ['WEATHER_X_API_KEY', ''],
    ]);
  });

  it('an optional Authorization header is env-sourced, not a bearer token variable', () => {
    const { entry } = entryOf(server(JSON.parse(read('neon.json'))), 'remote:0');
    expect(entry).toEqual({
      url: 'https://mcp.neon.tech/mcp',
      env_http_headers: { Authorization: 'NEON_AUTHORIZATION', 'x-read-only': 'NEON_X_READ_ONLY' },
    });
  });

  it('sse remotes point to the nearest working route', () => {
    const exa = listChoices(server(JSON.parse(read('exa-mcp-server.json'))));
    expect(exa[0]).toMatchObject({ supported: false });
    expect(exa[0]!.why).toMatch(
      /streamable HTTP only.*Use "npm package exa-mcp-server 3\.2\.0" instead/,
    );
    const only = listChoices(
      server({ name: 'a/b', remotes: [{ type: 'sse', url: 'https://x/sse' }] }),
    );
    expect(only[0]!.why).toMatch(/No other remote or package/);
  });
});

describe('secrets never become values', () => {
  const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
  it('a credential typed into a non-secret input is still withheld from the link', () => {
    const s = pkg({
      registryType: 'npm',
      identifier: 'w',
      version: '1',
      packageArguments: [{ type: 'named', name: '--workspace', isRequired: true }],
    });
    const c = convertChoice(custom, s, 'package:0', { 'arg.p0': TOKEN })!;
    expect(c.form.args).toContain(TOKEN);
    const { fragment, withheld } = prefillFragment(custom, s, c);
    expect(fragment).not.toContain('ghp_');
    expect(withheld).toEqual(['Arguments']);
  });

  it('a reader value typed for a secret input is ignored everywhere', () => {
    const s = server({
      $schema: S,
      name: 'a/b',
      version: '1',
      remotes: [
        {
          type: 'streamable-http',
          url: 'https://x.example.com/{key}/mcp',
          variables: { key: { isSecret: true } },
          headers: [{ name: 'X-Key', isSecret: true }],
        },
      ],
      packages: [
        {
          registryType: 'oci',
          identifier: 'a/b:1',
          transport: { type: 'stdio' },
          runtimeArguments: [
            { type: 'named', name: '-e', value: 'T={t}', variables: { t: { isSecret: true } } },
          ],
          environmentVariables: [{ name: 'K', isSecret: true }],
        },
      ],
    });
    const values = { 'url.key': TOKEN, 'header.X-Key': TOKEN, 'arg.r0.t': TOKEN, 'env.K': TOKEN };
    for (const choice of ['remote:0', 'package:0']) {
      const c = convertChoice(custom, s, choice, values)!;
      expect(JSON.stringify(c)).not.toContain(TOKEN);
      expect(inputsOf(s, choice).filter((i) => i.secret).length).toBeGreaterThan(0);
    }
  });

  it('no corpus file puts anything in a secret form field, and its link carries no secret key', () => {
    for (const file of corpus) {
      const r = readServerJson(custom, read(file));
      for (const c of r.choices) {
        if (!c.conversion) continue;
        for (const f of SECRET_FIELDS)
          expect(c.conversion.form[f], `${file} ${c.choice.id} ${f}`).toBe('');
        const { fragment } = prefillFragment(custom, r.server!, c.conversion);
        expect(fragment).not.toMatch(/(^|&)(secret|user|httpheaders|token|key|password|pat)=/);
      }
    }
  });
});

describe('the prefilled link', () => {
  it.each(corpus)(
    '%s: decoding the link gives back exactly the converted form, and names the server',
    (file) => {
      const r = readServerJson(custom, read(file));
      for (const c of r.choices) {
        if (!c.conversion) continue;
        const { fragment, withheld } = prefillFragment(custom, r.server!, c.conversion);
        expect(withheld).toEqual([]);
        const decoded = decodeShare(custom, fragment);
        expect(decoded.notices).toEqual([]);
        expect(decoded.form).toEqual(c.conversion.form);
        // The page reads `from` through decodeShare, as the link's claim.
        expect(decoded.from).toBe(
          r.server!.version ? `${r.server!.name}@${r.server!.version}` : r.server!.name,
        );
      }
    },
  );

  it('the page a link opens lists what the reader must add, from the link alone', () => {
    const remote = readServerJson(custom, read('registry-example-with-remote.json'));
    expect(
      prefillTodo(
        decodeShare(
          custom,
          prefillFragment(custom, remote.server!, remote.choices[0]!.conversion!).fragment,
        ).form,
      ),
    ).toEqual(['Export REMOTE_WEATHER_TOKEN with your token before starting Codex.']);
    const tf = readServerJson(custom, read('terraform-mcp-server.json'));
    expect(
      prefillTodo(
        decodeShare(
          custom,
          prefillFragment(custom, tf.server!, tf.choices[0]!.conversion!).fragment,
        ).form,
      ),
    ).toEqual([
      'Export the variables the server reads before starting Codex: TFE_ADDRESS, TFE_TOKEN, ENABLE_TF_OPERATIONS.',
    ]);
    const s = server({
      name: 'a/b',
      remotes: [
        {
          type: 'streamable-http',
          url: 'https://{tenant}.example.com/mcp',
          variables: { tenant: { isRequired: true } },
          headers: [{ name: 'X-Key', isSecret: true }],
        },
      ],
    });
    expect(prefillTodo(convertChoice(custom, s, 'remote:0')!.form)).toEqual([
      'Replace {tenant} in Server URL.',
      'Export B_X_KEY with the value of the X-Key header.',
    ]);
  });

  it('the README section holds the command, the TOML block, the variables and the verify step', () => {
    const r = readServerJson(custom, read('brave-search-mcp-server.json'));
    const md = readmeSection(
      'https://codex-mcp.example',
      custom,
      r.server!,
      r.choices[0]!.conversion!,
    )!;
    expect(md).toContain(
      '[![Add to Codex](https://codex-mcp.example/badges/add-to-codex.svg)](https://codex-mcp.example/guides/custom/#v=1&mode=local',
    );
    expect(md).toContain('export BRAVE_API_KEY=paste-your-secret');
    expect(md).toContain('[mcp_servers.brave-search-mcp-server]');
    expect(md).toContain('codex mcp get brave-search-mcp-server --json');
  });
});

describe('for the config doctor', () => {
  it('tells a server.json from an mcpServers file', () => {
    expect(looksLikeServerJson(JSON.parse(read('neon.json')))).toBe(true);
    expect(looksLikeServerJson({ $schema: S, name: 'a/b' })).toBe(true);
    expect(looksLikeServerJson({ mcpServers: { a: { command: 'x' } } })).toBe(false);
    expect(looksLikeServerJson([1])).toBe(false);
  });
});

describe('names', () => {
  it.each([
    ['io.github.github/github-mcp-server', 'github-mcp-server'],
    ['com.neon/mcp', 'neon'],
    ['io.github.1lystore/mcp-server', '1lystore'],
    ['rundeck-mcp', 'rundeck-mcp'],
    ['', 'server'],
    ['a/!!!', 'server'],
  ])('%s -> %s', (name, expected) => expect(serverNameOf(name)).toBe(expected));
});

describe('garbage never throws', () => {
  it('any text, any JSON value, and corpus files with random parts replaced', () => {
    const anyJson = fc.jsonValue({ maxDepth: 5 });
    const mutated = fc
      .tuple(
        fc.constantFrom(...corpus),
        fc.array(fc.tuple(fc.string({ maxLength: 20 }), anyJson), { maxLength: 4 }),
      )
      .map(([file, patches]) => {
        const o = JSON.parse(read(file)) as Record<string, unknown>;
        const pkgs = Array.isArray(o['packages'])
          ? (o['packages'] as Record<string, unknown>[])
          : [];
        for (const [k, v] of patches) {
          const target = pkgs[0] ?? o;
          target[
            [
              'registryType',
              'identifier',
              'transport',
              'runtimeArguments',
              'packageArguments',
              'environmentVariables',
              'variables',
              'headers',
              'remotes',
              k,
            ][k.length % 10]!
          ] = v;
        }
        return JSON.stringify(o);
      });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          anyJson.map((v) => JSON.stringify(v)),
          mutated,
        ),
        (text) => {
          const r = readServerJson(custom, text);
          for (const d of r.diagnostics) expect(d.path).toMatch(/^\$/);
          for (const c of r.choices) {
            if (!c.conversion) continue;
            for (const i of inputsOf(r.server!, c.choice.id)) expect(typeof i.id).toBe('string');
            expect(() => prefillFragment(custom, r.server!, c.conversion!)).not.toThrow();
          }
        },
      ),
      { numRuns: 1500, seed: 20_261_202 },
    );
  }, 120_000);

  it('names the JSON path of what is wrong', () => {
    expect(parseServerJson('{"name": "a/b",').diagnostics[0]!.message).toMatch(/not valid JSON/);
    expect(parseServerJson('[1]').diagnostics[0]!.message).toMatch(/JSON object/);
    expect(parseServerJson(read('grabzit-mcp.json')).diagnostics.map((d) => d.path)).toEqual([
      '$.packages[0].registryType',
      '$.packages[0].identifier',
    ]);
    expect(parseServerJson(read('jellyfin-mcp.json')).diagnostics[0]).toMatchObject({
      path: '$.packages[0].environmentVariables[0]',
      severity: 'warning',
      message: expect.stringContaining('bare name'),
    });
    expect(readServerJson(custom, read('registry-example-minimal.json')).reason).toMatch(
      /no remotes and no packages/,
    );
  });
});
