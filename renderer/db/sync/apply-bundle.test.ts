import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DamagedRecordError, SEALED_FIELD } from '../../../shared/vault/record-cipher';
import { damagedRecords } from '../vault/damaged-records';
import { writeBundle, attachmentsFromMap } from '../../../shared/bundle/write';
import { formatKeyfile, generateAnalystIdentity, type AnalystIdentity } from '../../../shared/identity';
import type { BundleEncryption, BundleKey } from '../../../shared/bundle/age-layer';
import { exportCase, openBundleFile } from '../../workers/bundle-jobs';
import type { BundleMessage } from '../../workers/bundle-protocol';
import type { VigiaDatabase } from '../database';
import { importSnapshot } from '../import-snapshot';
import { updateRecord } from '../write';
import { dumpDatabase, freshDatabase, syntheticSnapshot } from '../test-support';
import { applyBundle, previewBundle, type ApplyReport, type BundlePreview } from './apply-bundle';
import { lastExchangeClock, listCaseBundles, recordSentBundle } from './bundle-log';

const CASE = 'case:sync';
const noProgress = () => undefined;

/** What the send tab does: export in the worker, then log the bundle as sent to its recipients. */
async function send(db: VigiaDatabase, from: AnalystIdentity, encryption: BundleEncryption, to?: AnalystIdentity, since?: string): Promise<Uint8Array> {
  const message = await exportCase(
    db,
    { job: 'export', database: db.address, caseId: CASE, keyfileText: formatKeyfile(from, new Date()), encryption, recipientNames: {}, marking: 'DIFUSION_LIMITADA', ...(since ? { since } : {}) },
    noProgress,
  );
  if (message.type !== 'exported') throw new Error(JSON.stringify(message));
  const { manifest } = message;
  if (to) {
    await recordSentBundle(db, { bundleId: manifest.bundleId, caseId: CASE, caseIds: manifest.caseIds, at: 1, counterparts: [{ name: to.name, fingerprint: to.fingerprint }], counts: manifest.counts, clockTo: manifest.clock?.to ?? null });
  }
  return new Uint8Array(await (message.file as Blob).arrayBuffer());
}

/** What the import dialog does: open in the worker, refuse an untrusted signer, preview, apply. */
type Received = { refused: string } | { preview: BundlePreview; report: ApplyReport };

async function receive(db: VigiaDatabase, bytes: Uint8Array, key: BundleKey, trusted: string[]): Promise<Received> {
  const opened: BundleMessage = await openBundleFile({ job: 'open', bytes, key, trustedSigningKeys: trusted }, noProgress);
  if (opened.type === 'failed') return { refused: opened.error.code };
  if (opened.type !== 'opened') throw new Error(opened.type);
  if (!opened.signer.trusted) return { refused: 'untrusted_signer' };
  const sender = { name: opened.signer.name, fingerprint: opened.signer.fingerprint };
  const preview = await previewBundle(db, opened.staged, sender);
  const report = await applyBundle(db, opened.staged, sender);
  return { preview, report };
}

async function caseOf(people = 12) {
  const db = await freshDatabase();
  await importSnapshot(db, syntheticSnapshot(people, 20, 3, CASE));
  return db;
}

