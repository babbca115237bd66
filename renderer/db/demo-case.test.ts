import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/model';
import { demoLeaderId, generateDemoCase, LEADER_IDENTITY } from '../../shared/demo';
import { importSnapshot } from './import-snapshot';
import { verifyCaseAudit } from './queries/audit';
import { loadCaseNetwork } from './queries/case-network';
import { loadPersonDetails } from './queries/person-details';
import { updatePerson } from './repositories/persons';
import { freshDatabase } from './test-support';

describe('the demo case through the database layer', () => {
  it('imports, opens as a network of 270 people in 30 prisons, and shows the leader', async () => {
    const today = '2018-10-08';
    const snapshot = generateDemoCase({ today });
    const db = await freshDatabase();
    const report = await importSnapshot(db, snapshot);
    const caseId = report.caseIds[0]!;

    const network = await loadCaseNetwork(db, caseId);
    expect(network?.persons).toHaveLength(270);
    expect(new Set(network?.currentPrisonByPerson.values()).size).toBe(30);
    expect(network?.links.length).toBe(snapshot.links.filter((l) => !l.deleted).length);

    const leader = await loadPersonDetails(db, demoLeaderId());
    expect(leader?.person.alternateNames.map((n) => n.name)).toContain(LEADER_IDENTITY.alias);
    expect(leader?.releaseDate).toBe(addDays(today, 7));
    expect(leader?.currentPrison?.id).toBe(network?.currentPrisonByPerson.get(demoLeaderId()));

    // The imported records can be edited like any other, and the log still verifies.
    const edited = await updatePerson(db, demoLeaderId(), { notes: 'Revisado' });
    expect(edited.ok).toBe(true);
    expect((await verifyCaseAudit(db, caseId)).ok).toBe(true);
  });
});
