import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordHistory } from '../history/RecordHistory';
import { AttachmentsSection } from './AttachmentsSection';
import { NotesSection } from './NotesSection';

const TABS = ['notes', 'attachments', 'history'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL = { notes: 'records.notes.title', attachments: 'records.attachments.title', history: 'records.history.tab' } as const;

/** The lower part of a record's panel: its notes, its attached files and its History, one at a time. */
export function PersonRecordTabs({ caseId, personId }: { caseId: string; personId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [tab, setTab] = useState<Tab>('notes');
  const buttons = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});

  // The ARIA tabs pattern: arrows move between tabs, only the chosen tab is in the Tab order.
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length] as Tab;
    setTab(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="record-tabs">
      <div role="tablist" aria-label={t('records.tabs')} onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(element) => {
              buttons.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-${name}-tab`}
            aria-selected={tab === name}
            aria-controls={`${id}-${name}-panel`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
          >
            {t(TAB_LABEL[name])}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-${tab}-panel`} aria-labelledby={`${id}-${tab}-tab`}>
        {tab === 'notes' && <NotesSection caseId={caseId} subjectType="person" subjectId={personId} titleKey="records.notes.title" />}
        {tab === 'attachments' && <AttachmentsSection caseId={caseId} ownerType="person" ownerId={personId} />}
        {tab === 'history' && <RecordHistory recordId={personId} />}
      </div>
    </div>
  );
}
