import { describe, expect, it } from 'vitest';
import { prisonSchema } from '../model/prison';
import { validate } from '../model/validation';
import { findGazetteerPrison, prisonFromGazetteer } from './gazetteer';
import { parseGazetteerCsv } from './parse';
import { PRISONS_ES } from './prisons-es.generated';

const stamp = { at: 1_700_000_000_000, hlc: '1700000000000-0000-ws-a', by: 'ws-a' };

describe('gazetteer', () => {
  it('finds a prison by its id and nothing for an unknown id', () => {
    expect(findGazetteerPrison('es-madrid-5')).toMatchObject({
      name: 'Centro Penitenciario Madrid V (Soto del Real)',
      province: 'Madrid',
      region: 'Comunidad de Madrid',
      administration: 'SGIP',
    });
    expect(findGazetteerPrison('es-nowhere')).toBeUndefined();
  });

  it('counts the administrations the README describes', () => {
    const count = (a: string) => PRISONS_ES.filter((p) => p.administration === a).length;
    expect([count('SGIP'), count('Catalonia'), count('Basque Country')]).toEqual([67, 9, 3]);
  });

  it('turns every entry into a valid prison record whose id derives from the case', () => {
    for (const entry of PRISONS_ES) {
      const prison = prisonFromGazetteer(entry, 'case-1', stamp, ['Módulo 1']);
      expect(validate(prisonSchema, prison)).toEqual({ ok: true, value: prison });
      expect(prison.id).toBe(`prison:case-1:${entry.id}`);
      expect(prison.gazetteerId).toBe(entry.id);
    }
  });

  it('rejects a CSV that does not follow the gazetteer format, saying where', () => {
    const header = 'id,name,town,province,region,administration,lat,lon,kind\n';
    expect(parseGazetteerCsv('id,name\n')).toEqual({ ok: false, code: 'gazetteer_header', line: 1 });
    expect(parseGazetteerCsv(`${header}es-x,X,T,P,R,Ministry,40,-3,ordinary\n`)).toEqual({
      ok: false,
      code: 'gazetteer_vocabulary',
      line: 2,
    });
    expect(parseGazetteerCsv(`${header}es-x,X,T,P,R,SGIP,north,-3,ordinary\n`)).toMatchObject({
      code: 'gazetteer_coordinates',
    });
    expect(parseGazetteerCsv(`${header}es-x,X,T,P,R,SGIP,40,-3,ordinary\nes-x,Y,T,P,R,SGIP,40,-3,ordinary\n`)).toEqual({
      ok: false,
      code: 'gazetteer_id',
      line: 3,
    });
  });
});
