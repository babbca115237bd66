import { useEffect, useMemo, useState } from 'react';
import { getCachedLayout, putCachedLayout, type VigiaDatabase } from '../../db';
import type { LayoutMessage } from '../../workers/layout-protocol';
import type { Point } from '../../network-model/layout';
import { layoutKey } from './layout-key';
import { personNodeId, type NetworkInput } from '../../../shared/network/network-input';

/** Cached layouts of the free view are kept under this view id (one per case). */
const FREE_VIEW_ID = 'free';

type Result = { key: string; positions: ReadonlyMap<string, Point> } | { key: string; failed: true };

/**
 * Positions of the free view for the people and links drawn: from the Dexie cache when the same
 * elements were laid out before, else computed by fcose in the layout worker (never on the page's
 * thread) and cached. While computing, `computing` is true and the caller draws what it has.
 */
export function useFreeLayout(db: VigiaDatabase, caseId: string, input: NetworkInput, enabled: boolean) {
  // Keying a large case's links takes a noticeable moment: only when the free view is shown.
  const request = useMemo(() => {
    if (!enabled) return undefined;
    const nodes = input.persons.map((p) => personNodeId(p.id));
    const edges = input.links.map((l): [string, string] => [personNodeId(l.fromId), personNodeId(l.toId)]);
    return { nodes, edges, key: layoutKey(nodes, edges) };
  }, [input, enabled]);
  const [result, setResult] = useState<Result | undefined>(undefined);

  useEffect(() => {
    if (!request) return;
    let worker: Worker | undefined;
    let cancelled = false;
    const { key, nodes, edges } = request;
    void getCachedLayout(db, caseId, FREE_VIEW_ID, key).then((cached) => {
      if (cancelled) return;
      if (cached) {
        setResult({ key, positions: new Map(Object.entries(cached)) });
        return;
      }
      worker = new Worker(new URL('../../workers/layout.worker.ts', import.meta.url), { type: 'module' });
      worker.addEventListener('message', (event: MessageEvent<LayoutMessage>) => {
        worker?.terminate();
        if (cancelled) return;
        if (event.data.type === 'failed') {
          setResult({ key, failed: true });
          return;
        }
        const positions = event.data.positions;
        setResult({ key, positions: new Map(Object.entries(positions)) });
        void putCachedLayout(db, caseId, FREE_VIEW_ID, key, positions);
      });
      worker.addEventListener('error', () => {
        if (!cancelled) setResult({ key, failed: true });
      });
      worker.postMessage({ nodes, edges });
    });
    return () => {
      cancelled = true;
      worker?.terminate();
    };
  }, [db, caseId, request]);

  const current = request && result?.key === request.key ? result : undefined;
  return {
    positions: current && 'positions' in current ? current.positions : undefined,
    computing: enabled && !current,
    failed: current !== undefined && 'failed' in current,
  };
}
