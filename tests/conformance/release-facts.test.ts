/**
 * The table of Codex knowledge (src/lib/codex), proven on the release under test (CODEX_RELEASE,
 * default the pinned one): flags, name rule and its exact refusal, each command's refusal of a
 * broken config.toml, which keys the release reads, the `get --json` fields, and every entry of
 * CHANGES. `npm run test:versions` runs this on every probed release, so a range that is off by
 * one release fails on the release at its edge.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  APPROVAL_MODES,
  CHANGES,
  configRefusalPattern,
  enumIn,
  inRange,
  keysIn,
  MANIFEST_REFUSAL,
  MCP_KEYS,
  nameRefusal,
  pluginsRefusalPath,
  readsInlineServers,
  refusalCause,
  valueRule,
  type ChangeId,
  type ConfigCommand,
  type KeyFact,
  type RuntimeChangeId,
} from '../../src/lib/codex/index.ts';
import {
  cleanupHomes,
  codex,
  CODEX_RELEASE,
  freshDir,
  readToml,
  RELEASE_FACTS,
  writeConfig,
  type RunResult,
} from '../support/codex.ts';
import { tryInstallHandPlugin } from '../support/plugins.ts';

const URL = 'https://127.0.0.1:9/mcp';
const facts = RELEASE_FACTS;

afterAll(() => cleanupHomes());

/** Loads `toml` as a fresh CODEX_HOME's config.toml and runs `codex mcp get x --json`. */
async function load(toml: string): Promise<RunResult> {
  const home = freshDir('facts');
  writeConfig(home, toml);
  return codex(['mcp', 'get', 'x', '--json'], home);
}

/** The MCP flags `codex mcp SUB --help` lists (codex's global ones left out). */
async function flagsOf(sub: 'add' | 'login'): Promise<string[]> {
  const r = await codex(['mcp', sub, '--help'], freshDir(`help-${sub}`));
  expect(r.code).toBe(0);
  const flags = [...r.stdout.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1] as string);
  return flags.filter((f) => !['--config', '--enable', '--disable', '--help'].includes(f));
}

/** A value of the wrong type for a key: a release that reads the key refuses the file. */
function wrongValue(fact: KeyFact): string {
  const byCheck: Record<KeyFact['check'], string> = {
    string: '1',
    'string list': '1',
    'env var list': '1',
    'string map': '1',
    seconds: '"x"',
    milliseconds: '"x"',
    integer: '"x"',
    boolean: '"x"',
    table: '1',
    'approval mode': '"bogus"',
    refused: '"t"',
  };
  return byCheck[fact.check];
}

/** A config whose only server has `key` set to a wrong value (dotted keys inside their table). */
function probeToml(key: string, fact: KeyFact): string {
  const base = fact.transport === 'http' ? `url = "${URL}"` : 'command = "run"';
  const [table, sub] = key.split('.');
  const line =
    sub === undefined
      ? `${key} = ${wrongValue(fact)}`
      : `${table} = { client_id = "c", ${sub} = ${wrongValue(fact)} }`;
  return `[mcp_servers.x]\n${base}\n${line}\n`;
}

describe(`codex ${CODEX_RELEASE}: flags`, () => {
  it('codex mcp add has exactly the flags of the table', async () => {
    expect((await flagsOf('add')).sort()).toEqual([...facts.addFlags].sort());
  });
  it('codex mcp login has exactly the flags of the table', async () => {
    expect((await flagsOf('login')).sort()).toEqual([...facts.loginFlags].sort());
  });
});

describe(`codex ${CODEX_RELEASE}: the commands the generated outputs use`, () => {
  /** The subcommands `codex [SUB] --help` lists under "Commands:". */
  async function subcommands(argv: string[]): Promise<string[]> {
    const r = await codex([...argv, '--help'], freshDir('help-commands'));
    expect(r.code, r.stderr).toBe(0);
    const list = r.stdout.split(/^Commands:$/m)[1]?.split(/^\S/m)[0] ?? '';
    return [...list.matchAll(/^ {2}([a-z][a-z-]*)\s/gm)].map((m) => m[1] as string);
  }
  it("has exactly the table's commands: codex doctor, codex mcp add/login/list/get (get with --json)", async () => {
    const top = await subcommands([]);
    const mcp = await subcommands(['mcp']);
    const has = [...top.map((c) => c), ...mcp.map((c) => `mcp ${c}`)];
    for (const command of ['mcp add', 'mcp login', 'mcp list', 'mcp get', 'doctor'] as const) {
      expect(has.includes(command), command).toBe(facts.commands.includes(command));
    }
    const get = await codex(['mcp', 'get', '--help'], freshDir('help-get'));
    expect(get.stdout).toMatch(/^\s+--json\b/m);
  });
});

