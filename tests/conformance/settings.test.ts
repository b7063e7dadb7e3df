/**
 * Where Codex reads its config, and the settings around a server, proven with the real CLI on the
 * release under test (CODEX_RELEASE; run it on the newest and on 0.140.0). No network: `codex mcp
 * get` and `list` only read files. Each claim of src/content/docs/reference/where-codex-runs.mdx
 * that says "proven" points at a test here.
 */
import { execFile } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'smol-toml';
import { afterAll, describe, expect, it } from 'vitest';
import { APPROVAL_MODES, enumIn, MCP_OAUTH_TOP_LEVEL } from '../../src/lib/codex/keys.ts';
import { refusalCause } from '../../src/lib/codex/facts.ts';
import { generate } from '../../src/lib/generator/generate.ts';
import { emptySpec, type ServerSpec } from '../../src/lib/generator/model.ts';
import { emptySettings, withSettings } from '../../src/lib/generator/settings.ts';
import {
  cleanupHomes,
  codex,
  CODEX,
  CODEX_RELEASE,
  CONFIG_REFUSED,
  freshDir,
  getJson,
  readToml,
  writeConfig,
  type RunResult,
} from '../support/codex.ts';

afterAll(() => cleanupHomes());

const URL = 'https://127.0.0.1:9/mcp';

/** Loads `toml` as a fresh CODEX_HOME's config.toml and runs `codex mcp get s --json`. */
async function load(toml: string): Promise<RunResult> {
  const home = freshDir('settings');
  writeConfig(home, toml);
  return codex(['mcp', 'get', 's', '--json'], home);
}

/** The values a refusal lists after "expected one of", in order. */
function expectedValues(stderr: string): string[] {
  const m = /expected one of ((?:`[^`]*`(?:, )?)+)/.exec(stderr);
  return m ? [...(m[1] as string).matchAll(/`([^`]*)`/g)].map((x) => x[1] as string) : [];
}

/** Runs `codex ARGS` in `cwd` with HOME set and CODEX_HOME unset (or set to `codexHome`). */
function codexWithHome(
  args: string[],
  cwd: string,
  home: string,
  codexHome?: string,
): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, NO_COLOR: '1', RUST_BACKTRACE: '0' };
  delete env['CODEX_HOME'];
  delete env['OPENAI_API_KEY'];
  delete env['CODEX_API_KEY'];
  if (codexHome !== undefined) env['CODEX_HOME'] = codexHome;
  return new Promise((done) =>
    execFile(CODEX, args, { env, cwd, timeout: 30_000 }, (error, stdout, stderr) =>
      done({
        code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
        stdout,
        stderr,
      }),
    ),
  );
}

