/**
 * Conformance of the config doctor with the pinned Codex CLI.
 *
 * Each file in doctor-corpus/ is a hand-written config.toml whose header states what Codex does
 * with it (`# codex: loads`, `# codex: rejects PATH | MESSAGE-REGEX`, `# codex: parse-error LINE`)
 * and what the doctor must report (`# expect: ignored|risk SERVER KEY`, `# expect: clean`; for the
 * plugin tables `# expect: file ignored|risk CODEXPATH` and `# expect: checked KEY`, a top-level key
 * the doctor judged rather than left unchecked). A line
 * may hold only for some releases: `# codex before CHANGE: …` or `# expect since CHANGE: …` name an
 * entry of src/lib/codex/changes.ts, so the release comes from the table (the unqualified `codex`
 * line holds where no qualified one does). The suite runs the release of CODEX_RELEASE, and the
 * doctor judges by that same release. For every file:
 * - the real CLI (`codex mcp get NAME --json` in a throwaway CODEX_HOME) does what the header says;
 * - the doctor accepts exactly the files the CLI accepts, and for rejected ones names the same
 *   problem (the path the CLI prints, and its message for entry-level rules) or the same line;
 * - every corrected block loads in the CLI, and folding the corrected blocks into the file with
 *   the merge makes a rejected file load (and keeps a loading file parseable by the doctor).
 * A few JSON blocks from other clients are converted and their blocks loaded too, and random server
 * tables (seeded; DOCTOR_RUNS / CONFORMANCE_SEED override) must get the same verdict from both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'smol-toml';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  convertMcpServersJson,
  diagnoseConfig,
  type DoctorReport,
  type Finding,
} from '../../src/lib/doctor/index.ts';
import { mergeServer, mergeServers } from '../../src/lib/config-file/merge.ts';
import { providerSchema } from '../../src/lib/input/provider-schema.ts';
import {
  cleanupHomes,
  codex,
  CONCURRENCY,
  freshDir,
  pool,
  writeConfig,
  type RunResult,
} from '../support/codex.ts';
import { CHANGES, inRange, refusalCause, type ChangeId } from '../../src/lib/codex/index.ts';
import { CODEX_RELEASE, CONFIG_REFUSED } from '../support/codex.ts';
import { netnsUnavailable, runInNetns } from '../support/netns.ts';
import {
  baseEnv,
  EXEC,
  MCP_PORT,
  MODEL_PORT,
  prepareHome,
  requestsFor,
} from './runtime/harness.ts';
import type { RunnerResult } from './runtime/plan.ts';

const CORPUS = join(import.meta.dirname, 'doctor-corpus');

type CodexClaim =
  | { kind: 'loads' }
  | { kind: 'rejects'; path: string; message: RegExp }
  | { kind: 'parse-error'; line: number };
interface Expectation {
  kind: 'ignored' | 'risk';
  server: string;
  /** Dotted key inside the server; '' for the entry as a whole. */
  key: string;
}
interface CorpusFile {
  file: string;
  text: string;
  proves: string;
  codex: CodexClaim;
  clean: boolean;
  expects: Expectation[];
  /** File-level findings expected (`# expect: file ignored|risk CODEXPATH`), such as in the plugin tables. */
  fileExpects: { kind: 'ignored' | 'risk'; path: string }[];
  /** Top-level keys the doctor must have judged, not left among the unchecked (`# expect: checked KEY`). */
  checkedKeys: string[];
  exported?: string[];
}

/** True when a header line qualified `before|since CHANGE` (or not qualified) holds for the release under test. */
function holds(qualifier: string | undefined, change: string | undefined): boolean {
  if (qualifier === undefined) return true;
  if (!change || !Object.hasOwn(CHANGES, change))
    throw new Error(`unknown change "${change}" in a corpus header`);
  const since = CHANGES[change as ChangeId].since;
  return qualifier === 'since'
    ? inRange(CODEX_RELEASE, { from: since })
    : !inRange(CODEX_RELEASE, { from: since });
}

