import { describe, expect, it } from 'vitest';
import { importSnapshot } from '../db/import-snapshot';
import { loadCaseNetwork } from '../db/queries/case-network';
import { getCachedNetwork } from '../db/queries/case-network-cache';
import { caseStateKey } from '../db/queries/case-overview';
import { freshDatabase, syntheticSnapshot } from '../db/test-support';
import { computeCaseNetwork } from './case-network-compute';

describe('the case network worker’s work', () => {
  it('reads a stored case as the page would, and caches it until the case changes', async () => {
    const db = await freshDatabase();
    await importSnapshot(db, syntheticSnapshot(2_500, 6_000, 30, 'case:big'));

    const network = await computeCaseNetwork(db, 'case:big');
    expect(network?.persons).toHaveLength(2_500);
    expect(network?.links).toHaveLength(6_000);
    expect(network).toEqual(await loadCaseNetwork(db, 'case:big'));
    // Only what the network, the people list and the analytics read: no notes, no photos.
    const kept = new Set(['id', 'primaryName', 'alternateNames', 'realName', 'role', 'monitoring']);
    expect(network!.persons.flatMap((p) => Object.keys(p)).filter((key) => !kept.has(key))).toEqual([]);

    expect(await getCachedNetwork(db, 'case:big', await caseStateKey(db, 'case:big'))).toEqual(network);

    // Any write to the case appends to its audit log: the cached network is no longer handed out.
    await importSnapshot(db, syntheticSnapshot(10, 5, 2, 'case:big'));
    expect(await getCachedNetwork(db, 'case:big', await caseStateKey(db, 'case:big'))).toBeUndefined();
    // 8,500 records sealed on the way in and opened twice on the way out (freshDatabase is sealed).
  }, 30_000);

  it('has nothing to say about a case that does not exist', async () => {
    const db = await freshDatabase();
    expect(await computeCaseNetwork(db, 'case:none')).toBeUndefined();
  });
});
