/**
 * "No browser on this machine" (src/lib/generator/headless.ts, wired in settings.ts): the order of
 * the steps with the switch on and off, the store it implies, the login line per release, and the
 * switch's value check. What Codex does on such a machine is proven by
 * tests/conformance/runtime/headless.test.ts.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { CHANGES } from '../../../src/lib/codex/changes.ts';
import { CODEX_NEWEST, CODEX_OLDEST } from '../../../src/lib/codex/releases.ts';
import { generate, loginCommand } from '../../../src/lib/generator/generate.ts';
import { headlessOf } from '../../../src/lib/generator/headless.ts';
import { emptySpec, type ServerSpec } from '../../../src/lib/generator/model.ts';
import {
  emptySettings,
  withSettings,
  type SettingsContext,
  type SettingsForm,
} from '../../../src/lib/generator/settings.ts';
import type { Release } from '../../../src/lib/codex/releases.ts';
import { defaultForm } from '../../../src/lib/input/provider.ts';
import { providerSchema } from '../../../src/lib/input/provider-schema.ts';
import { decodeShare, encodeShare } from '../../../src/lib/share/share.ts';

const oauth = (o: Partial<ServerSpec> = {}): ServerSpec => ({
  ...emptySpec(),
  name: 'docs',
  url: 'https://mcp.example.com/mcp',
  auth: 'oauth',
  ...o,
});
const ctx = (release: Release = CODEX_NEWEST, o: Partial<SettingsContext> = {}) => ({
  oauth: true,
  scope: 'user' as const,
  platform: 'unix' as const,
  release,
  ...o,
});
const form = (o: Partial<SettingsForm>): SettingsForm => ({ ...emptySettings(), ...o });
const run = (spec: ServerSpec, settings: Partial<SettingsForm>, release?: Release) => {
  const r = withSettings(generate(spec, release), form(settings), ctx(release));
  return { ...r, headless: headlessOf(r) };
};
const blockOf = (r: ReturnType<typeof run>, step: string, kind: string) =>
  r.headless?.find((s) => s.id === step)?.blocks.find((b) => b.kind === kind)?.text;

/** A step's words: its paragraphs and its notes. */
const textOf = (r: ReturnType<typeof run>, step: string): string => {
  const s = r.headless?.find((x) => x.id === step);
  return [...(s?.paragraphs ?? []), ...(s?.notes ?? [])].join('\n');
};

