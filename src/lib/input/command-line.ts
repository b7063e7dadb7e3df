/**
 * Reads what a person typed into the Command field: one program, or a whole command line pasted
 * from a README (`npx -y @scope/server "/home/me/my projects"`), split with POSIX shell rules
 * (quotes, backslash escapes). Constructs a split cannot honour the way the reader's shell would
 * (variables, substitutions, pipes, globs...) are refused with a message naming them, never guessed.
 */
import { isPathWithSpaces } from '../generator/command-path.ts';

/** A construct the split refuses: what it is (as shown to the reader) and how to fix it. */
export interface Refusal {
  construct: string;
  fix: string;
}

/** The outcome of a split: the words, or the first construct that stops it. */
export type Split = { argv: string[] } | { refused: Refusal };

const KEEP_ALONE =
  'or put the program alone in Command and each argument on its own line in Arguments';
const WRITE_VALUE = `write the value itself, ${KEEP_ALONE}`;

// Characters that end a word or start a construct outside quotes, with what they are.
const OPERATORS: Record<string, Refusal> = {
  '|': { construct: 'a pipe "|"', fix: `enter a single command, ${KEEP_ALONE}` },
  ';': { construct: 'a command separator ";"', fix: `enter a single command, ${KEEP_ALONE}` },
  '&': {
    construct: '"&" (a background job or "&&")',
    fix: `enter a single command, ${KEEP_ALONE}`,
  },
  '>': { construct: 'a redirection ">"', fix: `remove the redirection, ${KEEP_ALONE}` },
  '<': { construct: 'a redirection "<"', fix: `remove the redirection, ${KEEP_ALONE}` },
  '(': {
    construct: 'a parenthesis "("',
    fix: `quote it ('(') if it is part of an argument, ${KEEP_ALONE}`,
  },
  ')': {
    construct: 'a parenthesis ")"',
    fix: `quote it (')') if it is part of an argument, ${KEEP_ALONE}`,
  },
  '`': {
    construct: 'a command substitution with backticks',
    fix: `run it yourself and ${WRITE_VALUE}`,
  },
  '*': {
    construct: 'a wildcard "*"',
    fix: `write the file names out, or quote it ('*') to pass it as is, ${KEEP_ALONE}`,
  },
  '?': { construct: 'a wildcard "?"', fix: `quote it ('?') to pass it as is, ${KEEP_ALONE}` },
  '[': { construct: 'a wildcard "["', fix: `quote it ('[') to pass it as is, ${KEEP_ALONE}` },
  '{': {
    construct: 'a brace "{" (brace expansion in bash and zsh)',
    fix: `quote it ('{...}') to pass it as is, ${KEEP_ALONE}`,
  },
};

/** What a `$` starts: a variable, a command substitution or arithmetic. */
function dollar(rest: string): Refusal {
  if (rest.startsWith('((')) return { construct: 'arithmetic "$((...))"', fix: WRITE_VALUE };
  if (rest.startsWith('('))
    return {
      construct: 'a command substitution "$(...)"',
      fix: `run it yourself and ${WRITE_VALUE}`,
    };
  const name = /^\{[^}]*\}?|^[A-Za-z_][A-Za-z0-9_]*|^./.exec(rest)?.[0] ?? '';
  return {
    construct: `the shell variable "$${name}"`,
    fix: `this page cannot know its value in your shell: ${WRITE_VALUE}`,
  };
}

/**
 * Splits a line into words by POSIX shell rules: blanks separate words, '...' is literal, "..."
 * keeps `\` only before `$ \` " \\` and newline, and `\` outside quotes escapes the next character.
 */
