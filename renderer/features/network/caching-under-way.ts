/**
 * The work under way that will leave a case's cached network (and a large case's prison overview)
 * up to date, by case id: the network keeper's (network-keeper.ts), or the overview worker's, which
 * caches the network it read once the overview is on its way to the page. An opening that finds the
 * cache stale waits for it and reads the cache (use-case-overview.ts, use-large-case-network.ts)
 * rather than read the records beside it: on two cores the two reads only slow each other, and the
 * one under way is further along.
 */
const underWay = new Map<string, Promise<void>>();

/** Notes `work` as bringing the case's caches up to date, until it settles, however it settles. */
export function noteCachingUnderWay(caseId: string, work: Promise<unknown>): void {
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  underWay.set(caseId, settled);
  void settled.then(() => {
    if (underWay.get(caseId) === settled) underWay.delete(caseId);
  });
}

/** The work under way on this case's caches, if any: settles when it ends, never rejects. */
export function cachingUnderWay(caseId: string): Promise<void> | undefined {
  return underWay.get(caseId);
}
