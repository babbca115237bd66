import { describe, expect, it } from 'vitest';
import type { NameKind, Note, Person, Prison, Source } from '../model';
import { CaseSearchIndex, type SearchHit } from './case-search-index';

const meta = (id: string) => ({
  id,
  caseId: 'case:test',
  createdAt: 0,
  updatedAt: 0,
  hlc: '0000000000000:0000:test',
  fieldClocks: {},
  updatedBy: 'test',
  deleted: 0 as const,
});

function person(id: string, primaryName: string, alternates: Array<[string, NameKind]> = [], realName?: string): Person {
  const record: Person = {
    ...meta(`person:${id}`),
    primaryName,
    alternateNames: alternates.map(([name, kind]) => ({ name, kind, sourceIds: [] })),
    nationalities: [],
    role: 'unknown',
    monitoring: 'not_monitored',
    programme: { status: 'none' },
    photoAttachmentIds: [],
    notes: '',
    sourceIds: [],
  };
  if (realName) record.realName = realName;
  return record;
}

function prison(id: string, name: string, town: string, province: string): Prison {
  return {
    ...meta(`prison:${id}`),
    name,
    town,
    province,
    region: '',
    administration: 'SGIP',
    kind: 'ordinary',
    modules: [],
  };
}

function source(id: string, title: string, author: string): Source {
  return {
    ...meta(`source:${id}`),
    kind: 'press',
    title,
    author,
    keptAt: '',
    reliability: 'B',
    attachmentIds: [],
    notes: '',
  };
}

function note(id: string, text: string, subjectId: string): Note {
  return { ...meta(`note:${id}`), subjectType: 'person', subjectId, text };
}

const labels = (hits: readonly SearchHit[]): string[] => hits.map((h) => h.label);
const people = (index: CaseSearchIndex, query: string): SearchHit[] => index.search(query).hits.person;

describe('finding people whatever the transliteration', () => {
  const index = CaseSearchIndex.build({
    persons: [
      person('1', 'Karim Benali', [['Mohammed', 'alias']]),
      person('2', 'Abderramane Haddad'),
      person('3', 'Khalid Ouazzani'),
      person('4', 'José García Núñez'),
      person('5', 'Mohamed El Idrissi', [['Abu Yusuf', 'kunya']], 'Said Idrissi'),
      person('6', 'Abd al-Rahman Tazi'),
      person('7', 'Ammar Saleh'),
      person('8', 'Omar Zerouali'),
    ],
  });

  it('"Muhammad" finds the person whose alias is "Mohammed", and says so', () => {
    const hit = people(index, 'Muhammad').find((h) => h.id === 'person:1');
    expect(hit).toMatchObject({ field: 'alias', matchedText: 'Mohammed', match: 'variant' });
  });

  it('"Abderrahmane" finds "Abderramane" and "Abd al-Rahman"', () => {
    expect(labels(people(index, 'Abderrahmane'))).toEqual(['Abderramane Haddad', 'Abd al-Rahman Tazi']);
    expect(labels(people(index, 'abdul rahman'))).toEqual(['Abderramane Haddad', 'Abd al-Rahman Tazi']);
  });

  it('"jalid" (Spanish spelling) finds "Khalid"', () => {
    expect(people(index, 'jalid')).toMatchObject([{ label: 'Khalid Ouazzani', match: 'variant' }]);
  });

  it('"garcia nunez" finds "García Núñez" as an exact match and highlights both words', () => {
    const [hit] = people(index, 'garcia nunez');
    expect(hit).toMatchObject({ label: 'José García Núñez', match: 'exact' });
    const highlighted = hit?.highlights.map((h) => hit.matchedText.slice(h.start, h.end));
    expect(highlighted).toEqual(['García', 'Núñez']);
  });

  it('a typo, "Mohamd", finds Mohamed', () => {
    expect(labels(people(index, 'Mohamd'))).toContain('Mohamed El Idrissi');
    expect(people(index, 'Mohamd').find((h) => h.id === 'person:5')?.match).toBe('fuzzy');
  });

  it('"Abu Yus", typed so far, finds the kunya "Abu Yusuf"', () => {
    expect(people(index, 'Abu Yus')).toMatchObject([
      { label: 'Mohamed El Idrissi', field: 'kunya', matchedText: 'Abu Yusuf', match: 'prefix' },
    ]);
    expect(labels(people(index, 'abou youssef'))).toEqual(['Mohamed El Idrissi']);
  });

  it('finds a real name', () => {
    expect(people(index, 'said idrissi')).toMatchObject([{ field: 'realName', matchedText: 'Said Idrissi' }]);
  });

  it('needs every word to match (AND), across the names of one person', () => {
    expect(labels(people(index, 'mohamed tazi'))).toEqual([]);
    expect(people(index, 'mohamed yusuf')).toMatchObject([{ label: 'Mohamed El Idrissi', spread: true }]);
  });

  it('reads a two-word name written as one word, and the reverse', () => {
    const index = CaseSearchIndex.build({
      persons: [person('1', 'Hamza Ben Ali'), person('2', 'Nabil Belhadj'), person('3', 'Said Boussaid')],
    });
    expect(labels(people(index, 'benali'))).toEqual(['Hamza Ben Ali']);
    expect(labels(people(index, 'bin ali'))).toEqual(['Hamza Ben Ali']);
    expect(labels(people(index, 'bel hadj'))).toEqual(['Nabil Belhadj']);
    expect(labels(people(index, 'bu said'))).toEqual(['Said Boussaid']);
  });

  it('lets the article al/el be left out or added', () => {
    expect(labels(people(index, 'idrissi'))).toContain('Mohamed El Idrissi');
    expect(labels(people(index, 'mohamed al idrissi'))).toEqual(['Mohamed El Idrissi']);
    expect(labels(people(index, 'elidrissi'))).toContain('Mohamed El Idrissi');
  });

  it('does not confuse Omar and Ammar (different names, two edits apart)', () => {
    expect(labels(people(index, 'Omar'))).toEqual(['Omar Zerouali']);
    expect(labels(people(index, 'Umar'))).toEqual(['Omar Zerouali']);
    expect(labels(people(index, 'Ammar'))).toEqual(['Ammar Saleh']);
  });

  it('finds nothing for an empty query or punctuation', () => {
    expect(index.search('').totals.person).toBe(0);
    expect(index.search(' - ').totals.person).toBe(0);
  });
});

