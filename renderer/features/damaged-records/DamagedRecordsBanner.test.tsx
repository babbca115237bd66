import { act, cleanup, fireEvent, render, renderHook, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { DamagedRecordError } from '../../../shared/vault/record-cipher';
import { DamagedRecords } from '../../db';
import { createI18n } from '../../i18n/i18n';
import type { Locale } from '../../i18n/locales';
import { DamagedRecordsBanner } from './DamagedRecordsBanner';
import { useStartFailureText } from './damaged-record-failure';

afterEach(cleanup);

/** A report holding two people, a note and a network layout (a compound key) that did not open. */
function reportOfFour(): DamagedRecords {
  const report = new DamagedRecords();
  report.add(new DamagedRecordError('persons', 'person:12', 'authentication'));
  report.add(new DamagedRecordError('notes', 'note:3', 'key'));
  report.add(new DamagedRecordError('persons', 'person:40', 'format'));
  report.add(new DamagedRecordError('layouts', ['case:1', 'overview'], 'authentication'));
  return report;
}

function renderBanner(locale: Locale, report: DamagedRecords) {
  return render(
    <I18nextProvider i18n={createI18n(locale)}>
      <main id="main" tabIndex={-1}>
        <DamagedRecordsBanner report={report} />
      </main>
    </I18nextProvider>,
  );
}

describe('DamagedRecordsBanner', () => {
  it('says in Spanish how many records are not shown, names them by kind and key, and what to do', () => {
    renderBanner('es', reportOfFour());
    const banner = screen.getByRole('region', { name: 'Registros que no se pudieron leer' });
    expect(within(banner).getByRole('alert').textContent).toBe('4 registros no se pudieron leer y no se muestran.');
    const list = within(banner).getByRole('list', { name: 'Registros que no se muestran' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Persona: person:12, person:40',
      'Nota: note:3',
      'Disposición de la red: case:1 · overview',
    ]);
    expect(banner.textContent).toContain('El resto del caso se ha comprobado y se muestra con normalidad.');
    expect(banner.textContent).toContain('copia de seguridad');
  });

  it('says it in English, in the singular for one record', () => {
    const report = new DamagedRecords();
    report.add(new DamagedRecordError('persons', 'person:12', 'authentication'));
    renderBanner('en', report);
    const banner = screen.getByRole('region', { name: 'Records that could not be read' });
    expect(within(banner).getByRole('alert').textContent).toBe('1 record could not be read and is not shown.');
    expect(within(banner).getByRole('listitem').textContent).toBe('Person: person:12');
    expect(banner.textContent).toContain('The rest of the case has been verified and is shown as usual.');
  });

  it('shows nothing while every record reads', () => {
    renderBanner('es', new DamagedRecords());
    expect(screen.queryByTestId('damaged-records-banner')).toBeNull();
  });

  it('is dismissed by its button, gives focus to the workspace, and comes back when another record is met', () => {
    const report = reportOfFour();
    renderBanner('en', report);
    const dismiss = screen.getByRole('button', { name: 'Hide the notice about unread records' });
    dismiss.focus();
    fireEvent.click(dismiss);
    expect(screen.queryByTestId('damaged-records-banner')).toBeNull();
    expect(document.activeElement?.id).toBe('main');
    // The same records met again by a later read: still dismissed.
    act(() => report.add(new DamagedRecordError('persons', 'person:12', 'authentication')));
    expect(screen.queryByTestId('damaged-records-banner')).toBeNull();
    act(() => report.add(new DamagedRecordError('events', 'event:7', 'authentication')));
    expect(screen.getByRole('alert').textContent).toBe('5 records could not be read and are not shown.');
    expect(screen.getByText('Event: event:7')).toBeTruthy();
  });
});

describe('useStartFailureText', () => {
  const wrapper = (locale: Locale) =>
    function Wrapper({ children }: { children: ReactNode }) {
      return <I18nextProvider i18n={createI18n(locale)}>{children}</I18nextProvider>;
    };

  it('names the damaged record a start-up stopped on, and leaves other failures to the generic message', () => {
    const damaged = new DamagedRecordError('cases', 'case:1', 'authentication');
    expect(renderHook(() => useStartFailureText(damaged), { wrapper: wrapper('es') }).result.current).toContain('(Caso case:1)');
    expect(renderHook(() => useStartFailureText(damaged), { wrapper: wrapper('en') }).result.current).toContain('(Case case:1)');
    expect(renderHook(() => useStartFailureText(new Error('blocked')), { wrapper: wrapper('en') }).result.current).toBeUndefined();
    expect(renderHook(() => useStartFailureText(undefined), { wrapper: wrapper('en') }).result.current).toBeUndefined();
  });
});
