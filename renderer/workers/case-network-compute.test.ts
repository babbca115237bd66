import { describe, expect, it } from 'vitest';
import { importSnapshot } from '../db/import-snapshot';
import { loadCaseNetwork } from '../db/queries/case-network';
import { getCachedNetwork } from '../db/queries/case-network-cache';
import { caseStateKey, getCachedOverview } from '../db/queries/case-overview';
import { aggregateByPrison, isPrisonOverview } from '../network-model/prison-overview';
import { toNetworkInput } from '../network-model/to-network-input';
import { freshDatabase, syntheticSnapshot } from '../db/test-support';
import { computeCaseNetwork, keepCaseCached } from './case-network-compute';
import { computeCaseOverview } from './network-overview-compute';

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

  it('keeps a changed case ready to open from its caches, and reads nothing while they are fresh', async () => {
    const db = await freshDatabase();
    await importSnapshot(db, syntheticSnapshot(2_500, 6_000, 30, 'case:big'));
    await importSnapshot(db, syntheticSnapshot(40, 60, 3, 'case:small'));

    expect(await keepCaseCached(db, 'case:big')).toBe('cached');
    expect(await keepCaseCached(db, 'case:small')).toBe('cached');
    const big = await caseStateKey(db, 'case:big');
    expect(await getCachedNetwork(db, 'case:big', big)).toEqual(await loadCaseNetwork(db, 'case:big'));
    // A large case opens on its prison overview: that is kept too, as its worker would compute it.
    const overview = await getCachedOverview(db, 'case:big', big, isPrisonOverview);
    expect(overview).toEqual(aggregateByPrison(toNetworkInput((await loadCaseNetwork(db, 'case:big'))!)));
    expect(await getCachedNetwork(db, 'case:small', await caseStateKey(db, 'case:small'))).toEqual(await loadCaseNetwork(db, 'case:small'));
    expect(await getCachedOverview(db, 'case:small', await caseStateKey(db, 'case:small'), isPrisonOverview)).toBeUndefined();

    expect(await keepCaseCached(db, 'case:big')).toBe('fresh');

    // A change made while the case was not open (here, a merge-sized import).
    await importSnapshot(db, syntheticSnapshot(10, 5, 2, 'case:big'));
    expect(await keepCaseCached(db, 'case:big')).toBe('cached');
    const changed = await caseStateKey(db, 'case:big');
    expect(changed).not.toBe(big);
    expect((await getCachedNetwork(db, 'case:big', changed))?.persons.length).toBe((await loadCaseNetwork(db, 'case:big'))?.persons.length);
    const overviewOf = async () => aggregateByPrison(toNetworkInput((await loadCaseNetwork(db, 'case:big'))!));
    expect(await getCachedOverview(db, 'case:big', changed, isPrisonOverview)).toEqual(await overviewOf());

    // The network alone fresh (the workspace cached it) still leaves the overview to bring up to date.
    await importSnapshot(db, syntheticSnapshot(3, 2, 1, 'case:big'));
    await computeCaseNetwork(db, 'case:big');
    expect(await keepCaseCached(db, 'case:big')).toBe('cached');
    expect(await getCachedOverview(db, 'case:big', await caseStateKey(db, 'case:big'), isPrisonOverview)).toEqual(await overviewOf());
  }, 60_000);

  it('finds nothing to keep of a case that does not exist', async () => {
    const db = await freshDatabase();
    expect(await keepCaseCached(db, 'case:none')).toBe('missing');
  });

  it('caches the network the overview worker read, so the people and links are not read twice', async () => {
    const db = await freshDatabase();
    await importSnapshot(db, syntheticSnapshot(2_500, 6_000, 30, 'case:big'));
    await computeCaseOverview(db, 'case:big');
    expect(await getCachedNetwork(db, 'case:big', await caseStateKey(db, 'case:big'))).toEqual(await loadCaseNetwork(db, 'case:big'));
  }, 30_000);
});
