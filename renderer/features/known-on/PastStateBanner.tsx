import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/formatters';
import { useUiStore } from '../../store/ui-store';
import type { PastState } from './use-past-state';
import './known-on.css';

/**
 * Says, on every screen, that the case shown is a past state and read-only, with the way back to
 * today; while it is worked out, that it is; when it cannot be shown, why.
 */
export function PastStateBanner({ state }: { state: Exclude<PastState, { status: 'present' }> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const setKnownOn = useUiStore((s) => s.setKnownOn);
  const openDialog = useUiStore((s) => s.openDialog);
  const refused = useRefusedEdit();
  const date = format.date(state.day);
  const problem = state.status === 'broken_chain' || state.status === 'not_known' || state.status === 'failed';

  return (
    <section className={`past-state-banner ${state.status}`} aria-label={t('knownOn.bannerLabel')} data-testid="past-state-banner">
      {state.status === 'building' && (
        <p role="status">
          {t('knownOn.building', { date })}{' '}
          <progress aria-label={t('knownOn.progress')} />
        </p>
      )}
      {state.status === 'ready' && (
        <p>
          <strong>{t('knownOn.pastState')}</strong> {t('knownOn.shown', { date })}
        </p>
      )}
      {problem && (
        <p role="alert">
          {state.status === 'broken_chain'
            ? t('knownOn.brokenChain', { workstation: state.workstationId, entry: state.brokenAt })
            : state.status === 'not_known'
              ? t('knownOn.notKnown', { date })
              : t('knownOn.failed')}
        </p>
      )}
      <span className="past-state-actions">
        {state.status !== 'building' && (
          <button type="button" className="button" onClick={() => openDialog({ kind: 'knownOn' })}>
            {t('knownOn.otherDay')}
          </button>
        )}
        <button type="button" className="button primary" onClick={() => setKnownOn(undefined)}>
          {state.status === 'building' ? t('knownOn.cancel') : t('knownOn.backToToday')}
        </button>
      </span>
      <p className="past-state-refused" role="status">
        {refused ? t('knownOn.readOnly') : ''}
      </p>
    </section>
  );
}

/** True for a few seconds after the analyst tried to change the past (an editor, an import…). */
function useRefusedEdit(): boolean {
  const count = useUiStore((s) => s.pastEditRefused);
  const seen = useRef(count);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (count === seen.current) return;
    seen.current = count;
    setShown(true);
    const timer = setTimeout(() => setShown(false), 6000);
    return () => clearTimeout(timer);
  }, [count]);
  return shown;
}
