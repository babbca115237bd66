import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DamagedRecordError } from '../../../shared/vault/record-cipher';
import { createI18n } from '../../i18n/i18n';
import type { Locale } from '../../i18n/locales';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { WorkspaceFailure } from './WorkspaceFailure';

afterEach(cleanup);

/** A part of the screen that throws `error` while `state.failing` (React renders more than once per try). */
function Flaky({ error, state }: { error: unknown; state: { failing: boolean } }) {
  if (state.failing) throw error;
  return <p>Operación Celosía</p>;
}

function renderWorkspace(locale: Locale, error: unknown, state: { failing: boolean }) {
  return render(
    <I18nextProvider i18n={createI18n(locale)}>
      <header>Vigía</header>
      <ErrorBoundary fallback={(failure, retry) => <WorkspaceFailure error={failure} onRetry={retry} />}>
        <Flaky error={error} state={state} />
      </ErrorBoundary>
    </I18nextProvider>,
  );
}

describe('a workspace that fails to draw', () => {
  // React reports the caught error on the console; the boundary logs it once more.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);

  it('names the damaged record it stopped on, keeps the rest of the window, and draws again on retry', () => {
    const state = { failing: true };
    renderWorkspace('es', new DamagedRecordError('persons', 'person:12', 'authentication'), state);
    expect(screen.getByRole('alert').textContent).toMatch(/^No se pudo mostrar esta parte del caso: Persona .*person:12.* no se pudo leer/);
    expect(screen.getByText('Vigía')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Volver a intentarlo' }));
    expect(screen.getByRole('alert')).toBeTruthy();
    state.failing = false;
    fireEvent.click(screen.getByRole('button', { name: 'Volver a intentarlo' }));
    expect(screen.getByText('Operación Celosía')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says plainly, in English, when the failure is not a damaged record', () => {
    renderWorkspace('en', new TypeError('x is undefined'), { failing: true });
    expect(screen.getByRole('alert').textContent).toBe('Something failed while showing the case. Try again; if it happens again, tell the technical lead.');
  });
});
