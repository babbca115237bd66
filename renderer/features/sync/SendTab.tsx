import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MARKINGS, type Case, type Marking } from '../../../shared/model';
import { useDatabase, listContacts, lastSentTo, listCaseBundles, recordExport, recordSentBundle } from '../../db';
import { wholeCaseLevel } from '../../ui/ReleaseLevel';
import { useUiStore } from '../../store/ui-store';
import { exportBundle, type JobProgress } from './bundle-client';
import { bundleErrorText } from './error-text';
import { BundleProgress } from './BundleProgress';
import { plainFileName } from './file-names';
import { MIN_PASSPHRASE } from './identity-actions';
import { SelectionPicker } from './SelectionPicker';
import { useSelectionSource } from './use-selection-view';
import { sessionKey } from './session-key';

export const BUNDLE_EXTENSION = 'vigia';

/** What a bundle carries: the whole case, chosen people and what hangs off them, or the changes since the last exchange. */
type WhatToSend = 'case' | 'selection' | 'changes';
const INTRO = { case: 'sync.send.intro', selection: 'sync.send.introSelection', changes: 'sync.send.introChanges' } as const;

/**
 * Sends the open case, chosen people of it, or what changed since the last exchange: to colleagues
 * from the keyring, or to a passphrase; marking on the dialog and in the bundle.
 */
export function SendTab({ openCase }: { openCase: Case | undefined }) {
  const { t } = useTranslation();
  if (!openCase) return <p>{t('sync.send.noCase')}</p>;
  return <SendForm key={openCase.id} openCase={openCase} />;
}

