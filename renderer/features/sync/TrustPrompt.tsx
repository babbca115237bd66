import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Fingerprint } from './Fingerprint';

interface TrustPromptProps {
  title: string;
  intro: string;
  name: string;
  fingerprint: string;
  trustLabel: string;
  onTrust(): void;
  onDiscard(): void;
}

/**
 * Trusting a colleague's key is a decision: the fingerprint is shown, and the button stays disabled
 * until the analyst ticks that they compared it with the one their colleague read out.
 */
export function TrustPrompt({ title, intro, name, fingerprint, trustLabel, onTrust, onDiscard }: TrustPromptProps) {
  const { t } = useTranslation();
  const [compared, setCompared] = useState(false);
  const headingId = useId();
  return (
    <section className="sync-trust" aria-labelledby={headingId}>
      <h4 id={headingId}>{title}</h4>
      <p>{intro}</p>
      <Fingerprint value={fingerprint} testId="compare-fingerprint" />
      <label className="sync-check">
        <input type="checkbox" checked={compared} onChange={(e) => setCompared(e.target.checked)} />
        {t('sync.keyring.confirm', { name })}
      </label>
      <div className="sync-actions">
        <button type="button" className="button primary" disabled={!compared} onClick={onTrust}>
          {trustLabel}
        </button>
        <button type="button" className="button quiet" onClick={onDiscard}>
          {t('sync.keyring.discard')}
        </button>
      </div>
    </section>
  );
}