/** The header lines tagged `tag` that hold for the release under test (qualified ones last). */
function tagged(header: string[], tag: string): { text: string; qualified: boolean }[] {
  const out: { text: string; qualified: boolean }[] = [];
  for (const line of header) {
    const m = new RegExp(`^# ${tag}(?: (before|since) (\\w+))?: (.*)$`).exec(line);
    if (m && holds(m[1], m[2])) out.push({ text: m[3] as string, qualified: m[1] !== undefined });
  }
  return out.sort((a, b) => Number(a.qualified) - Number(b.qualified));
}

function readCorpus(): CorpusFile[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.toml'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const header = text.split(/\r?\n/).filter((l) => l.startsWith('# '));
      const value = (tag: string) =>
        header.find((l) => l.startsWith(`# ${tag}: `))?.slice(tag.length + 4);
      const claim = tagged(header, 'codex').at(-1)?.text ?? '';
      let codexClaim: CodexClaim;
      if (claim === 'loads') codexClaim = { kind: 'loads' };
      else if (claim.startsWith('parse-error '))
        codexClaim = { kind: 'parse-error', line: Number(claim.slice(12)) };
      else {
        const m = /^rejects (\S+) \| (.+)$/.exec(claim);
        if (!m) throw new Error(`${file}: unreadable "# codex:" line`);
        codexClaim = { kind: 'rejects', path: m[1] as string, message: new RegExp(m[2] as string) };
      }
      const expects: Expectation[] = [];
      const fileExpects: CorpusFile['fileExpects'] = [];
      const checkedKeys: string[] = [];
      let clean = false;
      for (const { text: rest } of tagged(header, 'expect')) {
        if (rest === 'clean') {
          clean = true;
          continue;
        }
        const fileLevel = /^file (ignored|risk) (\S+)$/.exec(rest);
        if (fileLevel) {
          fileExpects.push({
            kind: fileLevel[1] as 'ignored' | 'risk',
            path: fileLevel[2] as string,
          });
          continue;
        }
        if (rest.startsWith('checked ')) {
          checkedKeys.push(rest.slice(8));
          continue;
        }
        const m = /^(ignored|risk) ("(?:[^"\\]|\\.)*"|\S+) (\S+)$/.exec(rest);
        if (!m) throw new Error(`${file}: unreadable expectation "${rest}"`);
        const server = (m[2] as string).startsWith('"')
          ? (JSON.parse(m[2] as string) as string)
          : (m[2] as string);
        expects.push({
          kind: m[1] as 'ignored' | 'risk',
          server,
          key: m[3] === '-' ? '' : (m[3] as string),
        });
      }
      const exported = value('exported')?.split(/\s+/);
      return {
        file,
        text,
        proves: value('proves') ?? '',
        codex: codexClaim,
        clean,
        expects,
        fileExpects,
        checkedKeys,
        ...(exported && { exported }),
      };
    });
}

const corpus = readCorpus();
/** The doctor judges by the release under test. */
const OPTIONS = { release: CODEX_RELEASE };
const started = Date.now();
let processes = 0;

/**
 * Loads `text` as the config.toml of a fresh CODEX_HOME with `codex mcp get NAME --json`, which
 * reads (and validates) the whole file. `get` is used rather than `list` on purpose: `codex mcp
 * list` resolves the host of every remote server to report its auth status (a DNS query, seen
 * with strace), and these tests contact nothing.
 */
async function load(text: string, name: string, label: string): Promise<RunResult> {
  const home = freshDir(label);
  writeConfig(home, text);
  processes += 1;
  return codex(['mcp', 'get', name, '--json'], home);
}

// The release under test's own wording (CODEX_RELEASE; releases before 0.147.0 say "failed to load configuration").
const LOAD_FAILED = CONFIG_REFUSED;

/** What the CLI names in its error: the path after `in`, and the message line before it. */
function cliRejection(stderr: string): { path: string; message: string } | null {
  return refusalCause(stderr);
}

/** Codex's serde messages: for these the path is the whole claim (the wording is serde's, not a rule's). */
const TYPE_ERROR =
  /^(invalid type|invalid value|unknown variant|data did not match|missing field|wanted exactly)/;

function allRejected(report: DoctorReport): Finding[] {
  return [
    ...report.file.filter((f) => f.kind === 'rejected'),
    ...report.servers.flatMap((s) => s.rejected),
  ];
}

