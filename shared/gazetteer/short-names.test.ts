import { describe, expect, it } from 'vitest';
import { PRISONS_ES } from './prisons-es.generated';
import { gazetteerShortName, SHORT_NAME_MAX, shortPrisonName } from './short-names';

describe('prison short names', () => {
  it('every gazetteer prison has one, short and told apart from every other', () => {
    const names = PRISONS_ES.map((p) => gazetteerShortName(p));
    expect(names.filter((n) => n === undefined)).toEqual([]);
    for (const name of names) expect(name!.length, name).toBeLessThanOrEqual(SHORT_NAME_MAX);
    const folded = names.map((n) => n!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
    expect(new Set(folded).size).toBe(PRISONS_ES.length);
  });

  it('is a part of the official name or of the town, never something made up', () => {
    const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const synonyms: Record<string, string> = { 'psiq.': 'psiquiatrico' };
    for (const prison of PRISONS_ES) {
      const source = plain(`${prison.name} ${prison.town} ${prison.province}`);
      for (const word of plain(gazetteerShortName(prison)!).split(/[\s-]+/)) {
        expect(source.includes(synonyms[word] ?? word), `${word} in ${prison.name}`).toBe(true);
      }
    }
  });

  it('names the issue’s examples as analysts say them', () => {
    expect(shortPrisonName({ name: 'Centro Penitenciario Murcia II (Campos del Río)', gazetteerId: 'es-murcia-2' })).toBe('Murcia II');
    expect(shortPrisonName({ name: 'Centro Penitenciario Madrid VII (Estremera)', gazetteerId: 'es-madrid-7' })).toBe('Estremera');
    expect(shortPrisonName({ name: 'Centro Penitenciario de Topas', gazetteerId: 'es-topas' })).toBe('Topas');
  });

  it('keeps an analyst’s own prison recognisable: only the institutional prefix goes', () => {
    expect(shortPrisonName({ name: 'Centro Penitenciario de Villaverde' })).toBe('Villaverde');
    expect(shortPrisonName({ name: "Centre Penitenciari d'Ordes" })).toBe('Ordes');
    expect(shortPrisonName({ name: 'Módulo externo Norte' })).toBe('Módulo externo Norte');
    expect(shortPrisonName({ name: 'Centro Penitenciario' })).toBe('Centro Penitenciario');
    expect(shortPrisonName({ name: 'Anything', gazetteerId: 'not-in-the-gazetteer' })).toBe('Anything');
  });
});
