import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SelectionMessage, SelectionRequest } from '../../workers/selection-protocol';
import { workerSource } from './use-selection-view';

/** A stand-in for the selection worker: records what the page posts, answers when the test says. */
class FakeWorker extends EventTarget {
  static last: FakeWorker | undefined;
  posted: SelectionRequest[] = [];
  terminated = false;
  constructor() {
    super();
    FakeWorker.last = this;
  }
  postMessage(request: SelectionRequest) {
    this.posted.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  answer(message: SelectionMessage) {
    this.dispatchEvent(new MessageEvent('message', { data: message }));
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const view = (requestId: number, name: string): SelectionMessage => ({ type: 'view', requestId, rows: [{ id: name, name }], total: 1, notLive: [] });

describe('the people picker’s selection worker, from the page', () => {
  it('reads the case when the tab starts it, sends a view asked for before, and hears only the latest answer', () => {
    vi.stubGlobal('Worker', FakeWorker);
    const started = workerSource({ name: 'vigia-test' }, 'case-1');
    started.source.view('', new Set(['p1']));
    started.start();
    const worker = FakeWorker.last!;
    expect(worker.posted).toEqual([
      { type: 'open', database: { name: 'vigia-test' }, caseId: 'case-1' },
      { type: 'view', requestId: 1, query: '', chosen: ['p1'] },
    ]);
    const heard: unknown[] = [];
    started.source.listen((v) => heard.push(v));
    started.source.view('Yus', new Set(['p1']));
    worker.answer(view(1, 'stale'));
    worker.answer(view(2, 'Youssef'));
    expect(heard).toEqual([{ rows: [{ id: 'Youssef', name: 'Youssef' }], total: 1, notLive: [] }]);
    // A picker opened later hears the latest answer at once.
    const later: unknown[] = [];
    started.source.listen((v) => later.push(v));
    expect(later).toEqual(heard);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    worker.answer({ type: 'failed', reason: 'IndexedDB closed' });
    expect(heard.at(-1)).toBe('failed');
    started.stop();
    expect(worker.terminated).toBe(true);
  });
});
