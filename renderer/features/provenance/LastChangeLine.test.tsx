import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseContext, type LastChange as Change, createCase, createPerson, updatePerson, setAnalystName } from '../../db';
import { freshDatabase } from '../../db/test-support';
import { createI18n } from '../../i18n/i18n';
import { LastChange } from './LastChange';
import { LastChangeLine } from './LastChangeLine';

afterEach(cleanup);

// 24 Nov 2026 14:05 in the test's time zone, formatted the way the line formats it.
const AT = new Date(2026, 10, 24, 14, 5).getTime();
const whenIn = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(AT);

const fromBenito: Change = {
  table: 'persons',
  recordId: 'person:1',
  at: AT,
  stamp: '1795960000000-0000-3f2a9b10-0000-4000-8000-000000000000',
  workstationId: '3f2a9b10-0000-4000-8000-000000000000',
  here: false,
  demo: false,
  analyst: 'Benito Ruiz',
  bundle: { bundleId: '9c1e0000-0000-4000-8000-000000000000', sender: { name: 'Benito Ruiz', fingerprint: 'AAAA' } },
};

function renderLine(change: Change, locale: 'es' | 'en' = 'es') {
  render(
    <I18nextProvider i18n={createI18n(locale)}>
      <LastChangeLine change={change} />
    </I18nextProvider>,
  );
  return screen.getByTestId('last-change');
}

describe('the last-changed line', () => {
  it('names the colleague, their workstation, the time and the bundle it came through', () => {
    const line = renderLine(fromBenito);
    expect(line.textContent).toBe(`Último cambio: Benito Ruiz (estación 3F2A…) · ${whenIn('es-ES')} · por el paquete 9C1E… de Benito Ruiz`);
    expect(line.getAttribute('title')).toBe(`${fromBenito.workstationId} · ${fromBenito.bundle!.bundleId}`);
  });

  it('says so in English, and without a name or a known sender it still gives the ids', () => {
    const { analyst: _analyst, ...unnamed } = fromBenito;
    const line = renderLine({ ...unnamed, bundle: { bundleId: fromBenito.bundle!.bundleId } }, 'en');
    expect(line.textContent).toBe(`Last change: workstation 3F2A… · ${whenIn('en-GB')} · through bundle 9C1E…`);
  });

  it('calls demo data by its name, and draws nothing before the read answers', () => {
    expect(renderLine({ ...fromBenito, workstationId: 'demo', demo: true, bundle: undefined } as Change).textContent).toBe(
      `Último cambio: datos de demostración · ${whenIn('es-ES')}`,
    );
    cleanup();
    const { container } = render(
      <I18nextProvider i18n={createI18n('es')}>
        <LastChangeLine change={undefined} />
      </I18nextProvider>,
    );
    expect(container.innerHTML).toBe('');
  });

  it('reads a record from the database and follows an edit made here', async () => {
    const db = await freshDatabase({ now: () => AT });
    await setAnalystName(db, 'Ana García');
    const created = await createCase(db, { name: 'Caso', marking: 'SECRETO' });
    if (!created.ok) throw new Error('no case');
    const person = await createPerson(db, created.value.id, { primaryName: 'Abu Hafs' });
    if (!person.ok) throw new Error('no person');
    render(
      <I18nextProvider i18n={createI18n('es')}>
        <DatabaseContext.Provider value={db}>
          <LastChange recordId={person.value.id} table="persons" />
        </DatabaseContext.Provider>
      </I18nextProvider>,
    );
    expect((await screen.findByTestId('last-change')).textContent).toBe(`Último cambio: Ana García (esta estación) · ${whenIn('es-ES')}`);
    await setAnalystName(db, 'Ana García Ruiz');
    await updatePerson(db, person.value.id, { realName: 'Karim Benali' });
    await expect.poll(() => screen.getByTestId('last-change').textContent).toContain('Ana García Ruiz (esta estación)');
  });
});
