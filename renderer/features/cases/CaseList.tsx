import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/model';
import { useFormatters } from '../../i18n/formatters';
import { MarkingBadge } from '../../ui/MarkingBadge';
import { useCaseActions } from './use-case-actions';

/** The cases already on this workstation, to open one (or switch to another). */
export function CaseList({ cases }: { cases: readonly Case[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { open } = useCaseActions();
  return (
    <section className="card case-list" aria-labelledby="case-list-title">
      <h2 id="case-list-title">{t('firstRun.casesTitle')}</h2>
      <ul>
        {cases.map((c) => (
          <li key={c.id}>
            <div>
              <strong>{c.name}</strong> <MarkingBadge marking={c.marking} />
              {c.synthetic && <span className="badge synthetic">{t('header.synthetic')}</span>}
              {c.archived && <span className="badge">{t('records.caseList.archived')}</span>}
              <div className="hint">{t('firstRun.openedOn', { date: format.date(c.openedOn) })}</div>
            </div>
            <button type="button" className="button secondary" aria-label={t('firstRun.openCaseNamed', { name: c.name })} onClick={() => void open(c.id)}>
              {t('firstRun.openCase')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
