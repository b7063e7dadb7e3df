/**
 * The env-var lines a person pastes before starting Codex, for bash/zsh, fish and PowerShell,
 * with how to keep them in the shell profile. Values the person typed (possibly secrets) are
 * rendered only into these lines, never anywhere else.
 */
import type { EnvVarSpec } from './model.ts';
import { fishString } from './shell/fish.ts';
import { quotePosix } from './shell/posix.ts';
import { powershellString } from './shell/powershell.ts';

/** The three renderings of the same variables. */
export interface EnvLines {
  posix: string;
  fish: string;
  powershell: string;
}

const valueOf = (line: EnvVarSpec): string => (line.value !== '' ? line.value : line.placeholder);

function posixLine(line: EnvVarSpec): string {
  if (line.basicAuthFrom) {
    const { userVar, secretVar } = line.basicAuthFrom;
    // base64 wraps long output on GNU coreutils; tr removes the breaks on every platform.
    return `export ${line.name}="Basic $(printf '%s:%s' "$${userVar}" "$${secretVar}" | base64 | tr -d '\\n')"`;
  }
  return `export ${line.name}=${quotePosix(valueOf(line))}`;
}

function fishLine(line: EnvVarSpec): string {
  if (line.basicAuthFrom) {
    const { userVar, secretVar } = line.basicAuthFrom;
    return `set -gx ${line.name} "Basic "(printf '%s:%s' "$${userVar}" "$${secretVar}" | base64 | tr -d '\\n')`;
  }
  return `set -gx ${line.name} ${fishString(valueOf(line))}`;
}

function powershellValue(line: EnvVarSpec): string {
  if (line.basicAuthFrom) {
    const { userVar, secretVar } = line.basicAuthFrom;
    return `'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($env:${userVar}):$($env:${secretVar})"))`;
  }
  return powershellString(valueOf(line));
}

/** Renders the variables for each shell; null when there is nothing to export. */
export function envLines(lines: readonly EnvVarSpec[]): EnvLines | null {
  if (lines.length === 0) return null;
  const hasPlaceholder = lines.some((l) => l.value === '' && !l.basicAuthFrom);
  const replace = hasPlaceholder ? ' Replace the placeholder values first.' : '';
  const posix = [
    `# Run in your shell, and add the same lines to ~/.zshrc or ~/.bashrc to keep them.${replace}`,
    ...lines.map(posixLine),
  ].join('\n');
  const fish = [
    `# Run in fish; use "set -Ux" instead of "set -gx" to keep them for every new shell.${replace}`,
    ...lines.map(fishLine),
  ].join('\n');
  const powershell = [
    `# Current session:${replace}`,
    ...lines.map((l) => `$env:${l.name} = ${powershellValue(l)}`),
    '# Keep for new sessions (stored in your user environment):',
    ...lines.map(
      (l) => `[Environment]::SetEnvironmentVariable('${l.name}', $env:${l.name}, 'User')`,
    ),
  ].join('\n');
  return { posix: posix + '\n', fish: fish + '\n', powershell: powershell + '\n' };
}
