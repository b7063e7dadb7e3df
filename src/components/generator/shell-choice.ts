/**
 * The reader's shell: one choice for every generator on the page, remembered across pages and
 * reloads in localStorage under `cmg-shell`. It is the only thing the site ever stores, and not a
 * secret. Storage may be unavailable (privacy modes, blocked cookies): every access is guarded.
 */
import { useEffect, useState } from 'preact/hooks';
import { isShell, type Shell } from '../../lib/generator/shells.ts';

/** The localStorage key of the remembered shell. */
export const SHELL_STORAGE_KEY = 'cmg-shell';
// Tells the other generators on the page that the shell changed.
const CHANGE_EVENT = 'cmg-shell-change';

/** The remembered shell, or undefined when none is stored or storage is unavailable. */
export function storedShell(): Shell | undefined {
  try {
    const value = window.localStorage.getItem(SHELL_STORAGE_KEY);
    return value !== null && isShell(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Shows `shell` in every generator on the page; `remember` also stores it for other pages and
 * reloads (the reader's own choice is remembered, a share link's is not).
 */
export function applyShell(shell: Shell, remember: boolean): void {
  if (remember) {
    try {
      window.localStorage.setItem(SHELL_STORAGE_KEY, shell);
    } catch {
      // Not remembered; the choice still applies on this page.
    }
  }
  window.dispatchEvent(new CustomEvent<Shell>(CHANGE_EVENT, { detail: shell }));
}

/**
 * The shell a generator shows. It starts as bash/zsh, as the build rendered it, then takes the
 * remembered choice once mounted, and follows every later change made on the page.
 */
export function useShell(): Shell {
  const [shell, setShell] = useState<Shell>('posix');
  useEffect(() => {
    const remembered = storedShell();
    if (remembered) setShell(remembered);
    // Only applyShell dispatches this event, always with a valid shell.
    const follow = (e: Event) => setShell((e as CustomEvent<Shell>).detail);
    window.addEventListener(CHANGE_EVENT, follow);
    return () => window.removeEventListener(CHANGE_EVENT, follow);
  }, []);
  return shell;
}
