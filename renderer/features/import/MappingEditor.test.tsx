import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSpec, type ImportSpec } from '../../../shared/import/spec';
import { createI18n } from '../../i18n/i18n';
import { MappingEditor } from './MappingEditor';

afterEach(cleanup);

const SPEC: ImportSpec = {
  format: 'vigia-import-spec',
  version: 1,
  name: 'Listas',
  description: '',
  sheets: [{ target: 'people', headerRow: 1, personReference: { by: 'identifier', scheme: 'NIS' }, fields: [{ field: 'primaryName', columns: ['Nombre'] }] }],
  source: { kind: 'report', reliability: 'F', credibility: 6 },
};
const SHEETS = [{ file: 'internos.csv', sheet: 'internos', headers: ['Nombre', 'Apellidos', 'NIS'] }];

function mount(spec: ImportSpec = SPEC) {
  const onChange = vi.fn<(spec: ImportSpec) => void>();
  render(
    <I18nextProvider i18n={createI18n('es')}>
      <MappingEditor spec={spec} sheets={SHEETS} fit={{ fits: true, matched: [{ mappingIndex: 0, file: 'internos.csv', sheet: 'internos' }], missing: [] }} onChange={onChange} />
    </I18nextProvider>,
  );
  return onChange;
}

const fieldOf = (spec: ImportSpec, field: string) => spec.sheets[0]!.fields.find((f) => f.field === field);

describe('the mapping step', () => {
  it('joins a second column into a field, and the specification stays valid', () => {
    const onChange = mount();
    fireEvent.change(screen.getByLabelText(/Nombre.*: unir con otra columna/), { target: { value: 'Apellidos' } });
    const changed = onChange.mock.lastCall![0];
    expect(fieldOf(changed, 'primaryName')?.columns).toEqual(['Nombre', 'Apellidos']);
    expect(readSpec(JSON.stringify(changed)).ok).toBe(true);
  });

  it('undoes a join', () => {
    const joined = { ...SPEC, sheets: [{ ...SPEC.sheets[0]!, fields: [{ field: 'primaryName', columns: ['Nombre', 'Apellidos'] }] }] };
    const onChange = mount(joined);
    fireEvent.click(screen.getByRole('button', { name: /Dejar de unir Apellidos/ }));
    expect(fieldOf(onChange.mock.lastCall![0], 'primaryName')?.columns).toEqual(['Nombre']);
  });

  it('gives a field a fixed value with no column, and clearing it unmaps the field', () => {
    const onChange = mount();
    const nationality = screen.getByRole('textbox', { name: 'Nacionalidad: Valor fijo' });
    fireEvent.change(nationality, { target: { value: 'MA' } });
    const changed = onChange.mock.lastCall![0];
    expect(fieldOf(changed, 'nationality')).toEqual({ field: 'nationality', columns: [], fixed: 'MA' });
    expect(readSpec(JSON.stringify(changed)).ok).toBe(true);

    cleanup();
    const again = mount(changed);
    fireEvent.change(screen.getByRole('textbox', { name: 'Nacionalidad: Valor fijo' }), { target: { value: '' } });
    expect(fieldOf(again.mock.lastCall![0], 'nationality')).toBeUndefined();
  });
});
