/**
 * The plugin rows of the release page ("What changed for MCP between releases"): each fact of
 * src/lib/codex/plugins.ts in one sentence written from the fact's own values, the releases it
 * holds on, and the test file that proves it on the release under test. Backticks mark code.
 */
import { CHANGES } from '../codex/changes.ts';
import {
  MCP_JSON_IGNORED_KEYS,
  PLUGIN_COMMANDS,
  PLUGIN_INSTALL,
  PLUGIN_PATHS,
  PLUGIN_SESSION,
  PLUGIN_TOOL_CALLS,
  UPGRADE_NOTHING,
} from '../codex/plugins.ts';

/** One row: the fact, since which release it differs (absent: the same on every supported release), its proof. */
export interface PluginFactRow {
  fact: string;
  /** The change that splits the fact by release (CHANGES), when there is one. */
  change?: keyof typeof CHANGES;
  proof: string;
}

/** The CLI facts, offline with a local marketplace. */
export const CLI_PROOF = 'tests/conformance/plugin.test.ts';
/** The facts only a real session shows. */
export const SESSION_PROOF = 'tests/conformance/runtime/plugins.test.ts';

const cmd = (argv: readonly string[], rest: string): string => `\`codex ${argv.join(' ')}${rest}\``;
const P = PLUGIN_PATHS;

/** Every row, CLI facts first; a row whose fact does not hold is left out rather than reworded. */
export function pluginFactRows(): PluginFactRow[] {
  const rows: (PluginFactRow | false)[] = [
    {
      fact:
        `Files: \`${P.marketplace}\` lists the plugins; each plugin is \`${P.pluginsDir}/NAME/${P.manifest}\` ` +
        `and \`${P.pluginsDir}/NAME/${P.servers}\`.`,
      proof: CLI_PROOF,
    },
    {
      fact:
        `Commands: ${cmd(PLUGIN_COMMANDS.marketplaceAdd, ' SOURCE')}, ${cmd(PLUGIN_COMMANDS.add, ' PLUGIN@MARKETPLACE')}, ` +
        `${cmd(PLUGIN_COMMANDS.list, '')}, ${cmd(PLUGIN_COMMANDS.upgrade, '')}.`,
      proof: CLI_PROOF,
    },
    {
      // The refusal itself holds backticks: quoted on the plugins page, not in a code span here.
      fact: 'Marketplace and plugin names: ASCII letters, digits, `_` and `-`; `codex plugin marketplace add` refuses another marketplace name.',
      proof: CLI_PROOF,
    },
    {
      fact:
        `Install writes \`[marketplaces.MARKETPLACE]\` (\`source_type = "${PLUGIN_INSTALL.marketplaceSourceType}"\`) and ` +
        `\`[plugins."${PLUGIN_INSTALL.pluginTable('PLUGIN', 'MARKETPLACE')}"]\` with \`enabled = true\`, and copies the ` +
        `plugin to \`${PLUGIN_INSTALL.installedRoot('~/.codex', 'MARKETPLACE', 'PLUGIN', 'VERSION')}\`.`,
      proof: CLI_PROOF,
    },
    {
      fact:
        `Keys read in \`${P.servers}\`: those of \`[mcp_servers.NAME]\` the release reads, with the same value rule` +
        (PLUGIN_INSTALL.badEntryDropped ? ' (a wrong value drops the server silently)' : '') +
        `; ${MCP_JSON_IGNORED_KEYS.map((k) => `\`${k}\``).join(' and ')} are ignored without a word.`,
      proof: CLI_PROOF,
    },
    PLUGIN_INSTALL.copiedOnAdd && {
      fact: `Codex reads the installed copy: an edited marketplace takes effect when ${cmd(PLUGIN_COMMANDS.add, ' PLUGIN@MARKETPLACE')} runs again.`,
      proof: CLI_PROOF,
    },
    {
      fact:
        `${cmd(PLUGIN_COMMANDS.upgrade, '')} with local marketplaces only prints \`${UPGRADE_NOTHING}\`; ` +
        'naming a local one fails (exit 1, "is not configured as a Git marketplace").',
      proof: CLI_PROOF,
    },
    PLUGIN_INSTALL.configTomlWins && {
      fact: "A server of the same name in `[mcp_servers.NAME]` wins over the plugin's.",
      proof: CLI_PROOF,
    },
    PLUGIN_SESSION.sameAsConfigToml && {
      fact: "In a session, a plugin's server gets exactly the headers or environment the same entry gets in `config.toml`.",
      proof: SESSION_PROOF,
    },
    // Refused with nothing set, let through by either approval key of .mcp.json.
    !PLUGIN_TOOL_CALLS.cases.plain.reaches &&
      PLUGIN_TOOL_CALLS.cases.defaultApprove.reaches &&
      PLUGIN_TOOL_CALLS.cases.toolApprove.reaches && {
        fact:
          `Under \`codex exec\`, a plugin's tool call is refused unless an approval setting allows it ` +
          `(\`default_tools_approval_mode\` or \`tools.TOOL.approval_mode\` in \`${P.servers}\` do): ` +
          `\`${PLUGIN_TOOL_CALLS.refusal}\`, before ${CHANGES.execToolApprovalMessage.since} \`${PLUGIN_TOOL_CALLS.refusalBefore}\`.`,
        change: 'execToolApprovalMessage',
        proof: SESSION_PROOF,
      },
  ];
  return rows.filter((r): r is PluginFactRow => r !== false);
}
