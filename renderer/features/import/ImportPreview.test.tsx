import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyCounts, type ImportPlan } from '../../../shared/import/plan-types';
import { createI18n } from '../../i18n/i18n';
import { ImportPreview } from './ImportPreview';

afterEach(cleanup);

function plan(): ImportPlan {
  const counts = emptyCounts();
  counts.persons = { new: 1, updated: 0, unchanged: 2, rejected: 1 };
  return {
    files: [],
    counts,
    changes: [
      {
        table: 'persons',
        id: 'p:1',
        status: 'new',
        changed: [],
        origins: [],
        fields: { primaryName: '<img src=x onerror=alert(1)>يوسف', alternateNames: [{ name: '<b>Abu</b>', kind: 'alias', sourceIds: [] }], nationalities: [], role: 'unknown', monitoring: 'not_monitored', programme: { status: 'none' }, photoAttachmentIds: [], notes: '', sourceIds: [] },
      },
    ],
    rejected: [{ file: 'a.csv', sheet: 'a', row: 3, column: 'Fecha', reason: 'ambiguous_date', values: { Nombre: '<script>x</script>', Fecha: '03/04/2019' } }],
    conflicts: [],
    possibleDuplicates: [],
    linkRowsCombined: 0,
  };
}

describe('ImportPreview', () => {
  it('shows counts, the first people and every rejected cell with its reason, markup as text', () => {
    render(
      <I18nextProvider i18n={createI18n('es')}>
        <ImportPreview plan={plan()} />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('import-count-persons').textContent).toBe('Personas1021');
    const rejected = screen.getByTestId('import-rejected');
    expect(within(rejected).getByText('la fecha puede ser día/mes o mes/día: declare el formato de la columna')).toBeTruthy();
    expect(rejected.textContent).toContain('<script>x</script>');
    expect(document.querySelector('img, b, script')).toBeNull();
    expect(screen.getByText(/<img src=x onerror=alert\(1\)>يوسف/)).toBeTruthy();
  });

  it('says so when nothing would change', () => {
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <ImportPreview plan={{ ...plan(), changes: [], rejected: [] }} />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('import-nothing-changed').textContent).toBe('Nothing changed: everything in these files is already in the case.');
  });
});
