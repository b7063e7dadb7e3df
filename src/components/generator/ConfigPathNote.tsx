/** The note under the TOML block: where config.toml is by default, and that CODEX_HOME moves it. */
import { codexHomeConfigPath, type Platform } from '../../lib/generator/config-path.ts';
import type { Scope } from '../../lib/generator/model.ts';

/**
 * The site's page on where Codex reads its config (CLI, IDE extension, app; macOS, Linux, Windows,
 * WSL), under the base path: astro.config.mjs normalises `base` to end in "/", and Vite writes
 * BASE_URL in as a literal, which costs the critical path less than `withBase` would.
 */
export const WHERE_CODEX_RUNS = `${import.meta.env.BASE_URL}reference/where-codex-runs/`;

/** The note under the TOML block: the default path, and that CODEX_HOME moves it (user scope). */
export function ConfigPathNote({ platform, scope }: { platform: Platform; scope: Scope }) {
  const more = <a href={WHERE_CODEX_RUNS}>Where Codex reads its config (CLI, IDE, app, WSL)</a>;
  if (scope === 'project') {
    return (
      <p class="cmg-help" data-config-path-note>
        Codex reads a project's <code>.codex/config.toml</code> only once the project is trusted.{' '}
        {more}.
      </p>
    );
  }
  return (
    <p class="cmg-help" data-config-path-note>
      With <code>CODEX_HOME</code> set, Codex reads <code>{codexHomeConfigPath(platform)}</code>{' '}
      instead. {more}.
    </p>
  );
}
