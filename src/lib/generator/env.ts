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
import { commentedOut, linesOf, textOf, tok, type Token } from './tokens.ts';

/** The three renderings of the same variables. */
export interface EnvLines {
  posix: string;
  fish: string;
  powershell: string;
}

/** The same three renderings as tokens (each text is exactly its tokens' concatenation). */
export type EnvTokens = Record<keyof EnvLines, Token[]>;

const valueOf = (line: EnvVarSpec): string => (line.value !== '' ? line.value : line.placeholder);
const sp = tok('plain', ' ');
const str = (text: string): Token => tok('string', text);
const op = (text: string): Token => tok('operator', text);
const variable = (text: string): Token => tok('variable', text);

/** `printf '%s:%s' "$U" "$S" | base64 | tr -d '\n'`: the Basic credentials pipeline of bash/zsh and fish. */
function basicPipeline(userVar: string, secretVar: string): Token[] {
  return [
    tok('program', 'printf'),
    sp,
    str("'%s:%s'"),
    sp,
    variable(`"$${userVar}"`),
    sp,
    variable(`"$${secretVar}"`),
    tok('plain', ' '),
    op('|'),
    sp,
    // base64 wraps long output on GNU coreutils; tr removes the breaks on every platform.
    tok('program', 'base64'),
    sp,
    op('|'),
    sp,
    tok('program', 'tr'),
    sp,
    tok('flag', '-d'),
    sp,
    str("'\\n'"),
  ];
}

function posixLine(line: EnvVarSpec): Token[] {
  const head = [tok('program', 'export'), sp, variable(line.name), op('=')];
  if (line.basicAuthFrom) {
    const { userVar, secretVar } = line.basicAuthFrom;
    return [
      ...head,
      str('"Basic '),
      op('$('),
      ...basicPipeline(userVar, secretVar),
      op(')'),
      str('"'),
    ];
  }
  const value = valueOf(line);
  const quoted = quotePosix(value);
  return [...head, tok(quoted === value ? 'plain' : 'string', quoted)];
}

function fishLine(line: EnvVarSpec): Token[] {
  const head = [tok('program', 'set'), sp, tok('flag', '-gx'), sp, variable(line.name), sp];
  if (line.basicAuthFrom) {
    const { userVar, secretVar } = line.basicAuthFrom;
    return [...head, str('"Basic "'), op('('), ...basicPipeline(userVar, secretVar), op(')')];
  }
  return [...head, str(fishString(valueOf(line)))];
}

function powershellValue(line: EnvVarSpec): Token[] {
  if (line.basicAuthFrom) {
    const { userVar, secretVar } = line.basicAuthFrom;
    return [
      str("'Basic '"),
      sp,
      op('+'),
      sp,
      tok('plain', '[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('),
      str('"'),
      variable(`$($env:${userVar})`),
      str(':'),
      variable(`$($env:${secretVar})`),
      str('"'),
      tok('plain', '))'),
    ];
  }
  return [str(powershellString(valueOf(line)))];
}

// `#` starts a comment in bash, zsh, fish and PowerShell alike.
const OPTIONAL_NOTE =
  "# Headers from variables: Codex sends each one only while its variable is set. To send one, remove the '# ' and fill it in:";
const comment = (text: string): Token[] => [tok('comment', text)];

/** Each shell's lines for the live variables, then the optional ones commented out. */
function rendered(
  live: readonly EnvVarSpec[],
  optional: readonly EnvVarSpec[],
  render: (line: EnvVarSpec) => Token[],
  note: string[] = [OPTIONAL_NOTE],
): Token[][] {
  if (optional.length === 0) return live.map(render);
  return [
    ...live.map(render),
    ...note.map(comment),
    ...optional.map((l) => commentedOut(render(l))),
  ];
}

/**
 * Renders the variables for each shell as tokens; null when there is nothing to export, or when a
 * line cannot be written safely (a name that is not a POSIX name, a refused character: guard.ts says which).
 */
export function envTokens(lines: readonly EnvVarSpec[]): EnvTokens | null {
  // Callers outside generate() (the server.json import, the README section) get the same guard.
  if (lines.length === 0 || guardLines(lines).length > 0) return null;
  const live = lines.filter((l) => !l.optional);
  const optional = lines.filter((l) => l.optional);
  const hasPlaceholder = live.some((l) => l.value === '' && !l.basicAuthFrom);
  const replace = hasPlaceholder ? ' Replace the placeholder values first.' : '';
  const posix = [
    comment(
      `# Run in your shell, and add the same lines to ~/.zshrc or ~/.bashrc to keep them.${replace}`,
    ),
    ...rendered(live, optional, posixLine),
  ];
  const fish = [
    comment(
      `# Run in fish; use "set -Ux" instead of "set -gx" to keep them for every new shell.${replace}`,
    ),
    ...rendered(live, optional, fishLine),
  ];
  const keep = (l: EnvVarSpec): Token[] => [
    tok('plain', '[Environment]::SetEnvironmentVariable('),
    str(`'${l.name}'`),
    tok('plain', ', '),
    variable(`$env:${l.name}`),
    tok('plain', ', '),
    str("'User'"),
    tok('plain', ')'),
  ];
  const session = (l: EnvVarSpec): Token[] => [
    variable(`$env:${l.name}`),
    sp,
    op('='),
    sp,
    ...powershellValue(l),
  ];
  const powershell = [
    comment(`# Current session:${replace}`),
    ...rendered(live, optional, session),
    comment('# Keep for new sessions (stored in your user environment):'),
    ...rendered(live, optional, keep, []),
  ];
  return { posix: linesOf(posix), fish: linesOf(fish), powershell: linesOf(powershell) };
}

/** The variables' lines for each shell: the text of `envTokens`. */
export function envLines(lines: readonly EnvVarSpec[]): EnvLines | null {
  const tokens = envTokens(lines);
  return tokens && envText(tokens);
}

/** The text of each shell's tokens. */
export function envText(tokens: EnvTokens): EnvLines {
  return {
    posix: textOf(tokens.posix),
    fish: textOf(tokens.fish),
    powershell: textOf(tokens.powershell),
  };
}
