import { describe, expect, it } from 'vitest';
import type { BundleManifest } from '../../../shared/bundle/manifest';
import { CASE_TABLE_NAMES, emptySnapshot, type CaseTableName } from '../../../shared/model';
import { generateAnalystIdentity, type AnalystIdentity } from '../../../shared/identity';
import type { VigiaDatabase } from '../database';
import { importSnapshot } from '../import-snapshot';
import { purgeCase } from '../repositories/case-lifecycle';
import { createCase, deleteCase } from '../repositories/cases';
import { saveIdentity } from '../repositories/identity';
import { trustContact } from '../repositories/keyring';
import { createPerson, updatePerson } from '../repositories/persons';
import { getWorkstation, setAnalystName } from '../settings';
import { applyBundle, type StagedBundle } from '../sync/apply-bundle';
import { arrivalsTable } from '../sync/arrivals';
import { bundleLogTable, recordSentBundle } from '../sync/bundle-log';
import { loadCaseAudit, loadCaseRecords } from '../sync/case-contents';
import { freshDatabase, syntheticSnapshot } from '../test-support';
import { recordUndoable, undoAction } from '../undo';
import { loadBundleOrigin, loadLastChange, loadLastChanges } from './last-change';

/**
 * What the worker hands the import dialog once a bundle is decrypted and verified: the case as `from`
 * has it, or only the records `only` keeps (a "changes since" bundle).
 */
async function stage(from: VigiaDatabase, caseId: string, sender: AnalystIdentity, only?: (table: CaseTableName, id: string) => boolean): Promise<StagedBundle> {
  const whole = await loadCaseRecords(from, [caseId]);
  const snapshot = emptySnapshot();
  for (const table of CASE_TABLE_NAMES) (snapshot[table] as unknown[]).push(...whole[table].filter((r) => !only || only(table, r.id)));
  const stamps = CASE_TABLE_NAMES.flatMap((t) => snapshot[t].map((r) => r.hlc)).sort();
  const manifest: BundleManifest = {
    format: 'vigia-bundle',
    version: 1,
    bundleId: crypto.randomUUID(),
    createdAt: new Date().toISOString(),
    sender: { name: sender.name, signingKey: sender.signingKey, fingerprint: sender.fingerprint, ageRecipient: sender.ageRecipient },
    encryption: { mode: 'passphrase' },
    scope: only ? 'changes' : 'case',
    caseIds: [caseId],
    marking: 'DIFUSION_LIMITADA',
    synthetic: false,
    clock: { from: stamps[0]!, to: stamps.at(-1)! },
    counts: Object.fromEntries(CASE_TABLE_NAMES.filter((t) => snapshot[t].length > 0).map((t) => [t, snapshot[t].length])),
    entries: [],
  };
  return { manifest, snapshot, audit: await loadCaseAudit(from, caseId), attachments: new Map() };
}

/** An analyst's workstation; `clock.now` is its wall time, moved by the test. */
async function analystWith(name: string, clock?: { now: number }) {
  const db = await freshDatabase(clock ? { now: () => clock.now } : {});
  await setAnalystName(db, name);
  return { db, workstationId: (await getWorkstation(db)).workstationId };
}

async function caseWithPerson(db: VigiaDatabase) {
  const created = await createCase(db, { name: 'Operación Frontera', marking: 'DIFUSION_LIMITADA' });
  if (!created.ok) throw new Error('no case');
  const person = await createPerson(db, created.value.id, { primaryName: 'Abu Hafs' });
  if (!person.ok) throw new Error('no person');
  return { caseId: created.value.id, personId: person.value.id };
}

