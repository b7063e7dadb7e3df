/**
 * The "no browser on this machine" cases of the runtime oracle (headless.test.ts). Each case is one
 * bash script run inside the network namespace, in which the test plays the person: it reads the
 * authorization URL Codex prints, "opens" it the way a browser elsewhere would (the fake provider
 * answers with a redirect to Codex's callback address), and hands that callback address back to Codex,
 * either pasted at the `--no-browser` prompt or requested on this machine at the callback port (what a
 * forwarded port delivers). No case has a keyring: the namespace has no keyring service.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NO_BROWSER_FLAG } from '../../../src/lib/codex/facts.ts';
import { generate } from '../../../src/lib/generator/generate.ts';
import { emptySpec, type ServerSpec } from '../../../src/lib/generator/model.ts';
import { headlessOf } from '../../../src/lib/generator/headless.ts';
import { emptySettings, withSettings } from '../../../src/lib/generator/settings.ts';
import { CODEX_RELEASE, RELEASE_FACTS } from '../../support/codex.ts';
import { baseEnv, EXEC, OAUTH_PORT, prepareHome, retarget } from './harness.ts';
import type { PlanCase } from './plan.ts';

/** A fixed callback port, for the case that requests the callback address on this machine. */
export const CALLBACK_PORT = 5555;

/** The path a marker request takes between the two sessions, splitting their requests apart. */
export const MARKER = 'after-logout';

/** The file the failing "browser" appends every URL it is asked to open to. */
export const BROWSER_LOG = 'browser-tried.txt';

const AUTHORIZE_URL = `http://127\\.0\\.0\\.1:${OAUTH_PORT}/authorize?[^ ]*`;

/** Waits for the printed authorization URL, asks the fake provider, and keeps its redirect (the callback address). */
const FOLLOW = [
  `for i in $(seq 200); do grep -q -e '/authorize?' -e '^login exit' login.out && break; sleep 0.1; done`,
  // Codex stopped without printing a URL (a release without the option): nothing to follow.
  `grep -q '^login exit' login.out && exit 9`,
  `url=$(grep -o '${AUTHORIZE_URL}' login.out | head -n 1)`,
  `cb=$(curl -s -o /dev/null -w '%{redirect_url}' "$url")`,
  `printf '%s\\n' "$cb" > callback.txt`,
];

/** After the sign-in: where the token is, a session, logout, the marker, a second session, where the token is. */
function afterLogin(prefix: string): string[] {
  return [
    'grep -rl fake-access-token . > token-before.txt',
    EXEC,
    'codex mcp logout docs > logout.out 2>&1; echo "logout exit $?" >> logout.out',
    'grep -rl fake-access-token . > token-after.txt',
    `curl -s -o /dev/null http://127.0.0.1:${OAUTH_PORT}${prefix}${MARKER}`,
    EXEC,
    'true',
  ];
}

/** `login --no-browser`: the callback address is pasted at Codex's prompt (a FIFO stands for the terminal). */
function noBrowserScript(prefix: string, login = 'codex mcp login docs --no-browser'): string {
  return [
    'mkfifo paste.fifo',
    `(${login} < paste.fifo > login.out 2>&1; echo "login exit $?" >> login.out) &`,
    'exec 3> paste.fifo',
    ...FOLLOW,
    `printf '%s\\n' "$cb" >&3`,
    'wait $!',
    'exec 3>&-',
    'grep -q "login exit 0" login.out || exit 9',
    ...afterLogin(prefix),
  ].join('\n');
}

/** Plain `login` where no browser opens: the callback address is requested on this machine. */
function callbackScript(prefix: string, login = 'codex mcp login docs'): string {
  return [
    `(${login} > login.out 2>&1; echo "login exit $?" >> login.out) &`,
    ...FOLLOW,
    'curl -s -o callback-page.html -w "%{http_code}" "$cb" > callback-status.txt',
    'wait $!',
    'grep -q "login exit 0" login.out || exit 9',
    ...afterLogin(prefix),
  ].join('\n');
}

/** One headless case: its plan, home and request prefix. */
export interface HeadlessCase {
  plan: PlanCase;
  home: string;
  prefix: string;
  url: string;
}

