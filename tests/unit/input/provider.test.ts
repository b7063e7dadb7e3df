import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { basicAuthorization } from '../../../src/lib/generator/basic-auth.ts';
import { generate } from '../../../src/lib/generator/generate.ts';
import {
  defaultForm,
  endpointOf,
  fillEndpoint,
  modeOf,
  SECRET_FIELDS,
  specFromForm,
  splitLines,
  splitList,
  splitPairs,
  type FormState,
  type Provider,
} from '../../../src/lib/input/provider.ts';
import { providerSchema } from '../../../src/lib/input/provider-schema.ts';

const common = { summary: 'test provider', docsUrl: 'https://docs.example.com/mcp' };
const modeText = { label: 'Mode', description: 'A mode' };

/** A token-in-a-variable provider with recommended timeouts. */
const bearer: Provider = providerSchema.parse({
  ...common,
  id: 'gh',
  name: 'GitHub',
  serverName: 'github',
  endpoint: { url: 'https://api.example.com/mcp/' },
  authModes: [
    {
      ...modeText,
      id: 'pat',
      kind: 'bearer',
      envVar: 'GITHUB_PAT',
      secretLabel: 'Token',
      placeholder: 'ghp_your_token',
    },
  ],
  recommended: { startupTimeoutSec: 60, toolTimeoutSec: 2.5 },
});

/** An Omni-like provider: templated endpoint, an API-key header mode and an OAuth mode with its own URL. */
const header: Provider = providerSchema.parse({
  ...common,
  id: 'omni',
  name: 'Omni',
  serverName: 'omni',
  endpoint: {
    url: 'https://{instance}.omniapp.example/mcp',
    params: [
      { key: 'instance', label: 'Instance', placeholder: 'your-org', help: 'h', example: 'acme' },
    ],
  },
  scopes: ['user', 'project'],
  authModes: [
    {
      ...modeText,
      id: 'api-key',
      kind: 'header',
      header: 'Authorization',
      prefix: 'Bearer ',
      envVar: 'OMNI_API_KEY',
      secretLabel: 'Key',
      placeholder: 'YOUR_KEY',
    },
    {
      ...modeText,
      id: 'oauth',
      kind: 'oauth',
      endpoint: {
        url: 'https://{instance}.omniapp.example/mcp/oauth',
        params: [{ key: 'instance', label: 'I', placeholder: 'p', help: 'h', example: 'demo' }],
      },
    },
  ],
  headers: [
    { name: 'X-MCP-Model-Id', label: 'Model', help: 'h', modes: ['api-key'] },
    { name: 'X-MCP-Read-Only', label: 'Read only', help: 'h', type: 'boolean' },
  ],
});

/** A Basic-auth provider (Jira-like). */
const basic: Provider = providerSchema.parse({
  ...common,
  id: 'jira',
  name: 'Jira',
  serverName: 'jira',
  endpoint: { url: 'https://example.atlassian.example/mcp' },
  authModes: [
    {
      ...modeText,
      id: 'basic',
      kind: 'basic',
      envVar: 'JIRA_AUTH',
      userVar: 'JIRA_USER',
      secretVar: 'JIRA_TOKEN',
      userLabel: 'Email',
      secretLabel: 'API token',
      userPlaceholder: 'you@example.com',
      placeholder: 'your-api-token',
    },
  ],
});

/** An OAuth-only provider. */
const oauth: Provider = providerSchema.parse({
  ...common,
  id: 'linear',
  name: 'Linear',
  serverName: 'linear',
  endpoint: { url: 'https://mcp.linear.example/mcp' },
  authModes: [{ ...modeText, id: 'oauth', kind: 'oauth' }],
});

const form = (p: Provider, o: Partial<FormState> = {}): FormState => ({
  ...defaultForm(p, o.mode),
  ...o,
});