describe('ranking', () => {
  it('orders exact > variant > prefix > fuzzy, and the primary name above an alias', () => {
    const index = CaseSearchIndex.build({
      persons: [
        person('fuzzy', 'Mohaned Salem'),
        person('prefix', 'Mohamedi Lahcen'),
        person('variant', 'Muhammad Saleh'),
        person('alias', 'Rachid Tahiri', [['Mohamed', 'alias']]),
        person('primary', 'Mohamed Benali'),
      ],
    });
    const hits = people(index, 'mohamed');
    expect(hits.map((h) => [h.label, h.match, h.field])).toEqual([
      ['Mohamed Benali', 'exact', 'primaryName'],
      ['Rachid Tahiri', 'exact', 'alias'],
      ['Muhammad Saleh', 'variant', 'primaryName'],
      ['Mohamedi Lahcen', 'prefix', 'primaryName'],
      ['Mohaned Salem', 'fuzzy', 'primaryName'],
    ]);
  });

  it('accepts "Amar" for "Omar" only as a typo, ranked last', () => {
    const index = CaseSearchIndex.build({ persons: [person('a', 'Amar Haddou'), person('o', 'Umar Haddou')] });
    expect(people(index, 'omar').map((h) => [h.label, h.match])).toEqual([
      ['Umar Haddou', 'variant'],
      ['Amar Haddou', 'fuzzy'],
    ]);
  });

  it('answers each keystroke of a name being typed', () => {
    const index = CaseSearchIndex.build({ persons: [person('1', 'Mohammed Ouahabi'), person('2', 'Mustafa Kerroumi')] });
    expect(labels(people(index, 'm'))).toEqual(['Mohammed Ouahabi', 'Mustafa Kerroumi']);
    expect(labels(people(index, 'mu'))).toEqual(['Mustafa Kerroumi']);
    expect(labels(people(index, 'muha'))).toEqual(['Mohammed Ouahabi']);
    expect(labels(people(index, 'muhammad o'))).toEqual(['Mohammed Ouahabi']);
  });

  it('limits results per type and counts them all', () => {
    const persons = Array.from({ length: 30 }, (_, i) => person(String(i), `Youssef Number${i}`));
    const results = CaseSearchIndex.build({ persons }).search('yusuf', { limitPerType: 5 });
    expect(results.hits.person).toHaveLength(5);
    expect(results.totals.person).toBe(30);
  });
});

