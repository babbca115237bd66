import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { markingsFrom, type Marking } from '../../shared/model';
import type { WithheldCounts } from '../../shared/release';

export interface ReleasePreview {
  withheld: WithheldCounts;
  /** The marking the output will carry: the highest it contains. */
  marking: Marking;
}

const KINDS = ['persons', 'links', 'sources', 'events', 'stays', 'sentences', 'notes', 'attachments', 'personDetails'] as const;

/**
 * "Release up to" a marking, and what that leaves out, said before anything is written: the level
 * chooser every dialog that writes for others shares. The highest level of the case's family is the
 * whole case. The preview is computed by the caller (a worker) and passed in.
 */
export function ReleaseLevel({
  caseMarking,
  value,
  onChange,
  preview,
  disabled,
}: {
  caseMarking: Marking;
  value: Marking;
  onChange: (level: Marking) => void;
  preview: ReleasePreview | 'checking' | undefined;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const levels = markingsFrom(caseMarking);
  const whole = levels[levels.length - 1]!;
  const label = (m: Marking) => t(`marking.${m}`);
  const list =
    preview && preview !== 'checking'
      ? KINDS.filter((k) => preview.withheld[k] > 0)
          .map((k) => t(`release.kinds.${k}`, { count: preview.withheld[k] }))
          .join(', ')
      : '';
  return (
    <div className="release-level">
      <label htmlFor={`${id}-level`}>{t('release.upTo')}</label>{' '}
      <select id={`${id}-level`} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as Marking)} aria-describedby={`${id}-preview`}>
        {levels.map((m) => (
          <option key={m} value={m}>
            {m === whole ? t('release.everything', { marking: label(m) }) : label(m)}
          </option>
        ))}
      </select>
      <p id={`${id}-preview`} className="hint" role="status" aria-live="polite">
        {preview === 'checking' && t('release.checking')}
        {preview && preview !== 'checking' && (
          <>
            {list ? t('release.withheld', { marking: label(value), list }) : t('release.nothingWithheld', { marking: label(value) })}{' '}
            {t('release.fileMarking', { marking: label(preview.marking) })}
          </>
        )}
      </p>
    </div>
  );
}

/** The level that releases everything: the highest of the case's family. */
export function wholeCaseLevel(caseMarking: Marking): Marking {
  const levels = markingsFrom(caseMarking);
  return levels[levels.length - 1]!;
}
