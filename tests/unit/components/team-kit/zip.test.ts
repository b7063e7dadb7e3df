/** The team kit's .zip (zipRepo): every file under the marketplace's folder, byte for byte. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipRepo } from '../../../../src/components/team-kit/zip.ts';

describe('zipRepo', () => {
  it('puts each file at ROOT/path, UTF-8, nothing else', async () => {
    const files = [
      { path: 'README.md', text: '# acme: MCP servers for Codex — ünïcode\n' },
      { path: '.agents/plugins/marketplace.json', text: '{"name":"acme"}\n' },
      { path: 'plugins/a/.mcp.json', text: '{}\n' },
    ];
    const blob = zipRepo('acme', files);
    expect(blob.type).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(Object.keys(entries)).toEqual(files.map((f) => `acme/${f.path}`));
    for (const f of files) expect(strFromU8(entries[`acme/${f.path}`]!)).toBe(f.text);
  });
});