describe('providerSchema', () => {
  it('fills defaults for optional fields', () => {
    // params, scopes, headers, recommended and the header prefix all have defaults.
    expect(bearer.endpoint.params).toEqual([]);
    expect(bearer.scopes).toEqual(['user']);
    expect(bearer.headers).toEqual([]);
    expect(oauth.recommended).toEqual({});
    const h = header.authModes[0]!;
    expect(h.kind === 'header' && h.prefix).toBe('Bearer ');
    expect(header.headers[0]!.type).toBe('text');
  });

  it.each([
    // An env var name with a dash is not a variable name.
    [
      'bad envVar',
      {
        authModes: [
          {
            ...modeText,
            id: 'pat',
            kind: 'bearer',
            envVar: 'MY-VAR',
            secretLabel: 's',
            placeholder: 'p',
          },
        ],
      },
    ],
    // A server name Codex would reject.
    ['bad serverName', { serverName: 'my server' }],
    // No auth mode at all.
    ['no auth modes', { authModes: [] }],
    // An unknown auth kind.
    ['unknown kind', { authModes: [{ ...modeText, id: 'x', kind: 'magic' }] }],
    // A header name with a space.
    ['bad extra header', { headers: [{ name: 'X Model', label: 'l', help: 'h' }] }],
  ])('rejects %s', (_label, patch) => {
    const base = {
      ...common,
      id: 'p',
      name: 'P',
      serverName: 'p',
      endpoint: { url: 'https://x.example/mcp' },
      authModes: [{ ...modeText, id: 'o', kind: 'oauth' }],
    };
    expect(providerSchema.safeParse({ ...base, ...patch }).success).toBe(false);
  });
});

describe('defaultForm / modeOf / endpointOf', () => {
  it('takes every default from the provider and its first mode', () => {
    // Name, scope, env var and the recommended timeouts (as typed strings); no secret.
    expect(defaultForm(bearer)).toEqual({
      mode: 'pat',
      name: 'github',
      scope: 'user',
      params: {},
      envVar: 'GITHUB_PAT',
      secret: '',
      user: '',
      storage: 'env',
      headers: {},
      startupTimeoutSec: '60',
      toolTimeoutSec: '2.5',
      enabled: true,
      required: false,
      enabledTools: '',
      disabledTools: '',
      scopes: '',
      oauthClientId: '',
      oauthResource: '',
      command: '',
      args: '',
      env: '',
      envVars: '',
      cwd: '',
      httpHeaders: '',
      envHeaders: '',
    });
  });

  it.each([
    // The first mode's endpoint example fills params; extra headers start empty.
    [undefined, 'api-key', { instance: 'acme' }, 'OMNI_API_KEY'],
    // A mode with its own endpoint uses that endpoint's examples, and has no env var.
    ['oauth', 'oauth', { instance: 'demo' }, ''],
    // An unknown mode id falls back to the first mode.
    ['nope', 'api-key', { instance: 'acme' }, 'OMNI_API_KEY'],
  ])('defaultForm(header, %j) -> mode %s', (modeId, mode, params, envVar) => {
    const f = defaultForm(header, modeId);
    expect(f.mode).toBe(mode);
    expect(f.params).toEqual(params);
    expect(f.envVar).toBe(envVar);
    expect(f.headers).toEqual({ 'X-MCP-Model-Id': '', 'X-MCP-Read-Only': '' });
    expect(f.scope).toBe('user');
  });

  it.each([
    // The OAuth mode has its own endpoint.
    ['oauth', 'https://{instance}.omniapp.example/mcp/oauth'],
    // The API-key mode uses the provider's endpoint.
    ['api-key', 'https://{instance}.omniapp.example/mcp'],
    // Unknown: first mode, provider endpoint.
    ['unknown', 'https://{instance}.omniapp.example/mcp'],
  ])('endpointOf(mode %s) is %s', (mode, url) => {
    const f = { ...defaultForm(header), mode };
    expect(endpointOf(header, f).url).toBe(url);
    expect(modeOf(header, f).id).toBe(mode === 'unknown' ? 'api-key' : mode);
  });

  it('lists every field that can hold a credential as secret', () => {
    // The share-link codec relies on this list: the secret, the Basic user, env values and literal headers.
    expect([...SECRET_FIELDS].sort()).toEqual(['env', 'httpHeaders', 'secret', 'user']);
  });
});