describe('receiving a bundle', () => {
  it('refuses, with the core error code, and leaves the database as it was', async () => {
    const [ana, ben, eve] = await Promise.all([generateAnalystIdentity('Ana'), generateAnalystIdentity('Ben'), generateAnalystIdentity('Eve')]);
    const dbA = await caseOf();
    const toBen = await send(dbA, ana, { mode: 'recipients', recipients: [ben.ageRecipient] });
    const byPassphrase = await send(dbA, ana, { mode: 'passphrase', passphrase: 'correct horse', workFactor: 4 });
    const dbB = await freshDatabase();
    const before = await dumpDatabase(dbB);
    const benKey = { identity: ben.ageIdentity };

    const tampered = toBen.slice();
    tampered[tampered.length - 100]! ^= 1;
    expect(await receive(dbB, tampered, benKey, [ana.signingKey])).toEqual({ refused: 'bundle_damaged' });
    expect(await receive(dbB, toBen.slice(0, toBen.length - 500), benKey, [ana.signingKey])).toEqual({ refused: 'bundle_damaged' });
    expect(await receive(dbB, toBen, { identity: eve.ageIdentity }, [ana.signingKey])).toEqual({ refused: 'not_for_you' });
    expect(await receive(dbB, byPassphrase, { passphrase: 'wrong' }, [ana.signingKey])).toEqual({ refused: 'wrong_passphrase' });
    expect(await receive(dbB, toBen, benKey, [])).toEqual({ refused: 'untrusted_signer' });
    expect(await receive(dbB, new TextEncoder().encode('hello'), benKey, [])).toEqual({ refused: 'not_an_age_file' });

    // A correctly signed and encrypted bundle whose records do not validate.
    const bad = syntheticSnapshot(2, 1, 1, CASE);
    bad.persons[0] = { ...bad.persons[0]!, primaryName: '' };
    const invalid = await writeBundle(
      { snapshot: bad, audit: [], attachments: attachmentsFromMap(new Map()) },
      { sender: ana, encryption: { mode: 'recipients', recipients: [ben.ageRecipient] }, scope: 'case', marking: 'DIFUSION_LIMITADA', now: new Date() },
    );
    expect(await receive(dbB, invalid.bytes, benKey, [ana.signingKey])).toEqual({ refused: 'record_invalid' });

    expect(await dumpDatabase(dbB)).toEqual(before);
  });

  it('applies a case once, says so the second time, and carries an edit back with its history', async () => {
    const [ana, ben] = await Promise.all([generateAnalystIdentity('Ana'), generateAnalystIdentity('Ben')]);
    const dbA = await caseOf();
    await updateRecord(dbA, 'persons', 'person:1', { notes: 'seen in the yard' });
    const dbB = await freshDatabase();

    const first = await receive(dbB, await send(dbA, ana, { mode: 'recipients', recipients: [ben.ageRecipient] }, ben), { identity: ben.ageIdentity }, [ana.signingKey]);
    if (!('report' in first) || first.report.alreadyImported) throw new Error(JSON.stringify(first));
    expect(first.preview.alreadyImported).toBe(false);
    expect(first.report.summary.find((r) => r.table === 'persons')).toEqual({ table: 'persons', new: 12, changed: 0, deleted: 0, conflicts: 0 });
    expect(first.report.auditEntriesAdded).toBeGreaterThan(0);
    expect((await dbB.persons.get('person:1'))?.notes).toBe('seen in the yard');
    expect(await dbB.audit.where('recordId').equals('person:1').count()).toBe(1);

    // The same bundle again: the preview says so and applying writes nothing.
    const bytes = await send(dbA, ana, { mode: 'recipients', recipients: [ben.ageRecipient] });
    await receive(dbB, bytes, { identity: ben.ageIdentity }, [ana.signingKey]);
    const settled = await dumpDatabase(dbB);
    const again = await receive(dbB, bytes, { identity: ben.ageIdentity }, [ana.signingKey]);
    expect(again).toMatchObject({ preview: { alreadyImported: true }, report: { alreadyImported: true } });
    expect(await dumpDatabase(dbB)).toEqual(settled);

    // Ben renames a person and deletes another; Ana edits a different field of the renamed one.
    await updateRecord(dbB, 'persons', 'person:2', { primaryName: 'Person Two (Ben)' });
    await updateRecord(dbA, 'persons', 'person:2', { notes: 'Ana was here' });
    await updateRecord(dbB, 'persons', 'person:3', { notes: 'Ben says' });
    await updateRecord(dbA, 'persons', 'person:3', { notes: 'Ana says' });
    const back = await receive(dbA, await send(dbB, ben, { mode: 'recipients', recipients: [ana.ageRecipient] }, ana), { identity: ana.ageIdentity }, [ben.signingKey]);
    if (!('report' in back) || back.report.alreadyImported) throw new Error(JSON.stringify(back));
    // Edits of different fields are not conflicts; the same field edited on both sides since the last exchange is one.
    expect(back.preview.plan.conflicts.map((c) => `${c.id}.${c.field}`)).toEqual(['person:3.notes']);
    expect((await dbA.persons.get('person:3'))?.notes).toBe('Ana says');
    const person = await dbA.persons.get('person:2');
    expect(person?.primaryName).toBe('Person Two (Ben)');
    expect(person?.notes).toBe('Ana was here');
    const history = await dbA.audit.where('recordId').equals('person:2').toArray();
    expect(history.some((e) => e.bundleId !== undefined && (e.before as { primaryName?: string }).primaryName === 'Person 2')).toBe(true);
    expect((await listCaseBundles(dbA, CASE)).map((b) => b.direction).sort()).toEqual(['received', 'sent']);
  });

  it('replaces a record damaged here with the bundle’s copy, journals it and stops naming it; a strict database still refuses', async () => {
    const [ana, ben] = await Promise.all([generateAnalystIdentity('Ana'), generateAnalystIdentity('Ben')]);
    const dbA = await caseOf();
    const benKey = { identity: ben.ageIdentity };
    const toBen = () => send(dbA, ana, { mode: 'recipients', recipients: [ben.ageRecipient] });
    for (const mode of ['report', 'strict'] as const) {
      const dbB = await freshDatabase(mode === 'report' ? { damagedRecords: 'report' } : {});
      await receive(dbB, await toBen(), benKey, [ana.signingKey]);
      // Someone with the disk moves person 5's sealed bytes onto person 4.
      const raw = new Dexie(dbB.name);
      await raw.open();
      const sealedOf = async (id: string) => ((await raw.table('persons').get(id)) as Record<string, unknown>)[SEALED_FIELD];
      await raw.table('persons').update('person:4', { [SEALED_FIELD]: await sealedOf('person:5') });
      raw.close();
      await expect(dbB.persons.get('person:4')).rejects.toBeInstanceOf(DamagedRecordError);
      await updateRecord(dbA, 'persons', 'person:1', { notes: `resent ${mode}` });
      const bytes = await toBen();

      if (mode === 'strict') {
        // A worker's database (or any that does not report damage) reads strictly, as bundles and exports need.
        await expect(receive(dbB, bytes, benKey, [ana.signingKey])).rejects.toBeInstanceOf(DamagedRecordError);
        expect((await dbB.persons.get('person:1'))?.notes).not.toBe('resent strict');
        continue;
      }
      const received = await receive(dbB, bytes, benKey, [ana.signingKey]);
      if (!('report' in received) || received.report.alreadyImported) throw new Error(JSON.stringify(received));
      expect(damagedRecords.list().map((d) => `${d.table} ${d.key}`)).not.toContain('persons "person:4"');
      expect(received.report.repaired).toEqual([{ table: 'persons', key: '"person:4"', reason: 'authentication' }]);
      expect(await dbB.persons.get('person:4')).toEqual(await dbA.persons.get('person:4'));
      expect((await dbB.persons.get('person:1'))?.notes).toBe('resent report');
      const journal = await dbB.audit.where('recordId').equals('person:4').toArray();
      expect(journal.filter((e) => e.action === 'update' && (e.before as { damaged?: unknown }).damaged === true)).toHaveLength(1);
      // The preview had already shown it as a record the bundle brings, and the window had named it.
      expect(received.preview.plan.new.map((n) => n.record.id)).toContain('person:4');
    }
  });

  it('counts conflicts from a passphrase bundle once the reply says it arrived there', async () => {
    const [ana, ben] = await Promise.all([generateAnalystIdentity('Ana'), generateAnalystIdentity('Ben')]);
    const dbA = await caseOf();
    const dbB = await freshDatabase();
    const passphrase = { mode: 'passphrase' as const, passphrase: 'correct horse', workFactor: 4 };
    const key = { passphrase: 'correct horse' };
    // Sealed to a passphrase, the bundle names no one: the send tab logs it without a fingerprint.
    const first = await send(dbA, ana, passphrase);
    const opened = await openBundleFile({ job: 'open', bytes: first, key, trustedSigningKeys: [ana.signingKey] }, noProgress);
    if (opened.type !== 'opened') throw new Error(JSON.stringify(opened));
    const sent = opened.staged.manifest;
    await recordSentBundle(dbA, { bundleId: sent.bundleId, caseId: CASE, caseIds: sent.caseIds, at: 1, counterparts: [{ name: 'contraseña' }], counts: sent.counts, clockTo: sent.clock?.to ?? null });
    await receive(dbB, first, key, [ana.signingKey]);

    // Ben renames one person; both write notes on another: only the notes are a conflict.
    await updateRecord(dbB, 'persons', 'person:2', { primaryName: 'Person Two (Ben)' });
    await updateRecord(dbB, 'persons', 'person:4', { notes: 'Ben says' });
    await updateRecord(dbA, 'persons', 'person:4', { notes: 'Ana says' });
    const reply = await send(dbB, ben, passphrase);
    const replied = await openBundleFile({ job: 'open', bytes: reply, key, trustedSigningKeys: [ben.signingKey] }, noProgress);
    if (replied.type !== 'opened') throw new Error(JSON.stringify(replied));
    expect(replied.staged.manifest.receivedBundles).toEqual([sent.bundleId]);

    const back = await receive(dbA, reply, key, [ben.signingKey]);
    if (!('report' in back) || back.report.alreadyImported) throw new Error(JSON.stringify(back));
    expect(back.preview.plan.conflicts.map((c) => `${c.id}.${c.field}`)).toEqual(['person:4.notes']);
    expect((await dbA.persons.get('person:2'))?.primaryName).toBe('Person Two (Ben)');
  });

  it('sends only what changed since the last exchange with a colleague, and it merges the same', async () => {
    const [ana, ben] = await Promise.all([generateAnalystIdentity('Ana'), generateAnalystIdentity('Ben')]);
    const dbA = await caseOf();
    const dbB = await freshDatabase();
    const toBen = { mode: 'recipients' as const, recipients: [ben.ageRecipient] };
    await receive(dbB, await send(dbA, ana, toBen, ben), { identity: ben.ageIdentity }, [ana.signingKey]);
    await updateRecord(dbA, 'persons', 'person:5', { notes: 'moved to module 3' });

    const since = await lastExchangeClock(dbA, ben.fingerprint, [CASE]);
    // The first bundle's clock range ends at or after the case's last stamp before the edit.
    expect(since).toMatch(/^\d{13}-[0-9a-f]{4}-/);
    const opened = await openBundleFile({ job: 'open', bytes: await send(dbA, ana, toBen, ben, since), key: { identity: ben.ageIdentity }, trustedSigningKeys: [ana.signingKey] }, noProgress);
    if (opened.type !== 'opened') throw new Error(JSON.stringify(opened));
    expect(opened.staged.manifest.scope).toBe('changes');
    expect(opened.staged.manifest.counts).toEqual({ cases: 1, persons: 1 });
    // Audit entries go by their own stamp, so the case's import entry (stamped just after the records) rides again; the receiver skips it.
    expect(opened.staged.audit.filter((e) => e.table === 'persons').map((e) => e.recordId)).toEqual(['person:5']);
    await applyBundle(dbB, opened.staged, { name: 'Ana', fingerprint: ana.fingerprint });
    expect((await dbB.persons.get('person:5'))?.notes).toBe('moved to module 3');
    expect(await dbB.persons.count()).toBe(12);
  });
});
