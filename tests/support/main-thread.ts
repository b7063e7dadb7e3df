/**
 * The renderer main thread's tasks while `act` runs, read from Chromium's own trace: each task's
 * CPU time (`tdur`, the thread's own clock) beside its wall time (`dur`). CPU time is what the page
 * costs; wall time on this shared 2-core machine also holds whatever other processes took from the
 * cores, so budgets are asserted on CPU time and wall time is reported beside it.
 */
import type { Browser, Page } from '@playwright/test';

export interface Task {
  /** CPU time of the task on the renderer main thread, ms. */
  cpuMs: number;
  /** Wall time of the same task, ms. */
  wallMs: number;
  /** What ran inside it (trace event names with their CPU ms, largest first), to name a slow task. */
  inside: string;
  /** CPU time of the page's JavaScript inside it (function calls, microtasks, script evaluation), ms. */
  scriptMs: number;
}

// Trace events that are JavaScript running and never nest in one another (timers and event dispatch
// hold a FunctionCall, so they are not counted themselves).
const SCRIPT = new Set(['FunctionCall', 'RunMicrotasks', 'EvaluateScript', 'v8.evaluateModule']);

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Every top-level task the page's renderer main thread ran during `act`, longest CPU time first. */
export async function mainThreadTasks(
  browser: Browser,
  page: Page,
  act: () => Promise<void>,
): Promise<Task[]> {
  await browser.startTracing(page, {
    categories: [
      'toplevel',
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
    ],
  });
  try {
    await act();
  } catch (error) {
    await browser.stopTracing();
    throw error;
  }
  const buffer = await browser.stopTracing();
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
  const isTask = (e: TraceEvent) =>
    e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';
  /** The events nested directly or deeper in `t`, summed by name. */
  const inside = (t: TraceEvent): string => {
    const sums = new Map<string, number>();
    for (const e of onMain)
      if (
        !isTask(e) &&
        e.pid === t.pid &&
        e.tid === t.tid &&
        e.ts >= t.ts &&
        e.ts < t.ts + (t.dur ?? 0)
      )
        sums.set(e.name, (sums.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
    return [...sums]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([n, ms]) => `${n} ${ms.toFixed(0)}`)
      .join(', ');
  };
  const tasks = onMain
    .filter(isTask)
    .sort((a, b) => (b.tdur ?? b.dur ?? 0) - (a.tdur ?? a.dur ?? 0));
  const within = (t: TraceEvent, e: TraceEvent) =>
    e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0);
  const scripts = onMain.filter((e) => SCRIPT.has(e.name));
  return tasks.map((e, i) => ({
    cpuMs: (e.tdur ?? e.dur ?? 0) / 1000,
    wallMs: (e.dur ?? 0) / 1000,
    inside: i < 3 ? inside(e) : '',
    scriptMs:
      scripts.filter((x) => within(e, x)).reduce((a, x) => a + (x.tdur ?? x.dur ?? 0), 0) / 1000,
  }));
}
