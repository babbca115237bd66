import type { CoLocation, StayPeriod } from '../../../shared/graph';
import type {
  AnalyticsFailure,
  AnalyticsMessage,
  AnalyticsNetwork,
  AnalyticsRequest,
  MetricsStage,
  NetworkMetrics,
  PathsResult,
  WhatIfRequestScenario,
  WhatIfResult,
} from '../../workers/analytics-protocol';

/** The part of a Worker the client uses, so tests can hand it a fake. */
export interface WorkerPort {
  postMessage(message: AnalyticsRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<AnalyticsMessage>) => void): void;
  terminate(): void;
}

export class AnalyticsError extends Error {
  constructor(readonly reason: AnalyticsFailure | 'cancelled') {
    super(reason);
    this.name = 'AnalyticsError';
  }
}

interface Pending {
  resolve(message: AnalyticsMessage): void;
  reject(error: AnalyticsError): void;
  onProgress?: (stage: MetricsStage, done: number, total: number) => void;
}

export function createAnalyticsWorker(): WorkerPort {
  return new Worker(new URL('../../workers/analytics.worker.ts', import.meta.url), { type: 'module' }) as WorkerPort;
}

/** Promise-shaped requests to the analytics worker; one client (one worker) per open case. */
export class AnalyticsClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: WorkerPort) {
    worker.addEventListener('message', (event) => this.receive(event.data));
  }

  /** Replaces the worker's network; a running metrics job ends as cancelled. */
  load(network: AnalyticsNetwork): void {
    this.worker.postMessage({ type: 'load', network });
  }

  metrics(
    exactLimit: number,
    onProgress: (stage: MetricsStage, done: number, total: number) => void,
  ): { result: Promise<NetworkMetrics>; cancel: () => void } {
    const requestId = this.nextId++;
    const result = this.request(requestId, { type: 'metrics', requestId, exactLimit }, onProgress).then((m) =>
      m.type === 'metrics' ? m.metrics : Promise.reject(new AnalyticsError('internal')),
    );
    return { result, cancel: () => this.worker.postMessage({ type: 'cancel', requestId }) };
  }

  async paths(from: string, to: string, maxPaths: number): Promise<PathsResult> {
    const requestId = this.nextId++;
    const message = await this.request(requestId, { type: 'paths', requestId, from, to, maxPaths });
    if (message.type !== 'paths') throw new AnalyticsError('internal');
    return message.result;
  }

  async whatIf(scenario: WhatIfRequestScenario): Promise<WhatIfResult> {
    const requestId = this.nextId++;
    const message = await this.request(requestId, { type: 'whatIf', requestId, scenario });
    if (message.type !== 'whatIf') throw new AnalyticsError('internal');
    return message.result;
  }

  async coLocations(stays: readonly StayPeriod[]): Promise<CoLocation[]> {
    const requestId = this.nextId++;
    const plain = stays.map(({ personId, prisonId, from, to }) => (to ? { personId, prisonId, from, to } : { personId, prisonId, from }));
    const message = await this.request(requestId, { type: 'coLocations', requestId, stays: plain });
    if (message.type !== 'coLocations') throw new AnalyticsError('internal');
    return message.coLocations;
  }

  /** Stops the worker; every open request fails as cancelled. */
  dispose(): void {
    this.worker.terminate();
    for (const pending of this.pending.values()) pending.reject(new AnalyticsError('cancelled'));
    this.pending.clear();
  }

  private request(requestId: number, request: AnalyticsRequest, onProgress?: Pending['onProgress']): Promise<AnalyticsMessage> {
    return new Promise((resolve, reject) => {
      this.pending.set(requestId, onProgress ? { resolve, reject, onProgress } : { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  private receive(message: AnalyticsMessage): void {
    if (message.type === 'loaded') return;
    if (message.requestId === undefined) return;
    const pending = this.pending.get(message.requestId);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message.stage, message.done, message.total);
      return;
    }
    this.pending.delete(message.requestId);
    if (message.type === 'cancelled') pending.reject(new AnalyticsError('cancelled'));
    else if (message.type === 'failed') pending.reject(new AnalyticsError(message.reason));
    else pending.resolve(message);
  }
}
