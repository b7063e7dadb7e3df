/**
 * What the "Add the server" step says when `codex mcp add` cannot carry the whole entry: partial
 * (the TOML block first, then the command and the keys to add by hand) or TOML only. Loaded with the
 * engine: no guide's preset needs them at build time (Generator.astro checks), so they stay off the
 * critical path.
 */
import type { Outputs } from '../../lib/generator/generate.ts';
import { InlineCode } from '../shared/fields.tsx';

/** The sentence before the TOML block, which comes first when the command cannot carry everything. */
export function CliIntro({ outputs }: { outputs: Outputs }) {
  const { cli, configPath } = outputs;
  return cli.mode === 'partial' ? (
    <p>
      Paste this TOML block into <code>{configPath}</code>, <em>or</em> run the command after it,
      then add the rest by hand.
    </p>
  ) : (
    <p class="cmg-partial" data-cli-note>
      No command for this one: <InlineCode text={cli.reason} /> Paste the TOML block into{' '}
      <code>{configPath}</code>.
    </p>
  );
}

/** After a partial command: the keys it has no flag for, and where they go. */
export function CliMissing({ outputs }: { outputs: Outputs }) {
  const { cli, configPath, name } = outputs;
  if (cli.mode !== 'partial') return null;
  return (
    <p class="cmg-partial" data-cli-note>
      <code>codex mcp add</code> has no flag for{' '}
      {cli.missing.map((k, i) => (
        <>
          {i > 0 && ', '}
          <code>{k}</code>
        </>
      ))}
      . After running the command, add {cli.missing.length === 1 ? 'that key' : 'those keys'} to the{' '}
      <code>[mcp_servers.{name}]</code> table in <code>{configPath}</code> as shown in the TOML
      block above, or use the TOML block alone. Running the command again later replaces the whole
      entry and drops them.
    </p>
  );
}
