import { describe, expect, it } from 'vitest';
import { isIsoDate } from './dates';
import { formatGrading, parseGrading } from './grading';
import { linkSchema } from './link';
import { personSchema } from './person';
import { sentenceSchema } from './sentence';
import { staysOverlap, staySchema, stayOn } from './stay';
import { validate } from './validation';

const meta = {
  id: 'p-1',
  caseId: 'case-1',
  createdAt: 1,
  updatedAt: 1,
  hlc: '0000000000001-0000-ws1',
  fieldClocks: {},
  updatedBy: 'ws1',
  deleted: 0 as const,
};

const person = {
  ...meta,
  primaryName: 'Mohamed El Amrani',
  alternateNames: [{ name: 'Abu Yusuf', kind: 'kunya', sourceIds: [] }],
  realName: 'Mohammed Amrani',
  nationalities: [{ country: 'MA', status: 'verified', sourceIds: [] }],
  role: 'leader',
  monitoring: 'convicted_terrorism',
  programme: { status: 'declined' },
  photoAttachmentIds: [],
  notes: '',
  sourceIds: [],
};

describe('person validation', () => {
  it('accepts a complete person', () => {
    expect(validate(personSchema, person)).toMatchObject({ ok: true });
  });

  it('rejects an empty or blank primary name with a message key on that field', () => {
    expect(validate(personSchema, { ...person, primaryName: '   ' })).toEqual({
      ok: false,
      issues: [{ path: 'primaryName', code: 'empty_name' }],
    });
  });

  it('rejects a birth date that does not exist', () => {
    expect(validate(personSchema, { ...person, birthDate: '1974-02-30' })).toEqual({
      ok: false,
      issues: [{ path: 'birthDate', code: 'date_format' }],
    });
  });

  it('rejects a nationality that is not an ISO country code', () => {
    const result = validate(personSchema, { ...person, nationalities: [{ country: 'Morocco', status: 'claimed', sourceIds: [] }] });
    expect(result).toEqual({ ok: false, issues: [{ path: 'nationalities.0.country', code: 'invalid_country' }] });
  });
});

describe('sentence validation', () => {
  const sentence = { ...meta, personId: 'p-1', offence: 'Terrorism', start: '2012-05-01', preventiveDetention: false, sourceIds: [] };

  it('rejects an expected release before the sentence start', () => {
    expect(validate(sentenceSchema, { ...sentence, expectedRelease: '2011-01-01' })).toEqual({
      ok: false,
      issues: [{ path: 'expectedRelease', code: 'release_before_start' }],
    });
  });

  it('accepts a release after the start', () => {
    expect(validate(sentenceSchema, { ...sentence, expectedRelease: '2026-12-01' }).ok).toBe(true);
  });
});

describe('link validation', () => {
  const link = {
    ...meta,
    kind: 'letter',
    fromId: 'p-1',
    toId: 'p-2',
    directed: true,
    date: '2018-03-01',
    count: 4,
    grading: { reliability: 'B', credibility: 2 },
    sourceIds: [],
    notes: '',
  };

  it('rejects a person linked to themselves', () => {
    expect(validate(linkSchema, { ...link, toId: 'p-1' })).toEqual({ ok: false, issues: [{ path: 'toId', code: 'self_link' }] });
  });

  it('rejects a grading outside the Admiralty scale', () => {
    const result = validate(linkSchema, { ...link, grading: { reliability: 'G', credibility: 7 } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.code)).toEqual(['invalid_grading', 'invalid_grading']);
  });
});

describe('stays', () => {
  it('treats a transfer day shared by two stays as no overlap', () => {
    expect(staysOverlap({ from: '2015-01-01', to: '2017-06-01' }, { from: '2017-06-01' })).toBe(false);
    expect(staysOverlap({ from: '2015-01-01', to: '2017-06-02' }, { from: '2017-06-01' })).toBe(true);
  });

  it('finds the stay that held a person on a date', () => {
    const stays = [
      { from: '2015-01-01', to: '2017-06-01', prisonId: 'a' },
      { from: '2017-06-01', prisonId: 'b' },
    ];
    expect(stayOn(stays, '2016-01-01')?.prisonId).toBe('a');
    expect(stayOn(stays, '2020-01-01')?.prisonId).toBe('b');
    expect(stayOn(stays, '2014-01-01')).toBeUndefined();
  });

  it('rejects a stay that ends before it starts', () => {
    const stay = { ...meta, personId: 'p-1', prisonId: 'x', from: '2018-01-01', to: '2017-01-01', sourceIds: [] };
    expect(validate(staySchema, stay)).toEqual({ ok: false, issues: [{ path: 'to', code: 'period_reversed' }] });
  });
});

describe('dates and gradings', () => {
  it('accepts real calendar dates only', () => {
    expect(['2024-02-29', '2018-10-02'].map(isIsoDate)).toEqual([true, true]);
    expect(['2023-02-29', '02/10/2018', '2018-13-01', '2018-1-1'].map(isIsoDate)).toEqual([false, false, false, false]);
  });

  it('reads and writes gradings as analysts say them', () => {
    expect(parseGrading(' b2 ')).toEqual({ reliability: 'B', credibility: 2 });
    expect(parseGrading('G1')).toBeUndefined();
    expect(formatGrading({ reliability: 'A', credibility: 1 })).toBe('A1');
  });
});
