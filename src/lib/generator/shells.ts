/** The shells the generator writes commands for; tiny, so the page can read a shell choice before the engine loads. */

/** The shells the generator writes for, in the order the page lists them. */
export const SHELLS = ['posix', 'fish', 'powershell'] as const;
/** One of the shells the generator writes for (`posix` is bash and zsh). */
export type Shell = (typeof SHELLS)[number];

/** True when `value` names a shell the generator writes for. */
export function isShell(value: string): value is Shell {
  return (SHELLS as readonly string[]).includes(value);
}
