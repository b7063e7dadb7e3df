/**
 * What the test command needs besides node_modules, and how to get each on a fresh machine:
 * a Chromium for the e2e tests, fish and zsh (real shells the suites run generated commands in),
 * tmux (the terminal the runtime suite drives Codex's interactive TUI in)
 * and PowerShell 7.6.9 (installed as a .NET tool into the cache folder). Pure decisions over
 * injected probes, so tests/unit/provision.test.ts can run every branch; scripts/setup.ts wires it
 * to the real machine. Each need prints one line: found, installed, or skipped/missing and why.
 */

/** What provisioning may ask of the machine. */
export interface Machine {
  /** A usable Chromium's path, or null (CHROMIUM_PATH, Playwright's own download, system paths). */
  findChromium(): string | null;
  /** The path of a program on PATH, or null. */
  which(program: string): string | null;
  exists(path: string): boolean;
  isRoot: boolean;
  /** True on Debian or a derivative (apt-get and Debian's package names). */
  isDebian: boolean;
  /** Runs a command, output shown; true when it exited 0. */
  run(command: string, args: readonly string[]): boolean;
  log(line: string): void;
}

/** Where PowerShell goes and which release. */
export interface PwshTarget {
  version: string;
  toolPath: string;
}

/** The outcome: `ok` false only when something required could not be found or installed. */
export interface Outcome {
  ok: boolean;
  /** One line per need. */
  lines: string[];
}

/** The one-line fix when no browser can be had. */
export const NO_BROWSER_FIX =
  'chromium: MISSING and could not be installed: run `apt-get install -y chromium` as root (Debian/Ubuntu), `npx playwright install chromium` where the network allows, or set CHROMIUM_PATH to a Chrome/Chromium binary.';

function aptInstaller(m: Machine): ((pkg: string) => boolean) | null {
  if (!m.isRoot || !m.isDebian || !m.which('apt-get')) return null;
  let updated = false;
  return (pkg) => {
    // One `apt-get update` per run, and only when something is actually installed.
    if (!updated) updated = m.run('apt-get', ['update', '-qq']);
    return updated && m.run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg]);
  };
}

function browser(m: Machine, apt: ((pkg: string) => boolean) | null): [boolean, string] {
  const found = m.findChromium();
  if (found) return [true, `chromium: found ${found}`];
  m.log("chromium: none found; trying Playwright's own download (`playwright install chromium`)");
  if (m.run('npx', ['playwright', 'install', 'chromium'])) {
    const got = m.findChromium();
    if (got) return [true, `chromium: installed by Playwright at ${got}`];
  }
  if (apt) {
    m.log("chromium: Playwright's download failed; installing Debian's chromium package");
    if (apt('chromium')) {
      const got = m.findChromium();
      if (got) return [true, `chromium: installed from Debian at ${got}`];
    }
  }
  return [false, NO_BROWSER_FIX];
}

function shell(m: Machine, name: string, apt: ((pkg: string) => boolean) | null): string {
  const found = m.which(name);
  if (found) return `${name}: found ${found}`;
  if (apt && apt(name) && m.which(name))
    return `${name}: installed from Debian at ${m.which(name)}`;
  const why = apt ? 'apt-get install failed' : !m.isRoot ? 'not root' : 'not Debian';
  return `${name}: MISSING (${why}): install it with your package manager, or the tests that run it cannot`;
}

function pwsh(m: Machine, target: PwshTarget): string {
  const cached = `${target.toolPath}/pwsh`;
  if (m.exists(cached)) return `pwsh: found ${cached}`;
  const onPath = m.which('pwsh');
  if (onPath) return `pwsh: found ${onPath}`;
  if (!m.which('dotnet'))
    return 'pwsh: MISSING (no dotnet to install it with): install PowerShell 7 or the .NET SDK, or the tests that run it cannot';
  m.run('dotnet', [
    'tool',
    'install',
    'PowerShell',
    '--version',
    target.version,
    '--tool-path',
    target.toolPath,
  ]);
  // Judge by the binary, not the exit code: another process may have installed it meanwhile, and
  // `dotnet tool install` then fails with "already installed" although PowerShell is there.
  if (m.exists(cached)) return `pwsh: installed PowerShell ${target.version} at ${cached}`;
  return `pwsh: MISSING (\`dotnet tool install PowerShell --version ${target.version}\` failed): the tests that run it cannot`;
}

/** Finds or installs everything; the browser is the one hard requirement (the e2e step cannot run without it). */
export function provision(m: Machine, target: PwshTarget): Outcome {
  const apt = aptInstaller(m);
  const [browserOk, browserLine] = browser(m, apt);
  const lines = [
    browserLine,
    shell(m, 'fish', apt),
    shell(m, 'zsh', apt),
    pwsh(m, target),
    shell(m, 'tmux', apt),
  ];
  for (const line of lines) m.log(line);
  return { ok: browserOk, lines };
}