afterAll(() => {
  cleanupHomes();
  console.log(
    `doctor conformance: ${corpus.length} corpus files, ${processes} codex processes in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
});

describe('doctor corpus against the real CLI', () => {
  it('has at least 30 files, with every kind of claim', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    for (const kind of ['loads', 'rejects', 'parse-error'] as const)
      expect(
        corpus.some((c) => c.codex.kind === kind),
        kind,
      ).toBe(true);
    expect(corpus.some((c) => c.expects.some((e) => e.kind === 'ignored'))).toBe(true);
    expect(corpus.some((c) => c.expects.some((e) => e.kind === 'risk'))).toBe(true);
  });

  for (const c of corpus) {
    it.concurrent(`${c.file} — ${c.proves}`, async () => {
      const report = diagnoseConfig(c.text, {
        release: CODEX_RELEASE,
        ...(c.exported && { exportedEnv: c.exported }),
      });
      const names = report.servers.filter((s) => !s.misplaced).map((s) => s.name);
      // The first server doubles as the probe; a file without servers is probed with a name it lacks.
      const r = await load(c.text, names[0] ?? '__no_such_server__', `doctor-${c.file}`);
      const cliLoads = !LOAD_FAILED.test(r.stderr);

      // 1. The CLI does what the header says (a change in Codex shows up here first).
      if (c.codex.kind === 'loads')
        expect(cliLoads, `codex loads ${c.file}\n${r.stderr}`).toBe(true);
      else {
        expect(r.code, `codex refuses ${c.file}`).not.toBe(0);
        expect(cliLoads, `codex refuses ${c.file}`).toBe(false);
      }

      // 2. The doctor accepts exactly what the CLI accepts.
      expect(report.loads, `doctor.loads for ${c.file}: ${report.summary}`).toBe(cliLoads);

      if (cliLoads) {
        expect(allRejected(report)).toEqual([]);
        // Codex finds the servers the doctor reports, under the same names: the first two of each
        // file (dotted keys, inline tables) and every name that needs quoting (each check is a process).
        if (names.length === 0) expect(r.stderr).toMatch(/No MCP server named/);
        for (const [i, name] of names.entries()) {
          if (i >= 2 && /^[A-Za-z0-9_-]+$/.test(name)) continue;
          const got = i === 0 ? r : await load(c.text, name, `name-${c.file}`);
          expect(got.code, `codex mcp get ${JSON.stringify(name)}\n${got.stderr}`).toBe(0);
          expect((JSON.parse(got.stdout) as { name: string }).name).toBe(name);
        }
      } else if (c.codex.kind === 'parse-error') {
        const m = /TOML parse error at line (\d+), column (\d+)/.exec(r.stderr);
        expect(m, `a TOML parse error\n${r.stderr}`).not.toBeNull();
        expect(Number(m?.[1])).toBe(c.codex.line);
        expect(report.parseError?.line, 'the doctor points at the same line').toBe(c.codex.line);
      } else if (c.codex.kind === 'rejects') {
        const cli = cliRejection(r.stderr);
        expect(cli, `the CLI names a path\n${r.stderr}`).not.toBeNull();
        const { path, message } = cli as { path: string; message: string };
        expect(path).toBe(c.codex.path);
        expect(message).toMatch(c.codex.message);
        const same = allRejected(report).filter((f) => f.codexPath === path);
        expect(
          same.length,
          `the doctor rejects ${path} (it has ${allRejected(report)
            .map((f) => f.codexPath)
            .join(', ')})`,
        ).toBeGreaterThan(0);
        if (!TYPE_ERROR.test(message)) {
          expect(
            same.map((f) => f.codexMessage),
            `the doctor names Codex's rule: ${message}`,
          ).toContain(message);
        }
        expect(report.summary).toMatch(/WHOLE file/);
      }

      // 3. What the header expects the doctor to say.
      if (c.clean) {
        const noisy = report.servers.flatMap((s) => [
          ...s.rejected,
          ...s.ignored,
          ...s.risks.filter((f) => f.severity !== 'info'),
        ]);
        expect(
          noisy.map((f) => `${f.codexPath}: ${f.message}`),
          'a clean file has no findings',
        ).toEqual([]);
      }
      for (const e of c.expects) {
        const server = report.servers.find((s) => s.name === e.server);
        expect(server, `server ${e.server}`).toBeDefined();
        const list = e.kind === 'ignored' ? server?.ignored : server?.risks;
        expect(
          list?.map((f) => f.key.join('.')),
          `${e.kind} ${e.server} ${e.key}`,
        ).toContain(e.key);
      }

      for (const e of c.fileExpects)
        expect(
          report.file.filter((f) => f.kind === e.kind).map((f) => f.codexPath),
          `file ${e.kind} ${e.path}`,
        ).toContain(e.path);
      for (const key of c.checkedKeys)
        expect(report.unchecked ?? [], `${key} is judged, not left unchecked`).not.toContain(key);

      if (report.parseError) return;

      // 4. Every corrected block loads in the CLI, all of them together in one file.
      const blocks = report.servers.flatMap((s) => (s.corrected ? [s.corrected] : []));
      if (blocks.length > 0) {
        const combined = blocks.map((b) => b.toml).join('\n');
        const again = diagnoseConfig(combined, OPTIONS);
        expect(again.loads, 'the doctor accepts its own blocks').toBe(true);
        expect(again.servers.flatMap((s) => [...s.rejected, ...s.ignored])).toEqual([]);
        const rb = await load(combined, blocks[0]?.name ?? '', `blocks-${c.file}`);
        expect(rb.code, `corrected blocks load\n${combined}\n${rb.stderr}`).toBe(0);
      }

      // 5. Folding the corrected blocks into the file (same names) with the merge fixes a rejected file.
      const fixable =
        report.file.every((f) => f.kind !== 'rejected') &&
        report.servers.every((s) => s.rejected.length === 0 || s.corrected?.name === s.name);
      const replaceable = report.servers.filter(
        (s) => !s.misplaced && s.corrected?.name === s.name,
      );
      if (replaceable.length > 0) {
        let text = c.text;
        for (const s of replaceable) {
          const merged = mergeServer(text, s.name, s.corrected?.toml ?? '');
          expect(merged.error, `merge ${s.name}`).toBeNull();
          expect(merged.collision).toBe(true);
          text = merged.text ?? text;
        }
        if (fixable) {
          expect(
            diagnoseConfig(text, OPTIONS).loads,
            `the doctor accepts the fixed file\n${text}`,
          ).toBe(true);
          // The CLI confirms it for the files it refused (a file that already loads costs no process).
          if (!report.loads) {
            const rm = await load(text, replaceable[0]?.name ?? '', `merged-${c.file}`);
            expect(rm.code, `the file with every fix merged loads\n${text}\n${rm.stderr}`).toBe(0);
          }
        }
      }
    });
  }
});

