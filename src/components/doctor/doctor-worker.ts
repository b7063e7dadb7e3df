/** The doctor's Web Worker: answers the page's requests off the main thread (see doctor-analysis.ts). */
import { answer, type AnalysisRequest } from './doctor-analysis.ts';

interface Envelope {
  seq: number;
  request: AnalysisRequest;
}

// The worker global, typed without the WebWorker lib (the project compiles against the DOM lib).
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Envelope>) => void) | null;
  postMessage: (message: unknown) => void;
};

scope.onmessage = (e) => {
  const { seq, request } = e.data;
  scope.postMessage({ seq, answer: answer(request) });
};
