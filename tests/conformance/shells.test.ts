/**
 * Conformance across shells: the command block for fish and for PowerShell, run by the real fish and
 * the real pwsh with the real Codex CLI, must write exactly the config that the bash block writes, which
 * must be the generated TOML block, for the release under test. A handful of hostile specs (issue 9), each shell in a network
 * namespace with no network (`unshare -n`) and a throwaway CODEX_HOME.
 */
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parse } from 'smol-toml';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/lib/generator/generate.ts';
import { emptySpec, type ServerSpec } from '../../src/lib/generator/model.ts';
import {
  BIN_DIR,
  CODEX_BIN_DIR,
  CODEX_RELEASE,
  cleanupHomes,
  freshDir,
  RELEASE_FACTS,
  serverTable,
} from '../support/codex.ts';
import { available, shellBinary, type ShellName } from '../unit/_support/shells.ts';

afterAll(cleanupHomes);

// Where an injected command would leave its mark; no correct quoting ever creates it.
const MARK = join(freshDir('injection-mark'), 'pwned');
const stdio = (o: Partial<ServerSpec>): ServerSpec => ({
  ...emptySpec(),
  transport: 'stdio',
  command: 'run',
  ...o,
});

const SPECS: [string, ServerSpec][] = [
  // The fish injection of issue 9 item 1: a trailing backslash, then a command after ";".
  ['fish injection', stdio({ name: 'inj', command: 'npx', args: ['x\\', `;touch ${MARK} #`] })],
  // What fish expands when bare: %self, braces, tilde, command substitution, globs; quotes and backslashes.
  [
    'fish expansions',
    stdio({
      name: 'fishy',
      args: ['%self', '{a,b}', '~', '$(id)', '(id)', '*', '?', '#c', 'a^b', "it's", 'end\\'],
      env: [{ name: 'E', value: "%self 'q' \\" }],
    }),
  ],
  // What PowerShell splits, splats, swallows or expands when bare.
  [
    'PowerShell specials',
    stdio({
      // `@` splats in PowerShell; releases before the wider name rule refuse it in a name.
      name: RELEASE_FACTS.nameRule.pattern.test('@acme/ps') ? '@acme/ps' : 'acme-ps',
      args: [
        '--',
        '-x.y',
        '--config=./a.json',
        '@a',
        'a,b',
        '$env:HOME',
        '`n',
        '\u2018q\u2019',
        '\u2013d',
        '',
      ],
    }),
  ],
  // Values that span lines and Unicode (a ZWJ emoji sequence).
  [
    'multi-line and unicode',
    stdio({
      name: 'ml',
      args: ['line1\nline2', '\n^x', 'é漢😀', '👩\u200d👩\u200d👧'],
      env: [{ name: 'PEM', value: '-----BEGIN-----\nabc\n-----END-----' }],
    }),
  ],
  // A remote server: "$", "&", "%self", "~", "#" in URLs; a client id starting with "-" with a quote and a backslash.
  [
    'remote with hostile values',
    {
      ...emptySpec(),
      name: 'h',
      url: 'http://127.0.0.1:9/mcp?a=1&b=$x',
      auth: 'bearer',
      bearerTokenEnvVar: 'TOK',
      oauthClientId: "-id'x\\",
      oauthResource: 'http://127.0.0.1:9/r?x=%self&y=~#frag',
    },
  ],
];

const SHELL_ARGS: Record<'bash' | 'fish' | 'pwsh', (script: string) => string[]> = {
  bash: (script) => [script],
  fish: (script) => ['--no-config', script],
  pwsh: (script) => ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', script],
};

/** Runs one command block as a script file in `shell`, with no network, the codex under test first on PATH. */
function runBlock(
  shell: 'bash' | 'fish' | 'pwsh',
  block: string,
  home: string,
): Promise<{ code: number; output: string }> {
  const script = join(home, shell === 'pwsh' ? 'add.ps1' : 'add.sh');
  // pwsh does not end with a native command's exit code by itself.
  writeFileSync(script, shell === 'pwsh' ? `${block}exit $LASTEXITCODE\n` : block);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CODEX_HOME: home,
    PATH: [CODEX_BIN_DIR, BIN_DIR, process.env['PATH'] ?? ''].join(delimiter),
    NO_COLOR: '1',
  };
  delete env['OPENAI_API_KEY'];
  delete env['CODEX_API_KEY'];
  return new Promise((done) => {
    execFile(
      'unshare',
      ['-n', shellBinary(shell as ShellName)!, ...SHELL_ARGS[shell](script)],
      { env, cwd: home, timeout: 60_000 },
      (error, stdout, stderr) => {
        done({
          code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
          output: `${stdout}${stderr}`,
        });
      },
    );
  });
}

describe('the fish and PowerShell command blocks write what the bash block writes (real shells, real codex)', () => {
  it.each(SPECS)(
    '%s',
    async (_label, spec) => {
      const generated = generate(spec, CODEX_RELEASE);
      const out = generated.outputs!;
      expect(out, JSON.stringify(generated.diagnostics)).not.toBeNull();
      expect(out.cli.mode).toBe('full');
      const expected = (parse(out.toml) as { mcp_servers: Record<string, unknown> }).mcp_servers[
        out.name
      ];
      const blocks = { bash: out.cli.posix!, fish: out.cli.fish!, pwsh: out.cli.powershell! };
      let fromBash: Record<string, unknown> | undefined;
      for (const shell of ['bash', 'fish', 'pwsh'] as const) {
        if (!available(shell, `the ${shell} command-block conformance check`)) continue;
        const home = freshDir(`${shell}-${out.name}`);
        const r = await runBlock(shell, blocks[shell], home);
        expect(r.code, `${shell}: ${blocks[shell]}\n${r.output}`).toBe(0);
        const table = serverTable(join(home, 'config.toml'), out.name);
        // Every shell's block writes the very same entry as the bash block (oauth.callback_url included).
        if (shell === 'bash') fromBash = table;
        else expect(table, `${shell}: ${blocks[shell]}`).toEqual(fromBash);
      }
      // And that entry is the TOML block, apart from the loopback oauth.callback_url `codex mcp add
      // --oauth-client-id` derives from the URL (see tests/support/conformance.ts).
      const { callback_url: callback, ...oauth } = (fromBash?.['oauth'] ?? {}) as Record<
        string,
        unknown
      >;
      if (callback !== undefined)
        expect(callback).toMatch(/^http:\/\/127\.0\.0\.1(:\d+)?\/callback\/[A-Za-z0-9_-]+$/);
      expect(fromBash && { ...fromBash, ...(fromBash['oauth'] ? { oauth } : {}) }).toEqual(
        expected,
      );
      expect(existsSync(MARK), 'a command injected through an argument ran').toBe(false);
    },
    180_000,
  );
});
