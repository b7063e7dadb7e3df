/**
 * Conformance for server.json import: every real server.json in tests/fixtures/server-json (see
 * SOURCES.md) is converted through the generator core, and the real Codex CLI must load each
 * block and write the same table from the command.
 *
 * The intended tables live in expected-tables.json, read by hand against each source file: runner,
 * argument order, pass-through names, header variables. `checkConformance` then proves the TOML
 * route (`codex mcp get --json` on the block) and the command route (bash + `codex mcp add`, with
 * the keys the command cannot set added as the page says) both give exactly that table.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { providerSchema } from '../../src/lib/input/provider-schema.ts';
import { specFromForm } from '../../src/lib/input/provider.ts';
import { convertChoice, readServerJson } from '../../src/lib/server-json/index.ts';
import { cleanupHomes, codex, freshDir, getJson, writeConfig } from '../support/codex.ts';
import { checkConformance, type CodexServerTable } from '../support/conformance.ts';

const DIR = 'tests/fixtures/server-json';
const custom = providerSchema.parse(
  JSON.parse(readFileSync('content/providers/custom.json', 'utf8')),
);
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== 'expected-tables.json')
  .sort();
type Expected = Record<string, Record<string, { name: string; table: CodexServerTable } | string>>;
const expected = JSON.parse(readFileSync(`${DIR}/expected-tables.json`, 'utf8')) as Expected;
const sources = readFileSync(`${DIR}/SOURCES.md`, 'utf8');
const counts = { files: files.length, blocks: 0, explained: 0, processes: 0 };

afterAll(() => {
  cleanupHomes();
  console.log(
    `server.json corpus: ${counts.files} files, ${counts.blocks} blocks loaded by the real CLI (TOML and command routes), ${counts.explained} choices explained instead, ${counts.processes} codex/bash processes`,
  );
});

describe('the corpus', () => {
  it('has at least 30 real files, each with its source and its hand-read expectations', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const f of files) {
      expect(sources, `${f} is listed in SOURCES.md`).toContain(`| ${f} |`);
      expect(expected[f], `${f} has expectations`).toBeDefined();
    }
  });
});

describe('every converted block loads in the real CLI, and the command writes the same table', () => {
  for (const file of files) {
    it.concurrent(file, async () => {
      const report = readServerJson(custom, readFileSync(`${DIR}/${file}`, 'utf8'));
      const want = expected[file] ?? {};
      expect(
        report.choices.map((c) => c.choice.id),
        'the same choices as read by hand',
      ).toEqual(Object.keys(want));
      for (const c of report.choices) {
        const intended = want[c.choice.id];
        if (typeof intended === 'string') {
          expect(c.conversion, `${c.choice.id} is explained, not converted`).toBeNull();
          expect(intended).toBe(`unsupported: ${c.choice.why}`);
          counts.explained += 1;
          continue;
        }
        expect(c.conversion, `${c.choice.id} converts`).not.toBeNull();
        const spec = specFromForm(custom, c.conversion!.form);
        expect(spec.name.trim()).toBe(intended!.name);
        const result = await checkConformance(spec, intended!.table);
        counts.processes += result.processes;
        counts.blocks += 1;
      }
    });
  }
});

describe('why an sse remote is explained, not converted', () => {
  it('Codex reads every url entry as streamable HTTP: its --url is documented so, and transport/type keys change nothing', async () => {
    const help = await codex(['mcp', 'add', '--help'], freshDir('sse-help'));
    expect(help.stdout).toMatch(/--url <URL>\s+URL for a streamable HTTP MCP server/);
    const home = freshDir('sse-config');
    writeConfig(
      home,
      '[mcp_servers.legacy]\nurl = "http://127.0.0.1:9/sse"\ntransport = "sse"\ntype = "sse"\n',
    );
    const got = (await getJson('legacy', home)) as { transport: { type: string } };
    expect(got.transport.type).toBe('streamable_http');
    counts.processes += 2;
  });
});

/** A one-package server.json for the routes the corpus does not hold yet. */
const routeFile = (pkg: object) =>
  JSON.stringify({
    $schema: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json',
    name: 'io.github.acme/route-check',
    version: '0.1.0',
    packages: [{ transport: { type: 'stdio' }, version: '0.1.0', ...pkg }],
  });

describe('the routes the import adds: the real CLI loads each entry, and the command writes the same table', () => {
  const routes: [string, object, CodexServerTable][] = [
    [
      'go: go run module@vVERSION',
      {
        registryType: 'go',
        identifier: 'github.com/forgepoint-labs/gh-tools-mcp/cmd/gh-tools-mcp',
        environmentVariables: [{ name: 'GITHUB_TOKEN', isSecret: true, isRequired: true }],
      },
      {
        command: 'go',
        args: ['run', 'github.com/forgepoint-labs/gh-tools-mcp/cmd/gh-tools-mcp@v0.1.0'],
        env_vars: ['GITHUB_TOKEN'],
        startup_timeout_sec: 60,
      },
    ],
    [
      'nuget from its own feed: dnx --source URL',
      {
        registryType: 'nuget',
        registryBaseUrl: 'https://nuget.acme.example/v3/index.json',
        identifier: 'Acme.RouteCheck',
        packageArguments: [{ type: 'positional', value: 'mcp' }],
      },
      {
        command: 'dnx',
        args: [
          '--source',
          'https://nuget.acme.example/v3/index.json',
          'Acme.RouteCheck@0.1.0',
          '--',
          'mcp',
        ],
        startup_timeout_sec: 60,
      },
    ],
    [
      'pypi with runtimeHint python: uvx',
      { registryType: 'pypi', identifier: 'time-mcp-pypi', runtimeHint: 'python' },
      { command: 'uvx', args: ['time-mcp-pypi==0.1.0'], startup_timeout_sec: 60 },
    ],
    [
      'an image on ghcr.io named by registryBaseUrl',
      { registryType: 'oci', registryBaseUrl: 'https://ghcr.io', identifier: 'acme/route-check' },
      {
        command: 'docker',
        args: ['run', '-i', '--rm', 'ghcr.io/acme/route-check:0.1.0'],
        startup_timeout_sec: 60,
      },
    ],
    [
      'a ${VERSION} filled in by the reader',
      {
        registryType: 'npm',
        identifier: '@acme/route-check',
        version: '${VERSION}',
        environmentVariables: ['ACME_API_KEY'],
      },
      {
        command: 'npx',
        args: ['-y', '@acme/route-check@0.2.0'],
        env_vars: ['ACME_API_KEY'],
        startup_timeout_sec: 60,
      },
    ],
  ];
  for (const [what, pkg, table] of routes) {
    it.concurrent(what, async () => {
      const report = readServerJson(custom, routeFile(pkg));
      const conversion = convertChoice(custom, report.server!, 'package:0', {
        'pkg.VERSION': '0.2.0',
      });
      expect(conversion, what).not.toBeNull();
      const spec = specFromForm(custom, conversion!.form);
      expect(spec.name.trim()).toBe('route-check');
      const result = await checkConformance(spec, table);
      counts.processes += result.processes;
      counts.blocks += 1;
    });
  }
});