describe('who last changed a record', () => {
  it('names this workstation and its analyst for a local edit, with no bundle', async () => {
    const { db, workstationId } = await analystWith('Ana García');
    const { personId } = await caseWithPerson(db);
    const edited = await updatePerson(db, personId, { realName: 'Karim Benali' });
    if (!edited.ok) throw new Error('no edit');

    expect(await loadLastChange(db, { table: 'persons', id: personId })).toEqual({
      table: 'persons',
      recordId: personId,
      at: edited.value.updatedAt,
      stamp: edited.value.hlc,
      workstationId,
      here: true,
      demo: false,
      analyst: 'Ana García',
    });
  });

  it("takes this workstation's name from its identity when the analyst never typed one", async () => {
    const db = await freshDatabase();
    const { personId } = await caseWithPerson(db);
    const me = await generateAnalystIdentity('Benito Ruiz');
    await saveIdentity(db, { name: me.name, ageRecipient: me.ageRecipient, signingKey: me.signingKey, fingerprint: me.fingerprint, createdAt: 1, sealedBy: 'passphrase', sealed: new Uint8Array(1) });
    // Found without being told the table.
    expect(await loadLastChange(db, { id: personId })).toMatchObject({ table: 'persons', here: true, analyst: 'Benito Ruiz' });
  });

  it('names the colleague, their workstation and the bundle, there and back', async () => {
    const [anaKeys, benKeys] = await Promise.all([generateAnalystIdentity('Ana García'), generateAnalystIdentity('Benito Ruiz')]);
    const ana = await analystWith('Ana García');
    const ben = await analystWith('Benito Ruiz');
    const { caseId, personId } = await caseWithPerson(ana.db);

    // Ana → Benito: the person is new at Benito's, so no entry of his own names the bundle.
    const toBen = await stage(ana.db, caseId, anaKeys);
    await applyBundle(ben.db, toBen, { name: 'Ana García', fingerprint: anaKeys.fingerprint });
    expect(await loadLastChange(ben.db, { table: 'persons', id: personId })).toMatchObject({
      here: false,
      workstationId: ana.workstationId,
      analyst: 'Ana García',
      bundle: { bundleId: toBen.manifest.bundleId, sender: { name: 'Ana García', fingerprint: anaKeys.fingerprint } },
    });

    // Benito edits a field and sends the case back; at Ana's the bundle changed her record.
    const edited = await updatePerson(ben.db, personId, { realName: 'Karim Benali' });
    if (!edited.ok) throw new Error('no edit');
    const toAna = await stage(ben.db, caseId, benKeys);
    // Ana's keyring knows him by the name she compared, which is the one shown.
    const card = { format: 'vigia-contact' as const, version: 1 as const, name: 'Benito Ruiz (Ceuta)', ageRecipient: benKeys.ageRecipient, signingKey: benKeys.signingKey, fingerprint: benKeys.fingerprint };
    expect((await trustContact(ana.db, card)).ok).toBe(true);
    await applyBundle(ana.db, toAna, { name: 'Benito Ruiz', fingerprint: benKeys.fingerprint });

    const atAna = await loadLastChanges(ana.db, [{ table: 'persons', id: personId }, { table: 'cases', id: caseId }]);
    expect(atAna.get(personId)).toEqual({
      table: 'persons',
      recordId: personId,
      at: edited.value.updatedAt,
      stamp: edited.value.hlc,
      workstationId: ben.workstationId,
      here: false,
      demo: false,
      analyst: 'Benito Ruiz',
      bundle: { bundleId: toAna.manifest.bundleId, sender: { name: 'Benito Ruiz (Ceuta)', fingerprint: benKeys.fingerprint } },
    });
    // The case itself was last changed here (Ana made it) and did not change on the way back.
    expect(atAna.get(caseId)).toMatchObject({ here: true, analyst: 'Ana García' });
    expect(atAna.get(caseId)?.bundle).toBeUndefined();
  });

  it('names the sender of a bundle an audit entry points at, for History', async () => {
    const anaKeys = await generateAnalystIdentity('Ana García');
    const ana = await analystWith('Ana García');
    const ben = await analystWith('Benito Ruiz');
    const { caseId } = await caseWithPerson(ana.db);
    const toBen = await stage(ana.db, caseId, anaKeys);
    await applyBundle(ben.db, toBen, { name: 'Ana García', fingerprint: anaKeys.fingerprint });
    expect(await loadBundleOrigin(ben.db, toBen.manifest.bundleId, caseId)).toEqual({
      bundleId: toBen.manifest.bundleId,
      sender: { name: 'Ana García', fingerprint: anaKeys.fingerprint },
    });

    // At Ana's, a bundle she sent herself is hers; one nobody here logged has no sender to name.
    await saveIdentity(ana.db, { name: 'Ana García', ageRecipient: anaKeys.ageRecipient, signingKey: anaKeys.signingKey, fingerprint: anaKeys.fingerprint, createdAt: 1, sealedBy: 'passphrase', sealed: new Uint8Array(1) });
    await recordSentBundle(ana.db, { bundleId: toBen.manifest.bundleId, caseId, caseIds: [caseId], at: 1, counterparts: [{ name: 'Benito Ruiz' }], counts: {}, clockTo: null });
    expect((await loadBundleOrigin(ana.db, toBen.manifest.bundleId, caseId)).sender).toEqual({ name: 'Ana García', fingerprint: anaKeys.fingerprint });
    expect(await loadBundleOrigin(ana.db, 'b0000000-0000-4000-8000-000000000000', caseId)).toEqual({ bundleId: 'b0000000-0000-4000-8000-000000000000' });
  });

  it('falls back to the record’s own workstation when no audit entry is about it', async () => {
    const { db } = await analystWith('Ana García');
    const snapshot = syntheticSnapshot(2, 1, 1);
    snapshot.persons[1]!.updatedBy = 'demo';
    await importSnapshot(db, snapshot);
    const changes = await loadLastChanges(db, [
      { table: 'persons', id: 'person:0' },
      { table: 'persons', id: 'person:1' },
      { table: 'persons', id: 'person:missing' },
    ]);
    expect(changes.get('person:0')).toEqual({
      table: 'persons',
      recordId: 'person:0',
      at: snapshot.persons[0]!.updatedAt,
      stamp: snapshot.persons[0]!.hlc,
      workstationId: 'ws-demo',
      here: false,
      demo: false,
    });
    expect(changes.get('person:1')).toMatchObject({ workstationId: 'demo', demo: true });
    expect(changes.get('person:1')?.analyst).toBeUndefined();
    expect(changes.has('person:missing')).toBe(false);
  });

  it('names bundle A, then bundle B from another colleague, then this workstation after an edit here', async () => {
    const clock = { now: 1_795_000_000_000 };
    const [anaKeys, carlaKeys] = await Promise.all([generateAnalystIdentity('Ana García'), generateAnalystIdentity('Carla Núñez')]);
    const [ana, ben, carla] = [await analystWith('Ana García', clock), await analystWith('Benito Ruiz', clock), await analystWith('Carla Núñez', clock)];
    const { caseId, personId } = await caseWithPerson(ana.db);

    clock.now += 1_000;
    const bundleA = await stage(ana.db, caseId, anaKeys);
    await applyBundle(ben.db, bundleA, { name: 'Ana García', fingerprint: anaKeys.fingerprint });
    await applyBundle(carla.db, bundleA, { name: 'Ana García', fingerprint: anaKeys.fingerprint });
    expect(await loadLastChange(ben.db, { table: 'persons', id: personId })).toMatchObject({
      workstationId: ana.workstationId,
      analyst: 'Ana García',
      bundle: { bundleId: bundleA.manifest.bundleId, sender: { name: 'Ana García', fingerprint: anaKeys.fingerprint } },
    });

    clock.now += 1_000;
    const byCarla = await updatePerson(carla.db, personId, { realName: 'Karim Benali' });
    if (!byCarla.ok) throw new Error('no edit');
    const bundleB = await stage(carla.db, caseId, carlaKeys);
    clock.now += 1_000;
    await applyBundle(ben.db, bundleB, { name: 'Carla Núñez', fingerprint: carlaKeys.fingerprint });
    const afterB = await loadLastChanges(ben.db, [{ table: 'persons', id: personId }, { table: 'cases', id: caseId }]);
    expect(afterB.get(personId)).toMatchObject({
      stamp: byCarla.value.hlc,
      workstationId: carla.workstationId,
      analyst: 'Carla Núñez',
      bundle: { bundleId: bundleB.manifest.bundleId, sender: { name: 'Carla Núñez', fingerprint: carlaKeys.fingerprint } },
    });
    // B carried the case record too, unchanged: it still came with A.
    expect(afterB.get(caseId)?.bundle?.bundleId).toBe(bundleA.manifest.bundleId);

    clock.now += 1_000;
    const byBen = await updatePerson(ben.db, personId, { notes: 'Visto en Ceuta' });
    if (!byBen.ok) throw new Error('no edit');
    const afterEdit = await loadLastChange(ben.db, { table: 'persons', id: personId });
    expect(afterEdit).toMatchObject({ here: true, workstationId: ben.workstationId, analyst: 'Benito Ruiz', stamp: byBen.value.hlc });
    expect(afterEdit?.bundle).toBeUndefined();
  });

  it('names the bundle that brought a new record, not a partial bundle from a third colleague taken in before it', async () => {
    const clock = { now: 1_795_000_000_000 };
    const [anaKeys, carlaKeys] = await Promise.all([generateAnalystIdentity('Ana García'), generateAnalystIdentity('Carla Núñez')]);
    const [ana, ben, carla] = [await analystWith('Ana García', clock), await analystWith('Benito Ruiz', clock), await analystWith('Carla Núñez', clock)];
    const { caseId } = await caseWithPerson(ana.db);
    const first = await stage(ana.db, caseId, anaKeys);
    await applyBundle(ben.db, first, { name: 'Ana García', fingerprint: anaKeys.fingerprint });
    await applyBundle(carla.db, first, { name: 'Ana García', fingerprint: anaKeys.fingerprint });

    // Ana records Yusuf; later Carla records Hamza and sends Benito only him.
    clock.now += 1_000;
    const yusuf = await createPerson(ana.db, caseId, { primaryName: 'Yusuf' });
    clock.now += 1_000;
    const hamza = await createPerson(carla.db, caseId, { primaryName: 'Hamza' });
    if (!yusuf.ok || !hamza.ok) throw new Error('no person');
    const partial = await stage(carla.db, caseId, carlaKeys, (table, id) => table === 'persons' && id === hamza.value.id);
    clock.now += 1_000;
    await applyBundle(ben.db, partial, { name: 'Carla Núñez', fingerprint: carlaKeys.fingerprint });
    // Then Ana sends Benito what changed since: Yusuf.
    clock.now += 1_000;
    const fromAna = await stage(ana.db, caseId, anaKeys, (table, id) => table === 'persons' && id === yusuf.value.id);
    clock.now += 1_000;
    await applyBundle(ben.db, fromAna, { name: 'Ana García', fingerprint: anaKeys.fingerprint });

    // The rule this replaced took, for a record that arrived new, the first bundle taken in after the
    // record's stamp whose clock reached it and that held persons. Carla's partial bundle is exactly
    // that, so it named Carla for Yusuf, whom she never sent:
    const importOfPartial = (await ben.db.audit.where('recordId').equals(caseId).toArray()).find((e) => e.action === 'import' && e.bundleId === partial.manifest.bundleId);
    const logged = await bundleLogTable(ben.db).get(`received:${partial.manifest.bundleId}`);
    expect(importOfPartial!.hlc > yusuf.value.hlc).toBe(true);
    expect(logged!.clockTo! >= yusuf.value.hlc).toBe(true);
    expect(logged!.counts.persons).toBe(1);
    expect(importOfPartial!.hlc < (await ben.db.audit.where('recordId').equals(caseId).toArray()).find((e) => e.bundleId === fromAna.manifest.bundleId)!.hlc).toBe(true);

    const changes = await loadLastChanges(ben.db, [{ table: 'persons', id: yusuf.value.id }, { table: 'persons', id: hamza.value.id }]);
    expect(changes.get(yusuf.value.id)).toMatchObject({
      workstationId: ana.workstationId,
      bundle: { bundleId: fromAna.manifest.bundleId, sender: { name: 'Ana García', fingerprint: anaKeys.fingerprint } },
    });
    expect(changes.get(hamza.value.id)).toMatchObject({
      workstationId: carla.workstationId,
      bundle: { bundleId: partial.manifest.bundleId, sender: { name: 'Carla Núñez', fingerprint: carlaKeys.fingerprint } },
    });
  });

  it('keeps arrivals through deleting a case and undoing it, and forgets them when the case is purged', async () => {
    const anaKeys = await generateAnalystIdentity('Ana García');
    const ana = await analystWith('Ana García');
    const ben = await analystWith('Benito Ruiz');
    const { caseId, personId } = await caseWithPerson(ana.db);
    const bundle = await stage(ana.db, caseId, anaKeys);
    await applyBundle(ben.db, bundle, { name: 'Ana García', fingerprint: anaKeys.fingerprint });

    const deleted = await recordUndoable(ben.db, caseId, () => deleteCase(ben.db, caseId));
    expect(await loadLastChange(ben.db, { table: 'cases', id: caseId })).toMatchObject({ here: true });
    expect((await loadLastChange(ben.db, { table: 'persons', id: personId }))?.bundle?.bundleId).toBe(bundle.manifest.bundleId);
    expect((await undoAction(ben.db, deleted.action!)).ok).toBe(true);
    expect((await ben.db.cases.get(caseId))?.deleted).toBe(0);
    expect((await loadLastChange(ben.db, { table: 'persons', id: personId }))?.bundle?.bundleId).toBe(bundle.manifest.bundleId);

    await deleteCase(ben.db, caseId);
    expect((await purgeCase(ben.db, caseId)).ok).toBe(true);
    expect(await arrivalsTable(ben.db).count()).toBe(0);
    // The same records taken in again as a snapshot came with no bundle.
    await importSnapshot(ben.db, await loadCaseRecords(ana.db, [caseId]));
    const again = await loadLastChange(ben.db, { table: 'persons', id: personId });
    expect(again).toMatchObject({ workstationId: ana.workstationId, here: false });
    expect(again?.bundle).toBeUndefined();
  });
});
