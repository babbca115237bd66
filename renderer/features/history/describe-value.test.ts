import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n';
import { describeValue } from './describe-value';

describe('describeValue', () => {
  const es = createI18n('es').t;
  const en = createI18n('en').t;

  it('translates words of the vocabulary and lists names with their kind', () => {
    expect(describeValue(es, 'marking', 'SECRETO')).toBe(es('marking.SECRETO'));
    expect(describeValue(en, 'role', 'leader')).toBe(en('role.leader'));
    expect(
      describeValue(es, 'alternateNames', [
        { name: 'Abu Yusuf', kind: 'kunya', sourceIds: [] },
        { name: 'El Profesor', kind: 'alias', sourceIds: [] },
      ]),
    ).toBe('Abu Yusuf (Kunya), El Profesor (Alias)');
  });

  it('says a cleared value is empty, and shows anything else as plain text', () => {
    expect(describeValue(es, 'realName', undefined)).toBe('(vacío)');
    expect(describeValue(en, 'unit', '')).toBe('(empty)');
    expect(describeValue(es, 'name', '<b>Operación</b>')).toBe('<b>Operación</b>');
    expect(describeValue(es, 'archived', true)).toBe('true');
    expect(describeValue(es, 'programme', { status: 'enrolled', since: '2024-01-01' })).toBe('{"since":"2024-01-01","status":"enrolled"}');
  });
});