describe(`where Codex ${CODEX_RELEASE} reads config.toml`, () => {
  it('without CODEX_HOME it reads $HOME/.codex/config.toml', async () => {
    const home = freshDir('home');
    writeConfig(join(home, '.codex'), '[mcp_servers.s]\ncommand = "from-home"\n');
    const r = await codexWithHome(['mcp', 'get', 's', '--json'], home, home);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { transport: { command: string } }).transport.command).toBe(
      'from-home',
    );
  });

  it('CODEX_HOME replaces it: $HOME/.codex is then not read', async () => {
    const home = freshDir('home2');
    writeConfig(join(home, '.codex'), '[mcp_servers.s]\ncommand = "from-home"\n');
    const other = freshDir('codex-home');
    writeConfig(other, '[mcp_servers.t]\ncommand = "from-codex-home"\n');
    const t = await codexWithHome(['mcp', 'get', 't', '--json'], home, home, other);
    expect(t.code, t.stderr).toBe(0);
    const s = await codexWithHome(['mcp', 'get', 's', '--json'], home, home, other);
    expect(s.code).not.toBe(0);
    expect(s.stderr).toContain("No MCP server named 's' found.");
  });

  it('a CODEX_HOME that does not exist is an error naming it, not a silent fallback', async () => {
    const home = freshDir('home3');
    const missing = join(home, 'missing');
    const r = await codexWithHome(['mcp', 'list'], home, home, missing);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`CODEX_HOME points to "${missing}", but that path does not exist`);
  });

  it("a project's .codex/config.toml is read only when the project is trusted", async () => {
    const project = realpathSync(freshDir('project'));
    writeConfig(join(project, '.codex'), '[mcp_servers.p]\ncommand = "from-project"\n');
    const verdicts: Record<string, boolean> = {};
    for (const trust of ['none', 'untrusted', 'trusted']) {
      const home = freshDir(`trust-${trust}`);
      writeConfig(
        home,
        trust === 'none' ? '' : stringify({ projects: { [project]: { trust_level: trust } } }),
      );
      const r = await codex(['mcp', 'get', 'p', '--json'], home, project);
      verdicts[trust] = r.code === 0;
      if (r.code !== 0) expect(r.stderr).toContain("No MCP server named 'p' found.");
    }
    expect(verdicts).toEqual({ none: false, untrusted: false, trusted: true });
  });

  it('`codex mcp add` in a trusted project writes the user config, never the project file', async () => {
    const project = realpathSync(freshDir('project-add'));
    const projectFile = writeConfig(
      join(project, '.codex'),
      '[mcp_servers.p]\ncommand = "from-project"\n',
    );
    const before = readFileSync(projectFile, 'utf8');
    const home = freshDir('trusted-add');
    const userFile = writeConfig(
      home,
      stringify({ projects: { [project]: { trust_level: 'trusted' } } }),
    );
    const r = await codex(['mcp', 'add', 'added', '--', 'some-server'], home, project);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(projectFile, 'utf8')).toBe(before);
    expect((readToml(userFile)['mcp_servers'] as Record<string, unknown>)['added']).toEqual({
      command: 'some-server',
    });
  });
});

describe(`Windows paths in the generated TOML load in Codex ${CODEX_RELEASE}`, () => {
  const spec: ServerSpec = {
    ...emptySpec(),
    name: 'win',
    transport: 'stdio',
    command: 'C:\\Users\\me\\server.exe',
    args: ['--root', 'C:\\Program Files\\My Server\\data'],
    cwd: 'C:\\Users\\me',
  };

  it('command, arguments and cwd reach Codex byte for byte', async () => {
    const out = generate(spec).outputs;
    expect(out?.toml).toContain('command = "C:\\\\Users\\\\me\\\\server.exe"');
    const home = freshDir('winpath');
    writeConfig(home, out?.toml ?? '');
    const json = (await getJson('win', home)) as {
      transport: { command: string; args: string[]; cwd: string };
    };
    expect(json.transport.command).toBe(spec.command);
    expect(json.transport.args).toEqual(spec.args);
    expect(json.transport.cwd).toBe(spec.cwd);
  });

  it('the same path typed with single backslashes in a basic string is refused (\\U is an escape)', async () => {
    const r = await load('[mcp_servers.s]\ncommand = "C:\\Users\\me\\server.exe"\n');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(CONFIG_REFUSED);
  });
});