describe('fillEndpoint / splitList', () => {
  it.each([
    // A param is replaced by its value.
    ['https://{instance}.x.example/mcp', { instance: 'acme' }, 'https://acme.x.example/mcp'],
    // Values are trimmed.
    ['https://{instance}.x.example/mcp', { instance: '  acme ' }, 'https://acme.x.example/mcp'],
    // An empty value leaves the placeholder visible.
    ['https://{instance}.x.example/mcp', { instance: '' }, 'https://{instance}.x.example/mcp'],
    // An unknown param is left alone.
    ['https://{other}.x.example/', { instance: 'a' }, 'https://{other}.x.example/'],
    // Several params, and one used twice.
    ['https://{a}.{b}.example/{a}', { a: 'x', b: 'y' }, 'https://x.y.example/x'],
    // "$&" in a value is literal text, not a replacement pattern.
    ['https://{a}.example/', { a: '$&$1' }, 'https://$&$1.example/'],
  ])('fillEndpoint(%j, %j) === %j', (template, params, expected) => {
    expect(fillEndpoint(template, params)).toBe(expected);
  });

  it.each([
    ['', []], // nothing
    ['a', ['a']], // one item
    ['a, b ,c', ['a', 'b', 'c']], // commas, spaces trimmed
    ['a\nb\n\n', ['a', 'b']], // newlines, empty lines dropped
    [' , ,\n', []], // only separators
    ['read:user,repo', ['read:user', 'repo']], // colons are part of an item
  ])('splitList(%j) -> %j', (raw, expected) => {
    expect(splitList(raw)).toEqual(expected);
  });

  it.each([
    ['', []], // nothing
    ['-y\n@scope/pkg', ['-y', '@scope/pkg']], // one argument per line
    ['/My Projects\n\n  \n', ['/My Projects']], // inner spaces kept, blank lines dropped
    [' a ,b', [' a ,b']], // no comma splitting and no trimming: an argument is taken as typed
  ])('splitLines(%j) -> %j', (raw, expected) => {
    expect(splitLines(raw)).toEqual(expected);
  });

  it.each<[string, '=' | ':', { name: string; value: string }[]]>([
    // NAME=value per line; only the first "=" separates.
    [
      'A=1\nB = x=y ',
      '=',
      [
        { name: 'A', value: '1' },
        { name: 'B', value: 'x=y' },
      ],
    ],
    // A line without the separator is a name with an empty value (validation then names it).
    ['JUST_A_NAME', '=', [{ name: 'JUST_A_NAME', value: '' }]],
    // Header lines: "Name: value"; a colon inside the value stays.
    [
      'Authorization: Bearer a:b\nX-Empty:',
      ':',
      [
        { name: 'Authorization', value: 'Bearer a:b' },
        { name: 'X-Empty', value: '' },
      ],
    ],
    // Blank lines are skipped.
    ['\n\nX: 1\n', ':', [{ name: 'X', value: '1' }]],
  ])('splitPairs(%j, %j)', (raw, sep, expected) => {
    expect(splitPairs(raw, sep)).toEqual(expected);
  });
});

