import { describe, expect, it } from 'vitest';
import type { BundleManifest } from '../../../shared/bundle/manifest';
import { formatKeyfile, generateAnalystIdentity, type AnalystIdentity } from '../../../shared/identity';
import { exportCase, openBundleFile } from '../../workers/bundle-jobs';
import type { StagedBundle } from './apply-bundle';
import type { VigiaDatabase } from '../database';
import { importSnapshot } from '../import-snapshot';
import { freshDatabase, syntheticSnapshot } from '../test-support';
import { createRecord, updateRecord } from '../write';
import { applyBundle } from './apply-bundle';
import { lastSentTo, recordSentBundle } from './bundle-log';

/**
 * "Changes since the last bundle sent to a colleague" between workstations whose wall clocks
 * disagree: nothing either side did may be left out of the next bundle.
 */
const CASE = 'case:since';
const BASE = 1_750_000_000_000;
const HOUR = 3_600_000;

interface Workstation {
  db: VigiaDatabase;
  who: AnalystIdentity;
  /** This machine's wall time (ms); its clock stamps follow it. */
  clock: { t: number };
}

async function workstation(name: string, t: number): Promise<Workstation> {
  const clock = { t };
  return { db: await freshDatabase({ now: () => clock.t }), who: await generateAnalystIdentity(name), clock };
}

/** What the send tab does (whole case, or changes since the last bundle sent to `to`), then the import on `to`'s side. */
async function deliver(from: Workstation, to: Workstation, what: 'case' | 'changes'): Promise<StagedBundle> {
  const anchor = what === 'changes' ? await lastSentTo(from.db, to.who.fingerprint, [CASE]) : undefined;
  if (what === 'changes' && !anchor) throw new Error('no bundle sent before');
  const message = await exportCase(
    from.db,
    {
      job: 'export',
      database: from.db.address,
      caseId: CASE,
      keyfileText: formatKeyfile(from.who, new Date()),
      encryption: { mode: 'recipients', recipients: [to.who.ageRecipient] },
      recipientNames: {},
      marking: 'DIFUSION_LIMITADA',
      ...(anchor ? { since: anchor.clock, sinceSent: { at: anchor.at, to: to.who.fingerprint } } : {}),
    },
    () => undefined,
  );
  if (message.type !== 'exported') throw new Error(JSON.stringify(message));
  const manifest: BundleManifest = message.manifest;
  await recordSentBundle(from.db, {
    bundleId: manifest.bundleId,
    caseId: CASE,
    caseIds: manifest.caseIds,
    at: from.db.now(),
    counterparts: [{ name: to.who.name, fingerprint: to.who.fingerprint }],
    counts: manifest.counts,
    clockTo: manifest.clock?.to ?? null,
  });
  const opened = await openBundleFile({ job: 'open', bytes: message.file as Blob, key: { identity: to.who.ageIdentity }, trustedSigningKeys: [from.who.signingKey] }, () => undefined);
  if (opened.type !== 'opened') throw new Error(JSON.stringify(opened));
  const report = await applyBundle(to.db, opened.staged, { name: from.who.name, fingerprint: from.who.fingerprint });
  if (report.alreadyImported) throw new Error('already imported');
  return opened.staged;
}

const personIds = (staged: StagedBundle) => staged.snapshot.persons.map((p) => p.id).sort();

