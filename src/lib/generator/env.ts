/**
 * The env-var lines a person pastes before starting Codex, for bash/zsh, fish and PowerShell,
 * with how to keep them in the shell profile. Values the person typed (possibly secrets) are
 * rendered only into these lines, never anywhere else.
 */
import { guardLines } from './guard.ts';
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

// `#` starts a comment in bash, zsh, fish and PowerShell alike.
const OPTIONAL_NOTE =
  "# Headers from variables: Codex sends each one only while its variable is set. To send one, remove the '# ' and fill it in:";
const commented = (line: string): string => `# ${line}`;

/** Each shell's lines for the live variables, then the optional ones commented out. */
function rendered(
  live: readonly EnvVarSpec[],
  optional: readonly EnvVarSpec[],
  render: (line: EnvVarSpec) => string,
  note: string[] = [OPTIONAL_NOTE],
): string[] {
  if (optional.length === 0) return live.map(render);
  return [...live.map(render), ...note, ...optional.map((l) => commented(render(l)))];
}

/**
 * Renders the variables for each shell; null when there is nothing to export, or when a line cannot
 * be written safely (a name that is not a POSIX name, a refused character: guard.ts says which).
 */
export function envLines(lines: readonly EnvVarSpec[]): EnvLines | null {
  // Callers outside generate() (the server.json import, the README section) get the same guard.
  if (lines.length === 0 || guardLines(lines).length > 0) return null;
  const live = lines.filter((l) => !l.optional);
  const optional = lines.filter((l) => l.optional);
  const hasPlaceholder = live.some((l) => l.value === '' && !l.basicAuthFrom);
  const replace = hasPlaceholder ? ' Replace the placeholder values first.' : '';
  const posix = [
    `# Run in your shell, and add the same lines to ~/.zshrc or ~/.bashrc to keep them.${replace}`,
    ...rendered(live, optional, posixLine),
  ].join('\n');
  const fish = [
    `# Run in fish; use "set -Ux" instead of "set -gx" to keep them for every new shell.${replace}`,
    ...rendered(live, optional, fishLine),
  ].join('\n');
  const keep = (l: EnvVarSpec) =>
    `[Environment]::SetEnvironmentVariable('${l.name}', $env:${l.name}, 'User')`;
  const powershell = [
    `# Current session:${replace}`,
    ...rendered(live, optional, (l) => `$env:${l.name} = ${powershellValue(l)}`),
    '# Keep for new sessions (stored in your user environment):',
    ...rendered(live, optional, keep, []),
  ].join('\n');
  return { posix: posix + '\n', fish: fish + '\n', powershell: powershell + '\n' };
}
