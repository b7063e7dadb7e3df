/**
 * The authors' plugin files (authorPlugin): the server.json's conversion as a one-plugin marketplace
 * for the server's own repository, with the README's two install commands; withheld with the reason
 * when the entry cannot be a plugin.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authorPlugin, githubRepo } from '../../../../src/components/authors/author-plugin.ts';
import { providerSchema } from '../../../../src/lib/input/provider-schema.ts';
import { convertChoice, readServerJson } from '../../../../src/lib/server-json/index.ts';

const custom = providerSchema.parse(
  JSON.parse(readFileSync('content/providers/custom.json', 'utf8')),
);
const read = (name: string) =>
  readServerJson(custom, readFileSync(`tests/fixtures/server-json/${name}.json`, 'utf8'));

function forFixture(name: string) {
  const report = read(name);
  const conversion = convertChoice(custom, report.server!, report.preferred!);
  return authorPlugin(custom, report.server!, conversion!);
}

describe('authorPlugin', () => {
  it('Brave: the marketplace list and the plugin, no README.md, the two commands', () => {
    const { files, readme, problems } = forFixture('brave-search-mcp-server');
    expect(problems).toEqual([]);
    expect(files?.map((f) => f.path)).toEqual([
      '.agents/plugins/marketplace.json',
      'plugins/brave-search-mcp-server/.codex-plugin/plugin.json',
      'plugins/brave-search-mcp-server/.mcp.json',
    ]);
    expect(JSON.parse(files![2]!.text)).toEqual({
      mcpServers: {
        'brave-search-mcp-server': {
          command: 'npx',
          args: ['-y', '@brave/brave-search-mcp-server@2.1.3'],
          env_vars: ['BRAVE_API_KEY'],
          startup_timeout_sec: 60,
        },
      },
    });
    expect(readme).toBe(
      [
        '### Install as a Codex plugin',
        '',
        '```sh',
        'codex plugin marketplace add brave/brave-search-mcp-server',
        'codex plugin add brave-search-mcp-server@brave-search-mcp-server',
        '```',
        '',
        'Set the variables above in the shell that starts Codex: the plugin names them only.',
        '',
      ].join('\n'),
    );
  });

  it('a repository outside GitHub: the README shows OWNER/REPO', () => {
    expect(githubRepo('https://github.com/acme/tools')).toBe('acme/tools');
    expect(githubRepo('https://github.com/acme/tools.git')).toBe('acme/tools');
    expect(githubRepo('https://gitlab.com/acme/tools')).toBe('');
    expect(githubRepo('https://github.com/acme/tools/tree/main/src')).toBe('');
    expect(githubRepo('')).toBe('');
  });

  it('an entry still holding a value the reader fills in: withheld, with the reason', () => {
    const text = JSON.stringify({
      name: 'io.github.acme/tenant',
      version: '1.0.0',
      remotes: [
        {
          type: 'streamable-http',
          url: 'https://{tenant}.acme.example/mcp',
          variables: { tenant: { description: 'Your tenant', isRequired: true } },
        },
      ],
    });
    const report = readServerJson(custom, text);
    const conversion = convertChoice(custom, report.server!, report.preferred!);
    const out = authorPlugin(custom, report.server!, conversion!);
    expect(out.files).toBeNull();
    expect(out.problems).toEqual([
      'URL still has the placeholder {tenant}: fill it in.',
      'a plugin holds one value for everyone and cannot ask each reader for this: Replace {tenant} in the Server URL with your tenant.',
    ]);
  });
});