describe('specFromForm', () => {
  it('bearer: token variable, one env line, recommended timeouts', () => {
    // The secret goes into the env line only; the entry holds the variable name.
    const spec = specFromForm(bearer, form(bearer, { secret: 'ghp_secret' }));
    expect(spec).toMatchObject({
      name: 'github',
      transport: 'http',
      auth: 'bearer',
      url: 'https://api.example.com/mcp/',
      bearerTokenEnvVar: 'GITHUB_PAT',
      startupTimeoutSec: '60',
      toolTimeoutSec: '2.5',
      httpHeaders: [],
      envHttpHeaders: [],
    });
    expect(spec.envVarLines).toEqual([
      { name: 'GITHUB_PAT', value: 'ghp_secret', placeholder: 'ghp_your_token' },
    ]);
  });

  it('bearer: a typed secret never reaches the command, the TOML, login or verify', () => {
    // Secrets are rendered into the env lines only.
    const marker = 'S3CR3T-marker-9f2';
    const out = generate(specFromForm(bearer, form(bearer, { secret: marker }))).outputs!;
    const elsewhere = [
      out.cli.posix,
      out.cli.powershell,
      out.toml,
      out.login,
      out.verify,
      JSON.stringify(out.entry),
      JSON.stringify(out.cli.argv),
    ].join('\n');
    expect(elsewhere).not.toContain(marker);
    expect(out.env!.posix).toContain(marker);
  });

  it('bearer: the env var name is trimmed', () => {
    // A stray space typed around the name is not part of it.
    const spec = specFromForm(bearer, form(bearer, { envVar: ' MY_PAT ' }));
    expect(spec.bearerTokenEnvVar).toBe('MY_PAT');
    expect(spec.envVarLines[0]!.name).toBe('MY_PAT');
  });

  it('header, env storage: env-sourced header, env line carries prefix + secret', () => {
    // The header value comes from the variable, which holds "Bearer <key>".
    const spec = specFromForm(
      header,
      form(header, { secret: 'k123', headers: { 'X-MCP-Model-Id': 'm1', 'X-MCP-Read-Only': '' } }),
    );
    expect(spec.auth).toBe('headers');
    expect(spec.url).toBe('https://acme.omniapp.example/mcp');
    expect(spec.envHttpHeaders).toEqual([{ name: 'Authorization', value: 'OMNI_API_KEY' }]);
    expect(spec.httpHeaders).toEqual([{ name: 'X-MCP-Model-Id', value: 'm1' }]);
    expect(spec.envVarLines).toEqual([
      { name: 'OMNI_API_KEY', value: 'Bearer k123', placeholder: 'Bearer YOUR_KEY' },
    ]);
  });

  it('header, env storage, no secret typed: value empty, placeholder carries the prefix', () => {
    // The page then shows `export OMNI_API_KEY='Bearer YOUR_KEY'` with a "replace" hint.
    const spec = specFromForm(header, form(header));
    expect(spec.envVarLines).toEqual([
      { name: 'OMNI_API_KEY', value: '', placeholder: 'Bearer YOUR_KEY' },
    ]);
    expect(generate(spec).outputs!.env!.posix).toContain("export OMNI_API_KEY='Bearer YOUR_KEY'");
  });

  it.each([
    // The typed secret, prefixed, as a literal header (first, before the extra headers).
    ['k123', 'Bearer k123'],
    // No secret typed: the placeholder, prefixed.
    ['', 'Bearer YOUR_KEY'],
  ])('header, inline storage, secret %j -> literal header %j, no env lines', (secret, value) => {
    const spec = specFromForm(
      header,
      form(header, {
        storage: 'inline',
        secret,
        headers: { 'X-MCP-Model-Id': 'm1', 'X-MCP-Read-Only': 'true' },
      }),
    );
    expect(spec.httpHeaders).toEqual([
      { name: 'Authorization', value },
      { name: 'X-MCP-Model-Id', value: 'm1' },
      { name: 'X-MCP-Read-Only', value: 'true' },
    ]);
    expect(spec.envHttpHeaders).toEqual([]);
    expect(spec.envVarLines).toEqual([]);
  });

  it('extra headers: only those for the current mode, only when filled in', () => {
    // X-MCP-Model-Id is for api-key only; blank values are dropped.
    const spec = specFromForm(
      header,
      form(header, { mode: 'oauth', headers: { 'X-MCP-Model-Id': 'm1', 'X-MCP-Read-Only': '  ' } }),
    );
    expect(spec.httpHeaders).toEqual([]);
    const spec2 = specFromForm(
      header,
      form(header, {
        mode: 'oauth',
        headers: { 'X-MCP-Model-Id': 'm1', 'X-MCP-Read-Only': 'true' },
      }),
    );
    expect(spec2.httpHeaders).toEqual([{ name: 'X-MCP-Read-Only', value: 'true' }]);
  });

  it('basic, env storage: user, secret and the derived Authorization variable', () => {
    // Three env lines; the third is computed in the shell from the first two.
    const spec = specFromForm(basic, form(basic, { user: 'a@b.c', secret: 'p:w' }));
    expect(spec.auth).toBe('headers');
    expect(spec.envHttpHeaders).toEqual([{ name: 'Authorization', value: 'JIRA_AUTH' }]);
    expect(spec.httpHeaders).toEqual([]);
    expect(spec.envVarLines).toEqual([
      { name: 'JIRA_USER', value: 'a@b.c', placeholder: 'you@example.com' },
      { name: 'JIRA_TOKEN', value: 'p:w', placeholder: 'your-api-token' },
      {
        name: 'JIRA_AUTH',
        value: '',
        placeholder: '',
        basicAuthFrom: { userVar: 'JIRA_USER', secretVar: 'JIRA_TOKEN' },
      },
    ]);
    const posix = generate(spec)
      .outputs!.env!.posix.split('\n')
      .filter((l) => l.startsWith('export '));
    expect(posix).toHaveLength(3);
    expect(posix[2]).toContain('JIRA_AUTH="Basic $(printf');
  });

  it.each([
    // The example from the brief.
    ['a@b.c', 'p:w'],
    // Unicode user and secret.
    ['jürgen@exämple.com', 'пароль😀'],
    // Only a user typed.
    ['me', ''],
  ])('basic, inline storage: the page computes Basic base64(%j:%j)', (user, secret) => {
    const expected = 'Basic ' + Buffer.from(`${user}:${secret}`, 'utf8').toString('base64');
    expect(basicAuthorization(user, secret)).toBe(expected);
    const spec = specFromForm(basic, form(basic, { storage: 'inline', user, secret }));
    expect(spec.httpHeaders).toEqual([{ name: 'Authorization', value: expected }]);
    expect(spec.envVarLines).toEqual([]);
  });

  it('basic, inline storage, nothing typed: a visible placeholder instead of base64 of ":"', () => {
    // "Basic Og==" (base64 of ":") would look real; the placeholder does not.
    const spec = specFromForm(basic, form(basic, { storage: 'inline' }));
    expect(spec.httpHeaders).toEqual([{ name: 'Authorization', value: 'Basic your-api-token' }]);
  });

  it('oauth: scopes split, client id and resource passed through, login offered', () => {
    // Comma/newline separated scopes become a list.
    const spec = specFromForm(
      oauth,
      form(oauth, {
        scopes: 'read, write\nadmin,,',
        oauthClientId: 'cid',
        oauthResource: 'https://mcp.linear.example',
      }),
    );
    expect(spec).toMatchObject({
      auth: 'oauth',
      scopes: ['read', 'write', 'admin'],
      oauthClientId: 'cid',
      oauthResource: 'https://mcp.linear.example',
      envVarLines: [],
    });
    const out = generate(spec).outputs!;
    expect(out.login).toMatch(/^codex mcp login linear --scopes 'read,write,admin'\n/);
  });

  it('endpoint templates: params fill the URL; a mode can have its own template', () => {
    // Typed params replace the examples; the OAuth mode uses its own URL.
    expect(specFromForm(header, form(header, { params: { instance: 'globex' } })).url).toBe(
      'https://globex.omniapp.example/mcp',
    );
    expect(
      specFromForm(header, form(header, { mode: 'oauth', params: { instance: 'globex' } })).url,
    ).toBe('https://globex.omniapp.example/mcp/oauth');
  });

  it('scope: a scope the provider does not offer falls back to its first', () => {
    // bearer offers only "user"; header offers both.
    expect(specFromForm(bearer, form(bearer, { scope: 'project' })).scope).toBe('user');
    expect(specFromForm(header, form(header, { scope: 'project' })).scope).toBe('project');
  });

  it('tool lists are split like scopes', () => {
    // Empty items dropped, whitespace trimmed.
    const spec = specFromForm(
      oauth,
      form(oauth, { enabledTools: 'search, fetch', disabledTools: '\ndelete\n' }),
    );
    expect(spec.enabledTools).toEqual(['search', 'fetch']);
    expect(spec.disabledTools).toEqual(['delete']);
  });

  it('none: no auth fields at all', () => {
    // A provider mode without authentication adds nothing.
    const none = providerSchema.parse({
      ...common,
      id: 'n',
      name: 'N',
      serverName: 'n',
      endpoint: { url: 'https://n.example/mcp' },
      authModes: [{ ...modeText, id: 'none', kind: 'none' }],
    });
    const spec = specFromForm(none, defaultForm(none));
    expect(spec).toMatchObject({
      auth: 'none',
      bearerTokenEnvVar: '',
      httpHeaders: [],
      envHttpHeaders: [],
      envVarLines: [],
      scopes: [],
    });
    expect(generate(spec).outputs!.cli.mode).toBe('full');
  });

  it('stdio mode: the preset command and args, env pairs, pass-through variables, cwd', () => {
    // A local server: transport stdio, no URL, and the form's multi-line fields split per line.
    const local = providerSchema.parse({
      ...common,
      id: 'fs',
      name: 'FS',
      serverName: 'fs',
      endpoint: { url: '' },
      customHeaders: true,
      authModes: [
        { ...modeText, id: 'local', kind: 'stdio', command: 'npx', args: ['-y', '@scope/server'] },
      ],
    });
    const f = defaultForm(local);
    expect(f.command).toBe('npx');
    expect(f.args).toBe('-y\n@scope/server');
    const spec = specFromForm(local, {
      ...f,
      args: f.args + '\n/My Projects',
      env: 'API_KEY=k=1\nDEBUG=',
      envVars: 'HOME, PATH',
      cwd: '/srv',
      // Free-form headers are ignored for a stdio server, even when the provider offers them.
      httpHeaders: 'X-A: 1',
      envHeaders: 'X-B: B',
    });
    expect(spec).toMatchObject({
      transport: 'stdio',
      auth: 'none',
      url: '',
      command: 'npx',
      args: ['-y', '@scope/server', '/My Projects'],
      env: [
        { name: 'API_KEY', value: 'k=1' },
        { name: 'DEBUG', value: '' },
      ],
      envVars: ['HOME', 'PATH'],
      cwd: '/srv',
      httpHeaders: [],
      envHttpHeaders: [],
    });
    const out = generate(spec).outputs!;
    expect(out.cli.argv).toEqual([
      'codex',
      'mcp',
      'add',
      'fs',
      '--env',
      'API_KEY=k=1',
      '--env',
      'DEBUG=',
      '--',
      'npx',
      '-y',
      '@scope/server',
      '/My Projects',
    ]);
    expect(out.cli.missing).toEqual(['env_vars', 'cwd']);
  });

  it('custom headers: literal lines after the preset ones, env lines after the auth header', () => {
    // The "any server" guide: free-form headers on top of a header-auth mode.
    const any = providerSchema.parse({
      ...common,
      id: 'any',
      name: 'Any',
      serverName: 'any',
      endpoint: { url: 'https://any.example/mcp' },
      customHeaders: true,
      authModes: [
        {
          ...modeText,
          id: 'key',
          kind: 'header',
          header: 'X-Api-Key',
          envVar: 'ANY_KEY',
          secretLabel: 'k',
          placeholder: 'KEY',
        },
      ],
    });
    const spec = specFromForm(
      any,
      form(any, { httpHeaders: 'X-Model: m\nX-Team: t', envHeaders: 'X-Org: ANY_ORG' }),
    );
    expect(spec.httpHeaders).toEqual([
      { name: 'X-Model', value: 'm' },
      { name: 'X-Team', value: 't' },
    ]);
    expect(spec.envHttpHeaders).toEqual([
      { name: 'X-Api-Key', value: 'ANY_KEY' },
      { name: 'X-Org', value: 'ANY_ORG' },
    ]);
    // Without customHeaders the same form fields are ignored.
    expect(specFromForm(header, form(header, { httpHeaders: 'X-Model: m' })).httpHeaders).toEqual(
      [],
    );
  });

  // BUG (src/lib/input/provider.ts fillEndpoint + src/lib/generator/validate.ts checkUrl): fillEndpoint keeps an empty param
  // as "{instance}" "so validation names it", but checkUrl accepts https://{instance}.omniapp.example/mcp
  // (WHATWG URL allows "{" in a host), so the page shows a command and TOML with a literal "{instance}" host.
  it('BUG: an unfilled endpoint param is an error on the url field', () => {
    const g = generate(specFromForm(header, form(header, { params: { instance: '' } })));
    expect(g.diagnostics.some((d) => d.field === 'url' && d.severity === 'error')).toBe(true);
    expect(g.outputs).toBeNull();
  });
});

