/**
 * scripts/provision.ts on simulated machines: what the test command's setup step finds, installs,
 * skips or stops on, with every probe injected (no real install runs here).
 */
import { describe, expect, it } from 'vitest';
import { NO_BROWSER_FIX, provision, type Machine } from '../../../scripts/provision.ts';

interface Sim {
  chromium?: string | null;
  /** What `playwright install chromium` yields: a path, or null when the download fails. */
  playwrightDownload?: string | null;
  /** Programs on PATH. */
  programs?: string[];
  /** Debian packages apt-get can install (the package name is also the program). */
  aptPackages?: string[];
  files?: string[];
  /** Files `dotnet tool install` creates; empty when it fails. */
  dotnetCreates?: string[];
  dotnetExit?: boolean;
  isRoot?: boolean;
  isDebian?: boolean;
}

const TARGET = { version: '7.6.9', toolPath: '/cache/pwsh-7.6.9' };

function machine(sim: Sim): Machine & { runs: string[]; logged: string[] } {
  let chromium = sim.chromium ?? null;
  const programs = new Set(sim.programs ?? ['apt-get', 'dotnet']);
  const files = new Set(sim.files ?? []);
  const runs: string[] = [];
  const logged: string[] = [];
  return {
    runs,
    logged,
    findChromium: () => chromium,
    which: (p) => (programs.has(p) ? `/usr/bin/${p}` : null),
    exists: (p) => files.has(p),
    isRoot: sim.isRoot ?? true,
    isDebian: sim.isDebian ?? true,
    run(command, args) {
      runs.push([command, ...args].join(' '));
      if (command === 'npx') {
        if (sim.playwrightDownload) chromium = sim.playwrightDownload;
        return !!sim.playwrightDownload;
      }
      if (command === 'apt-get' && args[0] === 'update') return true;
      if (command === 'apt-get') {
        const pkg = args[args.length - 1]!;
        if (!(sim.aptPackages ?? []).includes(pkg)) return false;
        if (pkg === 'chromium') chromium = '/usr/bin/chromium';
        else programs.add(pkg);
        return true;
      }
      if (command === 'dotnet') {
        for (const f of sim.dotnetCreates ?? []) files.add(f);
        return sim.dotnetExit ?? (sim.dotnetCreates ?? []).length > 0;
      }
      return false;
    },
    log: (line) => logged.push(line),
  };
}

const ALL = ['apt-get', 'dotnet', 'fish', 'zsh', 'pwsh', 'tmux'];

describe('provision', () => {
  it('finds everything and installs nothing on a ready machine', () => {
    const m = machine({ chromium: '/usr/bin/chromium', programs: ALL });
    const out = provision(m, TARGET);
    expect(out.ok).toBe(true);
    expect(m.runs).toEqual([]);
    expect(out.lines).toEqual([
      'chromium: found /usr/bin/chromium',
      'fish: found /usr/bin/fish',
      'zsh: found /usr/bin/zsh',
      'pwsh: found /usr/bin/pwsh',
      'tmux: found /usr/bin/tmux',
    ]);
  });

  it("prefers Playwright's own download for the browser, and needs no apt-get then", () => {
    const m = machine({
      playwrightDownload: '/root/.cache/ms-playwright/chromium/chrome',
      programs: ALL,
    });
    const out = provision(m, TARGET);
    expect(out.ok).toBe(true);
    expect(m.runs).toEqual(['npx playwright install chromium']);
    expect(out.lines[0]).toBe(
      'chromium: installed by Playwright at /root/.cache/ms-playwright/chromium/chrome',
    );
  });

  it("falls back to Debian's chromium as root on Debian, updating the package lists once for everything", () => {
    const m = machine({
      programs: ['apt-get', 'dotnet'],
      aptPackages: ['chromium', 'fish', 'zsh', 'tmux'],
      dotnetCreates: ['/cache/pwsh-7.6.9/pwsh'],
    });
    const out = provision(m, TARGET);
    expect(out.ok).toBe(true);
    expect(m.runs).toEqual([
      'npx playwright install chromium',
      'apt-get update -qq',
      'apt-get install -y -qq --no-install-recommends chromium',
      'apt-get install -y -qq --no-install-recommends fish',
      'apt-get install -y -qq --no-install-recommends zsh',
      'dotnet tool install PowerShell --version 7.6.9 --tool-path /cache/pwsh-7.6.9',
      'apt-get install -y -qq --no-install-recommends tmux',
    ]);
    expect(out.lines).toEqual([
      'chromium: installed from Debian at /usr/bin/chromium',
      'fish: installed from Debian at /usr/bin/fish',
      'zsh: installed from Debian at /usr/bin/zsh',
      'pwsh: installed PowerShell 7.6.9 at /cache/pwsh-7.6.9/pwsh',
      'tmux: installed from Debian at /usr/bin/tmux',
    ]);
  });

  it('stops with the one line naming the fix when no browser can be had (not root)', () => {
    const m = machine({ isRoot: false, programs: ['apt-get', 'fish', 'zsh', 'pwsh', 'tmux'] });
    const out = provision(m, TARGET);
    expect(out.ok).toBe(false);
    expect(out.lines[0]).toBe(NO_BROWSER_FIX);
    expect(m.runs).toEqual(['npx playwright install chromium']);
  });

  it('does not use apt-get off Debian, and says why each missing shell was skipped', () => {
    const m = machine({ chromium: '/opt/chrome', isDebian: false, programs: ['apt-get'] });
    const out = provision(m, TARGET);
    expect(out.ok).toBe(true);
    expect(m.runs).toEqual([]);
    expect(out.lines.slice(1)).toEqual([
      'fish: MISSING (not Debian): install it with your package manager, or the tests that run it cannot',
      'zsh: MISSING (not Debian): install it with your package manager, or the tests that run it cannot',
      'pwsh: MISSING (no dotnet to install it with): install PowerShell 7 or the .NET SDK, or the tests that run it cannot',
      'tmux: MISSING (not Debian): install it with your package manager, or the tests that run it cannot',
    ]);
  });

  it('takes PowerShell that another process installed meanwhile, though dotnet reports "already installed"', () => {
    const m = machine({
      chromium: '/usr/bin/chromium',
      programs: ['dotnet', 'fish', 'zsh', 'tmux'],
      dotnetCreates: ['/cache/pwsh-7.6.9/pwsh'],
      dotnetExit: false,
    });
    expect(provision(m, TARGET).lines[3]).toBe(
      'pwsh: installed PowerShell 7.6.9 at /cache/pwsh-7.6.9/pwsh',
    );
  });

  it('finds PowerShell in the cache folder without running dotnet', () => {
    const m = machine({
      chromium: '/usr/bin/chromium',
      programs: ['dotnet', 'fish', 'zsh', 'tmux'],
      files: ['/cache/pwsh-7.6.9/pwsh'],
    });
    expect(provision(m, TARGET).lines[3]).toBe('pwsh: found /cache/pwsh-7.6.9/pwsh');
    expect(m.runs).toEqual([]);
  });

  it('reports a failed dotnet install as missing, without failing the run', () => {
    const m = machine({
      chromium: '/usr/bin/chromium',
      programs: ['dotnet', 'fish', 'zsh', 'tmux'],
      dotnetCreates: [],
    });
    const out = provision(m, TARGET);
    expect(out.ok).toBe(true);
    expect(out.lines[3]).toBe(
      'pwsh: MISSING (`dotnet tool install PowerShell --version 7.6.9` failed): the tests that run it cannot',
    );
  });
});