// A whole config.toml: what Codex refuses at the top level (its enum-valued keys) the doctor refuses,
// with Codex's own words and line; keys it does not check are named, never called loadable.
describe('a whole file: the verdict never says it loads where Codex refuses it', () => {
  it.concurrent(
    'approval_policy = "auto" (not a policy Codex knows) next to a valid server',
    async () => {
      const text =
        'model = "o3"\napproval_policy = "auto"\n\n[mcp_servers.a]\ncommand = "npx"\nargs = ["-y", "pkg"]\n\n[tui]\nnotifications = true\n';
      const r = await load(text, 'a', 'whole-file');
      expect(LOAD_FAILED.test(r.stderr), `codex refuses the file\n${r.stderr}`).toBe(true);
      const cli = cliRejection(r.stderr);
      expect(cli?.path).toBe('approval_policy');
      const report = diagnoseConfig(text, OPTIONS);
      expect(report.loads).toBe(false);
      const found = report.file.find((f) => f.codexPath === 'approval_policy');
      expect(found?.kind).toBe('rejected');
      expect(found?.codexMessage, 'the doctor quotes Codex').toBe(cli?.message);
      expect(found?.line).toBe(2);
      expect(report.summary).toMatch(/refuses to load this WHOLE file/);
      // `model` is judged (a string); `[tui]` is not: it stays named as not checked.
      expect(report.unchecked).toEqual(['tui']);
      // Without the bad key the same file loads, and only then may the verdict cover all of it.
      const servers = '[mcp_servers.a]\ncommand = "npx"\nargs = ["-y", "pkg"]\n';
      expect((await load(servers, 'a', 'whole-file-ok')).code).toBe(0);
      expect(diagnoseConfig(servers, OPTIONS).summary).toMatch(/covers all of it/);
    },
  );

  // Every corpus file refused at a top-level key: the doctor's message is Codex's, word for word,
  // at the line Codex names where the release names one (0.140.0: "config.toml:4:9: …").
  for (const c of corpus.filter(
    (f) => f.file.includes('top-level') && f.codex.kind === 'rejects',
  )) {
    it.concurrent(`${c.file}: Codex's words`, async () => {
      const r = await load(c.text, 'docs', `top-${c.file}`);
      const cli = cliRejection(r.stderr);
      expect(cli, r.stderr).not.toBeNull();
      const report = diagnoseConfig(c.text, OPTIONS);
      const found = report.file.find((f) => f.codexPath === cli?.path);
      expect(found?.codexMessage).toBe(cli?.message);
      // Recorded: 0.140.0 places a refusal at an earlier date value instead ("1:9: invalid type:
      // map, …") when the file holds one; only a place given with the refusal's words is its own.
      const at = /config\.toml:(\d+):\d+: (.*)/.exec(r.stderr);
      if (at && at[2]?.trim() === cli?.message) expect(found?.line, r.stderr).toBe(Number(at[1]));
    });
  }
});

