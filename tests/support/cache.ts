/**
 * Where the test command keeps what it installs on demand (real shells, other Codex releases).
 * Outside the repository, so a fresh clone on the same machine reuses it; `CODEX_MCP_CACHE`
 * moves it. Nothing here is ever installed into devDependencies.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The cache root: `$CODEX_MCP_CACHE`, else `$XDG_CACHE_HOME/codex-mcp-guides`, else `~/.cache/codex-mcp-guides`. */
export function cacheRoot(): string {
  const explicit = process.env['CODEX_MCP_CACHE'];
  if (explicit) return explicit;
  const xdg = process.env['XDG_CACHE_HOME'];
  return join(xdg && xdg !== '' ? xdg : join(homedir(), '.cache'), 'codex-mcp-guides');
}

/** The PowerShell release the shell oracle installs (`dotnet tool install PowerShell --version …`). */
export const PWSH_VERSION = '7.6.9';

/** The folder `dotnet tool install --tool-path` installs PowerShell into; the binary is `pwsh` inside. */
export function pwshToolPath(): string {
  return join(cacheRoot(), `pwsh-${PWSH_VERSION}`);
}

/** The folder a Codex release other than the pinned one is installed into (`npm install --prefix`). */
export function codexReleaseDir(version: string): string {
  return join(cacheRoot(), 'codex', version);
}
