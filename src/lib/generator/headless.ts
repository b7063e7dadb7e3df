/**
 * "No browser on this machine": the steps of an OAuth setup on a host where no browser opens (SSH,
 * a container), in the order that works there, with their text. The one place these steps are
 * written: the generator shows them, and no guide restates them. Every sentence about Codex here is
 * asserted by tests/conformance/runtime/headless.test.ts on the releases it names:
 * - `codex mcp add --url` starts the sign-in at once, asks for a browser, prints the URL and waits
 *   (saying nothing when no browser opens), so the TOML block is the way to add without signing in;
 * - with the default store and no keyring, the sign-in works but `codex mcp logout` fails and the
 *   token stays in use; with `mcp_oauth_credentials_store = "file"` logout removes it;
 * - `login --no-browser` (CHANGES.loginNoBrowser) asks for the callback address to be pasted;
 * - plain `login` completes when the callback address (`http://127.0.0.1:PORT/callback/…`, PORT
 *   fixed by `mcp_oauth_callback_port`) is requested on this machine, which a forwarded port does.
 * Pure: no DOM.
 */
import { CHANGES } from '../codex/changes.ts';
import { factsFor, NO_BROWSER_FLAG } from '../codex/facts.ts';
import type { Release } from '../codex/releases.ts';
import { loginTokens, type Outputs } from './generate.ts';
import { textOf, type Token } from './tokens.ts';
import { tomlTokens } from './toml.ts';

/** One output block of a step. */
export interface HeadlessBlock {
  kind: string;
  title: string;
  text: string;
  /** The block as tokens: `text` is exactly their concatenation (tokens.ts). */
  tokens: Token[];
}

/** A block from its tokens, its text their concatenation. */
const block = (kind: string, title: string, tokens: Token[]): HeadlessBlock => ({
  kind,
  title,
  text: textOf(tokens),
  tokens,
});

/**
 * One step: paragraphs, its blocks, then notes. `env` holds no block of its own: its lines are the
 * outputs' per-shell env lines. Paragraphs and notes mark code with backticks.
 */
export interface HeadlessStep {
  id: 'store' | 'env' | 'add' | 'login' | 'verify';
  title: string;
  paragraphs: string[];
  blocks: HeadlessBlock[];
  notes?: string[];
}

/** Where the headless steps stand: the top-level block and its file, the release, a fixed port. */
export interface HeadlessContext {
  topLevel: string;
  topLevelPath: string;
  release: Release;
  /** `mcp_oauth_callback_port`, when set. */
  callbackPort?: number | undefined;
}

/** The sign-in step: `--no-browser` where the release has it, else plain `login` and the callback requested here. */
function loginStep(out: Outputs, ctx: HeadlessContext): HeadlessStep {
  const scopes = 'scopes' in out.entry ? (out.entry.scopes ?? []) : [];
  const noBrowser = factsFor(ctx.release).loginFlags.includes(NO_BROWSER_FLAG);
  const command = loginTokens(out.name, scopes, ctx.release, true);
  const port = ctx.callbackPort ?? 'PORT';
  const address = `http://127.0.0.1:${port}/callback/…`;
  const paragraphs = noBrowser
    ? [
        `Codex prints a sign-in URL. Open it in a browser on any other machine and sign in. The browser then goes to \`${address}\`, which cannot load there: copy that whole address from the address bar and paste it at Codex's \`Callback URL (input hidden):\` prompt.`,
      ]
    : [
        `Codex ${ctx.release} has no \`${NO_BROWSER_FLAG}\` (it came in ${CHANGES.loginNoBrowser.since}). \`codex mcp login\` prints a sign-in URL and waits; nothing opens here. Open the URL in a browser on any other machine and sign in. The browser then goes to \`${address}\`, which cannot load there: copy that whole address and, in a second terminal on this machine, run \`curl 'ADDRESS'\` with it.`,
      ];
  const notes = [
    ctx.callbackPort === undefined
      ? 'To forward the port over SSH instead, set a fixed "OAuth callback port" in Advanced settings: without one, Codex picks a random port.'
      : `Or forward port ${port} from the machine with the browser (\`ssh -L ${port}:127.0.0.1:${port} THIS-HOST\`) and run \`codex mcp login ${out.name}\`${noBrowser ? ` without \`${NO_BROWSER_FLAG}\`` : ''}: the browser's redirect to \`${address}\` then reaches Codex here.`,
    'Codex says it has logged in and keeps the token in `.credentials.json` in your Codex home; `codex mcp logout` removes it.',
  ];
  return {
    id: 'login',
    title: 'Sign in without a browser',
    paragraphs,
    notes,
    blocks: command ? [block('login', 'OAuth login', command)] : [],
  };
}

/** The steps in order: the token store, the variables, the TOML block (no `add`), the sign-in, the check. */
export function headlessSteps(out: Outputs, ctx: HeadlessContext): HeadlessStep[] {
  const steps: HeadlessStep[] = [
    {
      id: 'store',
      title: 'Keep OAuth tokens in a file',
      paragraphs: [
        `Before signing in, put these lines at the top of \`${ctx.topLevelPath}\`, above the first \`[table]\`. On a machine without a keyring, Codex's default store signs in, but \`codex mcp logout\` then fails and the token stays in use; with \`"file"\`, logout removes it.`,
      ],
      blocks: [
        block('toml-top', `${ctx.topLevelPath} (top of the file)`, tomlTokens(ctx.topLevel)),
      ],
    },
  ];
  if (out.env)
    steps.push({ id: 'env', title: 'Set the environment variables', paragraphs: [], blocks: [] });
  steps.push(
    {
      id: 'add',
      title: 'Add the server without signing in',
      paragraphs: [
        `Paste this block into \`${out.configPath}\` instead of running \`codex mcp add\`: for an OAuth server, \`codex mcp add\` starts the sign-in at once, prints the URL and waits for a browser; where none opens it says nothing about it and keeps waiting.`,
      ],
      blocks: [block('toml', out.configPath, out.tokens.toml)],
    },
    loginStep(out, ctx),
    {
      id: 'verify',
      title: 'Check it',
      paragraphs: [],
      blocks: [block('verify', 'Verify', out.tokens.verify)],
    },
  );
  return steps;
}

/** The steps for a result of `withSettings` with the switch on, or undefined when it is off. */
export function headlessOf(r: {
  outputs: Outputs | null;
  headless?: HeadlessContext | undefined;
}): HeadlessStep[] | undefined {
  return r.headless && r.outputs ? headlessSteps(r.outputs, r.headless) : undefined;
}
