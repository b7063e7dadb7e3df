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

// Trace events that are JavaScript running (timers and event dispatch hold a FunctionCall, so they
// are not counted themselves; of nested ones only the outermost counts).
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

/** Chromium's trace of `act` (these categories), and the renderer main threads' `pid:tid` keys. */
async function captureMain<E extends TraceEvent>(
  browser: Browser,
  page: Page,
  act: () => Promise<void>,
  categories: readonly string[],
): Promise<{ events: E[]; main: Set<string> }> {
  await browser.startTracing(page, { categories: [...categories] });
  try {
    await act();
  } catch (error) {
    await browser.stopTracing();
    throw error;
  }
  const buffer = await browser.stopTracing();
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: E[] }).traceEvents;
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  return { events, main };
}

/** Every top-level task the page's renderer main thread ran during `act`, longest CPU time first. */
export async function mainThreadTasks(
  browser: Browser,
  page: Page,
  act: () => Promise<void>,
): Promise<Task[]> {
  const { events, main } = await captureMain<TraceEvent>(browser, page, act, [
    'toplevel',
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'v8.execute',
  ]);
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
  // Only the outermost: a microtask checkpoint or a call may hold another call, counted once.
  const scripts: TraceEvent[] = [];
  for (const e of onMain
    .filter((x) => SCRIPT.has(x.name))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    const outer = scripts.findLast((o) => o.pid === e.pid && o.tid === e.tid);
    if (!outer || !within(outer, e)) scripts.push(e);
  }
  return tasks.map((e, i) => ({
    cpuMs: (e.tdur ?? e.dur ?? 0) / 1000,
    wallMs: (e.dur ?? 0) / 1000,
    inside: i < 3 ? inside(e) : '',
    scriptMs:
      scripts.filter((x) => within(e, x)).reduce((a, x) => a + (x.tdur ?? x.dur ?? 0), 0) / 1000,
  }));
}

/** One main-thread task with its start on the trace clock, for attributing tasks to inputs. */
export interface TimedTask {
  /** Start, µs on the trace clock. */
  ts: number;
  cpuMs: number;
  wallMs: number;
  /** Self CPU ms of the trace events inside the task (each less its children's), by name. */
  inside: Map<string, number>;
}

export interface MainThreadTrace {
  /** Every top-level task of the renderer main thread, in start order. */
  tasks: TimedTask[];
  /** Start (trace clock, µs) of the task that dispatched each DOM event, by event type, in order. */
  dispatches: Map<string, number[]>;
  /** The trace's end (µs): the last main-thread event's end. */
  end: number;
}

/** A trace event inside a task, while its children are read. */
interface Open {
  name: string;
  until: number;
  cpu: number;
  children: number;
  task: TimedTask;
}

interface DispatchEvent extends TraceEvent {
  args?: { name?: string; data?: { type?: string } };
}

/**
 * The renderer main thread during `act`, task by task with start times, and where each DOM event
 * was dispatched (devtools.timeline's EventDispatch), so tasks can be attributed to inputs.
 */
export async function traceMainThread(
  browser: Browser,
  page: Page,
  act: () => Promise<void>,
  /** The trace categories: the default's EventDispatch, Paint, Layout… suffice (more adds overhead). */
  categories: readonly string[] = ['toplevel', 'devtools.timeline'],
): Promise<MainThreadTrace> {
  const { events, main } = await captureMain<DispatchEvent>(browser, page, act, categories);
  const onMain = events
    .filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
    // Start order; of two events starting together, the longer one holds the other.
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const isTask = (e: TraceEvent) =>
    e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';
  const tasks: TimedTask[] = [];
  /** Per thread, the latest top-level task and its end (events are in start order). */
  const last = new Map<string, { task: TimedTask; until: number }>();
  const dispatches = new Map<string, number[]>();
  /** Per thread, the events still open inside the current task, innermost last. */
  const stacks = new Map<string, Open[]>();
  /** An event's self time (its CPU time less its children's) goes to its task, under its name. */
  const close = (o: Open) =>
    o.task.inside.set(o.name, (o.task.inside.get(o.name) ?? 0) + Math.max(0, o.cpu - o.children));
  let end = 0;
  for (const e of onMain) {
    end = Math.max(end, e.ts + (e.dur ?? 0));
    const key = `${e.pid}:${e.tid}`;
    if (isTask(e)) {
      // A task nested in another one (a nested run loop) is counted in its parent's time.
      if ((last.get(key)?.until ?? 0) > e.ts) continue;
      for (const o of stacks.get(key) ?? []) close(o);
      stacks.set(key, []);
      const task: TimedTask = {
        ts: e.ts,
        cpuMs: (e.tdur ?? e.dur ?? 0) / 1000,
        wallMs: (e.dur ?? 0) / 1000,
        inside: new Map(),
      };
      tasks.push(task);
      last.set(key, { task, until: e.ts + (e.dur ?? 0) });
      continue;
    }
    const open = last.get(key);
    if (!open || e.ts >= open.until) continue;
    const task = open.task;
    const stack = stacks.get(key) ?? [];
    while (stack.length > 0 && stack[stack.length - 1]!.until <= e.ts) close(stack.pop()!);
    const cpu = (e.tdur ?? e.dur ?? 0) / 1000;
    const parent = stack[stack.length - 1];
    if (parent) parent.children += cpu;
    stack.push({ name: e.name, until: e.ts + (e.dur ?? 0), cpu, children: 0, task });
    stacks.set(key, stack);
    const type = e.name === 'EventDispatch' ? e.args?.data?.type : undefined;
    if (type) dispatches.set(type, [...(dispatches.get(type) ?? []), task.ts]);
  }
  for (const stack of stacks.values()) for (const o of stack) close(o);
  return { tasks, dispatches, end };
}

/** The main-thread cost of one input: the tasks attributed to it. */
export interface InputCost {
  cpuMs: number;
  /** Wall time of the same tasks (CPU time plus whatever other processes took from the core). */
  wallMs: number;
  tasks: number;
  inside: Map<string, number>;
}

/**
 * Attribution rule: input i owns every main-thread task from the task that dispatched its `type`
 * event up to (not including) the task that dispatched input i+1's, the last one up to the end of
 * the trace. On a page that is otherwise idle (no timers, no animation), everything the main thread
 * does in that window is the input's consequence: its handlers, the render, style, layout, paint
 * and any task they scheduled. Inputs must be spaced so that each one's work ends before the next.
 */
export function costPerInput(trace: MainThreadTrace, type: string): InputCost[] {
  const starts = trace.dispatches.get(type) ?? [];
  // Several EventDispatch events of one type in the same task (bubbling listeners) count once.
  const unique = [...new Set(starts)];
  return unique.map((from, i) => {
    const to = unique[i + 1] ?? trace.end + 1;
    const mine = trace.tasks.filter((t) => t.ts >= from && t.ts < to);
    const inside = new Map<string, number>();
    for (const t of mine) for (const [n, ms] of t.inside) inside.set(n, (inside.get(n) ?? 0) + ms);
    return {
      cpuMs: mine.reduce((s, t) => s + t.cpuMs, 0),
      wallMs: mine.reduce((s, t) => s + t.wallMs, 0),
      tasks: mine.length,
      inside,
    };
  });
}
