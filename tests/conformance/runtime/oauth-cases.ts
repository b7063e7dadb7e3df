/**
 * The OAuth cases of the runtime oracle: what `codex mcp add --url` and `codex mcp login` do against
 * a loopback server that advertises OAuth (discovery, dynamic client registration, scopes, the
 * redirect URI and port, what `--no-browser` prints, what `--oauth-client-id` writes). No case waits
 * for a person: each is stopped shortly after Codex prints the authorization URL.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseEnv, OAUTH_PORT, prepareHome } from './harness.ts';
import type { PlanCase } from './plan.ts';

/** One OAuth case: the plan, where its home is, and the path prefix its requests use. */
export interface OAuthCase {
  plan: PlanCase;
  home: string;
  prefix: string;
  url: string;
}

/** The authorize URL Codex prints; seeing it means the flow has started and now waits for the browser. */
export const AUTHORIZE = `http://127\\.0\\.0\\.1:${OAUTH_PORT}/authorize\\?\\S+`;

/** The file the fake browser appends every URL it is asked to open to. */
export const BROWSER_LOG = 'browser-opened.txt';

/**
 * One OAuth case: `argv` ({url} replaced) in a fresh home holding `toml(url)` under `topLevel`, with a
 * fake browser that records what it is asked to open (and, with `follow`, completes the sign-in).
 */
export function oauthCase(
  key: string,
  argv: string[],
  toml: (url: string) => string,
  extra: Partial<PlanCase> = {},
  topLevel = '',
  follow = false,
): OAuthCase {
  const prefix = `/${key}/`;
  const url = `http://127.0.0.1:${OAUTH_PORT}${prefix}mcp`;
  const home = prepareHome(`oauth-${key}`, toml(url), topLevel);
  // A "browser" that only records what it was asked to open, so no case depends on a real one.
  const browser = join(home, 'browser.sh');
  // With `follow`, it also goes to the URL the way a browser would, following the provider's redirect back to Codex.
  const go = follow ? `curl -s -L -o /dev/null "$1"\n` : '';
  writeFileSync(
    browser,
    `#!/bin/sh\nprintf '%s\\n' "$@" >> '${join(home, BROWSER_LOG)}'\n${go}`,
    'utf8',
  );
  chmodSync(browser, 0o755);
  const env = { ...baseEnv(home), BROWSER: browser };
  const plan: PlanCase = {
    id: key,
    argv: argv.map((a) => a.replace('{url}', url)),
    env,
    cwd: home,
    timeoutMs: 20_000,
    stopWhen: AUTHORIZE,
    ...extra,
  };
  return { plan, home, prefix, url };
}

const server =
  (name: string, lines = ''): ((url: string) => string) =>
  (url) =>
    `\n[mcp_servers.${name}]\nurl = "${url}"\n${lines}`;
const none = (): string => '';

/** Every OAuth case, keyed by what it shows. */
export function oauthCases() {
  return {
    addStartsLogin: oauthCase('add', ['codex', 'mcp', 'add', 'docs', '--url', '{url}'], none),
    addWithBearer: oauthCase(
      'addbearer',
      ['codex', 'mcp', 'add', 'docs', '--url', '{url}', '--bearer-token-env-var', 'DOCS_TOKEN'],
      none,
      { stopWhen: undefined },
    ),
    addClientId: oauthCase(
      'addclient',
      ['codex', 'mcp', 'add', 'docs', '--url', '{url}', '--oauth-client-id', 'my-client-id'],
      none,
    ),
    login: oauthCase('login', ['codex', 'mcp', 'login', 'docs'], server('docs')),
    loginNoBrowser: oauthCase(
      'nobrowser',
      ['codex', 'mcp', 'login', 'docs', '--no-browser'],
      server('docs'),
      { keepStdinOpen: true, stopDelayMs: 2500 },
    ),
    loginScopes: oauthCase(
      'scopes',
      ['codex', 'mcp', 'login', 'docs', '--scopes', 'alpha,beta'],
      server('docs'),
    ),
    configScopes: oauthCase(
      'cfgscopes',
      ['codex', 'mcp', 'login', 'docs'],
      server('docs', 'scopes = ["read"]\n'),
    ),
    complete: oauthCase(
      'complete',
      // Where the token is kept is listed before and after `logout`, to show what logout removes.
      [
        'bash',
        '-c',
        'codex mcp login docs && codex exec --skip-git-repo-check hi && grep -rl fake-access-token . > token-before.txt; codex mcp logout docs; grep -rl fake-access-token . > token-after.txt; true',
      ],
      server('docs'),
      { stopWhen: undefined, timeoutMs: 60_000 },
      'mcp_oauth_credentials_store = "file"\n',
      true,
    ),
    callbackPort: oauthCase(
      'port',
      ['codex', 'mcp', 'login', 'docs'],
      server('docs'),
      {},
      'mcp_oauth_callback_port = 5555\n',
    ),
  };
}
