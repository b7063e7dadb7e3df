/**
 * What the generator's "As a Codex plugin" block shows: the entry's `plugin.json` and `.mcp.json`
 * (src/lib/plugin/files.ts), or why not. A plugin is shared as files, so it carries variables by
 * name only: a value typed into a secret field (a credential kept in the file, static headers, a
 * local server's environment) is refused for the plugin even where the TOML block holds it.
 */
import type { Outputs } from '../../lib/generator/generate.ts';
import type { Diagnostic, ServerSpec } from '../../lib/generator/model.ts';
import type { FormState } from '../../lib/input/form-state.ts';
import { pluginOutput, sourceOf, type PluginFiles } from '../../lib/plugin/files.ts';

const SHARED = 'the plugin files would hold it in plaintext, and a plugin is shared as files.';

const refuse = (field: string, message: string): Diagnostic => ({
  field,
  severity: 'error',
  message,
});

/** Why the entry's plugin files are withheld: secret values, a relative cwd. */
function problemsOf(spec: ServerSpec, form: FormState): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (spec.transport === 'http' && spec.auth === 'headers' && form.storage === 'inline')
    problems.push(
      refuse(
        'storage',
        `Where the credential is kept: ${SHARED} Choose "In an environment variable" to get plugin files that name the variable only.`,
      ),
    );
  if (form.httpHeaders.trim() !== '')
    problems.push(
      refuse(
        'httpHeaders',
        `Static headers: ${SHARED} Move a credential to "Headers from environment variables" (Name: VARIABLE) to get the plugin files.`,
      ),
    );
  if (spec.transport === 'stdio' && spec.env.length > 0)
    problems.push(
      refuse(
        'env',
        `Environment for the server: ${SHARED} Name the variables under "Pass-through variables" instead to get the plugin files.`,
      ),
    );
  return problems;
}

/** The plugin files for the generator's valid outputs, or null with every reason they are withheld. */
export function pluginView(
  outputs: Outputs,
  spec: ServerSpec,
  form: FormState,
): { files: PluginFiles | null; problems: Diagnostic[] } {
  const own = problemsOf(spec, form);
  const { files, diagnostics } = pluginOutput(sourceOf(outputs, spec));
  const problems = [...own, ...diagnostics];
  return { files: problems.length > 0 ? null : files, problems };
}