const JSON_CASES: { name: string; json: string; servers: string[] }[] = [
  {
    // Claude Desktop: stdio servers, one with a secret in env.
    name: 'claude desktop',
    json: `{ "mcpServers": {
      "filesystem": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "/Users/me/Desktop"] },
      "github": { "command": "docker", "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"],
                  "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_0123456789abcdefghijABCDEFGHIJ012345" } } } }`,
    servers: ['filesystem', 'github'],
  },
  {
    // Cursor: remote servers with url/headers and ${env:VAR}.
    name: 'cursor',
    json: `{ "mcpServers": {
      "remote": { "url": "https://mcp.example.com/mcp", "headers": { "Authorization": "Bearer \${env:API_TOKEN}", "X-Team": "core" } },
      "keyed": { "url": "https://api.example.com/mcp", "headers": { "X-API-Key": "k_live_0123456789abcdefABCD" } } } }`,
    servers: ['keyed', 'remote'],
  },
  {
    // VS Code mcp.json (JSONC, "servers", type fields).
    name: 'vs code',
    json: `{
      // workspace servers
      "servers": {
        "fetch": { "type": "stdio", "command": "uvx", "args": ["mcp-server-fetch"], },
        "docs": { "type": "http", "url": "https://docs.example.com/mcp" },
      },
    }`,
    servers: ['docs', 'fetch'],
  },
  {
    // Windsurf/Cline: serverUrl, disabled, autoApprove, a name Codex's CLI refuses.
    name: 'windsurf',
    json: `{ "mcpServers": { "My Server": { "serverUrl": "https://mcp.example.com/sse", "disabled": true, "autoApprove": ["x"] } } }`,
    servers: ['My-Server'],
  },
];

describe('JSON from other clients: converted blocks load in the CLI', () => {
  for (const j of JSON_CASES) {
    it.concurrent(j.name, async () => {
      const report = convertMcpServersJson(j.json, OPTIONS);
      expect(report.parseError).toBeNull();
      expect(report.loads, report.summary).toBe(true);
      const blocks = report.servers.map((s) => s.corrected?.toml ?? '');
      const combined = blocks.join('\n');
      expect(combined).not.toMatch(/ghp_|k_live_/);
      expect(report.servers.map((s) => s.corrected?.name).sort()).toEqual(j.servers);
      const r = await load(combined, j.servers[0] ?? '', `json-${j.name}`);
      expect(r.code, `${combined}\n${r.stderr}`).toBe(0);
    });
  }
});

