/**
 * The page an "Add to Codex" badge opens (a `from=` link made from a server.json): the variables
 * the server reads from Codex's environment (`env_vars`) become the first step, export lines with
 * placeholders in the reader's shell, so the key is set before the server is registered. Loaded
 * with the engine.
 */
import type { ServerSpec } from '../../lib/generator/model.ts';

// Only plain names get a line; any other name is already refused at the Pass-through variables field.
const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `spec` with an export line for each pass-through variable, when it has no lines of its own. */
export function withLinkExports(spec: ServerSpec): ServerSpec {
  if (spec.transport !== 'stdio' || spec.envVarLines.length > 0) return spec;
  const names = spec.envVars.filter((n) => PLAIN.test(n));
  return names.length === 0
    ? spec
    : {
        ...spec,
        envVarLines: names.map((name) => ({
          name,
          value: '',
          placeholder: `your-${name.toLowerCase().replace(/_/g, '-')}`,
        })),
      };
}
