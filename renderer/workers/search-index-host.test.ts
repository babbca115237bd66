import { describe, expect, it } from 'vitest';
import { createCase } from '../db/repositories/cases';
import { createNote, deleteNote } from '../db/repositories/notes';
import { createPerson, deletePerson, updatePerson } from '../db/repositories/persons';
import { freshDatabase } from '../db/test-support';
import { SearchIndexHost } from './search-index-host';

const names = (host: SearchIndexHost, query: string, type: 'person' | 'note' = 'person') =>
  host.search(query, 20).hits[type].map((hit) => hit.label);

describe('SearchIndexHost', () => {
  it('builds from the case and follows every later write, without mixing in other cases', async () => {
    const db = await freshDatabase();
    const main = await createCase(db, { name: 'Frente', marking: 'RESERVADO' });
    const other = await createCase(db, { name: 'Otro', marking: 'RESERVADO' });
    if (!main.ok || !other.ok) throw new Error('cases not created');
    const caseId = main.value.id;
    const yusuf = await createPerson(db, caseId, { primaryName: 'Youssef Benali', alternateNames: [{ name: 'Abu Yusuf', kind: 'kunya', sourceIds: [] }] });
    await createPerson(db, other.value.id, { primaryName: 'Mohamed Otro' });
    if (!yusuf.ok) throw new Error('person not created');

    const host = new SearchIndexHost(db, caseId);
    await host.start();
    expect(names(host, 'abu yusuf')).toEqual(['Youssef Benali']);
    expect(names(host, 'mohamed')).toEqual([]);

    const mohammed = await createPerson(db, caseId, { primaryName: 'Mohammed El Idrissi' });
    await expect.poll(() => names(host, 'muhammad')).toEqual(['Mohammed El Idrissi']);

    await updatePerson(db, yusuf.value.id, { primaryName: 'Yusuf Benali' });
    await expect.poll(() => names(host, 'benali')).toEqual(['Yusuf Benali']);

    const note = await createNote(db, caseId, { subjectType: 'person', subjectId: yusuf.value.id, text: 'Carta interceptada en Topas' });
    await expect.poll(() => names(host, 'interceptada', 'note')).toHaveLength(1);
    if (!note.ok || !mohammed.ok) throw new Error('not created');
    await deleteNote(db, note.value.id);
    await deletePerson(db, mohammed.value.id);
    await expect.poll(() => [...names(host, 'interceptada', 'note'), ...names(host, 'muhammad')]).toEqual([]);
    host.stop();
  });
});
