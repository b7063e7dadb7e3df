/**
 * The team kit's assembly (buildKit): share links and a server.json through the guides' own codec,
 * boundary and import, into one marketplace repository; every refusal at its field, naming its
 * source; a value typed as a secret never in a file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildKit, MAX_LINKS, type KitInput } from '../../../../src/components/team-kit/kit.ts';
import { MARKETPLACE_NAME_REFUSAL, PLUGIN_PATHS } from '../../../../src/lib/codex/plugins.ts';
import { generate } from '../../../../src/lib/generator/generate.ts';
import { orderedEntry } from '../../../../src/lib/generator/toml.ts';
import { defaultForm, specFromForm, type FormState } from '../../../../src/lib/input/provider.ts';
import { providerSchema } from '../../../../src/lib/input/provider-schema.ts';
import { encodeShare } from '../../../../src/lib/share/share.ts';

const load = (id: string) =>
  providerSchema.parse(JSON.parse(readFileSync(`content/providers/${id}.json`, 'utf8')));
const PROVIDERS = ['alloy', 'cdata-connect-ai', 'cinatra', 'custom', 'nekt', 'omni'].map(load);
const [alloy, , , custom, nekt] = PROVIDERS as [
  ReturnType<typeof load>,
  ReturnType<typeof load>,
  ReturnType<typeof load>,
  ReturnType<typeof load>,
  ReturnType<typeof load>,
];
const BRAVE = readFileSync('tests/fixtures/server-json/brave-search-mcp-server.json', 'utf8');
const SITE = 'https://codex-mcp.example/base';

/** The link a guide's "Copy link for teammates" gives for `form`. */
const link = (provider: typeof nekt, form: FormState) =>
  `${SITE}/guides/${provider.id}/#${encodeShare(provider, form).params}`;
const alloyKey = { ...defaultForm(alloy, 'key') };
const local = (name: string, extra: Partial<FormState> = {}): FormState => ({
  ...defaultForm(custom, 'local'),
  name,
  command: 'npx',
  args: '-y\n@acme/files-mcp',
  ...extra,
});

const kit = (input: Partial<KitInput>) =>
  buildKit(PROVIDERS, {
    links: '',
    serverJson: '',
    name: 'acme-tools',
    repo: 'acme/plugins',
    ...input,
  });
const fileOf = (k: ReturnType<typeof kit>, path: string) => k.files?.find((f) => f.path === path);

