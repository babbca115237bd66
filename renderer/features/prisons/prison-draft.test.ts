import { describe, expect, it } from 'vitest';
import { EMPTY_PRISON_DRAFT, parseModules, prisonFields } from './prison-draft';

describe('prison form draft', () => {
  it('reads modules one per line or comma-separated, without blanks or repeats', () => {
    expect(parseModules('Módulo 1\n  Módulo 2 ,Aislamiento\n\nMódulo 1')).toEqual(['Módulo 1', 'Módulo 2', 'Aislamiento']);
  });

  it('accepts coordinates with a decimal comma and leaves empty ones out', () => {
    const result = prisonFields({ ...EMPTY_PRISON_DRAFT, name: 'CP Propia', lat: '40,4168', lon: '' });
    expect(result).toMatchObject({ ok: true, value: { name: 'CP Propia', lat: 40.4168, lon: undefined, modules: [] } });
  });

  it('refuses coordinates that are not decimal degrees, naming each field', () => {
    expect(prisonFields({ ...EMPTY_PRISON_DRAFT, name: 'X', lat: '95', lon: '40°N' })).toEqual({
      ok: false,
      issues: [
        { path: 'lat', code: 'invalid_coordinate' },
        { path: 'lon', code: 'invalid_coordinate' },
      ],
    });
  });
});