describe(`tool approval in Codex ${CODEX_RELEASE}`, () => {
  const modes = enumIn(APPROVAL_MODES, CODEX_RELEASE);

  it.each(['default_tools_approval_mode', 'tools.search.approval_mode'])(
    '%s: a value Codex does not know is refused, listing exactly the modes of the table',
    async (path) => {
      const key =
        path === 'default_tools_approval_mode'
          ? 'default_tools_approval_mode = "bogus"\n'
          : '\n[mcp_servers.s.tools.search]\napproval_mode = "bogus"\n';
      const r = await load(`[mcp_servers.s]\nurl = "${URL}"\n${key}`);
      expect(r.code).not.toBe(0);
      expect(refusalCause(r.stderr)?.path).toBe(`mcp_servers.s.${path}`);
      expect(expectedValues(r.stderr)).toEqual(modes);
    },
  );

  it.each(modes)(
    'the generated block with mode %s, per server and per tool, loads',
    async (mode) => {
      const spec: ServerSpec = { ...emptySpec(), name: 's', url: URL };
      const form = {
        ...emptySettings(),
        defaultApproval: mode,
        toolApprovals: `search = ${mode}\nget.page = ${mode}`,
      };
      const g = withSettings(generate(spec, CODEX_RELEASE), form, {
        release: CODEX_RELEASE,
        oauth: false,
        scope: 'user',
        platform: 'unix',
      });
      expect(g.diagnostics).toEqual([]);
      const home = freshDir(`approval-${mode}`);
      const file = writeConfig(home, g.outputs?.toml ?? '');
      expect((await codex(['mcp', 'get', 's', '--json'], home)).code).toBe(0);
      const table = readToml(file)['mcp_servers'] as Record<string, Record<string, unknown>>;
      expect(table['s']?.['default_tools_approval_mode']).toBe(mode);
      expect(table['s']?.['tools']).toEqual({
        search: { approval_mode: mode },
        'get.page': { approval_mode: mode },
      });
    },
  );
});

describe(`top-level OAuth keys in Codex ${CODEX_RELEASE}`, () => {
  const stores = MCP_OAUTH_TOP_LEVEL.mcp_oauth_credentials_store.map((v) => v.value as string);

  it('mcp_oauth_credentials_store: an unknown store is refused, listing exactly the stores of the table', async () => {
    const r = await load(
      `mcp_oauth_credentials_store = "bogus"\n\n[mcp_servers.s]\nurl = "${URL}"\n`,
    );
    expect(r.code).not.toBe(0);
    expect(refusalCause(r.stderr)?.path).toBe('mcp_oauth_credentials_store');
    expect(expectedValues(r.stderr)).toEqual(stores);
  });

  it.each([
    ['65536', 'invalid value: integer `65536`, expected u16'],
    ['-1', 'invalid value: integer `-1`, expected u16'],
    ['"8765"', 'invalid type: string "8765", expected u16'],
  ])('mcp_oauth_callback_port = %s is refused', async (value, message) => {
    const r = await load(`mcp_oauth_callback_port = ${value}\n\n[mcp_servers.s]\nurl = "${URL}"\n`);
    expect(r.code).not.toBe(0);
    expect(refusalCause(r.stderr)).toEqual({ message, path: 'mcp_oauth_callback_port' });
  });

  it.each(stores)(
    'the generated top-level block (store %s, port 65535) above the server block loads',
    async (store) => {
      const spec: ServerSpec = { ...emptySpec(), name: 's', url: URL, auth: 'oauth' };
      const form = {
        ...emptySettings(),
        credentialsStore: store,
        callbackPort: String(MCP_OAUTH_TOP_LEVEL.mcp_oauth_callback_port.max),
      };
      const g = withSettings(generate(spec, CODEX_RELEASE), form, {
        release: CODEX_RELEASE,
        oauth: true,
        scope: 'user',
        platform: 'unix',
      });
      expect(g.topLevel).toBe(
        `mcp_oauth_credentials_store = "${store}"\nmcp_oauth_callback_port = 65535\n`,
      );
      const r = await load(`${g.topLevel}\n${g.outputs?.toml ?? ''}`);
      expect(r.code, r.stderr).toBe(0);
    },
  );

  it('inside [mcp_servers.NAME] the same keys are not read: even values Codex refuses at the top load there', async () => {
    const r = await load(
      `[mcp_servers.s]\nurl = "${URL}"\nmcp_oauth_credentials_store = "bogus"\nmcp_oauth_callback_port = 70000\n`,
    );
    expect(r.code, r.stderr).toBe(0);
  });
});