describe('Windows paths: what Codex says about single backslashes, and the fix loads', () => {
  // Codex's own words, quoted on the page only from here.
  const CASES = [
    {
      label: '\\P (no such escape)',
      line: 'command = "C:\\Program Files\\nodejs\\npx.cmd"',
      path: 'C:\\Program Files\\nodejs\\npx.cmd',
    },
    {
      label: '\\U (too few hex digits)',
      line: 'command = "C:\\Users\\me\\AppData\\Roaming\\npm\\npx.cmd"',
      path: 'C:\\Users\\me\\AppData\\Roaming\\npm\\npx.cmd',
    },
  ];
  for (const c of CASES) {
    it.concurrent(c.label, async () => {
      const text = `model = "o3"\n\n[mcp_servers.fs]\n${c.line}\nargs = ["-y", "C:\\Users\\me\\Projects"]\n`;
      const report = diagnoseConfig(text, OPTIONS);
      const r = await load(text, 'fs', 'win-backslash');
      expect(r.code).not.toBe(0);
      // `0: …/config.toml:LINE:COLUMN: MESSAGE` is Codex's first cause line.
      const m = /config\.toml:(\d+):(\d+): (.+)\n/.exec(r.stderr);
      expect(m, r.stderr).not.toBeNull();
      expect(report.parseError?.line).toBe(Number(m?.[1]));
      expect(report.parseError?.column).toBe(Number(m?.[2]));
      expect(report.parseError?.codexMessage).toBe(m?.[3]);
      expect(report.file[0]?.codexMessage).toBe(m?.[3]);
      // The repaired file loads, with the path Codex reads exactly as written.
      const repaired = report.repair?.text ?? '';
      expect(report.repair?.lines).toEqual([4, 5]);
      const fixed = await load(repaired, 'fs', 'win-repaired');
      expect(fixed.code, `${repaired}\n${fixed.stderr}`).toBe(0);
      const got = JSON.parse(fixed.stdout) as { transport: { command: string; args: string[] } };
      expect(got.transport.command).toBe(c.path);
      expect(got.transport.args).toEqual(['-y', 'C:\\Users\\me\\Projects']);
      // The corrected block (basic strings, doubled backslashes) loads to the same command.
      const block = report.servers[0]?.corrected?.toml ?? '';
      const rb = await load(block, 'fs', 'win-block');
      expect(rb.code, `${block}\n${rb.stderr}`).toBe(0);
      expect((JSON.parse(rb.stdout) as { transport: { command: string } }).transport.command).toBe(
        c.path,
      );
      // Merging every corrected block into the repaired file keeps it loading.
      const all = mergeServers(
        repaired,
        report.servers.flatMap((s) => (s.corrected ? [s.corrected] : [])),
      );
      expect(all.merged).toEqual(['fs']);
      const rm = await load(all.text, 'fs', 'win-merged');
      expect(rm.code, `${all.text}\n${rm.stderr}`).toBe(0);
    });
  }
});