export function splitShellWords(line: string): Split {
  const argv: string[] = [];
  let word: string | null = null;
  let i = 0;
  const refuse = (construct: string, fix: string): Split => ({ refused: { construct, fix } });
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      if (word !== null) argv.push(word);
      word = null;
      i++;
      continue;
    }
    const atStart = word === null;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return refuse("an unclosed single quote '", 'close it, or remove it');
      word = (word ?? '') + line.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      const r = doubleQuoted(line, i + 1);
      if ('refused' in r) return r;
      word = (word ?? '') + r.text;
      i = r.next;
    } else if (c === '\\') {
      if (i + 1 >= line.length) return refuse('a "\\" at the very end', 'remove it');
      // Backslash-newline continues the line; any other escaped character is kept literally.
      if (line[i + 1] !== '\n') word = (word ?? '') + line[i + 1];
      i += 2;
    } else if (c === '$') {
      return { refused: dollar(line.slice(i + 1)) };
    } else if (OPERATORS[c]) {
      return { refused: OPERATORS[c] };
    } else if (c === '~' && (atStart || line[i - 1] === '=' || line[i - 1] === ':')) {
      // bash expands ~ at a word's start and, in words shaped like assignments, after = and :.
      return refuse(
        '"~" (your home folder)',
        `this page cannot know its path: write the full path, such as /home/you/..., ${KEEP_ALONE}`,
      );
    } else if (atStart && c === '#') {
      return refuse(
        '"#", which starts a comment',
        `remove the comment, or quote the "#" ('#') if it is part of an argument`,
      );
    } else {
      word = (word ?? '') + c;
      i++;
    }
  }
  if (word !== null) argv.push(word);
  return { argv };
}

/** Reads a "..." string from `start` (after the opening quote) to its closing quote. */
function doubleQuoted(
  line: string,
  start: number,
): { text: string; next: number } | { refused: Refusal } {
  let text = '';
  for (let i = start; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') return { text, next: i + 1 };
    if (c === '$') return { refused: dollar(line.slice(i + 1)) };
    if (c === '`') return { refused: OPERATORS['`']! };
    if (c === '\\' && i + 1 < line.length && '$`"\\\n'.includes(line[i + 1]!)) {
      if (line[i + 1] !== '\n') text += line[i + 1];
      i++;
      continue;
    }
    text += c;
  }
  return { refused: { construct: 'an unclosed double quote "', fix: 'close it, or remove it' } };
}

/** What the Command field holds: one program as typed, a split command line, or a refusal. */
export type CommandReading =
  | { kind: 'program'; command: string }
  | { kind: 'split'; argv: string[]; note?: string }
  | { kind: 'refused'; message: string };

// `codex mcp add NAME ... -- CMD` and `claude mcp add NAME ... -- CMD`: the server's command is after `--`.
const CLIENTS = new Set(['codex', 'claude']);

/**
 * A pasted `codex mcp add` / `claude mcp add` line: the program and arguments after `--`, with a
 * note naming what was left out (never a value, which may be a secret); undefined for other lines.
 */
function clientCommand(argv: string[]): CommandReading | undefined {
  const [client = '', mcp, add, ...rest] = argv;
  const program = client.split(/[\\/]/).pop()!;
  if (!CLIENTS.has(program) || mcp !== 'mcp' || (add !== 'add' && add !== 'add-json'))
    return undefined;
  const dashes = rest.indexOf('--');
  const after = dashes < 0 ? [] : rest.slice(dashes + 1);
  if (after.length === 0)
    return {
      kind: 'refused',
      message: `Command holds a whole "${program} mcp ${add}" command with no program after "--": for a local server, enter only the part after "--" (the program and its arguments); for a remote one, choose a remote sign-in method and enter its URL.`,
    };
  // Options before `--` (the server name, --env KEY=…, --scope…): named, never their values.
  const options = rest
    .slice(0, dashes)
    .filter((w) => w.startsWith('-'))
    .map((w) => w.split('=')[0]!);
  const envs = rest
    .slice(0, dashes)
    .filter(
      (w, i, all) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(w) && /^(-e|--env)$/.test(all[i - 1] ?? ''),
    )
    .map((w) => w.slice(0, w.indexOf('=')));
  const left =
    options.length > 0
      ? ` Its options before "--" (${[...new Set(options)].join(', ')}) are not read here${envs.length > 0 ? `: put ${envs.map((n) => `${n}=value`).join(', ')} under "Environment for the server"` : ''}.`
      : '';
  return {
    kind: 'split',
    argv: after,
    note: `Read the pasted "${program} mcp ${add}" command as the server's own command, the part after "--".${left}`,
  };
}

