/**
 * The config doctor on a plugin's own files, against the real CLI (the pinned release, or
 * CODEX_RELEASE). Each file in doctor-corpus/plugin/ is a `.mcp.json` (or a plugin.json) whose `//`
 * header says what Codex does with it once installed as a plugin (`// codex: loads A B`,
 * `// codex: drops C`, `// codex: refuses-install`; `before|since CHANGE` qualifies a line, and
 * qualified lines that hold replace the others) and what the doctor must say
 * (`// expect: ignored|risk SERVER KEY`, `clean`; on the corrected file `bearer SERVER VAR` and
 * `cwd SERVER RELATIVE`). For every file:
 * - installed from a local marketplace, offline, Codex does what the header says;
 * - the doctor's verdict per server (dropped or loaded) is Codex's, for every server;
 * - the corrected files install, every server in them loads, and the doctor finds nothing in them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CHANGES,
  inRange,
  MANIFEST_REFUSAL,
  PLUGIN_INSTALL,
  PLUGIN_PATHS,
} from '../../src/lib/codex/index.ts';
import { diagnosePluginFile, type DoctorReport } from '../../src/lib/doctor/index.ts';
import { cleanupHomes, codex, CODEX_RELEASE, type RunResult } from '../support/codex.ts';
import { tryInstallHandPlugin, type HandPlugin } from '../support/plugins.ts';

const DIR = join(import.meta.dirname, 'doctor-corpus', 'plugin');
afterAll(() => cleanupHomes());

/** The header lines tagged `tag` that hold for the release under test; qualified ones replace the rest. */
function tagged(header: string[], tag: string): string[] {
  const plain: string[] = [];
  const qualified: string[] = [];
  for (const line of header) {
    const m = new RegExp(`^// ${tag}(?: (before|since) (\\w+))?: (.*)$`).exec(line);
    if (!m) continue;
    if (m[1] === undefined) {
      plain.push(m[3] as string);
      continue;
    }
    const change = m[2] as string;
    if (!Object.hasOwn(CHANGES, change)) throw new Error(`unknown change "${change}"`);
    const since = CHANGES[change as keyof typeof CHANGES].since;
    if ((m[1] === 'since') === inRange(CODEX_RELEASE, { from: since }))
      qualified.push(m[3] as string);
  }
  return qualified.length > 0 ? qualified : plain;
}

/** The plugin files `files` (path in the plugin folder → text) as what installHandPlugin writes. */
function asPlugin(files: { path: string; text: string }[]): HandPlugin {
  const manifest = files.find((f) => f.path === PLUGIN_PATHS.manifest);
  const servers = files.find((f) => f.path === PLUGIN_PATHS.servers);
  return {
    ...(manifest && { manifest: JSON.parse(manifest.text) as Record<string, unknown> }),
    ...(servers && { mcpJson: servers.text }),
  };
}

const get = (name: string, home: string): Promise<RunResult> =>
  codex(['mcp', 'get', name, '--json'], home);

const corpus = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe(`codex ${CODEX_RELEASE}: the doctor on a plugin's own files`, () => {
  it('has a corpus with every kind of claim', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of corpus) {
    const all = readFileSync(join(DIR, file), 'utf8');
    const header = all.split('\n').filter((l) => l.startsWith('// '));
    const text = all
      .split('\n')
      .filter((l) => !l.startsWith('// '))
      .join('\n');
    const proves = header.find((l) => l.startsWith('// proves: '))?.slice(11) ?? '';

    it.concurrent(`${file} — ${proves}`, async () => {
      const report: DoctorReport = diagnosePluginFile(text, { release: CODEX_RELEASE });
      expect(report.source).toBe('plugin');
      const claims = tagged(header, 'codex');
      const manifest = file.endsWith('.plugin.json');
      const pasted = asPlugin([
        { path: manifest ? PLUGIN_PATHS.manifest : PLUGIN_PATHS.servers, text },
      ]);
      const { home, installed } = await tryInstallHandPlugin(pasted);
      const refusesInstall = claims.includes('refuses-install');
      // 1. Codex installs it, or refuses it, as the header says; the doctor says the same.
      expect(installed.code !== 0, installed.stderr).toBe(refusesInstall);
      expect(
        report.file.some((f) => f.kind === 'rejected'),
        'the doctor refuses exactly what plugin add refuses',
      ).toBe(refusesInstall);
      if (refusesInstall) expect(installed.stderr).toContain(`Error: ${MANIFEST_REFUSAL}`);
      else {
        // 2. Per server: loaded or dropped, as the header says and as the doctor says.
        for (const claim of claims) {
          const [verb, ...names] = claim.split(' ');
          for (const name of names) {
            const r = await get(name, home);
            expect(r.code === 0, `${verb} ${name}: ${r.stderr}`).toBe(verb === 'loads');
          }
        }
        for (const s of report.servers) {
          const r = await get(s.name, home);
          expect(r.code === 0, `doctor on ${s.name}: ${r.stderr}`).toBe(s.rejected.length === 0);
          if (r.code !== 0) expect(r.stderr).toContain(`No MCP server named '${s.name}' found.`);
        }
      }

      // 3. What the header expects the doctor to say.
      const expects = tagged(header, 'expect');
      if (expects.includes('clean'))
        expect(
          report.servers
            .flatMap((s) => [...s.rejected, ...s.ignored, ...s.risks])
            .map((f) => f.message),
        ).toEqual([]);
      for (const e of expects) {
        const m = /^(ignored|risk) (\S+) (\S+)$/.exec(e);
        if (!m) continue;
        const server = report.servers.find((s) => s.name === m[2]);
        const list = m[1] === 'ignored' ? server?.ignored : server?.risks;
        expect(
          list?.map((f) => f.key.join('.')),
          e,
        ).toContain(m[3]);
      }

      // 4. The corrected files install, every server in them loads, and the doctor finds nothing.
      const files = report.plugin?.files ?? [];
      expect(files.length, 'corrected files').toBeGreaterThan(0);
      const fixed = await tryInstallHandPlugin(asPlugin(files));
      expect(fixed.installed.code, fixed.installed.stderr).toBe(0);
      const serversFile = files.find((f) => f.path !== PLUGIN_PATHS.manifest) ?? files[0];
      const again = diagnosePluginFile(serversFile?.text ?? '', { release: CODEX_RELEASE });
      expect(again.file.filter((f) => f.kind === 'rejected')).toEqual([]);
      expect(again.servers.flatMap((s) => [...s.rejected, ...s.ignored])).toEqual([]);
      expect(again.servers.length).toBeGreaterThan(0);
      for (const s of again.servers) {
        const r = await get(s.name, fixed.home);
        expect(r.code, `corrected ${s.name}: ${r.stderr}`).toBe(0);
      }
      for (const e of expects) {
        const m = /^(bearer|cwd) (\S+) (\S+)$/.exec(e);
        if (!m) continue;
        const r = await get(m[2] as string, fixed.home);
        const transport = (JSON.parse(r.stdout) as { transport: Record<string, unknown> })
          .transport;
        if (m[1] === 'bearer') expect(transport['bearer_token_env_var']).toBe(m[3]);
        else
          expect(transport['cwd']).toBe(
            `${PLUGIN_INSTALL.installedRoot(fixed.home, 'm', 'p', '1.0.0')}/${m[3]}`,
          );
      }
    });
  }
});