describe('prisons, sources and notes', () => {
  const longNote =
    'Informe de seguimiento. '.repeat(20) +
    'Se intercepta una carta dirigida a Abu Yusuf desde el módulo 3. ' +
    'Fin del informe. '.repeat(20);
  const index = CaseSearchIndex.build({
    prisons: [
      prison('soto', 'Centro Penitenciario Madrid V', 'Soto del Real', 'Madrid'),
      prison('alcala', 'Centro Penitenciario Madrid II', 'Alcalá de Henares', 'Madrid'),
      prison('brians', 'Centre Penitenciari Brians 1', 'Sant Esteve Sesrovires', 'Barcelona'),
    ],
    sources: [source('efe', 'Desarticulada una red yihadista en prisiones', 'Agencia EFE')],
    notes: [note('letter', longNote, 'person:5')],
  });

  it('finds a prison by its town and province, and says which matched', () => {
    expect(index.search('alcala').hits.prison).toMatchObject([{ label: 'Centro Penitenciario Madrid II', field: 'town' }]);
    expect(labels(index.search('soto madrid').hits.prison)).toEqual(['Centro Penitenciario Madrid V']);
    expect(labels(index.search('barcelona').hits.prison)).toEqual(['Centre Penitenciari Brians 1']);
  });

  it('finds a source by title and by author', () => {
    expect(index.search('yihadista').hits.source).toMatchObject([{ field: 'title' }]);
    expect(index.search('efe').hits.source).toMatchObject([{ field: 'author', matchedText: 'Agencia EFE' }]);
  });

  it("finds a note's text, shows the sentence around the match and the note's subject", () => {
    const [hit] = index.search('carta abu yusuf').hits.note;
    expect(hit?.subject).toEqual({ type: 'person', id: 'person:5' });
    expect(hit?.matchedText.length).toBeLessThanOrEqual(162);
    expect(hit?.matchedText).toContain('carta dirigida a Abu Yusuf');
    expect(hit?.highlights.map((h) => hit.matchedText.slice(h.start, h.end))).toEqual(['carta', 'Abu Yusuf']);
  });
});

describe('keeping the index current', () => {
  it('no longer finds a removed record', () => {
    const index = CaseSearchIndex.build({ persons: [person('1', 'Hassan Amrani'), person('2', 'Hassan Bouzid')] });
    index.remove('person', 'person:1');
    expect(labels(people(index, 'hassan'))).toEqual(['Hassan Bouzid']);
    expect(labels(people(index, 'h'))).toEqual(['Hassan Bouzid']); // one letter: answered by a scan
  });

  it('removes a record put as a tombstone, and leaves tombstones out of a build', () => {
    const gone = { ...person('1', 'Hassan Amrani'), deleted: 1 as const };
    const index = CaseSearchIndex.build({ persons: [gone, person('2', 'Hassan Bouzid')] });
    expect(index.sizes().person).toBe(1);
    index.putPerson({ ...person('2', 'Hassan Bouzid'), deleted: 1 });
    expect(people(index, 'hassan')).toEqual([]);
  });

  it('finds an added alias and forgets a replaced name', () => {
    const index = CaseSearchIndex.build({ persons: [person('1', 'Hassan Amrani')] });
    index.putPerson(person('1', 'Hassan Amrani', [['Abu Hafs', 'kunya']]));
    expect(people(index, 'abu hafs')).toMatchObject([{ id: 'person:1', field: 'kunya' }]);
    index.putPerson(person('1', 'Hicham Amrani'));
    expect(people(index, 'hassan')).toEqual([]);
    expect(people(index, 'hafs')).toEqual([]);
    expect(labels(people(index, 'hicham'))).toEqual(['Hicham Amrani']);
    expect(index.sizes().person).toBe(1);
  });

  it('adds a record after the build', () => {
    const index = CaseSearchIndex.build({});
    index.putNote(note('n', 'Visita de su hermano el 3 de marzo', 'person:1'));
    expect(index.search('hermano').hits.note).toHaveLength(1);
  });
});