describe('the real Omni preset (content/providers/omni.json)', () => {
  const omni = providerSchema.parse(
    JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../content/providers/omni.json'), 'utf8'),
    ),
  );

  // The runtime suite (tests/conformance/runtime/routes.test.ts) proves Codex sends `Authorization: Bearer <key>`
  // from bearer_token_env_var, next to any http_headers: so the API-key route needs no header of its own.
  it('API key: a complete command carrying the key as a bearer variable; the variable holds only the key', () => {
    const f = {
      ...defaultForm(omni, 'api-key'),
      secret: 'k123',
      params: { instance: 'acme.omniapp.co' },
    };
    const out = generate(specFromForm(omni, f)).outputs!;
    expect(out.cli.mode).toBe('full');
    expect(out.cli.posix).toBe(
      'codex mcp add omni --url https://acme.omniapp.co/mcp/https --bearer-token-env-var OMNI_API_KEY\n',
    );
    expect(out.env!.posix).toContain('export OMNI_API_KEY=k123\n');
    expect(out.toml).not.toContain('Authorization');
  });

  it('API key with an X-MCP header: the same command, partial, with the header left to the TOML block', () => {
    const f = {
      ...defaultForm(omni, 'api-key'),
      params: { instance: 'acme.omniapp.co' },
      headers: { ...defaultForm(omni).headers, 'X-MCP-Topic-Name': 'Sales' },
    };
    const out = generate(specFromForm(omni, f)).outputs!;
    expect(out.cli.mode).toBe('partial');
    expect(out.cli.missing).toEqual(['http_headers']);
    expect(out.toml).toContain('[mcp_servers.omni.http_headers]\nX-MCP-Topic-Name = "Sales"\n');
  });
});
