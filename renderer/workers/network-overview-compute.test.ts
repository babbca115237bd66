import { describe, expect, it } from 'vitest';
import { importSnapshot } from '../db/import-snapshot';
import { loadCaseNetwork } from '../db/queries/case-network';
import { getCachedNetwork } from '../db/queries/case-network-cache';
import { caseStateKey, countCasePersonRecords, getCachedOverview } from '../db/queries/case-overview';
import { freshDatabase, syntheticSnapshot } from '../db/test-support';
import { isPrisonOverview } from '../network-model/prison-overview';
import { computeCaseOverview } from './network-overview-compute';

describe('the network overview worker’s work', () => {
  it('counts a stored case by prison and caches it until the case changes', async () => {
    const db = await freshDatabase();
    await importSnapshot(db, syntheticSnapshot(2_500, 6_000, 30, 'case:big'));
    expect(await countCasePersonRecords(db, 'case:big')).toBe(2_500);

    const overview = await computeCaseOverview(db, 'case:big');
    expect(overview?.people).toBe(2_500);
    expect(overview?.links).toBe(6_000);
    expect(overview?.prisons).toHaveLength(30);
    expect(Object.values(overview!.inmates).reduce((a, b) => a + b, 0)).toBe(2_500);

    const cached = await getCachedOverview(db, 'case:big', await caseStateKey(db, 'case:big'), isPrisonOverview);
    expect(cached).toEqual(overview);

    // Any write to the case appends to its audit log: the cached overview is no longer handed out.
    await importSnapshot(db, syntheticSnapshot(10, 5, 2, 'case:big'));
    expect(await getCachedOverview(db, 'case:big', await caseStateKey(db, 'case:big'), isPrisonOverview)).toBeUndefined();
  });

  it('has nothing to say about a case that does not exist', async () => {
    const db = await freshDatabase();
    expect(await computeCaseOverview(db, 'case:none')).toBeUndefined();
  });

  it('hands the overview over before it caches the network it read, then caches that too', async () => {
    const db = await freshDatabase();
    await importSnapshot(db, syntheticSnapshot(2_500, 6_000, 30, 'case:big'));
    const stateKey = await caseStateKey(db, 'case:big');
    const atHandover: { overview?: unknown; network?: Promise<unknown> } = {};
    const overview = await computeCaseOverview(db, 'case:big', (handed) => {
      atHandover.overview = handed;
      // A read begun at the handover sees the store as it was then (IndexedDB orders transactions).
      atHandover.network = getCachedNetwork(db, 'case:big', stateKey);
    });
    expect(atHandover.overview).toEqual(overview);
    expect(await atHandover.network).toBeUndefined();
    expect(await getCachedOverview(db, 'case:big', stateKey, isPrisonOverview)).toEqual(overview);
    expect(await getCachedNetwork(db, 'case:big', stateKey)).toEqual(await loadCaseNetwork(db, 'case:big'));
  }, 30_000);
});