function headlessCase(
  key: string,
  script: ((prefix: string) => string) | string[],
  topLevel: string,
  extra: Partial<PlanCase> = {},
  toml = (url: string) => `\n[mcp_servers.docs]\nurl = "${url}"\n`,
): HeadlessCase {
  const prefix = `/${key}/`;
  const url = `http://127.0.0.1:${OAUTH_PORT}${prefix}mcp`;
  const home = prepareHome(`headless-${key}`, toml(url), topLevel);
  // No browser on this machine: the one Codex is told to use fails, after noting what it was asked to open.
  const browser = join(home, 'no-browser.sh');
  writeFileSync(
    browser,
    `#!/bin/sh\nprintf '%s\\n' "$@" >> '${join(home, BROWSER_LOG)}'\nexit 1\n`,
    'utf8',
  );
  chmodSync(browser, 0o755);
  const argv = Array.isArray(script) ? script : ['bash', '-c', script(prefix)];
  const plan: PlanCase = {
    id: key,
    argv: argv.map((a) => a.replace('{url}', url)),
    env: { ...baseEnv(home), BROWSER: browser },
    cwd: home,
    timeoutMs: 90_000,
    ...extra,
  };
  return { plan, home, prefix, url };
}

const FILE = 'mcp_oauth_credentials_store = "file"\n';

/** The address the page's spec names; each case points it at the fake server. */
export const PAGE_URL = 'https://mcp.example.com/mcp';

/** What the generator shows for an OAuth server named docs with the switch on, for the release under test. */
export function pageSteps(callbackPort?: number) {
  const spec: ServerSpec = { ...emptySpec(), name: 'docs', url: PAGE_URL, auth: 'oauth' };
  const settings = {
    ...emptySettings(),
    headless: 'on',
    callbackPort: callbackPort ? String(callbackPort) : '',
  };
  const generated = withSettings(generate(spec, CODEX_RELEASE), settings, {
    oauth: true,
    scope: 'user',
    platform: 'unix',
    release: CODEX_RELEASE,
  });
  const r = { ...generated, headless: headlessOf(generated) };
  if (!r.headless) throw new Error(`no headless steps: ${JSON.stringify(r.diagnostics)}`);
  const block = (step: string, kind: string): string => {
    const b = r.headless!.find((s) => s.id === step)?.blocks.find((x) => x.kind === kind);
    if (!b) throw new Error(`no ${kind} block in the ${step} step`);
    return b.text;
  };
  return {
    steps: r.headless,
    topLevel: block('store', 'toml-top'),
    toml: block('add', 'toml'),
    login: block('login', 'login').trim(),
  };
}

/** Every headless case, keyed by what it shows. */
export function headlessCases() {
  const noBrowser = RELEASE_FACTS.loginFlags.includes(NO_BROWSER_FLAG);
  const page = pageSteps();
  // The page's login line pastes the callback address where it has `--no-browser`, else requests it here.
  const pageRoute = page.login.endsWith(NO_BROWSER_FLAG) ? noBrowserScript : callbackScript;
  return {
    // `codex mcp add --url` where no browser opens: what it prints and whether it waits.
    add: headlessCase('add', ['codex', 'mcp', 'add', 'web', '--url', '{url}'], FILE, {
      stopWhen: '/authorize\\?\\S+',
      stopDelayMs: 4000,
      timeoutMs: 30_000,
    }),
    // The generator's steps for this release, run as shown: its top-level block, its TOML block
    // (pointed at the fake server), its login line.
    page: headlessCase(
      'page',
      (prefix) => pageRoute(prefix, page.login),
      page.topLevel,
      {},
      (url) => '\n' + retarget(page.toml, PAGE_URL, url),
    ),
    // `login --no-browser` with the file store, on the releases that have it (refused before).
    noBrowserFile: headlessCase('nbfile', noBrowserScript, FILE),
    // The default store on a machine without a keyring, the same sign-in (a release without
    // `--no-browser`: plain `login`, the callback requested on this machine).
    noBrowserDefault: headlessCase('nbdefault', noBrowser ? noBrowserScript : callbackScript, ''),
    // The file store and a fixed callback port, plain `login`, the callback requested on this machine.
    callbackFile: headlessCase(
      'cbfile',
      callbackScript,
      `${FILE}mcp_oauth_callback_port = ${CALLBACK_PORT}\n`,
    ),
  };
}