describe(`codex ${CODEX_RELEASE}: server names`, () => {
  for (const name of ['a.b', '@scope/pkg', 'ns:server', 'plain_name-1', 'a b', '']) {
    it(`codex mcp add ${JSON.stringify(name)} follows the release's rule, word for word`, async () => {
      const r = await codex(['mcp', 'add', name, '--', 'run'], freshDir('name'));
      if (facts.nameRule.pattern.test(name)) expect(r.code, r.stderr).toBe(0);
      else {
        expect(r.code).not.toBe(0);
        expect(r.stderr).toContain(`Error: ${nameRefusal(name, facts.nameRule)}`);
      }
    });
  }
});

describe(`codex ${CODEX_RELEASE}: refusing a broken config.toml`, () => {
  const broken = '[mcp_servers.x]\ncommand = "run"\nstartup_timeout_sec = -1\n';
  const argv: Record<ConfigCommand, string[]> = {
    get: ['mcp', 'get', 'x', '--json'],
    list: ['mcp', 'list', '--json'],
    add: ['mcp', 'add', 'y', '--', 'run'],
    login: ['mcp', 'login', 'x'],
    logout: ['mcp', 'logout', 'x'],
    remove: ['mcp', 'remove', 'x'],
  };
  for (const command of Object.keys(argv) as ConfigCommand[]) {
    it(`codex mcp ${command} says "${facts.configRefusal[command]}" and names the cause`, async () => {
      const home = freshDir(`broken-${command}`);
      writeConfig(home, broken);
      const r = await codex(argv[command], home);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(configRefusalPattern(command, CODEX_RELEASE));
      // `remove` reads the servers table alone, so its path starts inside it.
      const path = command === 'remove' ? 'x' : 'mcp_servers.x';
      expect(refusalCause(r.stderr)).toEqual({
        message: 'cannot convert float seconds to Duration: value is negative',
        path,
      });
      if (command !== 'remove')
        expect(/^\s*0: .*config\.toml:1:1: /m.test(r.stderr), 'cause has a FILE:1:1 line').toBe(
          facts.causeHasFileLine[command],
        );
    });
  }
});

describe(`codex ${CODEX_RELEASE}: the keys it reads`, () => {
  const known = new Set(keysIn(CODEX_RELEASE));
  for (const [key, fact] of Object.entries(MCP_KEYS)) {
    const refused = known.has(key) || fact.check === 'refused';
    it(`${key}: a wrong value is ${refused ? 'refused (the key is read)' : 'ignored (the key is unknown)'}`, async () => {
      const r = await load(probeToml(key, fact));
      expect(r.code, r.stderr).toBe(refused ? 1 : 0);
      if (refused) expect(r.stderr).toMatch(configRefusalPattern('get', CODEX_RELEASE));
    });
  }

  it('codex mcp get --json reports exactly the HTTP transport fields of the table', async () => {
    const r = await load(`[mcp_servers.x]\nurl = "${URL}"\n`);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { transport: Record<string, unknown> };
    expect(Object.keys(json.transport)).toEqual(facts.getJsonHttpTransport);
  });
});

// One proof per entry of CHANGES, typed so that a new entry without a proof does not compile.
/** A change that only adds keys: each is read (a wrong value refused) exactly when the table says. */
const keysRead =
  (...keys: string[]) =>
  async (): Promise<void> => {
    for (const key of keys) {
      const r = await load(probeToml(key, MCP_KEYS[key] as KeyFact));
      expect(r.code === 1, `${key}: ${r.stderr}`).toBe(keysIn(CODEX_RELEASE).includes(key));
    }
  };

