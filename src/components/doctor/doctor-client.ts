/**
 * Sends the doctor page's requests to the worker, and falls back to the main thread when a worker
 * cannot start (no Worker support, a blocked script, a crash): the page then still answers, only
 * less smoothly on huge inputs.
 */
import type { AnalysisAnswer, AnalysisRequest } from './doctor-analysis.ts';

interface Pending {
  request: AnalysisRequest;
  resolve: (answer: AnalysisAnswer) => void;
}

export interface Analyser {
  /** Answers a request; resolves once, never rejects. */
  run(request: AnalysisRequest): Promise<AnalysisAnswer>;
  /** Stops the worker. */
  dispose(): void;
}

/** On the main thread: loaded only when the worker fails, so the page does not carry the doctor twice. */
async function onMainThread(request: AnalysisRequest): Promise<AnalysisAnswer> {
  const { answer } = await import('./doctor-analysis.ts');
  return answer(request);
}

/** Creates the analyser; the worker starts on the first request. */
export function createAnalyser(): Analyser {
  let worker: Worker | null | undefined;
  let seq = 0;
  const pending = new Map<number, Pending>();

  const fallBack = (): void => {
    worker?.terminate();
    worker = null;
    for (const [id, p] of pending) {
      pending.delete(id);
      void onMainThread(p.request).then(p.resolve);
    }
  };

  const start = (): Worker | null => {
    if (worker !== undefined) return worker;
    try {
      const w = new Worker(new URL('./doctor-worker.ts', import.meta.url), { type: 'module' });
      w.onmessage = (e: MessageEvent<{ seq: number; answer: AnalysisAnswer }>) => {
        const p = pending.get(e.data.seq);
        pending.delete(e.data.seq);
        p?.resolve(e.data.answer);
      };
      w.onerror = fallBack;
      w.onmessageerror = fallBack;
      worker = w;
    } catch {
      worker = null;
    }
    return worker;
  };

  return {
    run(request) {
      return new Promise((resolve) => {
        const w = start();
        if (!w) {
          void onMainThread(request).then(resolve);
          return;
        }
        seq += 1;
        pending.set(seq, { request, resolve });
        try {
          w.postMessage({ seq, request });
        } catch {
          fallBack();
        }
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      pending.clear();
    },
  };
}
