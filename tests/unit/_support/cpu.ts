/**
 * CPU time of a test's own work. On the shared 2-core CI machine other processes (the conformance
 * lane, other agents' suites) take the cores, so wall-clock budgets fail on unchanged code; the
 * CPU time this thread spends (user + system, `process.threadCpuUsage`) is what the code under test
 * costs, and it is never more than the wall time it took on a quiet machine. The process-wide
 * figure (`process.cpuUsage`) also counts V8's garbage-collection helper threads, which run beside
 * the code and add no wall time: a 2 MB doctor input measured 2,043 ms that way in 1,926 ms of wall
 * time. Node before 23.9 has only the process-wide figure, which is then used.
 */

/** CPU milliseconds (user + system) this thread spends running `f`, and `f`'s result. */
export function cpu<T>(f: () => T): { ms: number; value: T } {
  const usage = (prev?: NodeJS.CpuUsage) =>
    typeof process.threadCpuUsage === 'function'
      ? process.threadCpuUsage(prev)
      : process.cpuUsage(prev);
  const start = usage();
  const value = f();
  const used = usage(start);
  return { ms: (used.user + used.system) / 1000, value };
}