describe('other clients and server.json: converted blocks load in the CLI', () => {
  const custom = providerSchema.parse(
    JSON.parse(
      readFileSync(join(import.meta.dirname, '../../content/providers/custom.json'), 'utf8'),
    ),
  );
  const CASES: { name: string; json: string; servers: string[] }[] = [
    {
      // VS Code: ${input:...} prompts become pass-through variables and bearer_token_env_var.
      name: 'vs code inputs',
      json: JSON.stringify({
        inputs: [{ id: 'github_token', type: 'promptString', password: true }],
        servers: {
          gh: {
            type: 'http',
            url: 'https://api.example.com/mcp',
            headers: { Authorization: 'Bearer ${input:github_token}' },
          },
          s: {
            type: 'stdio',
            command: 'npx',
            args: ['-y', 'pkg'],
            env: { API_KEY: '${input:api-key}' },
          },
        },
      }),
      servers: ['gh', 's'],
    },
    {
      // Gemini CLI: httpUrl, includeTools, excludeTools, oauth.scopes.
      name: 'gemini cli',
      json: JSON.stringify({
        mcpServers: {
          g: {
            httpUrl: 'https://x.example.com/mcp',
            includeTools: ['a'],
            excludeTools: ['b'],
            oauth: { enabled: true, scopes: ['read', 'write'] },
          },
        },
      }),
      servers: ['g'],
    },
    {
      // OpenCode: "mcp", command lists, environment.
      name: 'opencode',
      json: JSON.stringify({
        $schema: 'https://opencode.ai/config.json',
        mcp: {
          loc: { type: 'local', command: ['npx', '-y', 'pkg'], environment: { A: 'b' } },
          rem: { type: 'remote', url: 'https://mcp.example.com/mcp', enabled: false },
        },
      }),
      servers: ['loc', 'rem'],
    },
    {
      // A server.json from the registry (the Brave example of docs/server-json.md).
      name: 'server.json',
      json: readFileSync(
        join(import.meta.dirname, '../fixtures/server-json/brave-search-mcp-server.json'),
        'utf8',
      ),
      servers: ['brave-search-mcp-server'],
    },
  ];
  for (const j of CASES) {
    it.concurrent(j.name, async () => {
      const report = convertMcpServersJson(j.json, { ...OPTIONS, provider: custom });
      expect(report.loads, report.summary).toBe(true);
      const blocks = report.servers.flatMap((s) => (s.corrected ? [s.corrected] : []));
      expect(blocks.map((b) => b.name).sort()).toEqual(j.servers);
      const combined = blocks.map((b) => b.toml).join('\n');
      expect(combined).not.toContain('${');
      const r = await load(combined, j.servers[0] ?? '', `client-${j.name}`);
      expect(r.code, `${combined}\n${r.stderr}`).toBe(0);
      // And merged all at once into an existing file, which keeps loading.
      const all = mergeServers('model = "o3"\n', blocks);
      expect(all.skipped).toEqual([]);
      const rm = await load(all.text, j.servers[0] ?? '', `client-merged-${j.name}`);
      expect(rm.code, `${all.text}\n${rm.stderr}`).toBe(0);
    });
  }
});

// Names Codex keeps for itself: a session (fake model provider, API-key auth, loopback only) with a
// server named codex_apps next to an ordinary one. The ordinary one is contacted; codex_apps never is.
const netnsSkip = netnsUnavailable();
describe.skipIf(netnsSkip !== null)(
  'reserved names: a session never starts codex_apps from config.toml',
  () => {
    const U = `http://127.0.0.1:${MCP_PORT}`;
    let result: RunnerResult;
    beforeAll(async () => {
      const toml = `\n[mcp_servers.codex_apps]\nurl = "${U}/reserved/mcp"\n\n[mcp_servers.control]\nurl = "${U}/control/mcp"\n`;
      const home = prepareHome('doctor-reserved', toml);
      const cases = [
        { id: 'exec', argv: EXEC.split(' '), env: baseEnv(home), cwd: home, timeoutMs: 60_000 },
      ];
      result = await runInNetns<RunnerResult>(
        resolve(import.meta.dirname, 'runtime/runner.ts'),
        { modelPort: MODEL_PORT, servers: [{ port: MCP_PORT }], cases, concurrency: 1 },
        3 * 60_000,
      );
    }, 4 * 60_000);

    it('the ordinary server is contacted, codex_apps is not; the doctor flags the name and renames it', () => {
      const all = result.requests[String(MCP_PORT)] ?? [];
      const exec = result.cases[0];
      expect(
        requestsFor(all, '/control').length,
        `${exec?.stdout}\n${exec?.stderr}`,
      ).toBeGreaterThan(0);
      expect(requestsFor(all, '/reserved')).toEqual([]);
      const report = diagnoseConfig(
        `[mcp_servers.codex_apps]\nurl = "${U}/reserved/mcp"\n`,
        OPTIONS,
      );
      expect(report.servers[0]?.risks.map((f) => f.message).join(' ')).toMatch(
        /never starts an entry of that name/,
      );
      expect(report.servers[0]?.corrected?.name).toBe('codex_apps_own');
    });
  },
);

