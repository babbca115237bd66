import { describe, expect, it } from 'vitest';
import { draftOf, formPath, personFields } from './person-draft';

describe('the person editor draft', () => {
  it('drops empty rows, clears empty optional fields and upper-cases countries', () => {
    const draft = {
      ...draftOf(undefined),
      primaryName: 'Abu Musa',
      alternateNames: [
        { name: '', kind: 'alias' as const, sourceIds: [] },
        { name: 'Mohammed', kind: 'spelling' as const, sourceIds: ['source:1'] },
      ],
      nationalities: [{ country: ' ma ', status: 'claimed' as const, sourceIds: [] }],
      programmeStatus: 'enrolled' as const,
      programmeSince: '2017-03-01',
    };
    expect(personFields(draft)).toMatchObject({
      primaryName: 'Abu Musa',
      alternateNames: [{ name: 'Mohammed', kind: 'spelling', sourceIds: ['source:1'] }],
      realName: undefined,
      birthDate: undefined,
      nationalities: [{ country: 'MA', status: 'claimed', sourceIds: [] }],
      programme: { status: 'enrolled', since: '2017-03-01', until: undefined },
    });
  });

  it('maps a model issue on the n-th kept row back to the row the analyst typed in', () => {
    const draft = {
      ...draftOf(undefined),
      nationalities: [
        { country: '', status: 'claimed' as const, sourceIds: [] },
        { country: 'Marruecos', status: 'claimed' as const, sourceIds: [] },
      ],
    };
    expect(formPath(draft, 'nationalities.0.country')).toBe('nationalities.1.country');
    expect(formPath(draft, 'primaryName')).toBe('primaryName');
  });
});
