/**
 * The nuget route run for real: a .NET tool is packed into a local feed (offline, `unshare -n`),
 * a server.json names that feed as its registryBaseUrl, and the exact command the import generates
 * (`dnx --source FEED Tool@VERSION -- ARGS`) is started by the real `dnx` of the .NET 10 SDK with no
 * network. The tool prints what it received: the package arguments after "--", word for word, and
 * nothing from any other feed. Skipped when the SDK or `unshare -n` is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStdio } from '../../../src/lib/generator/model.ts';
import { providerSchema } from '../../../src/lib/input/provider-schema.ts';
import { readServerJson } from '../../../src/lib/server-json/index.ts';
import { runtimeSkip } from './harness.ts';

const DOTNET_ROOT = '/usr/share/dotnet';
const noDnx = existsSync(join(DOTNET_ROOT, 'dnx'))
  ? null
  : `nuget route skipped: no ${DOTNET_ROOT}/dnx`;
// runtimeSkip logs its own reason; the missing SDK is logged here.
const skip = runtimeSkip() ?? noDnx;
if (skip !== null && skip === noDnx) console.log(skip);

const custom = providerSchema.parse(
  JSON.parse(readFileSync('content/providers/custom.json', 'utf8')),
);
const work = mkdtempSync(join(tmpdir(), 'sj-nuget-'));
const feed = join(work, 'feed');
// Every dotnet and NuGet cache in the throwaway folder: nothing from the machine's own caches.
const env = {
  PATH: `${DOTNET_ROOT}:/usr/bin:/bin`,
  HOME: work,
  DOTNET_CLI_HOME: join(work, 'home'),
  NUGET_PACKAGES: join(work, 'packages'),
  DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  DOTNET_NOLOGO: '1',
  DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1',
};

/** Runs argv with no network; returns status and output. */
function offline(argv: string[], cwd: string, timeout: number) {
  const r = spawnSync('unshare', ['-n', ...argv], { cwd, env, encoding: 'utf8', timeout });
  return { status: r.status, stdout: r.stdout ?? '', output: `${r.stdout}${r.stderr}` };
}

beforeAll(() => {
  if (skip) return;
  const project = join(work, 'tool');
  mkdirSync(project, { recursive: true });
  writeFileSync(
    join(project, 'RouteCheck.csproj'),
    `<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><PackAsTool>true</PackAsTool><ToolCommandName>route-check</ToolCommandName><PackageId>Sj.RouteCheck</PackageId><Version>0.1.0</Version><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>`,
  );
  // Each argument on its own line between markers, so spaces and quotes are seen exactly.
  writeFileSync(
    join(project, 'Program.cs'),
    'Console.WriteLine("<<"); foreach (var a in args) Console.WriteLine(a); Console.WriteLine(">>");',
  );
  const packed = offline(['dotnet', 'pack', '-o', feed], project, 280_000);
  expect(packed.status, packed.output).toBe(0);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(skip !== null)('the nuget route, run by the real dnx with no network', () => {
  it('the generated command starts the tool from the feed registryBaseUrl names, with the package arguments after "--"', () => {
    const file = JSON.stringify({
      $schema: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json',
      name: 'io.github.acme/route-check',
      version: '0.1.0',
      packages: [
        {
          registryType: 'nuget',
          registryBaseUrl: pathToFileURL(feed).href,
          identifier: 'Sj.RouteCheck',
          version: '0.1.0',
          transport: { type: 'stdio' },
          packageArguments: [
            { type: 'positional', value: 'mcp' },
            { type: 'named', name: '--label', value: "it's a test" },
          ],
        },
      ],
    });
    const report = readServerJson(custom, file);
    const entry = report.choices[0]!.generated!.outputs!.entry;
    if (!isStdio(entry)) throw new Error('a stdio entry was expected');
    expect(entry.command).toBe('dnx');
    expect(entry.args).toEqual([
      '--source',
      pathToFileURL(feed).href,
      'Sj.RouteCheck@0.1.0',
      '--',
      'mcp',
      '--label',
      "it's a test",
    ]);
    // stdin is not a terminal, as under Codex: dnx must not stop to ask.
    const run = offline([entry.command, ...(entry.args ?? [])], work, 120_000);
    expect(run.status, run.output).toBe(0);
    expect(run.stdout.split('<<\n')[1]?.split('>>')[0]).toBe("mcp\n--label\nit's a test\n");
  }, 150_000);
});
