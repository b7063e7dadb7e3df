/**
 * The generator's "As a Codex plugin" block (pluginView): the page's own path (form -> specFromForm
 * -> generate -> withSettings), the files in Codex keys with variables by name only, and every
 * refusal: a value typed into a secret field, a relative cwd; tool approval settings carried over.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pluginView } from '../../../../src/components/generator/plugin-view.ts';
import { generate } from '../../../../src/lib/generator/generate.ts';
import { withSettings } from '../../../../src/lib/generator/settings.ts';
import { defaultForm, specFromForm, type FormState } from '../../../../src/lib/input/provider.ts';
import { providerSchema } from '../../../../src/lib/input/provider-schema.ts';
import { emptySettings, type SettingsForm } from '../../../../src/lib/input/settings-form.ts';

const load = (id: string) =>
  providerSchema.parse(JSON.parse(readFileSync(`content/providers/${id}.json`, 'utf8')));
const nekt = load('nekt');
const custom = load('custom');
const cdata = load('cdata-connect-ai');
const CANARY = 'CANARYsecret0123456789abcdefXYZ';

function view(provider: typeof nekt, form: FormState, settings: SettingsForm = emptySettings()) {
  const spec = specFromForm(provider, form);
  const g = withSettings(generate(spec), settings, {
    oauth: false,
    scope: spec.scope,
    platform: 'unix',
  });
  if (!g.outputs) throw new Error(JSON.stringify(g.diagnostics));
  return pluginView(g.outputs, spec, form);
}

describe('pluginView', () => {
  it('Nekt: the variable by name in bearer_token_env_var, never the typed token', () => {
    const { files, problems } = view(nekt, { ...defaultForm(nekt), secret: CANARY });
    expect(problems).toEqual([]);
    expect(JSON.parse(files!.servers)).toEqual({
      mcpServers: {
        nekt: {
          url: 'https://mcp.nekt.com/mcp',
          bearer_token_env_var: 'NEKT_MCP_BEARER_TOKEN',
        },
      },
    });
    expect(JSON.parse(files!.manifest)).toMatchObject({ name: 'nekt', version: '1.0.0' });
    expect(files!.servers + files!.manifest).not.toContain(CANARY);
  });

  it('a credential kept in the file (inline storage) is refused at "Where the credential is kept"', () => {
    const form = {
      ...defaultForm(cdata, 'basic'),
      params: { ...defaultForm(cdata, 'basic').params },
      user: 'me@example.com',
      secret: CANARY,
      storage: 'inline' as const,
    };
    const { files, problems } = view(cdata, form);
    expect(files).toBeNull();
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'storage',
        message: expect.stringMatching(/^Where the credential is kept: the plugin files/),
      }),
    ]);
    // The same form with the credential in a variable gives files naming the variable only.
    const env = view(cdata, { ...form, storage: 'env' });
    expect(env.problems).toEqual([]);
    expect(env.files!.servers).toContain('env_http_headers');
    expect(env.files!.servers).not.toContain(CANARY);
  });

  it('static headers and a local server environment are refused at their fields', () => {
    const remote = {
      ...defaultForm(custom, 'remote'),
      name: 'docs',
      params: { url: 'https://mcp.example.com/mcp' },
      httpHeaders: `X-Key: ${CANARY}`,
    };
    expect(view(custom, remote).problems.map((d) => d.field)).toEqual(['httpHeaders']);
    const local = {
      ...defaultForm(custom, 'local'),
      name: 'docs',
      command: 'npx',
      env: `API_KEY=${CANARY}`,
    };
    const v = view(custom, local);
    expect(v.files).toBeNull();
    expect(v.problems.map((d) => d.field)).toEqual(['env']);
  });

  it('tool approval settings are carried into .mcp.json, as in the TOML block', () => {
    const form = {
      ...defaultForm(custom, 'remote'),
      name: 'docs',
      params: { url: 'https://mcp.example.com/mcp' },
    };
    const settings = {
      ...emptySettings(),
      defaultApproval: 'prompt',
      toolApprovals: 'a = approve',
    };
    const v = view(custom, form, settings);
    expect(v.problems).toEqual([]);
    expect(JSON.parse(v.files!.servers)).toEqual({
      mcpServers: {
        docs: {
          url: 'https://mcp.example.com/mcp',
          default_tools_approval_mode: 'prompt',
          tools: { a: { approval_mode: 'approve' } },
        },
      },
    });
    expect(JSON.parse(view(custom, form).files!.servers)).toEqual({
      mcpServers: { docs: { url: 'https://mcp.example.com/mcp' } },
    });
  });

  it("a relative cwd gets files.ts's refusal, never a file", () => {
    const base = { ...defaultForm(custom, 'local'), name: 'docs', command: 'npx', args: '' };
    const v = view(custom, { ...base, cwd: 'sub/dir' });
    expect(v.files).toBeNull();
    expect(v.problems).toEqual([
      expect.objectContaining({ field: 'cwd', message: expect.stringContaining('"sub/dir"') }),
    ]);
    const abs = view(custom, { ...base, cwd: '/srv/docs' });
    expect(JSON.parse(abs.files!.servers).mcpServers.docs).toEqual({
      command: 'npx',
      cwd: '/srv/docs',
    });
  });
});
