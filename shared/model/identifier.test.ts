import { describe, expect, it } from 'vitest';
import { identifierProblem, normaliseIdentifier, personIdentifier } from './identifier';
import { personSchema } from './person';
import { validate } from './validation';

describe('person identifiers', () => {
  it('checks DNI and NIE control letters and keeps leading zeros', () => {
    expect(identifierProblem('DNI', '12345678Z')).toBeUndefined();
    expect(identifierProblem('DNI', '12345678A')).toBe('identifier_check_letter');
    expect(identifierProblem('NIE', 'X1234567L')).toBeUndefined();
    expect(identifierProblem('NIE', 'X1234567A')).toBe('identifier_check_letter');
    expect(identifierProblem('NIS', '0012345')).toBeUndefined();
    expect(normaliseIdentifier(' 0012345-a ')).toBe('0012345A');
  });

  it('refuses a value that is not normalised, so two spellings cannot be two identifiers', () => {
    expect(validate(personIdentifier, { scheme: 'NIS', value: '0012345', sourceIds: [] }).ok).toBe(true);
    expect(validate(personIdentifier, { scheme: 'DNI', value: '12345678-z', sourceIds: [] })).toEqual({ ok: false, issues: [{ path: 'value', code: 'identifier_not_normalised' }] });
  });

  it('is optional on a person: records written before identifiers existed still read', () => {
    const person = {
      id: 'p:1', caseId: 'c:1', createdAt: 0, updatedAt: 0, hlc: '0000000000000-0000-x', fieldClocks: {}, updatedBy: 'x', deleted: 0,
      primaryName: 'A', alternateNames: [], nationalities: [], role: 'unknown', monitoring: 'not_monitored', programme: { status: 'none' },
      photoAttachmentIds: [], notes: '', sourceIds: [],
    };
    expect(validate(personSchema, person).ok).toBe(true);
    expect(validate(personSchema, { ...person, identifiers: [{ scheme: 'NIS', value: '0012345', sourceIds: [] }] }).ok).toBe(true);
  });
});
