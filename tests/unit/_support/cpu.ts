/**
 * CPU time of a test's own work. On the shared 2-core CI machine other processes (the conformance
 * lane, other agents' suites) take the cores, so wall-clock budgets fail on unchanged code; the
 * CPU time this process spends (user + system, `process.cpuUsage`) is what the code under test
 * costs, and it is never more than the wall time it took on a quiet machine.
 */

/** CPU milliseconds (user + system) this process spends running `f`, and `f`'s result. */
export function cpu<T>(f: () => T): { ms: number; value: T } {
  const start = process.cpuUsage();
  const value = f();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, value };
}
