/**
 * Issue 20's reproductions for the generator form and share links, each as it was found: the page's
 * own path (form state -> specFromForm -> generate, or a link -> decodeShare), asserting the entry
 * the person meant or a refusal at the field, never the silently different output of before.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/lib/generator/generate.ts';
import { fieldOf } from '../../../src/lib/input/form.ts';
import { defaultForm, specFromForm, type FormState } from '../../../src/lib/input/provider.ts';
import { providerSchema } from '../../../src/lib/input/provider-schema.ts';
import { decodeShare, encodeShare } from '../../../src/lib/share/share.ts';
import { readHost } from '../../../src/lib/input/boundary.ts';

const load = (id: string) =>
  providerSchema.parse(JSON.parse(readFileSync(`content/providers/${id}.json`, 'utf8')));
const omni = load('omni');
const cinatra = load('cinatra');
const custom = load('custom');
const nekt = load('nekt');

function run(provider: typeof omni, form: FormState) {
  const spec = specFromForm(provider, form);
  const g = generate(spec);
  const at = (key: string) => g.diagnostics.filter((d) => fieldOf(d, spec, provider, form) === key);
  return { spec, g, at };
}
const omniKey = (instance: string): FormState => ({
  ...defaultForm(omni, 'api-key'),
  params: { instance },
});
const local = (o: Partial<FormState>): FormState => ({ ...defaultForm(custom, 'local'), ...o });

describe('hosts pasted as URLs (issue 20)', () => {
  it('Omni: https://acme.omniapp.co/ gives https://acme.omniapp.co/mcp/https (was https://https://acme.omniapp.co//mcp/https), with a note', () => {
    const { g, at } = run(omni, omniKey('https://acme.omniapp.co/'));
    expect(g.outputs!.entry).toMatchObject({ url: 'https://acme.omniapp.co/mcp/https' });
    expect(at('params.instance')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringMatching(
          /^Read as the host acme\.omniapp\.co, leaving out https:\/\//,
        ),
      }),
    ]);
  });

  it('Cinatra: its MCP Server URL gives …/api/mcp once (was …/api/mcp/api/mcp)', () => {
    const form = {
      ...defaultForm(cinatra, 'token'),
      params: { instance: 'https://cinatra.acme.dev/api/mcp' },
    };
    expect(run(cinatra, form).g.outputs!.entry).toMatchObject({
      url: 'https://cinatra.acme.dev/api/mcp',
    });
  });

  it("a path other than the provider's is refused at the field, not appended", () => {
    const { g, at } = run(omni, omniKey('https://acme.omniapp.co/api/mcp'));
    expect(g.outputs).toBeNull();
    // One message at the field: the URL check does not repeat it.
    expect(at('params.instance').filter((d) => d.severity === 'error')).toHaveLength(1);
  });

  it.each([
    ['evil.com?.omniapp.co', 'evil.com'],
    ['evil.com#.omniapp.co', 'evil.com'],
    ['evil.com\\.omniapp.co', 'evil.com'],
    ['evil.com?@acme.omniapp.co', 'evil.com'],
    ['evil.com\\@acme.omniapp.co', 'evil.com'],
  ])('typed lookalike %j is refused, naming the host Codex would use (%s)', (typed, real) => {
    const { g, at } = run(omni, omniKey(typed));
    expect(g.outputs).toBeNull();
    expect(
      at('params.instance')
        .map((d) => d.message)
        .join('\n'),
    ).toContain(`Codex would connect to ${real}`);
  });
});

describe('lookalike hosts in links (issue 20)', () => {
  it.each([
    'evil.com%3F.omniapp.co',
    'evil.com%23.omniapp.co',
    'evil.com%5C.omniapp.co',
    'evil.com%3F%40acme.omniapp.co',
    'evil.com%5C%40acme.omniapp.co',
  ])(
    '/guides/omni/#v=1&mode=api-key&p.instance=%s is not applied, and the notice names evil.com',
    (value) => {
      const d = decodeShare(omni, `#v=1&mode=api-key&p.instance=${value}`);
      // Before: applied with no caution, and Codex connected to evil.com.
      expect(d.form.params['instance']).toBe('YOUR-INSTANCE.omniapp.co');
      expect(d.applied.map((a) => a.key)).toEqual(['mode']);
      expect(d.notices.join('\n')).toMatch(
        /"p\.instance" was ignored: .*Codex would connect to evil\.com/,
      );
    },
  );

  it('Cinatra (self-hosted): a host that is not what it shows is refused, naming the real one', () => {
    const d = decodeShare(cinatra, '#v=1&mode=token&p.instance=evil.com%3F.acme.dev');
    expect(d.form.params['instance']).toBe('YOUR-CINATRA-HOST');
    expect(d.notices.join('\n')).toMatch(/Codex would connect to evil\.com/);
  });

  it('the caution judges the real host: a full URL to another domain names that host', () => {
    const d = decodeShare(
      omni,
      '#v=1&mode=api-key&p.instance=https%3A%2F%2Fomniapp.co.evil.com%2F',
    );
    expect(d.cautions).toEqual([
      expect.stringMatching(
        /^This link points Omni at omniapp\.co\.evil\.com, which is not an omniapp\.co address/,
      ),
    ]);
  });

  it('any server: a URL whose text suggests another host gets a caution naming the real one', () => {
    const d = decodeShare(
      custom,
      '#v=1&mode=remote&p.url=https%3A%2F%2Fmcp.acme.dev%40evil.com%2Fmcp',
    );
    expect(d.cautions.join('\n')).toMatch(
      /reaches the host evil\.com, not what its text may suggest/,
    );
  });
});

describe('links apply and carry only what the field accepts (issue 20)', () => {
  it('a timeout that is not a number, or a server name Codex refuses, is not applied', () => {
    const d = decodeShare(nekt, '#v=1&startup=soon&name=a%20b');
    expect(d.form.startupTimeoutSec).toBe(defaultForm(nekt).startupTimeoutSec);
    expect(d.form.name).toBe('nekt');
    expect(d.ignored.sort()).toEqual(['name', 'startup']);
    expect(d.notices.join('\n')).toMatch(
      /"startup" was ignored: Startup timeout must be a number of seconds/,
    );
  });

  it('a link carries a host field as the form read it, never the URL or the variable line typed', () => {
    const form = {
      ...omniKey('https://acme.omniapp.co/mcp/https'),
      envVar: 'export OMNI_KEY=paste-your-omni-api-key',
    };
    expect(encodeShare(omni, form).params).toBe(
      'v=1&mode=api-key&env=OMNI_KEY&p.instance=acme.omniapp.co',
    );
  });

  it('a value its field refuses is left out of the link and named', () => {
    const encoded = encodeShare(nekt, { ...defaultForm(nekt), toolTimeoutSec: 'soon' });
    expect(encoded.params).toBe('v=1');
    expect(encoded.unusable).toEqual(['Tool timeout']);
  });

  it('a {placeholder} to replace is still carried and applied (server.json links)', () => {
    const form = {
      ...defaultForm(custom, 'remote'),
      params: { url: 'https://{tenant}.acme.dev/mcp' },
    };
    const { params } = encodeShare(custom, form);
    expect(params).toContain('p.url=');
    expect(decodeShare(custom, params).form.params['url']).toBe('https://{tenant}.acme.dev/mcp');
  });
});

describe('from= is a claim (issue 20)', () => {
  it('is returned as what the link says, not applied to any field', () => {
    const d = decodeShare(custom, '#v=1&from=io.github.acme%2Fserver%401.0.0');
    expect(d.from).toBe('io.github.acme/server@1.0.0');
    expect(d.notices).toEqual([]);
  });

  it.each(['%E2%80%AE', '%E2%80%8B', '%E2%81%A6'])(
    'holding %s (bidi or zero-width) is refused with a notice',
    (c) => {
      const d = decodeShare(custom, `#v=1&from=io.github.acme%2Fserver${c}%401.0.0`);
      expect(d.from).toBeUndefined();
      expect(d.notices).toEqual([
        expect.stringMatching(/^"from" was ignored: its value holds U\+/),
      ]);
    },
  );

  it("the import notice no longer calls it the server's published description", () => {
    const source = readFileSync('src/components/server-json/ServerJsonImport.tsx', 'utf8');
    expect(source).not.toMatch(/published description/);
    expect(source).toMatch(/This link says it was made from server\.json/);
    expect(source).toMatch(/cannot verify/);
  });
});

describe('command lines pasted into Command (issue 20)', () => {
  it('replace the preset arguments: 3 arguments, as the note says (was 5)', () => {
    const { g, at } = run(
      custom,
      local({ command: 'npx -y @modelcontextprotocol/server-filesystem /srv/docs' }),
    );
    expect(g.outputs!.entry).toMatchObject({
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-filesystem', '/srv/docs'],
    });
    const note = at('command')[0]!.message;
    expect(note).toMatch(/command `npx`, 3 arguments/);
    expect(note).toMatch(
      /They replace the preset arguments under Arguments \(`-y`, `@modelcontextprotocol\/server-everything`\), which are not used/,
    );
  });

  it.each([
    ['codex mcp add fs -- npx -y srv', 'codex'],
    ['claude mcp add fs -- npx -y srv', 'claude'],
  ])('%j runs the part after "--", never %s', (command, client) => {
    const { g, at } = run(custom, local({ command }));
    expect(g.outputs!.entry).toMatchObject({ command: 'npx', args: ['-y', 'srv'] });
    expect(at('command')[0]!.message).toMatch(
      new RegExp(`^Read the pasted "${client} mcp add" command as the server's own command`),
    );
  });

  it('claude mcp add -e NAME=value: the note says where NAME goes, never the value', () => {
    const { at } = run(
      custom,
      local({ command: 'claude mcp add gh -e GH_TOKEN=s3cr3tvalue -- npx srv' }),
    );
    const note = at('command')[0]!.message;
    expect(note).toMatch(/put GH_TOKEN=value under "Environment for the server"/);
    expect(note).not.toContain('s3cr3tvalue');
  });
});

describe('variables, env values, headers and lists (issue 20)', () => {
  it('NAME="value" in the server\'s environment loses the quotes (were kept)', () => {
    const { g } = run(custom, local({ env: 'API_KEY="abc"' }));
    expect(g.outputs!.entry).toMatchObject({ env: { API_KEY: 'abc' } });
  });

  it('GITHUB_TOKEN=$GITHUB_TOKEN is passed through by name (env_vars), not written literally', () => {
    const { g, at } = run(custom, local({ env: 'GITHUB_TOKEN=$GITHUB_TOKEN' }));
    expect(g.outputs!.entry).toMatchObject({ env_vars: ['GITHUB_TOKEN'] });
    expect(g.outputs!.toml).not.toContain('$GITHUB_TOKEN');
    expect(at('env')[0]!.message).toMatch(/read as passing GITHUB_TOKEN through from your shell/);
  });

  it('export NAME=value in the variable-name field gives NAME, and the note never repeats the value', () => {
    const { g, at } = run(nekt, { ...defaultForm(nekt), envVar: 'export NEKT_KEY=hunter2' });
    expect(g.outputs!.entry).toMatchObject({ bearer_token_env_var: 'NEKT_KEY' });
    expect(at('envVar')[0]!.message).not.toContain('hunter2');
  });

  it("a whole X-MCP-Model-ID: <uuid> line in that header's field gives the uuid (was the whole line)", () => {
    const uuid = '3f1c9a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
    const form = omniKey('acme.omniapp.co');
    form.headers['X-MCP-Model-ID'] = `X-MCP-Model-ID: ${uuid}`;
    expect(run(omni, form).g.outputs!.entry).toMatchObject({
      http_headers: { 'X-MCP-Model-ID': uuid },
    });
  });

  it('two lines in Allowed tools give two tool names, also when a one-line input flattened them', () => {
    for (const enabledTools of ['search\nfetch', 'search fetch'])
      expect(run(nekt, { ...defaultForm(nekt), enabledTools }).g.outputs!.entry).toMatchObject({
        enabled_tools: ['search', 'fetch'],
      });
  });

  it('surrounding spaces in a header value are trimmed (were kept)', () => {
    const form = omniKey('acme.omniapp.co');
    form.headers['X-MCP-Topic-Name'] = '  Sales ';
    expect(run(omni, form).g.outputs!.entry).toMatchObject({
      http_headers: { 'X-MCP-Topic-Name': 'Sales' },
    });
  });
});

describe('readHost', () => {
  const p = {
    label: 'Omni instance host',
    template: 'https://{instance}/mcp/https',
    key: 'instance',
    example: 'YOUR-INSTANCE.omniapp.co',
    placeholder: 'acme.omniapp.co',
    provider: 'Omni',
  };
  it('keeps a plain host as typed, the example placeholder included', () => {
    expect(readHost('acme.omniapp.co', p)).toEqual({ value: 'acme.omniapp.co' });
    expect(readHost('YOUR-INSTANCE.omniapp.co', p)).toEqual({ value: 'YOUR-INSTANCE.omniapp.co' });
  });
});
