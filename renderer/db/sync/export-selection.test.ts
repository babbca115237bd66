// @vitest-environment node
// Node's own Blob: IndexedDB (fake-indexeddb) clones it, where happy-dom's comes back as a plain object.
import { describe, expect, it } from 'vitest';
import { selectPeople } from '../../../shared/bundle/selection';
import { formatKeyfile, generateAnalystIdentity } from '../../../shared/identity';
import { CASE_TABLE_NAMES, effectiveMarking, isAtOrBelow, type Marking } from '../../../shared/model';
import { exportCase, openBundleFile } from '../../workers/bundle-jobs';
import type { BundleRequest } from '../../workers/bundle-protocol';
import { importSnapshot } from '../import-snapshot';
import { attachFile, setAttachmentMarking } from '../repositories/attachments';
import { freshDatabase, syntheticSnapshot } from '../test-support';
import { updateRecord } from '../write';
import { applyBundle } from './apply-bundle';
import { lastExchangeClock } from './bundle-log';
import { loadCaseRecords } from './case-contents';

const CASE = 'case:selection';
const CHOSEN = ['person:0', 'person:1', 'person:2'];

describe('exporting a selection of people', () => {
  it('makes a bundle that, opened, holds exactly the selection, its attachments and its history, and that a colleague can import', async () => {
    const [ana, ben] = await Promise.all([generateAnalystIdentity('Ana'), generateAnalystIdentity('Ben')]);
    const db = await freshDatabase();
    await importSnapshot(db, syntheticSnapshot(12, 30, 3, CASE));
    const photo = await attachFile(db, CASE, { ownerType: 'person', ownerId: 'person:0', fileName: 'foto.jpg', mimeType: 'image/jpeg', bytes: new Uint8Array([1, 2, 3]) });
    const other = await attachFile(db, CASE, { ownerType: 'person', ownerId: 'person:7', fileName: 'otra.jpg', mimeType: 'image/jpeg', bytes: new Uint8Array([4, 5, 6]) });
    if (!photo.ok || !other.ok) throw new Error('attachments refused');
    await updateRecord(db, 'persons', 'person:1', { notes: 'seen in the yard' });
    await updateRecord(db, 'persons', 'person:7', { notes: 'not for this colleague' });

    const message = await exportCase(
      db,
      { job: 'export', database: db.address, caseId: CASE, keyfileText: formatKeyfile(ana, new Date()), encryption: { mode: 'recipients', recipients: [ben.ageRecipient] }, recipientNames: {}, marking: 'CONFIDENCIAL', personIds: CHOSEN },
      () => undefined,
    );
    if (message.type !== 'exported') throw new Error(JSON.stringify(message));
    const opened = await openBundleFile({ job: 'open', bytes: message.file as Blob, key: { identity: ben.ageIdentity }, trustedSigningKeys: [ana.signingKey] }, () => undefined);
    if (opened.type !== 'opened') throw new Error(JSON.stringify(opened));
    const { manifest, snapshot, audit, attachments } = opened.staged;

    const expected = selectPeople(await loadCaseRecords(db, [CASE]), CHOSEN).snapshot;
    expect(manifest.scope).toBe('selection');
    expect(manifest.marking).toBe('CONFIDENCIAL');
    for (const table of CASE_TABLE_NAMES) expect(snapshot[table], table).toEqual(expected[table]);
    expect(snapshot.persons.map((p) => p.id).sort()).toEqual(CHOSEN);
    expect(snapshot.links.every((l) => CHOSEN.includes(l.fromId) && CHOSEN.includes(l.toId))).toBe(true);
    expect(snapshot.attachments.map((a) => a.id)).toEqual([photo.value.id]);
    expect([...attachments.keys()]).toEqual([photo.value.sha256]);
    // The history of the people sent travels; person 7's stays home.
    expect(audit.some((e) => e.recordId === 'person:1' && e.action === 'update')).toBe(true);
    expect(audit.filter((e) => e.recordId === 'person:7' || e.recordId === other.value.id)).toEqual([]);

    const dbB = await freshDatabase();
    const report = await applyBundle(dbB, opened.staged, { name: 'Ana', fingerprint: ana.fingerprint });
    expect(report.alreadyImported).toBe(false);
    const received = await loadCaseRecords(dbB, [CASE]);
    expect(received.persons.map((p) => p.id).sort()).toEqual(CHOSEN);
    // The photo's bytes arrived under its hash (fake-indexeddb cannot give a Blob's bytes back: the
    // byte-for-byte check is sync-attachments.spec.ts in Chromium).
    expect(await dbB.blobs.get(photo.value.sha256)).toMatchObject({ sha256: photo.value.sha256, size: 3, mimeType: 'image/jpeg' });
    expect(await dbB.blobs.get(other.value.sha256)).toBeUndefined();
    // A selection did not bring Ben up to date with Ana's case: "changes since" must not start from it.
    expect(await lastExchangeClock(dbB, ana.fingerprint, [CASE])).toBeUndefined();
  }, 60_000);

  it('released up to a marking: nothing above it in the bundle, nor the history of what stayed home; the bundle is marked with what it holds', async () => {
    const [ana, ben] = await Promise.all([generateAnalystIdentity('Ana'), generateAnalystIdentity('Ben')]);
    const db = await freshDatabase();
    await importSnapshot(db, syntheticSnapshot(12, 30, 3, CASE));
    const caseMarking = (await db.cases.get(CASE))!.marking;
    const above: Marking = caseMarking === 'SECRETO' ? 'TLP_RED' : 'SECRETO';
    const photo = await attachFile(db, CASE, { ownerType: 'person', ownerId: 'person:0', fileName: 'foto.jpg', mimeType: 'image/jpeg', bytes: new Uint8Array([1, 2, 3]) });
    if (!photo.ok) throw new Error('attachment refused');
    await setAttachmentMarking(db, photo.value.id, above);
    await updateRecord(db, 'persons', 'person:1', { marking: above, notes: 'a protected witness' });
    const request: Extract<BundleRequest, { job: 'export' }> = { job: 'export', database: db.address, caseId: CASE, keyfileText: formatKeyfile(ana, new Date()), encryption: { mode: 'recipients', recipients: [ben.ageRecipient] }, recipientNames: {}, marking: above, personIds: CHOSEN };

    const message = await exportCase(db, { ...request, releaseUpTo: caseMarking }, () => undefined);
    if (message.type !== 'exported') throw new Error(JSON.stringify(message));
    const opened = await openBundleFile({ job: 'open', bytes: message.file as Blob, key: { identity: ben.ageIdentity }, trustedSigningKeys: [ana.signingKey] }, () => undefined);
    if (opened.type !== 'opened') throw new Error(JSON.stringify(opened));
    const { manifest, snapshot, audit, attachments } = opened.staged;
    expect(manifest.marking).toBe(caseMarking);
    expect(message.release).toMatchObject({ upTo: caseMarking, marking: caseMarking, withheld: { persons: 1, attachments: 1 } });
    expect(message.release!.withheld.links).toBe((await loadCaseRecords(db, [CASE])).links.filter((l) => ['person:0', 'person:2'].includes(l.fromId === 'person:1' ? l.toId : l.toId === 'person:1' ? l.fromId : '')).length);
    const marked = [snapshot.persons, snapshot.sources, snapshot.links, snapshot.events, snapshot.notes, snapshot.attachments].flat();
    expect(marked.filter((r) => !isAtOrBelow(effectiveMarking(r.marking, caseMarking), caseMarking))).toEqual([]);
    expect(snapshot.persons.map((p) => p.id).sort()).toEqual(['person:0', 'person:2']);
    expect(snapshot.attachments).toEqual([]);
    expect(attachments.size).toBe(0);
    const sent = new Set(CASE_TABLE_NAMES.flatMap((t) => (snapshot[t] as Array<{ id: string }>).map((r) => r.id)));
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.filter((e) => !sent.has(e.recordId))).toEqual([]);
    expect(audit.filter((e) => e.recordId === 'person:1' || e.recordId === photo.value.id)).toEqual([]);

    // A whole case or its changes are never sent "released": the request is refused, not sent whole.
    const { personIds: _chosen, ...wholeCase } = request;
    await expect(exportCase(db, { ...wholeCase, releaseUpTo: caseMarking }, () => undefined)).rejects.toThrow(/selection/);
  }, 60_000);
});
