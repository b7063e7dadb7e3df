/**
 * The team kit (src/components/team-kit/kit.ts) against the real CLI (the pinned release, or
 * CODEX_RELEASE), offline: kits built from share links of every guide and sign-in method plus a
 * server.json, written out as the page's .zip unpacks them, added from their local path
 * (`codex plugin marketplace add ./NAME`), each plugin installed (`codex plugin add PLUGIN@NAME`);
 * then `codex mcp get SERVER --json` equals what the same link's (or server.json's) TOML block gives.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKit, type KitInput } from '../../src/components/team-kit/kit.ts';
import { marketplaceAdded, PLUGIN_COMMANDS, pluginAdded } from '../../src/lib/codex/index.ts';
import { generate } from '../../src/lib/generator/generate.ts';
import { defaultForm, specFromForm, type FormState } from '../../src/lib/input/provider.ts';
import { providerSchema } from '../../src/lib/input/provider-schema.ts';
import { convertChoice, readServerJson } from '../../src/lib/server-json/index.ts';
import { pluginNameFor } from '../../src/lib/plugin/files.ts';
import { authorPlugin } from '../../src/components/authors/author-plugin.ts';
import { encodeShare } from '../../src/lib/share/share.ts';
import {
  cleanupHomes,
  codex,
  CODEX_RELEASE,
  freshDir,
  getJson,
  mustSucceed,
  writeConfig,
} from '../support/codex.ts';

const SITE = 'https://codex-mcp.example';
const PROVIDERS = ['alloy', 'cdata-connect-ai', 'cinatra', 'custom', 'nekt', 'omni'].map((id) =>
  providerSchema.parse(JSON.parse(readFileSync(`content/providers/${id}.json`, 'utf8'))),
);
const byId = (id: string) => PROVIDERS.find((p) => p.id === id)!;
const fixture = (name: string) => readFileSync(`tests/fixtures/server-json/${name}.json`, 'utf8');

afterAll(() => cleanupHomes());

/** A guide's form for one sign-in method, filled as a person would, under its own server name. */
function formFor(providerId: string, mode: string): FormState {
  const provider = byId(providerId);
  const form = { ...defaultForm(provider, mode), name: `${providerId}-${mode}` };
  for (const key of Object.keys(form.params))
    if (/YOUR-/.test(form.params[key] ?? '')) form.params[key] = `${providerId}.acme.example`;
  return form;
}

/** What the TOML route gives for one server: its block, from the same form. */
interface Expected {
  server: string;
  toml: string;
}

const fromLinks: { link: string; expected: Expected }[] = PROVIDERS.filter(
  (p) => p.id !== 'custom',
).flatMap((provider) =>
  provider.authModes.map((mode) => {
    const form = formFor(provider.id, mode.id);
    const toml = generate(specFromForm(provider, form)).outputs?.toml ?? '';
    return {
      link: `${SITE}/guides/${provider.id}/#${encodeShare(provider, form).params}`,
      expected: { server: form.name, toml },
    };
  }),
);

// The any-server guide: a local program with pass-through variables, and a remote with env headers.
const custom = byId('custom');
const customForms: FormState[] = [
  {
    ...defaultForm(custom, 'local'),
    name: 'files',
    command: 'npx',
    args: '-y\n@acme/files-mcp\n--root\n/srv/data',
    envVars: 'FILES_TOKEN',
    startupTimeoutSec: '30',
  },
  {
    ...defaultForm(custom),
    name: 'remote-hdr',
    params: { url: 'https://mcp.acme.example/mcp' },
    envHeaders: 'X-Api-Key: ACME_KEY',
    toolTimeoutSec: '90',
  },
];
for (const form of customForms)
  fromLinks.push({
    link: `${SITE}/guides/custom/#${encodeShare(custom, form).params}`,
    expected: {
      server: form.name,
      toml: generate(specFromForm(custom, form)).outputs?.toml ?? '',
    },
  });

/** The server.json's TOML block, from the preferred remote or package, as the import gives it. */
function serverJsonExpected(text: string): Expected {
  const report = readServerJson(custom, text);
  const picked = report.choices.find((c) => c.choice.id === report.preferred);
  const outputs = picked?.generated?.outputs;
  if (!outputs) throw new Error('server.json fixture gives no outputs');
  return { server: outputs.name, toml: outputs.toml };
}

const KITS: { name: string; input: KitInput; expected: Expected[] }[] = [
  {
    name: 'team-links',
    input: {
      links: fromLinks.map((l) => l.link).join('\n'),
      serverJson: fixture('brave-search-mcp-server'),
      name: 'team-links',
      repo: 'acme/codex-plugins',
    },
    expected: [
      ...fromLinks.map((l) => l.expected),
      serverJsonExpected(fixture('brave-search-mcp-server')),
    ],
  },
  {
    name: 'team_remote',
    input: {
      links: fromLinks[0]!.link,
      serverJson: fixture('registry-example-with-remote'),
      name: 'team_remote',
      repo: '',
    },
    expected: [fromLinks[0]!.expected, serverJsonExpected(fixture('registry-example-with-remote'))],
  },
];

beforeAll(async () => {
  const r = await codex(['--version'], freshDir('version'));
  expect(r.stdout.trim()).toBe(`codex-cli ${CODEX_RELEASE}`);
});

