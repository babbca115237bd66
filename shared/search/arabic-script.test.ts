import { describe, expect, it } from 'vitest';
import type { Person } from '../model';
import { nameKeys } from './arabic-name-key';
import { CaseSearchIndex } from './case-search-index';
import { foldForMatch } from './fold';

const keysOf = (word: string) => nameKeys(foldForMatch(word));
const sameKey = (a: string, b: string) => keysOf(a).some((k) => keysOf(b).includes(k));

function person(id: string, primaryName: string, alias?: string): Person {
  return {
    id, caseId: 'case:test', createdAt: 0, updatedAt: 0, hlc: '0000000000000:0000:test', fieldClocks: {}, updatedBy: 'test', deleted: 0,
    primaryName,
    alternateNames: alias ? [{ name: alias, kind: 'alias', sourceIds: [] }] : [],
    nationalities: [], role: 'unknown', monitoring: 'not_monitored', programme: { status: 'none' }, photoAttachmentIds: [], notes: '', sourceIds: [],
  };
}

describe('names in Arabic script', () => {
  it.each([
    ['يوسف', 'Youssef'], ['يوسف', 'Yusuf'], ['يوسف', 'Yousef'], ['محمد', 'Mohamed'], ['محمد', 'Muhammad'],
    ['مصطفى', 'Moustapha'], ['إبراهيم', 'Ibrahim'], ['إسماعيل', 'Ismail'], ['أسامة', 'Oussama'], ['الحسني', 'El Hassani'],
    ['خالد', 'Jalid'], ['رشيد', 'Rachid'], ['فاطمة', 'Fatima'],
  ])('%s keys like %s', (arabic, latin) => {
    const latinWord = latin.split(' ').join('');
    expect(sameKey(arabic, latinWord) || sameKey(arabic, latin.split(' ').at(-1)!)).toBe(true);
  });

  it('keeps different names apart', () => {
    expect(sameKey('يوسف', 'Yassine')).toBe(false);
    expect(sameKey('حسن', 'Hussein')).toBe(false);
    expect(sameKey('كريم', 'Khalid')).toBe(false);
  });

  it('search finds a person written in one script by a spelling in the other, both ways', () => {
    const index = CaseSearchIndex.build({
      persons: [person('p:arabic', 'يوسف الحسني'), person('p:latin', 'Youssef El Amrani', 'Abu Yusuf'), person('p:other', 'Karim Benali')],
      prisons: [],
      sources: [],
      notes: [],
    });
    const found = (query: string) => index.search(query, { limitPerType: 10 }).hits.person.map((h) => h.id).sort();
    expect(found('Yusuf')).toEqual(['p:arabic', 'p:latin']);
    expect(found('Youssef Hassani')).toEqual(['p:arabic']);
    expect(found('يوسف')).toEqual(['p:arabic', 'p:latin']);
    expect(found('Karim')).toEqual(['p:other']);
  });
});