describe('no browser on this machine', () => {
  it('off: no headless steps, no top-level block, the usual login line with the headless comment', () => {
    const r = run(oauth(), {});
    expect(r.headless).toBeUndefined();
    expect(r.topLevel).toBeNull();
    expect(r.outputs?.login).toMatch(/^codex mcp login docs\n# No browser on this machine/);
  });

  it('on: the file store first, then the TOML block (no `codex mcp add`), then `login --no-browser`, then the check', () => {
    const r = run(oauth(), { headless: 'on' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.headless!.map((s) => s.id)).toEqual(['store', 'add', 'login', 'verify']);
    expect(r.topLevel).toBe('mcp_oauth_credentials_store = "file"\n');
    expect(blockOf(r, 'store', 'toml-top')).toBe(r.topLevel);
    expect(parse(blockOf(r, 'add', 'toml')!)).toEqual({
      mcp_servers: { docs: { url: 'https://mcp.example.com/mcp' } },
    });
    // No step carries the `codex mcp add` command.
    for (const s of r.headless!) for (const b of s.blocks) expect(b.text).not.toMatch(/mcp add/);
    expect(blockOf(r, 'login', 'login')).toBe('codex mcp login docs --no-browser\n');
    expect(blockOf(r, 'verify', 'verify')).toBe(r.outputs!.verify);
    const login = textOf(r, 'login');
    expect(login).toMatch(/`Callback URL \(input hidden\):`/);
    // No fixed port: the page says how to get one, and names no port.
    expect(login).toMatch(/set a fixed "OAuth callback port"/);
    expect(login).not.toMatch(/ssh -L/);
  });

  it('on, with variables: their step comes after the store and before the block', () => {
    const spec = oauth({
      envHttpHeaders: [{ name: 'X-Team', value: 'TEAM_ID' }],
      envVarLines: [{ name: 'TEAM_ID', value: '', placeholder: 'your-team' }],
    });
    const r = run(spec, { headless: 'on' });
    expect(r.outputs?.env, JSON.stringify(r.diagnostics)).not.toBeNull();
    expect(r.headless!.map((s) => s.id)).toEqual(['store', 'env', 'add', 'login', 'verify']);
  });

  it('a fixed callback port goes into the top-level block and the forwarding note names it', () => {
    const r = run(oauth(), { headless: 'on', callbackPort: '8765' });
    expect(r.topLevel).toBe(
      'mcp_oauth_credentials_store = "file"\nmcp_oauth_callback_port = 8765\n',
    );
    const login = textOf(r, 'login');
    expect(login).toMatch(/`ssh -L 8765:127\.0\.0\.1:8765 THIS-HOST`/);
    expect(login).toMatch(/`http:\/\/127\.0\.0\.1:8765\/callback\/…`/);
  });

  it('scopes travel on the headless login line', () => {
    const r = run(oauth({ scopes: ['read', 'write'] }), { headless: 'on' });
    // Quoted like the usual login line (a bare a,b is an array in PowerShell).
    expect(blockOf(r, 'login', 'login')).toBe(
      "codex mcp login docs --scopes 'read,write' --no-browser\n",
    );
    expect(r.outputs!.login!.split('\n')[0]).toBe("codex mcp login docs --scopes 'read,write'");
  });

  it(`before ${CHANGES.loginNoBrowser.since}: plain \`login\`, and the callback address requested on this machine`, () => {
    const r = run(oauth(), { headless: 'on' }, CODEX_OLDEST);
    expect(blockOf(r, 'login', 'login')).toBe('codex mcp login docs\n');
    const login = textOf(r, 'login');
    expect(login).toContain(`Codex ${CODEX_OLDEST} has no \`--no-browser\``);
    expect(login).toContain(`it came in ${CHANGES.loginNoBrowser.since}`);
    expect(login).toMatch(/run `curl 'ADDRESS'`/);
    expect(loginCommand('docs', [], CODEX_OLDEST, true)).toBe('codex mcp login docs\n');
  });

  it('an explicit store wins, with a warning at its field', () => {
    const r = run(oauth(), { headless: 'on', credentialsStore: 'auto' });
    expect(r.topLevel).toBe('mcp_oauth_credentials_store = "auto"\n');
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ field: 'settings.credentialsStore', severity: 'warning' }),
    );
    expect(run(oauth(), { headless: 'on', credentialsStore: 'file' }).diagnostics).toEqual([]);
  });

  it('only for OAuth: another sign-in method ignores the switch', () => {
    const spec = oauth({ auth: 'none' });
    const r = withSettings(
      generate(spec),
      form({ headless: 'on' }),
      ctx(CODEX_NEWEST, { oauth: false }),
    );
    expect(r.headless).toBeUndefined();
    expect(r.topLevel).toBeNull();
  });

  it('a value other than "on" (from a link) is an error at the switch, naming the fix', () => {
    const r = run(oauth(), { headless: 'yes' });
    expect(r.outputs).toBeNull();
    expect(r.diagnostics).toContainEqual({
      field: 'settings.headless',
      severity: 'error',
      message:
        'No browser on this machine "yes" is not a value it takes: use "on", or leave it out.',
    });
  });
});

const cinatra = providerSchema.parse(
  JSON.parse(readFileSync('content/providers/cinatra.json', 'utf8')),
);

describe('no browser on this machine in a share link', () => {
  it('travels as nobrowser=on and comes back on; a value the switch refuses is left out', () => {
    const form = defaultForm(cinatra);
    const { params } = encodeShare(cinatra, form, {}, { ...emptySettings(), headless: 'on' });
    expect(params).toMatch(/(^|&)nobrowser=on(&|$)/);
    const back = decodeShare(cinatra, params);
    expect(back.settings.headless).toBe('on');
    expect(back.applied.map((a) => a.label)).toContain('No browser on this machine');
    const bad = decodeShare(cinatra, params.replace('nobrowser=on', 'nobrowser=yes'));
    expect(bad.settings.headless).toBeUndefined();
    expect(bad.notices.join(' ')).toContain('No browser on this machine');
  });
});
