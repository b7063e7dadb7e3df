/**
 * Server names Codex keeps for its own servers (codex-rs/codex-mcp: CODEX_APPS_MCP_SERVER_NAME, the
 * built-in Apps server). tests/conformance/doctor.test.ts proves a session never starts an entry of
 * that name from config.toml. The doctor and the generator both read this list.
 */
export const RESERVED_NAMES: readonly string[] = ['codex_apps'];

/** The message for a reserved name, or undefined when `name` is free to use. */
export function reservedNameProblem(name: string): string | undefined {
  if (!RESERVED_NAMES.includes(name)) return undefined;
  return (
    `Server name "${name}" is the name Codex keeps for its own built-in Apps server: a session ` +
    `never starts an entry of that name from config.toml. Pick another name, such as "${name}_own".`
  );
}
