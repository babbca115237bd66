import { describe, expect, it } from 'vitest';
import type { AnalyticsMessage, AnalyticsRequest } from '../../workers/analytics-protocol';
import { AnalyticsClient, AnalyticsError, type WorkerPort } from './analytics-client';
import { highlightOf } from './highlight';

/** A worker stand-in: records what the client sends and lets the test answer. */
function fakeWorker() {
  const sent: AnalyticsRequest[] = [];
  let listener: ((event: MessageEvent<AnalyticsMessage>) => void) | undefined;
  const port: WorkerPort = {
    postMessage: (message) => sent.push(message),
    addEventListener: (_type, l) => (listener = l),
    terminate: () => {},
  };
  const answer = (message: AnalyticsMessage) => listener?.({ data: message } as MessageEvent<AnalyticsMessage>);
  return { port, sent, answer };
}

describe('the analytics client', () => {
  it('routes progress to the running job and cancels it by its id', async () => {
    const worker = fakeWorker();
    const client = new AnalyticsClient(worker.port);
    const progress: string[] = [];
    const job = client.metrics(10_000, (stage, done, total) => progress.push(`${stage} ${done}/${total}`));
    const request = worker.sent[0]!;
    expect(request).toMatchObject({ type: 'metrics', exactLimit: 10_000 });
    const requestId = (request as { requestId: number }).requestId;

    worker.answer({ type: 'progress', requestId, stage: 'betweenness', done: 5, total: 10 });
    worker.answer({ type: 'progress', requestId: requestId + 99, stage: 'closeness', done: 1, total: 2 });
    expect(progress).toEqual(['betweenness 5/10']);

    job.cancel();
    expect(worker.sent[1]).toEqual({ type: 'cancel', requestId });
    worker.answer({ type: 'cancelled', requestId });
    await expect(job.result).rejects.toEqual(new AnalyticsError('cancelled'));
  });

  it('turns a refusal into an error the panel can name, and fails open requests on dispose', async () => {
    const worker = fakeWorker();
    const client = new AnalyticsClient(worker.port);
    const paths = client.paths('a', 'gone', 20);
    worker.answer({ type: 'failed', requestId: (worker.sent[0] as { requestId: number }).requestId, reason: 'unknownPerson' });
    await expect(paths).rejects.toMatchObject({ reason: 'unknownPerson' });

    const whatIf = client.whatIf({ kind: 'isolate', personId: 'a' });
    client.dispose();
    await expect(whatIf).rejects.toMatchObject({ reason: 'cancelled' });
  });
});

describe('highlighting chains', () => {
  it('lists each person once and each step of every chain once', () => {
    const highlight = highlightOf([
      ['a', 'b', 'd'],
      ['a', 'c', 'd'],
      ['a', 'b'],
    ]);
    expect([...highlight.personIds].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(highlight.links).toEqual([
      ['a', 'b'],
      ['b', 'd'],
      ['a', 'c'],
      ['c', 'd'],
    ]);
  });
});