/** A sub-key with a wrong value in `[mcp_servers.x.TABLE]`: refused exactly when sets.ts says the release reads it. */
const subKeyRead = (key: string, table: string, line: string) => async (): Promise<void> => {
  const r = await load(`[mcp_servers.x]\nurl = "${URL}"\n\n[mcp_servers.x.${table}]\n${line}\n`);
  expect(r.code === 1, `${key}: ${r.stderr}`).toBe(valueRule(key, CODEX_RELEASE) !== undefined);
};

// Changes only a session shows are proven per release by tests/conformance/runtime/ (runtimeFactsFor).
const PROOFS: Record<Exclude<ChangeId, RuntimeChangeId>, () => Promise<void>> = {
  authKey: keysRead('auth'),
  oauthCallbackPort: subKeyRead('oauth.callback_port', 'oauth', 'callback_port = "x"'),
  toolOutputTokenLimit: subKeyRead(
    'tools.*.output_token_limit',
    'tools.t',
    'output_token_limit = "x"',
  ),
  tokenEndpointAuthMethod: subKeyRead(
    'oauth.token_endpoint_auth_method',
    'oauth',
    'token_endpoint_auth_method = "bogus"',
  ),
  emaAuth: async () => {
    // Before `auth` is read at all (authKey), any value of it loads, ignored.
    const rule = valueRule('auth', CODEX_RELEASE);
    const accepted = typeof rule === 'object' && rule.oneOf.includes('ema_auth');
    const r = await load(`[mcp_servers.x]\nurl = "${URL}"\nauth = "ema_auth"\n`);
    expect(r.code === 0, r.stderr).toBe(accepted || rule === undefined);
    // The issuer key arrived with it: read (a wrong type refused) exactly when the value is accepted.
    const issuer = await load(
      `[mcp_servers.x]\nurl = "${URL}"\n\n[mcp_servers.x.oauth]\nauthorization_server_issuer = 1\n`,
    );
    expect(issuer.code === 1, issuer.stderr).toBe(accepted);
  },
  schemaLimitAndReadiness: keysRead('tool_input_schema_max_bytes', 'startup_readiness'),
  bootstrapMessage: async () => {
    const r = await load('[mcp_servers.x]\ncommand = "run"\nurl = "https://127.0.0.1:9/"\n');
    expect(r.stderr).toMatch(configRefusalPattern('get', CODEX_RELEASE));
    expect(refusalCause(r.stderr)?.message).toBe('url is not supported for stdio');
  },
  addLoginHint: async () => {
    // URL cannot be reached: the OAuth check fails, with or without a client id.
    for (const extra of [['--oauth-client-id', 'c'], []]) {
      const r = await codex(['mcp', 'add', 'x', '--url', URL, ...extra], freshDir('hint'));
      expect(r.code, r.stderr).toBe(0);
      expect(
        r.stdout.includes(
          'MCP server may or may not require login. Run `codex mcp login x` to login.',
        ),
        extra.join(' '),
      ).toBe(facts.addPrintsLoginHint);
    }
  },
  approvalWrites: async () => {
    // `writes` loads exactly when the table lists it for this release (settings.test.ts checks the whole list).
    const r = await load(
      `[mcp_servers.x]\nurl = "${URL}"\ndefault_tools_approval_mode = "writes"\n`,
    );
    expect(r.code === 0, r.stderr).toBe(enumIn(APPROVAL_MODES, CODEX_RELEASE).includes('writes'));
  },
  httpHeadersHelper: async () => {
    const r = await load(
      `[mcp_servers.x]\nurl = "${URL}"\nhttp_headers_helper = "print-headers"\n`,
    );
    expect(r.code, r.stderr).toBe(0);
    const transport = (JSON.parse(r.stdout) as { transport: Record<string, unknown> }).transport;
    expect(transport['http_headers_helper']).toBe(
      keysIn(CODEX_RELEASE).includes('http_headers_helper') ? '<redacted>' : undefined,
    );
  },
  oauthClientRegistration: async () => {
    const has = facts.addFlags.includes('--oauth-client-registration');
    expect(facts.loginFlags.includes('--oauth-client-registration')).toBe(has);
    for (const sub of ['add', 'login']) {
      const help = await codex(['mcp', sub, '--help'], freshDir('help'));
      // The option and its three values, as the change text quotes them.
      expect(help.stdout.includes('--oauth-client-registration <AUTO|CIMD|DCR>'), sub).toBe(has);
    }
  },
  callbackUrl: async () => {
    const home = freshDir('callback');
    const r = await codex(['mcp', 'add', 'x', '--url', URL, '--oauth-client-id', 'c'], home);
    expect(r.code, r.stderr).toBe(0);
    const oauth = (
      readToml(`${home}/config.toml`)['mcp_servers'] as Record<
        string,
        Record<string, Record<string, unknown>>
      >
    )['x']?.['oauth'];
    expect(oauth?.['client_id']).toBe('c');
    expect('callback_url' in (oauth ?? {})).toBe(facts.addWritesCallbackUrl);
    expect(/^OAuth callback URL: http:\/\/127\.0\.0\.1\/callback\/\S+$/m.test(r.stdout)).toBe(
      facts.addWritesCallbackUrl,
    );
  },
  nameRule: async () => {
    const r = await codex(['mcp', 'add', 'a.b', '--', 'run'], freshDir('rule'));
    expect(r.code === 0).toBe(facts.nameRule.pattern.test('a.b'));
    // Whatever `add` says, every release of the window loads the name from config.toml; whether a
    // session starts it (only when the rule accepts it) is proven by runtime/guides.test.ts.
    const loaded = await codex(
      ['mcp', 'get', 'a.b', '--json'],
      writeHome('[mcp_servers."a.b"]\ncommand = "run"\n'),
    );
    expect(loaded.code, loaded.stderr).toBe(0);
  },
  loginNoBrowser: async () => {
    expect((await flagsOf('login')).includes('--no-browser')).toBe(
      facts.loginFlags.includes('--no-browser'),
    );
  },
  clientSecret: async () => {
    const r = await load(`[mcp_servers.x]\nurl = "${URL}"\noauth = { client_secret = "s" }\n`);
    expect(r.code === 0, r.stderr).toBe(!facts.clientSecretNeedsClientId);
    if (facts.clientSecretNeedsClientId)
      expect(refusalCause(r.stderr)?.message).toBe('oauth.client_secret requires oauth.client_id');
  },
  pluginInlineServers: async () => {
    // Inline servers in plugin.json, a .mcp.json beside it: one of the two sets, or none at all.
    const { home, installed } = await tryInstallHandPlugin({
      manifest: { mcpServers: { inline: { command: 'a' } } },
      mcpJson: JSON.stringify({ mcpServers: { file: { command: 'b' } } }),
    });
    expect(installed.code === 0, installed.stderr).toBe(readsInlineServers(CODEX_RELEASE));
    if (installed.code !== 0) expect(installed.stderr).toContain(`Error: ${MANIFEST_REFUSAL}`);
    const inline = await codex(['mcp', 'get', 'inline', '--json'], home);
    const file = await codex(['mcp', 'get', 'file', '--json'], home);
    expect(inline.code === 0, inline.stderr).toBe(readsInlineServers(CODEX_RELEASE));
    expect(file.code, '.mcp.json is not read').not.toBe(0);
  },
  pluginsPathShort: async () => {
    const r = await load('[plugins."p@m"]\nenabled = "no"\n');
    expect(refusalCause(r.stderr)?.path).toBe(
      pluginsRefusalPath(['p@m', 'enabled'], CODEX_RELEASE),
    );
    const whole = await load('plugins = 1\n');
    expect(refusalCause(whole.stderr)?.message).toBe(
      inRange(CODEX_RELEASE, { from: CHANGES.pluginsPathShort.since })
        ? 'invalid type: integer `1`, expected struct PluginsConfigToml'
        : 'invalid type: integer `1`, expected a map',
    );
  },
  addBootstrapMessage: async () => {
    const home = writeHome('[mcp_servers.x]\ncommand = "run"\nurl = "https://127.0.0.1:9/"\n');
    const r = await codex(['mcp', 'add', 'y', '--', 'run'], home);
    expect(r.stderr).toMatch(configRefusalPattern('add', CODEX_RELEASE));
  },
};

function writeHome(toml: string): string {
  const home = freshDir('home');
  writeConfig(home, toml);
  return home;
}

describe(`codex ${CODEX_RELEASE}: every change in the table holds on its side of the release`, () => {
  for (const id of Object.keys(PROOFS) as (keyof typeof PROOFS)[]) {
    const c = CHANGES[id];
    it(`${id} (since ${c.since}): ${c.area}`, PROOFS[id]);
  }
});