describe('changes since the last bundle sent to a colleague', () => {
  it('carries an offline edit made before a bundle from a colleague whose clock runs ahead', async () => {
    const ana = await workstation('Ana', BASE + HOUR);
    const benito = await workstation('Benito', BASE);
    await importSnapshot(ana.db, syntheticSnapshot(12, 20, 3, CASE));
    await deliver(ana, benito, 'case');
    await deliver(benito, ana, 'case');

    // Benito edits offline; Ana's later edit is stamped an hour ahead of it, and arrives after it.
    await updateRecord(benito.db, 'persons', 'person:5', { notes: 'Benito: trasladado al módulo 3' });
    await updateRecord(ana.db, 'persons', 'person:6', { notes: 'Ana: visita de su hermano' });
    ana.clock.t += 1000;
    await deliver(ana, benito, 'changes');
    benito.clock.t += 1000;

    const back = await deliver(benito, ana, 'changes');
    expect(back.manifest.scope).toBe('changes');
    // Benito's edit goes; Ana's own edit, which she sent him, does not come back.
    expect(personIds(back)).toEqual(['person:5']);
    expect((await ana.db.persons.get('person:5'))?.notes).toBe('Benito: trasladado al módulo 3');
    expect((await ana.db.persons.get('person:6'))?.notes).toBe('Ana: visita de su hermano');
  }, 60_000);

  it("passes on a third colleague's work stamped before the last bundle sent, received after it", async () => {
    const ana = await workstation('Ana', BASE);
    const benito = await workstation('Benito', BASE + HOUR);
    const carla = await workstation('Carla', BASE);
    await importSnapshot(benito.db, syntheticSnapshot(12, 20, 3, CASE));
    await deliver(benito, carla, 'case');
    await updateRecord(benito.db, 'persons', 'person:1', { notes: 'Benito: nuevo alias' });
    await deliver(benito, ana, 'case');

    // Carla's clock runs an hour behind Benito's: her work is stamped before what he sent Ana.
    await updateRecord(carla.db, 'persons', 'person:8', { notes: 'Carla: comparte celda con person:2' });
    const created = await createRecord(carla.db, 'persons', CASE, {
      primaryName: 'Interno nuevo',
      alternateNames: [],
      nationalities: [],
      role: 'unknown',
      monitoring: 'at_risk',
      programme: { status: 'none' },
      photoAttachmentIds: [],
      notes: '',
      sourceIds: [],
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    benito.clock.t += 60_000;
    await deliver(carla, benito, 'case');
    benito.clock.t += 1000;

    const toAna = await deliver(benito, ana, 'changes');
    expect(personIds(toAna)).toEqual(['person:8', created.value.id].sort());
    // Carla's own history of the edit travels with it.
    expect(toAna.audit.some((e) => e.recordId === 'person:8' && e.action === 'update' && e.bundleId === undefined)).toBe(true);
    expect((await ana.db.persons.get('person:8'))?.notes).toBe('Carla: comparte celda con person:2');
    expect((await ana.db.persons.get(created.value.id))?.primaryName).toBe('Interno nuevo');
    expect((await ana.db.persons.get('person:1'))?.notes).toBe('Benito: nuevo alias');
  }, 60_000);

  it('sends only what changed, back and forth between two colleagues', async () => {
    const ana = await workstation('Ana', BASE);
    const benito = await workstation('Benito', BASE);
    await importSnapshot(ana.db, syntheticSnapshot(12, 20, 3, CASE));
    await deliver(ana, benito, 'case');
    await updateRecord(benito.db, 'persons', 'person:5', { notes: 'Benito' });
    benito.clock.t += 1000;
    await deliver(benito, ana, 'case');

    await updateRecord(ana.db, 'persons', 'person:7', { notes: 'Ana' });
    ana.clock.t += 1000;
    const toBenito = await deliver(ana, benito, 'changes');
    expect(toBenito.manifest.counts).toEqual({ cases: 1, persons: 1 });
    expect(personIds(toBenito)).toEqual(['person:7']);

    await updateRecord(benito.db, 'persons', 'person:9', { notes: 'Benito otra vez' });
    benito.clock.t += 1000;
    const toAna = await deliver(benito, ana, 'changes');
    expect(toAna.manifest.counts).toEqual({ cases: 1, persons: 1 });
    expect(personIds(toAna)).toEqual(['person:9']);
    expect((await ana.db.persons.get('person:9'))?.notes).toBe('Benito otra vez');
    expect((await benito.db.persons.get('person:7'))?.notes).toBe('Ana');
  }, 60_000);
});
