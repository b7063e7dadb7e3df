/**
 * A local marketplace written by hand (one plugin `p` in marketplace `m`, the shape the facts of
 * src/lib/codex/plugins.ts were observed with), added and installed offline in a fresh CODEX_HOME.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PLUGIN_COMMANDS, PLUGIN_PATHS, PLUGIN_POLICY } from '../../src/lib/codex/index.ts';
import { codex, freshDir, mustSucceed, type RunResult } from './codex.ts';

/** The files of plugin `p`, relative to its folder: the manifest (merged over name, version, description) and others. */
export interface HandPlugin {
  manifest?: Record<string, unknown>;
  /** The text of `.mcp.json`; none when absent. */
  mcpJson?: string;
  /** Other files, path relative to the plugin folder → text. */
  files?: Record<string, string>;
}

/** Writes marketplace `m` with plugin `p`, adds it and installs `p@m`; returns the CODEX_HOME. */
export async function installHandPlugin(plugin: HandPlugin, config = ''): Promise<string> {
  const { home, installed } = await tryInstallHandPlugin(plugin);
  mustSucceed('plugin add', installed);
  if (config !== '') appendFileSync(join(home, 'config.toml'), `\n${config}\n`);
  return home;
}

/** The same, returning what `codex plugin add p@m` printed rather than insisting that it worked. */
export async function tryInstallHandPlugin(
  plugin: HandPlugin,
): Promise<{ home: string; installed: RunResult }> {
  const parent = freshDir('hand-parent');
  const root = join(parent, 'mk');
  const list = {
    name: 'm',
    plugins: [
      {
        name: 'p',
        source: { source: 'local', path: './plugins/p' },
        policy: PLUGIN_POLICY,
        category: 'Productivity',
      },
    ],
  };
  const files: Record<string, string> = {
    [PLUGIN_PATHS.marketplace]: JSON.stringify(list),
    [`plugins/p/${PLUGIN_PATHS.manifest}`]: JSON.stringify({
      name: 'p',
      version: '1.0.0',
      description: 'd',
      ...plugin.manifest,
    }),
    ...(plugin.mcpJson !== undefined && { [`plugins/p/${PLUGIN_PATHS.servers}`]: plugin.mcpJson }),
    ...Object.fromEntries(
      Object.entries(plugin.files ?? {}).map(([path, text]) => [`plugins/p/${path}`, text]),
    ),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text, 'utf8');
  }
  const home = freshDir('hand-home');
  mustSucceed(
    'marketplace add',
    await codex([...PLUGIN_COMMANDS.marketplaceAdd, './mk'], home, parent),
  );
  return { home, installed: await codex([...PLUGIN_COMMANDS.add, 'p@m'], home) };
}