function SendForm({ openCase }: { openCase: Case }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const contacts = useLiveQuery(() => listContacts(db), [db]) ?? [];
  const exchanges = useLiveQuery(() => listCaseBundles(db, openCase.id), [db, openCase.id]) ?? [];
  const [mode, setMode] = useState<'recipients' | 'passphrase'>('recipients');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [passphrase, setPassphrase] = useState('');
  const [marking, setMarking] = useState<Marking>(openCase.marking);
  const [what, setWhat] = useState<WhatToSend>('case');
  // A selection may be released up to a marking, for a colleague cleared to it; the highest level is everything.
  const [releaseUpTo, setReleaseUpTo] = useState<Marking>(wholeCaseLevel(openCase.marking));
  const releasing = what === 'selection' && releaseUpTo !== wholeCaseLevel(openCase.marking);
  // Pre-filled with the person the analyst is looking at in the network or their panel.
  const [people, setPeople] = useState<ReadonlySet<string>>(() => {
    const selected = useUiStore.getState().selectedPersonId;
    return new Set(selected ? [selected] : []);
  });
  // The picker keeps this to live people of the case (a pre-filled person may have been deleted since).
  const chosenPeople = people;
  // Started with the tab: the people are read before the analyst asks to choose them.
  const selectionSource = useSelectionSource(openCase.id);
  const [progress, setProgress] = useState<JobProgress>();
  // "Changes since" needs one colleague and an earlier bundle sent to them (never a received one).
  const single = mode === 'recipients' && chosen.size === 1 ? contacts.find((c) => chosen.has(c.fingerprint)) : undefined;
  const since = useLiveQuery(async () => (single ? ((await lastSentTo(db, single.fingerprint, [openCase.id])) ?? null) : null), [db, single?.fingerprint, openCase.id]);
  const [message, setMessage] = useState<{ text: string; alert: boolean }>();
  // Closing the dialog abandons the export: the worker ends and a partial file is deleted.
  const leaving = useRef<AbortController>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    leaving.current = controller;
    return () => controller.abort();
  }, []);

  const toggle = (fingerprint: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (!next.delete(fingerprint)) next.add(fingerprint);
      return next;
    });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    const keyfileText = sessionKey();
    if (!keyfileText) return setMessage({ text: t('sync.error.identity_unreadable'), alert: true });
    const recipients = contacts.filter((c) => chosen.has(c.fingerprint));
    if (mode === 'recipients' && recipients.length === 0) return setMessage({ text: t('sync.send.pickColleague'), alert: true });
    if (mode === 'passphrase' && passphrase.length < MIN_PASSPHRASE) return setMessage({ text: t('sync.identityError.passphrase_too_short'), alert: true });
    if (what === 'selection' && chosenPeople.size === 0) return setMessage({ text: t('sync.send.pickPeople'), alert: true });
    if (what === 'changes' && !(single && since)) return setMessage({ text: t('sync.send.whatChangesHint'), alert: true });

    setProgress({ phase: 'reading', done: 0, total: 1 });
    // Desktop: the worker writes the signed ZIP and the utility process encrypts it (node:crypto) when it runs.
    const { result, saved } = await exportBundle(
      {
        job: 'export',
        database: db.address,
        caseId: openCase.id,
        keyfileText,
        encryption: mode === 'passphrase' ? { mode, passphrase } : { mode, recipients: recipients.map((c) => c.ageRecipient) },
        recipientNames: Object.fromEntries(recipients.map((c) => [c.ageRecipient, c.name])),
        marking,
        ...(what === 'changes' && single && since ? { since: since.clock, sinceSent: { at: since.at, to: single.fingerprint } } : {}),
        ...(what === 'selection' ? { personIds: [...chosenPeople] } : {}),
        ...(releasing ? { releaseUpTo } : {}),
      },
      (manifest) => plainFileName(`${openCase.name}-${manifest.createdAt.slice(0, 10)}`, BUNDLE_EXTENSION),
      setProgress,
      leaving.current?.signal,
    );
    // A streamed export encrypts while it is written, so progress goes on until the file is saved.
    setProgress(undefined);
    if (result.type === 'failed') return result.error.code === 'cancelled' ? undefined : setMessage({ text: bundleErrorText(t, result.error), alert: true });
    if (result.type !== 'exported' || !saved) return;
    if (!saved.ok) return setMessage({ text: saved.error === 'cancelled' ? t('sync.bridgeError.cancelled') : t('sync.send.saveFailed'), alert: saved.error !== 'cancelled' });
    const counterparts = mode === 'passphrase' ? [{ name: t('sync.send.toPassphraseLabel') }] : recipients.map((c) => ({ name: c.name, fingerprint: c.fingerprint }));
    await recordSentBundle(db, {
      bundleId: result.manifest.bundleId,
      caseId: openCase.id,
      caseIds: result.manifest.caseIds,
      at: db.now(),
      counterparts,
      counts: result.manifest.counts,
      // A selection does not bring the colleague up to date with the case: it must not count as the
      // point that "changes since the last exchange" starts from.
      clockTo: result.manifest.scope === 'selection' ? null : (result.manifest.clock?.to ?? null),
    });
    // A release is noted in the case's journal: what went, to which level, and what stayed home.
    if (result.release) {
      await recordExport(db, openCase.id, {
        fileName: saved.value.name,
        format: 'bundle',
        scope: 'selection',
        persons: result.manifest.counts.persons ?? 0,
        links: result.manifest.counts.links ?? 0,
        marking: result.release.marking,
        releasedUpTo: result.release.upTo,
        withheld: result.release.withheld,
      });
    }
    setMessage({ text: t('sync.send.done', { name: saved.value.name, to: counterparts.map((c) => c.name).join(', ') }), alert: false });
  }

  const busy = progress !== undefined;
  return (
    <form className="sync-form" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>{t('sync.send.what')}</legend>
        <label className="sync-check">
          <input type="radio" name="sync-what" checked={what === 'case'} onChange={() => setWhat('case')} />
          {t('sync.send.whatCase')}
        </label>
        <label className="sync-check">
          <input type="radio" name="sync-what" checked={what === 'selection'} onChange={() => setWhat('selection')} />
          {t('sync.send.whatSelection')}
        </label>
        <label className="sync-check">
          <input type="radio" name="sync-what" checked={what === 'changes'} disabled={!(single && since) && what !== 'changes'} aria-describedby="sync-what-changes-hint" onChange={() => setWhat('changes')} />
          {single && since ? t('sync.send.onlyChanges', { name: single.name }) : t('sync.send.whatChanges')}
        </label>
        {!(single && since) && (
          <p id="sync-what-changes-hint" className="sync-hint">
            {t('sync.send.whatChangesHint')}
          </p>
        )}
      </fieldset>
      <p>{t(INTRO[what], { name: openCase.name })}</p>
      {what === 'selection' && (
        <SelectionPicker source={selectionSource} chosen={chosenPeople} onChange={setPeople} release={{ caseMarking: openCase.marking, upTo: releaseUpTo, onChange: setReleaseUpTo }} />
      )}
      <fieldset>
        <legend>{t('sync.send.to')}</legend>
        <label className="sync-check">
          <input type="radio" name="sync-to" checked={mode === 'recipients'} onChange={() => setMode('recipients')} />
          {t('sync.send.toColleagues')}
        </label>
        {mode === 'recipients' &&
          (contacts.length === 0 ? (
            <p className="sync-hint">{t('sync.send.noColleagues')}</p>
          ) : (
            <ul className="sync-recipients">
              {contacts.map((c) => (
                <li key={c.fingerprint}>
                  <label className="sync-check">
                    <input type="checkbox" checked={chosen.has(c.fingerprint)} onChange={() => toggle(c.fingerprint)} />
                    {c.name}
                  </label>
                </li>
              ))}
            </ul>
          ))}
        <label className="sync-check">
          <input type="radio" name="sync-to" checked={mode === 'passphrase'} onChange={() => setMode('passphrase')} />
          {t('sync.send.toPassphrase')}
        </label>
        {mode === 'passphrase' && (
          <label>
            {t('sync.identity.passphrase')}
            <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" />
          </label>
        )}
      </fieldset>
      {/* Released, the bundle is marked with the highest marking it holds, as the level's note says. */}
      {!releasing && (
        <>
          <label>
            {t('sync.send.marking')}
            <select value={marking} onChange={(e) => setMarking(e.target.value as Marking)}>
              {MARKINGS.map((m) => (
                <option key={m} value={m}>
                  {t(`marking.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <p className="sync-hint">{t('sync.send.markingNote')}</p>
        </>
      )}
      <button type="submit" className="button primary" disabled={busy}>
        {t('sync.send.create')}
      </button>
      <BundleProgress progress={progress} />
      {message && <p role={message.alert ? 'alert' : 'status'} className={message.alert ? 'form-summary' : undefined}>{message.text}</p>}
      {exchanges.length > 0 && (
        <section aria-label={t('sync.send.history')}>
          <h4>{t('sync.send.history')}</h4>
          <ul>
            {exchanges.slice(0, 5).map((e) => (
              <li key={e.id}>
                {new Date(e.at).toLocaleString()} · {t(e.direction === 'sent' ? 'sync.send.sent' : 'sync.send.received', { to: e.counterparts.map((c) => c.name).join(', ') })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </form>
  );
}