describe('buildKit', () => {
  it('two links and a server.json: the repository, each .mcp.json the entry the guide gives', () => {
    const links = [link(nekt, defaultForm(nekt)), link(alloy, alloyKey)].join('\n');
    const k = kit({ links, serverJson: BRAVE });
    expect(k.messages.links.filter((d) => d.severity === 'error')).toEqual([]);
    expect(k.messages.serverJson.filter((d) => d.severity === 'error')).toEqual([]);
    expect(k.files?.map((f) => f.path)).toEqual([
      'README.md',
      PLUGIN_PATHS.marketplace,
      'plugins/nekt/.codex-plugin/plugin.json',
      'plugins/nekt/.mcp.json',
      'plugins/alloy/.codex-plugin/plugin.json',
      'plugins/alloy/.mcp.json',
      'plugins/brave-search-mcp-server/.codex-plugin/plugin.json',
      'plugins/brave-search-mcp-server/.mcp.json',
    ]);
    expect(k.servers.map((s) => [s.source, s.server])).toEqual([
      ['link 1', 'nekt'],
      ['link 2', 'alloy'],
      ['the server.json', 'brave-search-mcp-server'],
    ]);
    const nektEntry = generate(specFromForm(nekt, defaultForm(nekt))).outputs!.entry;
    expect(JSON.parse(fileOf(k, 'plugins/nekt/.mcp.json')!.text)).toEqual({
      mcpServers: { nekt: orderedEntry(nektEntry) },
    });
    expect(JSON.parse(fileOf(k, 'plugins/brave-search-mcp-server/.mcp.json')!.text)).toEqual({
      mcpServers: {
        'brave-search-mcp-server': {
          command: 'npx',
          args: ['-y', '@brave/brave-search-mcp-server@2.1.3'],
          env_vars: ['BRAVE_API_KEY'],
          startup_timeout_sec: 60,
        },
      },
    });
    const list = JSON.parse(fileOf(k, PLUGIN_PATHS.marketplace)!.text) as {
      name: string;
      plugins: { name: string }[];
    };
    expect(list.name).toBe('acme-tools');
    expect(list.plugins.map((p) => p.name)).toEqual(['nekt', 'alloy', 'brave-search-mcp-server']);
    const readme = fileOf(k, 'README.md')!.text;
    expect(readme).toContain('codex plugin marketplace add acme/plugins');
    expect(readme).toContain('codex plugin add brave-search-mcp-server@acme-tools');
    expect(readme).toContain('export BRAVE_API_KEY=');
    expect(readme).toContain('export NEKT_MCP_BEARER_TOKEN=');
    expect(readme).toContain('set -gx ALLOY_MCP_API_KEY');
    expect(readme).toContain('$env:ALLOY_MCP_API_KEY');
    // server.json said which package it used.
    expect(k.messages.serverJson.map((d) => d.message).join()).toMatch(/uses /);
  });

  it('a link pasted twice: refused, naming both links', () => {
    const one = link(nekt, defaultForm(nekt));
    const k = kit({ links: `${one}\n\n${one}` });
    expect(k.files).toBeNull();
    expect(k.messages.links.map((d) => d.message)).toEqual([
      'Share links: link 1 and link 2 both give the server name "nekt"; Codex would load only one of them. Change the Server name of one in its guide and paste its new link.',
    ]);
  });

  it('a link and the server.json with the same server name: refused at the server.json, naming both', () => {
    const k = kit({ links: link(custom, local('brave-search-mcp-server')), serverJson: BRAVE });
    expect(k.files).toBeNull();
    expect(k.messages.serverJson.filter((d) => d.severity === 'error')[0]?.message).toMatch(
      /^server\.json: link 1 and the server\.json both give the server name "brave-search-mcp-server"/,
    );
  });

  it('server names that make the same plugin name: refused, naming both servers', () => {
    const links = [link(custom, local('a.b')), link(custom, local('a-b'))].join('\n');
    const k = kit({ links });
    expect(k.files).toBeNull();
    expect(k.messages.links[0]?.message).toContain(
      'link 1 and link 2 both give the plugin name "a-b" (from the server names "a.b" and "a-b")',
    );
  });

  it('what is not a share link of this site: a message at the field, naming the line', () => {
    for (const bad of [
      'hello',
      `${SITE}/guides/unknown/#v=1`,
      `${SITE}/guides/nekt/`,
      'https://example.com/#v=1',
    ]) {
      const k = kit({ links: bad });
      expect(k.files).toBeNull();
      expect(k.messages.links[0]?.message, bad).toMatch(
        /^Share links, link 1: not a share link of this site/,
      );
    }
    const k = kit({ links: `${SITE}/guides/nekt/#v=9` });
    expect(k.files).toBeNull();
    expect(k.messages.links.map((d) => d.message).join('\n')).toContain('different version');
  });

  it('nothing pasted: one message at the links field', () => {
    const k = kit({});
    expect(k.files).toBeNull();
    expect(k.messages.links.map((d) => d.message)).toEqual([
      'Share links: paste at least one share link, or a server.json below.',
    ]);
  });

  it("the marketplace name: Codex's rule, with its own refusal and a proposal", () => {
    const k = kit({ links: link(nekt, defaultForm(nekt)), name: 'acme.tools' });
    expect(k.files).toBeNull();
    expect(k.messages.name[0]?.message).toBe(
      `Marketplace name: Codex refuses "acme.tools" (${MARKETPLACE_NAME_REFUSAL}). Try "acme-tools".`,
    );
    const repo = kit({ links: link(nekt, defaultForm(nekt)), repo: 'not a repo' });
    expect(repo.files).toBeNull();
    expect(repo.messages.repo[0]?.message).toMatch(/^Repository: "not a repo" is not OWNER\/REPO/);
    // No repository yet: the README shows the placeholder.
    const none = kit({ links: link(nekt, defaultForm(nekt)), repo: '' });
    expect(fileOf(none, 'README.md')?.text).toContain('codex plugin marketplace add OWNER/REPO');
  });

  it('a credential typed as the name or the repository: refused at the field, never written', () => {
    const token = 'ghp_' + 'Canary0123456789abcdefghijklmnopqrstu';
    for (const field of ['name', 'repo'] as const) {
      const value = field === 'repo' ? `acme/${token}` : token;
      const k = kit({ links: link(nekt, defaultForm(nekt)), [field]: value });
      expect(k.files, field).toBeNull();
      expect(k.messages[field][0]?.message).toMatch(/looks like a credential/);
      expect(JSON.stringify(k.messages)).not.toContain(token);
    }
  });

  it('a secret never reaches a file: links carry none, and a plugin refuses what a guide withholds', () => {
    const canary = 'CANARYsecret0123456789abcdefXYZ';
    // The guide's own link for a form holding the secret: the codec leaves it out.
    const k = kit({
      links: [
        link(nekt, { ...defaultForm(nekt), secret: canary }),
        link(alloy, { ...alloyKey, secret: canary }),
      ].join('\n'),
    });
    expect(k.files).not.toBeNull();
    expect(JSON.stringify(k.files)).not.toContain(canary);
    // A link written by hand with a secret key or a credential-looking header: ignored, noted.
    const forged = kit({
      links: `${SITE}/guides/nekt/#v=1&secret=${canary}&h.X-Api-Key=sk-${canary}`,
    });
    expect(forged.files).not.toBeNull();
    expect(JSON.stringify(forged.files)).not.toContain(canary);
    expect(forged.messages.links.some((d) => d.severity === 'warning')).toBe(true);
    // Static headers (a secret field) are not in a link: the plugin has none.
    const headers = kit({
      links: link(custom, {
        ...defaultForm(custom),
        name: 'hdr',
        params: { url: 'https://mcp.acme.example/mcp' },
        httpHeaders: 'X-Region: eu',
      }),
    });
    expect(JSON.parse(fileOf(headers, 'plugins/hdr/.mcp.json')!.text)).toEqual({
      mcpServers: { hdr: { url: 'https://mcp.acme.example/mcp' } },
    });
  });

  it('a server.json that cannot be read: its own messages at the field', () => {
    const k = kit({ serverJson: '{ "name": ' });
    expect(k.files).toBeNull();
    expect(k.messages.serverJson[0]?.message).toMatch(/^server\.json: /);
    expect(k.messages.links).toEqual([]);
  });

  it('a link that sets Advanced settings: refused, the plugin files do not hold them', () => {
    const settings = { defaultApproval: 'approve' };
    const k = kit({ links: `${link(nekt, defaultForm(nekt))}&approval=approve` });
    expect(encodeShare(nekt, defaultForm(nekt), {}, settings).params).toContain('approval=approve');
    expect(k.files).toBeNull();
    expect(k.messages.links[0]?.message).toMatch(/^Share links, link 1: it sets Advanced settings/);
  });

  it("a relative cwd: refused as the guide's plugin block refuses it, naming the link", () => {
    const k = kit({ links: link(custom, local('files', { cwd: 'sub' })) });
    expect(k.files).toBeNull();
    expect(k.messages.links[0]?.message).toMatch(/^Share links, link 1: Working directory: /);
  });

  it('a server.json secret with a fixed value: only its name and a neutral placeholder', () => {
    const canary = 'CANARYfixed0123456789abcdefXYZ';
    const brave = JSON.parse(BRAVE) as {
      packages: { environmentVariables: Record<string, unknown>[] }[];
    };
    brave.packages[0]!.environmentVariables[0]!['value'] = canary;
    const k = kit({ serverJson: JSON.stringify(brave) });
    expect(k.files).not.toBeNull();
    expect(JSON.stringify(k.files)).not.toContain(canary);
    expect(fileOf(k, 'README.md')?.text).toContain('export BRAVE_API_KEY=paste-your-secret');
  });

  it("a link whose credential is kept in the file: refused, as the guide's plugin block does", () => {
    const hdr = load('cdata-connect-ai');
    const basic = { ...defaultForm(hdr, 'basic'), storage: 'inline' as const };
    const url = link(hdr, basic);
    expect(url).toContain('storage=inline');
    const k = kit({ links: url });
    expect(k.files).toBeNull();
    expect(k.messages.links.find((d) => d.severity === 'error')?.message).toMatch(
      /^Share links, link 1: Where the credential is kept: /,
    );
    // The guide's caution comes first, as on the guide.
    expect(k.messages.links[0]?.message).toMatch(
      /This link switches "Where the credential is kept"/,
    );
  });

  it('more links than a kit takes: one message, and nothing decoded', () => {
    const one = link(nekt, defaultForm(nekt));
    const k = kit({ links: Array.from({ length: MAX_LINKS + 1 }, () => one).join('\n') });
    expect(k.files).toBeNull();
    expect(k.messages.links.map((d) => d.message)).toEqual([
      `Share links: ${MAX_LINKS + 1} lines; a kit takes at most ${MAX_LINKS} servers. Split them into several marketplaces.`,
    ]);
  });

  it("a link's cautions, as the guide shows them: a host outside the provider's domain", () => {
    const omni = PROVIDERS[5]!;
    const form = { ...defaultForm(omni, 'api-key'), params: { instance: 'evil.example.net' } };
    const k = kit({ links: link(omni, form) });
    expect(k.files).not.toBeNull();
    expect(k.messages.links).toEqual([
      {
        field: 'links',
        severity: 'warning',
        message: expect.stringMatching(
          /^Share links, link 1: This link points Omni at evil\.example\.net/,
        ),
      },
    ]);
  });
});
