import { describe, expect, it } from 'vitest';
import { demoLeaderId, generateDemoCase } from '../../../shared/demo';
import { importSnapshot, loadCaseNetwork } from '../../db';
import { dumpDatabase, freshDatabase } from '../../db/test-support';
import { computeMetrics, computeWhatIf, loadNetwork } from '../../workers/analytics-compute';
import { linkCountByPerson, toAnalyticsNetwork } from './analysis-input';
import { DEFAULT_RADAR_DAYS, DEFAULT_RADAR_RANKING, releaseRadar } from './release-radar';

const today = '2018-10-08';
const noPause = { pause: () => Promise.resolve(), isCancelled: () => false, onProgress: () => {} };

async function openDemoCase() {
  const db = await freshDatabase();
  const report = await importSnapshot(db, generateDemoCase({ today }));
  const network = await loadCaseNetwork(db, report.caseIds[0]!);
  if (!network) throw new Error('the demo case did not load');
  return { db, network };
}

describe('analysis of the demo case', () => {
  it('puts the leader first on the release radar, with his role, links and release in a week', async () => {
    const { network } = await openDemoCase();
    const metrics = await computeMetrics(loadNetwork(toAnalyticsNetwork(network)), 10_000, noPause);
    const rows = releaseRadar({
      persons: network.persons,
      releaseByPerson: network.releaseByPerson,
      linkCount: linkCountByPerson(network.links),
      metrics,
      today,
      withinDays: DEFAULT_RADAR_DAYS,
      rankBy: DEFAULT_RADAR_RANKING,
    });
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0]).toMatchObject({ personId: demoLeaderId(), role: 'leader', daysLeft: 7 });
    expect(rows[0]!.linkCount).toBe(network.links.filter((l) => l.fromId === demoLeaderId() || l.toId === demoLeaderId()).length);
    // Everyone listed is due out within the window, and the order follows the ranking metric.
    for (const row of rows) expect(row.daysLeft).toBeLessThanOrEqual(DEFAULT_RADAR_DAYS);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.centrality!).toBeGreaterThanOrEqual(rows[i]!.centrality!);

    // Ranked by betweenness instead, a core member who bridges two cells comes first.
    const base = { persons: network.persons, releaseByPerson: network.releaseByPerson, linkCount: new Map(), metrics, today };
    const byBetweenness = releaseRadar({ ...base, withinDays: DEFAULT_RADAR_DAYS, rankBy: 'betweenness' });
    expect(byBetweenness.map((r) => r.personId).sort()).toEqual(rows.map((r) => r.personId).sort());
    for (let i = 1; i < byBetweenness.length; i++) expect(byBetweenness[i - 1]!.centrality!).toBeGreaterThanOrEqual(byBetweenness[i]!.centrality!);

    // A narrower window drops those due out later.
    const nextWeek = releaseRadar({ ...base, withinDays: 7, rankBy: DEFAULT_RADAR_RANKING });
    expect(nextWeek.length).toBeGreaterThan(0);
    expect(nextWeek.length).toBeLessThan(rows.length);
    expect(nextWeek.every((r) => r.daysLeft <= 7)).toBe(true);
    expect(nextWeek[0]?.personId).toBe(demoLeaderId());
  });

  it('isolating the leader fragments the network without writing anything to the database', async () => {
    const { db, network } = await openDemoCase();
    const before = await dumpDatabase(db);
    const result = computeWhatIf(loadNetwork(toAnalyticsNetwork(network)), { kind: 'isolate', personId: demoLeaderId() });
    if (!result) throw new Error('the what-if gave no comparison');
    expect(result!.after.fragmentation).toBeGreaterThan(result!.before.fragmentation);
    expect(result!.after.components).toBeGreaterThan(result!.before.components);

    const someone = network.persons[1]!.id;
    const otherPrison = network.prisons.find((p) => p.id !== network.currentPrisonByPerson.get(someone))!.id;
    computeWhatIf(loadNetwork(toAnalyticsNetwork(network)), { kind: 'move', personId: someone, toPrison: otherPrison });
    expect(await dumpDatabase(db)).toEqual(before);
    expect((await loadCaseNetwork(db, network.case.id))?.currentPrisonByPerson.get(someone)).toBe(network.currentPrisonByPerson.get(someone));
  });
});
