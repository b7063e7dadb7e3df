/**
 * Commands that are one program although they hold spaces, shared by the generator and the doctor. An absolute path whose folders hold spaces (`C:\Program Files\nodejs\npx.cmd`,
 * `/Applications/My App/bin/server`): one program, which Codex starts as is. A space after the
 * program's extension (`…\npx.cmd -y pkg`) means arguments were written into it: not a path.
 */
export function isPathWithSpaces(cmd: string): boolean {
  if (!/^([A-Za-z]:[\\/]|\\\\|\/)/.test(cmd)) return false;
  return !/\.(exe|cmd|bat|com|ps1|sh|js|py)\s/i.test(cmd) && !/\s-{1,2}[A-Za-z]/.test(cmd);
}