// `FOO=bar cmd`: an environment setting before the command.
const ASSIGNMENT_RE = /^[A-Za-z_][A-Za-z0-9_]*=/;
// A Windows path, where "\" separates folders instead of escaping.
const WINDOWS_PATH_RE = /(^|\s|["'])([A-Za-z]:\\|\\\\)/;

/** Reads the Command field: a whole command line is split; anything the split cannot honour is refused. */
export function readCommandField(raw: string): CommandReading {
  const text = raw.trim();
  // A line break is left for validation to refuse (splitting would hide it); other unsafe characters
  // survive the split into words, where validation refuses them. Single program names are taken as typed.
  if (/[\n\r]/.test(text) || !/[\s'"]/.test(text) || isPathWithSpaces(text))
    return { kind: 'program', command: raw };
  const refused = (construct: string, fix: string): CommandReading => ({
    kind: 'refused',
    message: `Command looks like a whole command line, but it holds ${construct}: ${fix}.`,
  });
  if (WINDOWS_PATH_RE.test(text)) {
    return refused(
      'a Windows path, where "\\" is not a shell escape',
      "put the program's path alone in Command (without quotes) and each argument on its own line in Arguments",
    );
  }
  const split = splitShellWords(text);
  if ('refused' in split) return refused(split.refused.construct, split.refused.fix);
  const first = split.argv[0] ?? '';
  if (ASSIGNMENT_RE.test(first)) {
    const name = first.slice(0, first.indexOf('='));
    return refused(
      `"${name}=..." before the program (an environment setting)`,
      `put ${name}=value under "Environment for the server" and the rest of the line here`,
    );
  }
  return clientCommand(split.argv) ?? { kind: 'split', argv: split.argv };
}

/** Shows a word in a message: in backticks, with nothing hidden (an empty word shows as `''`). */
export function shownWord(word: string): string {
  return word === '' ? "`''`" : `\`${word}\``;
}

const argumentCount = (n: number): string => (n === 1 ? '1 argument' : `${n} arguments`);

/**
 * The "Read as" note for a split command line, so the reader sees exactly what was understood;
 * `more` lines typed under Arguments follow the split ones, and the note gives the total.
 */
export function readAsMessage(argv: readonly string[], more = 0): string {
  const [command = '', ...args] = argv;
  const list = args.length > 0 ? `: ${args.map(shownWord).join(', ')}` : '';
  const then =
    more > 0
      ? `, then the ${argumentCount(more)} under Arguments (${argumentCount(args.length + more)} in all)`
      : '';
  return `Read as a whole command line: command ${shownWord(command)}, ${argumentCount(args.length)}${list}${then}. The outputs below use this split; check it is what you meant.`;
}

/**
 * A note for an argument line that holds blanks or quotes: one line is one argument, so
 * `--port 3000` reaches the program as a single word. Undefined when the line is plain.
 */
export function argumentLineNote(line: string, position: number): string | undefined {
  const label = `Argument #${position}`;
  const trimmed = line.trim();
  if (/^(["']).*\1$/s.test(trimmed) && trimmed.length >= 2) {
    return `${label} is wrapped in quotes, and the program receives the quotes too: remove them (each line is one argument, so no quoting is needed).`;
  }
  if (!/\s/.test(trimmed)) return undefined;
  const split = splitShellWords(trimmed);
  const words = 'argv' in split ? split.argv : trimmed.split(/\s+/);
  if (/^-/.test(trimmed) || words.length > 2 || /["']/.test(trimmed)) {
    return `${label} holds spaces, so the program receives it as ONE argument: "${trimmed}". If you meant ${words.length} arguments, put each on its own line (${words.map(shownWord).join(', ')}).`;
  }
  return `${label} holds a space and is passed as ONE argument ("${trimmed}"), which is right for a path or a sentence; if you meant several arguments, put each on its own line.`;
}
