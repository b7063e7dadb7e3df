/**
 * Where Codex reads `config.toml`, per scope and per platform family, as the generator labels it.
 * The CLI reads `$CODEX_HOME/config.toml` (default: `.codex` in the home directory) and, in a
 * trusted project, `.codex/config.toml`.
 */
import type { Scope } from './model.ts';

/** The platform families whose paths are written differently. */
export type Platform = 'unix' | 'windows';

/** The config file for `scope`, written the way a reader on `platform` types it. */
export function configPath(scope: Scope, platform: Platform = 'unix'): string {
  if (platform === 'windows')
    return scope === 'project' ? '.codex\\config.toml' : '%USERPROFILE%\\.codex\\config.toml';
  return scope === 'project' ? '.codex/config.toml' : '~/.codex/config.toml';
}

/** The platform family a shell choice implies: PowerShell readers get Windows paths. */
export function platformOfShell(shell: string): Platform {
  return shell === 'powershell' ? 'windows' : 'unix';
}

/** Where the user config is when `CODEX_HOME` is set, written the way a reader on `platform` types it. */
export function codexHomeConfigPath(platform: Platform = 'unix'): string {
  return platform === 'windows' ? '$env:CODEX_HOME\\config.toml' : '$CODEX_HOME/config.toml';
}
