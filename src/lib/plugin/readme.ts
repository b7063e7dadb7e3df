/**
 * The team README of a marketplace repository: what it gives, the two install commands, the
 * variables in each shell (placeholders only), how to check and how to update. Every statement
 * about Codex is a fact of src/lib/codex/plugins.ts; what concerns Git marketplaces quotes the CLI's help.
 */
import { GIT_MARKETPLACE_HELP, PLUGIN_COMMANDS, PLUGIN_PATHS } from '../codex/plugins.ts';
import { envLines } from '../generator/env.ts';
import { portableWord } from '../generator/generate.ts';
import { isStdio } from '../generator/model.ts';
import type { PluginSource } from './files.ts';
import { namesOnly } from './files.ts';

const fence = (lang: string, body: string): string =>
  '```' + lang + '\n' + body.trimEnd() + '\n```';
const codex = (argv: readonly string[], ...rest: string[]): string =>
  ['codex', ...argv, ...rest].join(' ');

function what(p: PluginSource): string {
  const entry = p.entry;
  return isStdio(entry) ? `runs \`${entry.command}\`` : `connects to ${entry.url}`;
}

/** The README for marketplace `name` in `repo` (OWNER/REPO), one section per topic. */
export function teamReadme(
  name: string,
  repo: string,
  plugins: readonly PluginSource[],
  pluginNames: readonly string[],
): string {
  const adds = pluginNames.map((p) => codex(PLUGIN_COMMANDS.add, `${p}@${name}`));
  const list = plugins.map(
    (p, i) => `- \`${pluginNames[i] ?? ''}\`: the MCP server \`${p.server}\`, which ${what(p)}`,
  );
  const env = envLines(plugins.flatMap((p) => namesOnly(p.env)));
  const envSection = env
    ? [
        '## Variables',
        '',
        'Codex reads these when it starts the servers. Set them in your shell, never in this repository.',
        '',
        'bash or zsh:',
        '',
        fence('sh', env.posix),
        '',
        'fish:',
        '',
        fence('fish', env.fish),
        '',
        'PowerShell:',
        '',
        fence('powershell', env.powershell),
        '',
      ]
    : [];
  return [
    `# ${name}: MCP servers for Codex`,
    '',
    'A Codex plugin marketplace. Its plugins give Codex these MCP servers:',
    '',
    ...list,
    '',
    '## Install',
    '',
    fence('sh', [codex(PLUGIN_COMMANDS.marketplaceAdd, repo), ...adds].join('\n')),
    '',
    `From a clone, \`${codex(PLUGIN_COMMANDS.marketplaceAdd, './PATH-TO-CLONE')}\` works the same way.`,
    '',
    ...envSection,
    '## Check',
    '',
    fence(
      'sh',
      [
        'codex mcp list',
        ...plugins.map((p) => `codex mcp get ${portableWord(p.server) ?? `'${p.server}'`} --json`),
      ].join('\n'),
    ),
    '',
    "A server of the same name in your own `~/.codex/config.toml` wins over the plugin's: remove it with `codex mcp remove NAME`.",
    '',
    '## Update',
    '',
    `Maintainers: edit \`${PLUGIN_PATHS.pluginsDir}/PLUGIN/${PLUGIN_PATHS.servers}\`, raise \`version\` in \`${PLUGIN_PATHS.pluginsDir}/PLUGIN/${PLUGIN_PATHS.manifest}\`, and push.`,
    '',
    `Everyone: \`${codex(PLUGIN_COMMANDS.upgrade)}\` (the CLI's help: "${GIT_MARKETPLACE_HELP.upgrade}"), then add each plugin again. Codex uses the copy it installed, and takes edited files only when the plugin is added again:`,
    '',
    fence('sh', [codex(PLUGIN_COMMANDS.upgrade), ...adds].join('\n')),
    '',
  ].join('\n');
}
