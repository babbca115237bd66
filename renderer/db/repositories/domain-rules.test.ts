import { describe, expect, it } from 'vitest';
import type { VigiaDatabase } from '../database';
import { dumpDatabase, freshDatabase } from '../test-support';
import { createCase } from './cases';
import { createLink } from './links';
import { createPerson, deletePerson } from './persons';
import { addGazetteerPrison, createPrison, deletePrison } from './prisons';
import { createSentence, updateSentence } from './sentences';
import { createStay, deleteStay, updateStay } from './stays';
import { restoreRecord } from '../write';

function ok<T>(result: { ok: true; value: T } | { ok: false }): T {
  if (!result.ok) throw new Error(`expected success: ${JSON.stringify(result)}`);
  return result.value;
}

async function smallCase() {
  const db = await freshDatabase();
  const caseId = ok(await createCase(db, { name: 'Caso', marking: 'CONFIDENCIAL' })).id;
  const ali = ok(await createPerson(db, caseId, { primaryName: 'Ali' })).id;
  const omar = ok(await createPerson(db, caseId, { primaryName: 'Omar' })).id;
  const topas = ok(await createPrison(db, caseId, { name: 'Topas' })).id;
  const alcala = ok(await createPrison(db, caseId, { name: 'Alcalá-Meco' })).id;
  return { db, caseId, ali, omar, topas, alcala };
}

async function expectRefused(db: VigiaDatabase, write: () => Promise<unknown>, issues: unknown) {
  const before = await dumpDatabase(db);
  expect(await write()).toEqual({ ok: false, issues });
  expect(await dumpDatabase(db)).toEqual(before);
}

describe('rules that span records', () => {
  it('refuses a stay that overlaps a stay of the same person in another prison', async () => {
    const { db, caseId, ali, topas, alcala } = await smallCase();
    ok(await createStay(db, caseId, { personId: ali, prisonId: topas, from: '2016-01-01', to: '2018-06-30' }));
    await expectRefused(db, () => createStay(db, caseId, { personId: ali, prisonId: alcala, from: '2018-01-01' }), [
      { path: 'from', code: 'stays_overlap' },
    ]);
    // A transfer on the day the previous stay ends is not an overlap.
    const next = ok(await createStay(db, caseId, { personId: ali, prisonId: alcala, from: '2018-06-30' }));
    // Moving its start back into the earlier stay is refused too.
    await expectRefused(db, () => updateStay(db, next.id, { from: '2017-01-01' }), [{ path: 'from', code: 'stays_overlap' }]);
  });

  it('refuses a stay whose person or prison is missing or deleted', async () => {
    const { db, caseId, ali, topas } = await smallCase();
    ok(await deletePrison(db, topas));
    await expectRefused(db, () => createStay(db, caseId, { personId: 'person:nobody', prisonId: topas, from: '2016-01-01' }), [
      { path: 'personId', code: 'missing_person' },
      { path: 'prisonId', code: 'missing_prison' },
    ]);
    expect((await createStay(db, caseId, { personId: ali, prisonId: topas, from: '2016-01-01' })).ok).toBe(false);
  });

  it('refuses a release date before the sentence start, also on update', async () => {
    const { db, caseId, ali } = await smallCase();
    await expectRefused(
      db,
      () => createSentence(db, caseId, { personId: ali, offence: 'Terrorismo', start: '2010-05-01', expectedRelease: '2009-01-01' }),
      [{ path: 'expectedRelease', code: 'release_before_start' }],
    );
    const sentence = ok(await createSentence(db, caseId, { personId: ali, offence: 'Terrorismo', start: '2010-05-01', lengthMonths: 168 }));
    await expectRefused(db, () => updateSentence(db, sentence.id, { earlyRelease: '2010-04-30' }), [
      { path: 'earlyRelease', code: 'release_before_start' },
    ]);
  });

  it('refuses a link to oneself and a link to a missing person', async () => {
    const { db, caseId, ali, omar } = await smallCase();
    const grading = { reliability: 'B', credibility: 2 } as const;
    await expectRefused(db, () => createLink(db, caseId, { kind: 'letter', fromId: ali, toId: ali, grading }), [
      { path: 'toId', code: 'self_link' },
    ]);
    ok(await deletePerson(db, omar));
    await expectRefused(db, () => createLink(db, caseId, { kind: 'letter', fromId: ali, toId: omar, grading }), [
      { path: 'toId', code: 'missing_person' },
    ]);
  });

  it('makes letters directed by default and refuses citing a source that does not exist', async () => {
    const { db, caseId, ali, omar } = await smallCase();
    const grading = { reliability: 'C', credibility: 3 } as const;
    expect(ok(await createLink(db, caseId, { kind: 'letter', fromId: ali, toId: omar, grading })).directed).toBe(true);
    expect(ok(await createLink(db, caseId, { kind: 'family', fromId: ali, toId: omar, grading })).directed).toBe(false);
    await expectRefused(db, () => createLink(db, caseId, { kind: 'call', fromId: ali, toId: omar, grading, sourceIds: ['source:x'] }), [
      { path: 'sourceIds.0', code: 'missing_source' },
    ]);
  });

  it('restores a deleted stay only when it still fits', async () => {
    const { db, caseId, ali, topas, alcala } = await smallCase();
    const first = ok(await createStay(db, caseId, { personId: ali, prisonId: topas, from: '2016-01-01' }));
    ok(await deleteStay(db, first.id));
    ok(await createStay(db, caseId, { personId: ali, prisonId: alcala, from: '2017-01-01' }));
    await expectRefused(db, () => restoreRecord(db, 'stays', first.id), [{ path: 'from', code: 'stays_overlap' }]);
  });
});

describe('gazetteer prisons', () => {
  it('adds a gazetteer prison once per case, and brings a deleted one back', async () => {
    const { db, caseId } = await smallCase();
    const first = ok(await addGazetteerPrison(db, caseId, 'es-algeciras', { modules: ['Módulo 1'] }));
    expect(first).toMatchObject({ gazetteerId: 'es-algeciras', province: 'Cádiz', modules: ['Módulo 1'] });
    const again = ok(await addGazetteerPrison(db, caseId, 'es-algeciras'));
    expect(again.id).toBe(first.id);
    expect(await db.prisons.where('caseId').equals(caseId).filter((p) => p.gazetteerId === 'es-algeciras').count()).toBe(1);
    ok(await deletePrison(db, first.id));
    expect(ok(await addGazetteerPrison(db, caseId, 'es-algeciras')).deleted).toBe(0);
  });

  it('refuses a prison the gazetteer does not know', async () => {
    const { db, caseId } = await smallCase();
    await expectRefused(db, () => addGazetteerPrison(db, caseId, 'es-nowhere'), [
      { path: 'gazetteerId', code: 'unknown_gazetteer_prison' },
    ]);
  });
});
