import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  argumentLineNote,
  readAsMessage,
  readCommandField,
  splitShellWords,
} from '../../../src/lib/input/command-line.ts';
import { argvIsSafe } from '../../../src/lib/generator/guard.ts';
import { posixCommand } from '../../../src/lib/generator/shell/posix.ts';
import { anyText, stringOf } from '../_support/arbitraries.ts';
import { available, propertySeed, readBack } from '../_support/shells.ts';

describe('splitShellWords: POSIX quoting rules', () => {
  it.each([
    [
      'npx -y @modelcontextprotocol/server-filesystem "/home/me/my projects"',
      ['npx', '-y', '@modelcontextprotocol/server-filesystem', '/home/me/my projects'],
    ],
    [
      "uvx 'mcp-server-git' --repository '/srv/it'\\''s'",
      ['uvx', 'mcp-server-git', '--repository', "/srv/it's"],
    ],
    ['a\\ b "c\\"d" "e\\f" \'g\\h\'', ['a b', 'c"d', 'e\\f', 'g\\h']],
    ['  x\t\t"" y  ', ['x', '', 'y']],
    ['a"b"\'c\'d', ['abcd']],
    ["x a#b '#c' ]", ['x', 'a#b', '#c', ']']],
  ])('%j', (line, argv) => {
    expect(splitShellWords(line)).toEqual({ argv });
  });

  it.each([
    ['npx server $HOME/x', /the shell variable "\$HOME"/],
    ['npx "${TOKEN}"', /the shell variable "\$\{TOKEN\}"/],
    ['npx $(which node)', /command substitution "\$\(\.\.\.\)"/],
    ['npx `pwd`', /backticks/],
    ['cat x | npx srv', /a pipe "\|"/],
    ['cd /srv; npx srv', /command separator ";"/],
    ['cd /srv && npx srv', /"&"/],
    ['npx srv > log.txt', /redirection ">"/],
    ['npx srv *.json', /wildcard "\*"/],
    ['npx srv file?', /wildcard "\?"/],
    ['npx srv ~/data', /"~" \(your home folder\)/],
    ['npx srv --dir=~/data', /"~"/],
    ['npx srv {a,b}', /brace/],
    ['npx srv # comment', /comment/],
    ['npx "srv', /unclosed double quote/],
    ["npx 'srv", /unclosed single quote/],
    ['npx srv\\', /at the very end/],
  ])('refuses %j, naming the construct', (line, construct) => {
    const r = splitShellWords(line);
    expect('refused' in r && r.refused.construct).toMatch(construct);
  });

  // Any argv the output guard lets through (an argv holding a refused character is never written).
  it('property: posix-quoting any argv, then splitting, gives the argv back', () => {
    fc.assert(
      fc.property(
        fc.array(anyText(), { minLength: 1, maxLength: 6 }).filter(argvIsSafe),
        (argv) => {
          expect(splitShellWords(posixCommand(argv))).toEqual({ argv });
        },
      ),
      { seed: propertySeed(), numRuns: 3000 },
    );
  });

  // Characters that mean something to bash, and ordinary ones, without line breaks (one command per line).
  const ALPHABET = 'ab-=~#\'"\\$*?[]{}()|;&<>!%^:,./@é \t';
  it.skipIf(!available('bash', 'the command-line split compared with bash'))(
    'agrees with real bash on every line it accepts (a few hundred random lines)',
    () => {
      const lines = fc.sample(stringOf(ALPHABET, 1, 14), { seed: propertySeed(), numRuns: 6000 });
      const accepted = [...new Set(lines)].flatMap((line) => {
        const r = splitShellWords(line);
        return 'argv' in r ? [{ line, argv: r.argv }] : [];
      });
      expect(accepted.length).toBeGreaterThan(300);
      const words = readBack(
        'bash',
        accepted.map((a) => a.line),
      );
      accepted.forEach((a, i) => expect({ line: a.line, argv: words[i] }).toEqual(a));
    },
    60_000,
  );
});

describe('readCommandField: the Command field', () => {
  it('takes a program name as typed, including a path with spaces and a Windows path', () => {
    for (const raw of [
      'npx',
      ' uvx ',
      'C:\\Program Files\\nodejs\\npx.cmd',
      '/Applications/My App/bin/server',
      'C:\\tools\\srv.exe',
    ]) {
      expect(readCommandField(raw)).toEqual({ kind: 'program', command: raw });
    }
  });

  it('splits a pasted command line and says how it was read', () => {
    const r = readCommandField(
      'npx -y @modelcontextprotocol/server-filesystem "/home/me/my projects"',
    );
    expect(r).toEqual({
      kind: 'split',
      argv: ['npx', '-y', '@modelcontextprotocol/server-filesystem', '/home/me/my projects'],
    });
    expect(readAsMessage(['npx', '-y', 'pkg', '/home/me/my projects'])).toBe(
      'Read as a whole command line: command `npx`, 3 arguments: `-y`, `pkg`, `/home/me/my projects`. The outputs below use this split; check it is what you meant.',
    );
    expect(readAsMessage(['"quoted"'])).toMatch(/command `"quoted"`, 0 arguments\./);
  });

  it.each([
    [
      'FOO=bar npx srv',
      /"FOO=\.\.\." before the program .*put FOO=value under "Environment for the server"/,
    ],
    ['C:\\Program Files\\nodejs\\npx.cmd -y pkg', /a Windows path/],
    ['"C:\\tools\\srv.exe" --port 1', /a Windows path/],
    [
      'npx srv $API_KEY',
      /^Command looks like a whole command line, but it holds the shell variable "\$API_KEY": this page cannot know its value/,
    ],
  ])('refuses %j with a message naming the construct and the fix', (raw, message) => {
    const r = readCommandField(raw);
    expect(r.kind).toBe('refused');
    expect(r.kind === 'refused' && r.message).toMatch(message);
  });

  it('leaves characters no field may hold to validation (no split of a line break)', () => {
    expect(readCommandField('npx\nrm -rf /')).toEqual({
      kind: 'program',
      command: 'npx\nrm -rf /',
    });
  });
});

describe('argumentLineNote: one line is one argument, never silently', () => {
  it.each([
    [
      '--port 3000',
      /ONE argument: "--port 3000"\. If you meant 2 arguments, put each on its own line \(`--port`, `3000`\)/,
    ],
    ['-y @scope/pkg /srv', /If you meant 3 arguments/],
    ['/home/me/my projects', /holds a space and is passed as ONE argument .*right for a path/],
    ['"/home/me/docs"', /wrapped in quotes, and the program receives the quotes too/],
  ])('%j', (line, message) => {
    expect(argumentLineNote(line, 2)).toMatch(message);
    expect(argumentLineNote(line, 2)).toMatch(/^Argument #2 /);
  });

  it('says nothing about a plain argument', () => {
    expect([
      argumentLineNote('-y', 1),
      argumentLineNote('@scope/pkg@1.2.3', 1),
      argumentLineNote('--dir=/srv', 1),
    ]).toEqual([undefined, undefined, undefined]);
  });
});
