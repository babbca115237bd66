/**
 * The browser side of test/bench/vault-chromium.bench.ts: the same operations as the Node bench
 * (vault.bench.ts), run in Chromium against its own IndexedDB, sealed and plain alternated.
 */
import { generateDemoCase } from '../../../shared/demo';
import { xchachaPolyInUse } from '../../../shared/vault/aead';
import { openVigiaDatabase, type VigiaDatabase } from '../../../renderer/db/database';
import { importSnapshot } from '../../../renderer/db/import-snapshot';
import { loadCaseNetwork } from '../../../renderer/db/queries/case-network';
import { getCachedNetwork, putCachedNetwork } from '../../../renderer/db/queries/case-network-cache';
import { caseStateKey } from '../../../renderer/db/queries/case-overview';
import { loadCaseRecords } from '../../../renderer/db/sync/case-contents';

type Side = 'plain' | 'sealed';
export type VaultBenchTimes = Record<'take' | 'cached' | 'open' | 'read', Record<Side, number[]>> & { cipher: string; records: number };

/**
 * Each operation is timed from a collected heap (the page runs with --expose-gc): the garbage the
 * one before left (a 10 s import, 6 MB of JSON) would otherwise be collected during whichever
 * operation comes next, on either side, and the medians of five would measure the collector.
 */
async function timed(run: () => Promise<unknown>): Promise<number> {
  (globalThis as unknown as { gc?: () => void }).gc?.();
  const t = performance.now();
  await run();
  return performance.now() - t;
}

async function vaultBench(size: number, runs: number): Promise<VaultBenchTimes> {
  const snapshot = generateDemoCase({ size, today: '2026-12-05' });
  const caseId = snapshot.cases[0]!.id;
  const vaultKey = crypto.getRandomValues(new Uint8Array(32));
  const times: VaultBenchTimes = {
    take: { plain: [], sealed: [] },
    cached: { plain: [], sealed: [] },
    open: { plain: [], sealed: [] },
    read: { plain: [], sealed: [] },
    cipher: '',
    records: Object.values(snapshot).reduce((sum, rows) => sum + (Array.isArray(rows) ? rows.length : 0), 0),
  };
  let counter = 0;
  for (let run = 0; run < runs; run++) {
    for (const side of run % 2 === 0 ? (['plain', 'sealed'] as const) : (['sealed', 'plain'] as const)) {
      const name = `vault-bench-${++counter}`;
      const db: VigiaDatabase = await openVigiaDatabase(side === 'sealed' ? { name, vaultKey } : { name });
      times.take[side].push(await timed(() => importSnapshot(db, snapshot)));
      await putCachedNetwork(db, caseId, await caseStateKey(db, caseId), (await loadCaseNetwork(db, caseId))!);
      db.close();
      // The cached read takes some 100 ms: one read a run swung the medians by a third (timer and
      // collector noise). Each run keeps the median of three, each in a database opened afresh.
      const cachedReads: number[] = [];
      for (let read = 0; read < 3; read++) {
        const fresh = await openVigiaDatabase(db.address);
        cachedReads.push(
          await timed(async () => {
            if (!(await getCachedNetwork(fresh, caseId, await caseStateKey(fresh, caseId)))) throw new Error('the cached network was not read');
          }),
        );
        fresh.close();
      }
      times.cached[side].push(cachedReads.sort((a, b) => a - b)[1]!);
      const reopened = await openVigiaDatabase(db.address);
      times.open[side].push(await timed(() => loadCaseNetwork(reopened, caseId)));
      times.read[side].push(await timed(() => loadCaseRecords(reopened, [caseId])));
      reopened.close();
      await reopened.delete();
    }
  }
  times.cipher = xchachaPolyInUse();
  return times;
}

(globalThis as unknown as { vaultBench: typeof vaultBench }).vaultBench = vaultBench;
