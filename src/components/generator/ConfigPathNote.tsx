/** The note under the TOML block: where config.toml is by default, and that CODEX_HOME moves it. */
import { codexHomeConfigPath, type Platform } from '../../lib/generator/config-path.ts';
import type { Scope } from '../../lib/generator/model.ts';

/** The site's page on where Codex reads its config (CLI, IDE extension, app; macOS, Linux, Windows, WSL). */
export const WHERE_CODEX_RUNS = '/reference/where-codex-runs/';

/**
 * The note under the TOML block: the default path, and that CODEX_HOME moves it (user scope).
 * `href` is WHERE_CODEX_RUNS under the site's base, resolved at build time (Generator.astro), so
 * base.ts stays off the critical path.
 */
export function ConfigPathNote(props: { platform: Platform; scope: Scope; href: string }) {
  const { platform, scope } = props;
  const more = <a href={props.href}>Where Codex reads its config (CLI, IDE, app, WSL)</a>;
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