for (const kit of KITS) {
  describe(`codex ${CODEX_RELEASE}: the team kit "${kit.name}" installed from its local path`, () => {
    const built = buildKit(PROVIDERS, kit.input);
    const home = freshDir('kit-home');

    it('the kit is built, with no error, one plugin per server', () => {
      const errors = Object.values(built.messages)
        .flat()
        .filter((d) => d.severity === 'error');
      expect(errors).toEqual([]);
      expect(built.servers.map((s) => s.server)).toEqual(kit.expected.map((e) => e.server));
    });

    beforeAll(async () => {
      if (!built.files) return;
      // As the .zip unpacks: every file under a folder named after the marketplace.
      const root = join(freshDir('kit-parent'), kit.name);
      for (const f of built.files) {
        mkdirSync(dirname(join(root, f.path)), { recursive: true });
        writeFileSync(join(root, f.path), f.text, 'utf8');
      }
      const added = mustSucceed(
        `marketplace add ./${kit.name}`,
        await codex([...PLUGIN_COMMANDS.marketplaceAdd, `./${kit.name}`], home, dirname(root)),
      );
      expect(added.stdout.split('\n')[0]).toBe(marketplaceAdded(kit.name, root));
      // Each install rewrites config.toml: one at a time.
      for (const s of built.servers) {
        const installed = mustSucceed(
          `plugin add ${s.plugin}@${kit.name}`,
          await codex([...PLUGIN_COMMANDS.add, `${s.plugin}@${kit.name}`], home),
        );
        expect(installed.stdout.split('\n')[0]).toBe(pluginAdded(s.plugin, kit.name));
      }
    }, 900_000);

    for (const e of kit.expected) {
      it.concurrent(
        `${e.server}: codex mcp get --json via the plugin equals the TOML route`,
        async () => {
          expect(e.toml).not.toBe('');
          const tomlHome = freshDir('kit-toml');
          writeConfig(tomlHome, e.toml);
          const viaToml = await getJson(e.server, tomlHome);
          expect(await getJson(e.server, home), 'plugin route and TOML route').toEqual(viaToml);
        },
      );
    }
  });
}

// The authors' page: the server.json as a one-plugin marketplace for the server's own repository.
for (const name of ['brave-search-mcp-server', 'registry-example-with-remote', 'context7']) {
  describe(`codex ${CODEX_RELEASE}: the authors' plugin files for ${name}`, () => {
    const text = fixture(name);
    const report = readServerJson(custom, text);
    const conversion = convertChoice(custom, report.server!, report.preferred!)!;
    const out = authorPlugin(custom, report.server!, conversion);
    const expected = serverJsonExpected(text);
    const plugin = pluginNameFor(expected.server);

    it('installed from the repository folder: codex mcp get --json equals the TOML route', async () => {
      expect(out.problems).toEqual([]);
      const root = join(freshDir('author-parent'), 'repo');
      for (const f of out.files ?? []) {
        mkdirSync(dirname(join(root, f.path)), { recursive: true });
        writeFileSync(join(root, f.path), f.text, 'utf8');
      }
      const home = freshDir('author-home');
      mustSucceed(
        'marketplace add ./repo',
        await codex([...PLUGIN_COMMANDS.marketplaceAdd, './repo'], home, dirname(root)),
      );
      // The README's second command, as written there.
      const add = /codex (plugin add \S+)/.exec(out.readme)?.[1]?.split(' ') ?? [];
      expect(add).toEqual([...PLUGIN_COMMANDS.add, `${plugin}@${plugin}`]);
      mustSucceed('plugin add', await codex(add, home));
      const tomlHome = freshDir('author-toml');
      writeConfig(tomlHome, expected.toml);
      expect(await getJson(expected.server, home)).toEqual(
        await getJson(expected.server, tomlHome),
      );
    });
  });
}

// Why the kit refuses two servers of one name: Codex keeps one of them.
describe(`codex ${CODEX_RELEASE}: two plugins with a server of the same name`, () => {
  it('codex mcp list shows the name once', async () => {
    const root = join(freshDir('dup-parent'), 'dup');
    const plugin = (name: string, url: string) => [
      {
        path: `plugins/${name}/.codex-plugin/plugin.json`,
        text: JSON.stringify({ name, version: '1.0.0', description: 'd' }),
      },
      { path: `plugins/${name}/.mcp.json`, text: JSON.stringify({ mcpServers: { s: { url } } }) },
    ];
    const list = {
      name: 'dup',
      plugins: ['p1', 'p2'].map((name) => ({
        name,
        source: { source: 'local', path: `./plugins/${name}` },
        policy: { installation: 'AVAILABLE', authentication: 'ON_INSTALL' },
        category: 'Productivity',
      })),
    };
    const files = [
      { path: '.agents/plugins/marketplace.json', text: JSON.stringify(list) },
      ...plugin('p1', 'https://127.0.0.1:9/one'),
      ...plugin('p2', 'https://127.0.0.1:9/two'),
    ];
    for (const f of files) {
      mkdirSync(dirname(join(root, f.path)), { recursive: true });
      writeFileSync(join(root, f.path), f.text, 'utf8');
    }
    const home = freshDir('dup-home');
    mustSucceed(
      'add',
      await codex([...PLUGIN_COMMANDS.marketplaceAdd, './dup'], home, dirname(root)),
    );
    for (const p of ['p1', 'p2'])
      mustSucceed(`plugin add ${p}`, await codex([...PLUGIN_COMMANDS.add, `${p}@dup`], home));
    const listed = mustSucceed('mcp list', await codex(['mcp', 'list', '--json'], home));
    const servers = JSON.parse(listed.stdout) as { name: string }[];
    expect(servers.filter((s) => s.name === 's')).toHaveLength(1);
  });
});
