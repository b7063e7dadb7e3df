/**
 * server.json, on real registry files (issue 22): launchers by registry type, `go`, bare-string
 * variables, credential-named variables as secrets, required docker values as fields, to-do wording.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/lib/generator/generate.ts';
import { providerSchema } from '../../../src/lib/input/provider-schema.ts';
import { specFromForm } from '../../../src/lib/input/provider.ts';
import {
  checkInputs,
  convertChoice,
  inputsOf,
  listChoices,
  parseServerJson,
  readServerJson,
} from '../../../src/lib/server-json/index.ts';
import type { ServerJson } from '../../../src/lib/server-json/types.ts';

const custom = providerSchema.parse(
  JSON.parse(readFileSync('content/providers/custom.json', 'utf8')),
);
const S = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';
const serverOf = (p: object): ServerJson =>
  parseServerJson(
    JSON.stringify({
      $schema: S,
      name: 'io.github.acme/weather',
      version: '1.0.6',
      packages: [{ transport: { type: 'stdio' }, version: '1.0.6', ...p }],
    }),
  ).server!;
const convert = (p: object, values = {}) => {
  const c = convertChoice(custom, serverOf(p), 'package:0', values);
  expect(c).not.toBeNull();
  const g = generate(specFromForm(custom, c!.form));
  expect(g.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { c: c!, entry: g.outputs!.entry as unknown as Record<string, unknown> };
};

describe('launchers by registry type', () => {
  it.each([
    ['npm', 'npx'],
    ['pypi', 'uvx'],
    ['nuget', 'dnx'],
    ['oci', 'docker'],
    ['go', 'go'],
  ])('%s starts with %s', (registryType, command) => {
    expect(convert({ registryType, identifier: 'example.com/acme/weather' }).entry['command']).toBe(
      command,
    );
  });

  it.each(['python', 'python3', 'python3.12'])(
    'runtimeHint %s cannot run a PyPI requirement: uvx runs it, and the note says why',
    (runtimeHint) => {
      const { c, entry } = convert({
        registryType: 'pypi',
        identifier: 'time-mcp-pypi',
        runtimeHint,
      });
      expect(entry).toMatchObject({ command: 'uvx', args: ['time-mcp-pypi==1.0.6'] });
      expect(c.notes.join(' ')).toContain(
        `runtimeHint "${runtimeHint}" cannot start a PyPI package`,
      );
      expect(c.warnings).toEqual([]);
    },
  );

  it('a drop-in alternative is honoured with a note: bunx for npm, podman for images', () => {
    const bun = convert({ registryType: 'npm', identifier: 'weather', runtimeHint: 'bunx' });
    expect(bun.entry).toMatchObject({ command: 'bunx', args: ['weather@1.0.6'] });
    expect(bun.c.notes.join(' ')).toMatch(/runtimeHint "bunx" is used instead of npx/);
    const pod = convert({
      registryType: 'oci',
      identifier: 'ghcr.io/acme/weather',
      runtimeHint: 'podman',
      environmentVariables: [{ name: 'UNITS', default: 'metric' }],
    });
    expect(pod.entry).toMatchObject({
      command: 'podman',
      args: ['run', '-i', '--rm', '-e', 'UNITS', 'ghcr.io/acme/weather:1.0.6'],
      env_vars: ['UNITS'],
    });
  });

  it('a launcher of another type is not honoured: uvx for an npm package is said, and npx runs it', () => {
    const { c, entry } = convert({
      registryType: 'npm',
      identifier: 'weather',
      runtimeHint: 'uvx',
    });
    expect(entry['command']).toBe('npx');
    expect(c.warnings[0]!.message).toMatch(/runtimeHint "uvx" is not a launcher for npm packages/);
  });
});

describe('go packages', () => {
  it('get an entry: go run module@vVERSION, package arguments after it', () => {
    const { c, entry } = convert({
      registryType: 'go',
      identifier: 'github.com/forgepoint-labs/gh-tools-mcp/cmd/gh-tools-mcp',
      version: '0.1.0',
      packageArguments: [{ type: 'named', name: '--read-only', value: 'true', format: 'boolean' }],
    });
    expect(entry).toMatchObject({
      command: 'go',
      args: [
        'run',
        'github.com/forgepoint-labs/gh-tools-mcp/cmd/gh-tools-mcp@v0.1.0',
        '--read-only',
      ],
      startup_timeout_sec: 60,
    });
    expect(c.notes.join(' ')).toMatch(/0\.1\.0 is run as v0\.1\.0/);
    expect(c.warnings).toEqual([]);
  });

  it('the older snake_case file from the wild converts the same way; no version is said to be @latest', () => {
    const s = parseServerJson(
      JSON.stringify({
        name: 'io.github.forgepoint-labs/gh-tools',
        version: '0.1.0',
        packages: [
          {
            registry_type: 'go',
            identifier: 'github.com/forgepoint-labs/gh-tools-mcp/cmd/gh-tools-mcp',
            version: 'v0.1.0',
            transport: { type: 'stdio' },
          },
        ],
      }),
    ).server!;
    expect(listChoices(s)[0]!.supported).toBe(true);
    expect(convertChoice(custom, s, 'package:0')!.runs).toBe(
      'go run github.com/forgepoint-labs/gh-tools-mcp/cmd/gh-tools-mcp@v0.1.0',
    );
    const latest = convert({ registryType: 'go', identifier: 'example.com/x', version: '' });
    expect(latest.entry['args']).toEqual(['run', 'example.com/x@latest']);
    expect(latest.c.warnings.map((w) => w.flag)).toEqual(['@latest']);
  });
});

describe('variables', () => {
  it('an older file listing bare names keeps every one, the credential as a secret (jellyfin-mcp.json)', () => {
    const report = readServerJson(
      custom,
      readFileSync('tests/fixtures/server-json/jellyfin-mcp.json', 'utf8'),
    );
    const c = report.choices[0]!.conversion!;
    expect(report.choices[0]!.generated!.outputs!.entry).toMatchObject({
      command: 'dnx',
      args: ['JellyfinMCP@0.1.0-beta'],
      env_vars: ['JELLYFIN_URL', 'JELLYFIN_API_KEY', 'JELLYFIN_USER_ID'],
    });
    expect(c.exports.map((e) => [e.name, e.secret, e.required])).toEqual([
      ['JELLYFIN_URL', false, true],
      ['JELLYFIN_API_KEY', true, true],
      ['JELLYFIN_USER_ID', false, true],
    ]);
    expect(c.todo).toContain('Export JELLYFIN_API_KEY in the shell that starts Codex.');
  });

  it('a variable named like a credential but not flagged isSecret is a secret, not an optional one dropped', () => {
    const s = serverOf({
      registryType: 'npm',
      identifier: 'weather',
      environmentVariables: [
        { name: 'WEATHER_API_KEY', description: 'Your API key' },
        { name: 'DB_PASSWORD', default: '<your-password>' },
        { name: 'UNITS', description: 'Units' },
        { name: 'TOKEN_FILE_MODE', default: '0600' },
      ],
    });
    const c = convertChoice(custom, s, 'package:0')!;
    expect(c.form.envVars).toBe('WEATHER_API_KEY, DB_PASSWORD, TOKEN_FILE_MODE');
    expect(c.exports.map((e) => [e.name, e.secret, e.value])).toEqual([
      ['WEATHER_API_KEY', true, ''],
      ['DB_PASSWORD', true, ''],
      ['TOKEN_FILE_MODE', false, '0600'],
    ]);
    // Secrets are never asked for on the page.
    expect(inputsOf(s, 'package:0').find((i) => i.id === 'env.WEATHER_API_KEY')!.secret).toBe(true);
    expect(
      parseServerJson(
        JSON.stringify({
          name: 'a/b',
          packages: [
            {
              registryType: 'npm',
              identifier: 'x',
              environmentVariables: [{ name: 'WEATHER_API_KEY' }],
            },
          ],
        }),
      ).diagnostics.map((d) => d.path),
    ).toContain('$.packages[0].environmentVariables[0].isSecret');
  });

  it('a required docker variable whose value has no default becomes a field and a to-do, never dropped', () => {
    const p = {
      registryType: 'oci',
      identifier: 'acme/weather',
      runtimeArguments: [
        {
          type: 'named',
          name: '-e',
          value: 'TENANT={tenant}',
          variables: { tenant: { isRequired: true, description: 'Your tenant identifier' } },
        },
        { type: 'named', name: '-e', value: 'SERVICE_TOKEN=<your-token>' },
      ],
    };
    const s = serverOf(p);
    const inputs = inputsOf(s, 'package:0');
    expect(checkInputs(inputs, {}).get('arg.r0.tenant')).toBe(
      'Argument -e: {tenant} is required: Your tenant identifier.',
    );
    const { c, entry } = convert(p);
    expect(entry).toMatchObject({
      args: ['run', '-i', '--rm', '-e', 'TENANT', '-e', 'SERVICE_TOKEN', 'acme/weather:1.0.6'],
      env_vars: ['TENANT', 'SERVICE_TOKEN'],
    });
    expect(c.exports.map((e) => [e.name, e.value, e.secret, e.required])).toEqual([
      ['TENANT', '', false, true],
      ['SERVICE_TOKEN', '', true, true],
    ]);
    expect(c.todo).toContain('Set TENANT in the shell that starts Codex: Your tenant identifier.');
    const typed = convert(p, { 'arg.r0.tenant': 'globex' }).c;
    expect(typed.exports[0]).toMatchObject({ name: 'TENANT', value: 'globex' });
  });

  it('to-dos never say "your Your": URL parts, arguments and headers', () => {
    const s = parseServerJson(
      JSON.stringify({
        name: 'a/b',
        remotes: [
          {
            type: 'streamable-http',
            url: 'https://{tenant}.example.com/{secret}/mcp',
            variables: {
              tenant: { description: 'Your tenant identifier', isRequired: true },
              secret: { description: 'The path secret', isSecret: true },
            },
          },
        ],
        packages: [
          {
            registryType: 'npm',
            identifier: 'x',
            transport: { type: 'stdio' },
            packageArguments: [
              { type: 'named', name: '--org', isRequired: true, description: 'Your organisation' },
            ],
          },
        ],
      }),
    ).server!;
    const remote = convertChoice(custom, s, 'remote:0')!.todo;
    const pkg = convertChoice(custom, s, 'package:0')!.todo;
    expect(remote).toContain('Replace {tenant} in the Server URL with your tenant identifier.');
    expect(remote.join(' ')).toContain('Replace {secret} in the Server URL with the path secret.');
    expect(pkg).toContain(
      'Argument --org is required: replace {org} in Arguments with your organisation.',
    );
    expect([...remote, ...pkg].join(' ')).not.toMatch(/\b(your|the) (your|the)\b/i);
  });
});