// Random tables: real keys with values of every type, plus keys Codex ignores. Names and values
// are chosen so that nothing is ever contacted (`codex mcp get` makes no network request).
const SEED = Number(process.env['CONFORMANCE_SEED'] ?? 20_260_501);
const RUNS = Number(process.env['DOCTOR_RUNS'] ?? 24);
const KEYS = [
  'command',
  'args',
  'env',
  'env_vars',
  'cwd',
  'url',
  'bearer_token',
  'bearer_token_env_var',
  'http_headers',
  'env_http_headers',
  'headers',
  'oauth',
  'oauth_resource',
  'scopes',
  'startup_timeout_sec',
  'startup_timeout_ms',
  'tool_timeout_sec',
  'enabled',
  'required',
  'enabled_tools',
  'disabled_tools',
  'tools',
  'type',
  'auth',
  'default_tools_approval_mode',
  'supports_parallel_tool_calls',
  'tool_input_schema_max_bytes',
  'startup_readiness',
  'environment_id',
  'http_headers_helper',
  'name',
  'x',
];
const leaf = fc.oneof(
  fc.constantFrom(
    'npx',
    'https://mcp.example.com/mcp',
    '${TOKEN}',
    '',
    'a b',
    'TOKEN',
    'auto',
    'approve',
    'catalog',
    'oauth',
    'local',
    'remote',
    'client_secret_post',
  ),
  fc.integer({ min: -5, max: 100_000 }),
  fc.constantFrom(0.5, -0.5, 1e20, 0, 65_536, 70_000),
  fc.boolean(),
);
const value = fc.oneof(
  { weight: 3, arbitrary: leaf },
  { weight: 2, arbitrary: fc.array(leaf, { maxLength: 2 }) },
  {
    weight: 2,
    arbitrary: fc.dictionary(
      fc.constantFrom(
        'client_id',
        'client_secret',
        'callback_port',
        'token_endpoint_auth_method',
        'A',
        'approval_mode',
        'name',
        'source',
      ),
      leaf,
      { maxKeys: 2 },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.array(
      fc.dictionary(fc.constantFrom('name', 'source', 'x'), leaf, { maxKeys: 2 }),
      { maxLength: 2 },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.dictionary(
      fc.constantFrom('t'),
      fc.dictionary(fc.constantFrom('approval_mode', 'output_token_limit', 'y'), leaf, {
        maxKeys: 2,
      }),
      { maxKeys: 1 },
    ),
  },
);
// A third of the tables get a command and a third a url, so that both transports' rules are reached.
const server = fc
  .dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 4 })
  .chain((d) =>
    fc.constantFrom<Record<string, unknown>>(
      d,
      { command: 'x', ...d },
      { url: 'https://mcp.example.com/mcp', ...d },
    ),
  );

describe('property: random server tables get the same verdict from the doctor and the CLI', () => {
  it(`agrees on ${RUNS} random files (seed ${SEED})`, async () => {
    const files = fc.sample(
      fc.dictionary(fc.constantFrom('a', 'b'), server, { minKeys: 1, maxKeys: 2 }),
      { seed: SEED, numRuns: RUNS },
    );
    const disagreements: string[] = [];
    let refused = 0;
    await pool(files, CONCURRENCY, async (servers) => {
      const text = stringify({ mcp_servers: servers });
      const report = diagnoseConfig(text, OPTIONS);
      const r = await load(text, Object.keys(servers)[0] ?? 'a', 'random');
      const cliLoads = !LOAD_FAILED.test(r.stderr);
      if (!cliLoads) refused += 1;
      let agree = cliLoads === report.loads;
      const cli = cliRejection(r.stderr);
      if (agree && cli) {
        const same = allRejected(report).filter((f) => f.codexPath === cli.path);
        agree =
          same.length > 0 &&
          (TYPE_ERROR.test(cli.message) || same.some((f) => f.codexMessage === cli.message));
      }
      if (!agree)
        disagreements.push(
          `${text}\ncodex: ${cliLoads ? 'loads' : `${cli?.path}: ${cli?.message}`}\ndoctor: ${
            report.loads
              ? 'loads'
              : allRejected(report)
                  .map((f) => `${f.codexPath}: ${f.codexMessage ?? ''}`)
                  .join('; ')
          }`,
        );
    });
    expect(
      disagreements.slice(0, 5).join('\n\n'),
      `${disagreements.length} of ${RUNS} disagree (seed ${SEED})`,
    ).toBe('');
    // Both verdicts must actually occur in the sample.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(RUNS);
  });
});
