import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { headerStanzaTypes } from '../../../shared/bundle/age-layer';
import type { Signer } from '../../../shared/bundle/verify-manifest';
import { parseKeyfile } from '../../../shared/identity';
import { useDatabase, type StoredIdentity, listContacts, trustContact, applyBundle, previewBundle, type ApplyReport, type BundlePreview, type StagedBundle, planChangesNothing, summarizePlan } from '../../db';
import { pickLargeFile, type PickedLargeFile } from '../../platform/large-files';
import type { JobError } from '../../workers/bundle-protocol';
import { useUiStore } from '../../store/ui-store';
import { useCaseActions } from '../cases/use-case-actions';
import { openBundleJob, type JobProgress } from './bundle-client';
import { BundleProgress } from './BundleProgress';
import { bundleErrorText } from './error-text';
import { Fingerprint } from './Fingerprint';
import { BUNDLE_EXTENSION } from './SendTab';
import { sessionKey } from './session-key';
import { PreviewTable } from './PreviewTable';
import { TrustPrompt } from './TrustPrompt';
import { shortId } from '../../ui/short-id';

/** The age header (its stanzas say recipient or passphrase) lies within the file's first 64 KiB. */
const AGE_HEADER_BYTES = 64 * 1024;

type Step =
  | { step: 'pick' }
  | { step: 'passphrase'; file: PickedLargeFile }
  | { step: 'opening'; progress: JobProgress | undefined }
  | { step: 'untrusted'; staged: StagedBundle; signer: Signer }
  | { step: 'preview'; staged: StagedBundle; signer: Signer; preview: BundlePreview }
  | { step: 'applying'; staged: StagedBundle; signer: Signer; preview: BundlePreview }
  | { step: 'done'; staged: StagedBundle; report: ApplyReport };

/**
 * pick a file → decrypt, verify and stage it in the worker → trust an unknown sender explicitly →
 * preview per type → apply in one transaction → report. Until "Import", nothing is written.
 */
export function ReceiveTab({ identity }: { identity: StoredIdentity }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const { open: openCase } = useCaseActions();
  const [state, setState] = useState<Step>({ step: 'pick' });
  const [error, setError] = useState<string>();
  const [passphrase, setPassphrase] = useState('');
  // Closing the dialog abandons a running job and releases the picked file.
  const leaving = useRef<AbortController>(undefined);
  const held = useRef<PickedLargeFile>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    leaving.current = controller;
    return () => {
      controller.abort();
      void held.current?.close();
    };
  }, []);

  const fail = (e: JobError | string) => {
    setError(typeof e === 'string' ? e : bundleErrorText(t, e));
    setState({ step: 'pick' });
  };

  async function pick() {
    setError(undefined);
    // The file stays where it is: the worker reads it in chunks as it decrypts.
    const picked = await pickLargeFile([BUNDLE_EXTENSION]);
    if (!picked.ok) return picked.error === 'cancelled' ? undefined : fail(t(`sync.bridgeError.${picked.error}`));
    held.current = picked.value;
    const stanzas = headerStanzaTypes(await picked.value.head(AGE_HEADER_BYTES));
    if (stanzas?.includes('scrypt')) return setState({ step: 'passphrase', file: picked.value });
    await open(picked.value, undefined);
  }

  async function open(file: PickedLargeFile, withPassphrase: string | undefined) {
    const release = () => {
      if (held.current === file) held.current = undefined;
      void file.close();
    };
    const keyfileText = sessionKey();
    const me = keyfileText ? await parseKeyfile(keyfileText) : undefined;
    if (!me?.ok) {
      release();
      return fail({ code: 'identity_unreadable' });
    }
    const contacts = await listContacts(db);
    setError(undefined);
    setState({ step: 'opening', progress: undefined });
    // Desktop: decrypted by node:crypto in the utility process when it runs, else in the worker.
    const result = await openBundleJob(
      file,
      withPassphrase === undefined ? { identity: me.identity.ageIdentity } : { passphrase: withPassphrase },
      [identity.signingKey, ...contacts.map((c) => c.signingKey)],
      (progress) => setState({ step: 'opening', progress }),
      leaving.current?.signal,
    );
    // A mistyped passphrase is typed again, without choosing the file again.
    if (result.type === 'failed' && result.error.code === 'wrong_passphrase' && withPassphrase !== undefined) {
      setError(bundleErrorText(t, result.error));
      setPassphrase('');
      return setState({ step: 'passphrase', file });
    }
    release();
    if (result.type === 'failed') return fail(result.error);
    if (result.type !== 'opened') return;
    if (!result.signer.trusted) return setState({ step: 'untrusted', staged: result.staged, signer: result.signer });
    await showPreview(result.staged, result.signer);
  }

  async function showPreview(staged: StagedBundle, signer: Signer) {
    setState({ step: 'preview', staged, signer, preview: await previewBundle(db, staged, { name: signer.name, fingerprint: signer.fingerprint }) });
  }

  async function trustSender(staged: StagedBundle, signer: Signer) {
    const { sender } = staged.manifest;
    const trusted = await trustContact(db, { format: 'vigia-contact', version: 1, name: sender.name, ageRecipient: sender.ageRecipient ?? '', signingKey: sender.signingKey, fingerprint: sender.fingerprint });
    if (!trusted.ok) return fail(t(`sync.cardError.${trusted.code}`));
    await showPreview(staged, { ...signer, trusted: true });
  }

  async function apply(staged: StagedBundle, signer: Signer, preview: BundlePreview) {
    setState({ step: 'applying', staged, signer, preview });
    try {
      const report = await applyBundle(db, staged, { name: signer.name, fingerprint: signer.fingerprint });
      setState({ step: 'done', staged, report });
    } catch {
      setError(t('sync.receive.failedApply'));
      setState({ step: 'preview', staged, signer, preview });
    }
  }

  function submitPassphrase(event: FormEvent, file: PickedLargeFile) {
    event.preventDefault();
    void open(file, passphrase);
  }

  const alert = error && (
    <p role="alert" className="form-summary">
      {error}
    </p>
  );

  switch (state.step) {
    case 'pick':
      return (
        <div className="sync-form">
          <button type="button" className="button primary" onClick={() => void pick()}>
            {t('sync.receive.pick')}
          </button>
          {alert}
        </div>
      );
    case 'passphrase':
      return (
        <form className="sync-form" onSubmit={(e) => submitPassphrase(e, state.file)}>
          <label>
            {t('sync.receive.passphrase')}
            <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="off" />
          </label>
          <button type="submit" className="button primary">
            {t('sync.receive.open')}
          </button>
          {alert}
        </form>
      );
    case 'opening':
      return <BundleProgress progress={state.progress ?? { phase: 'decrypting', done: 0, total: 1 }} />;
    case 'untrusted':
      return (
        <TrustPrompt
          title={t('sync.receive.from', { name: state.signer.name, fingerprint: state.signer.fingerprint })}
          intro={t('sync.receive.untrusted', { name: state.signer.name })}
          name={state.signer.name}
          fingerprint={state.signer.fingerprint}
          trustLabel={t('sync.receive.trustSender', { name: state.signer.name })}
          onTrust={() => void trustSender(state.staged, state.signer)}
          onDiscard={() => setState({ step: 'pick' })}
        />
      );
    case 'preview':
    case 'applying': {
      const { manifest } = state.staged;
      const nothing = planChangesNothing(state.preview.plan);
      return (
        <div className="sync-form">
          <p>
            {t('sync.receive.from', { name: state.signer.name, fingerprint: '' })}
            <Fingerprint value={state.signer.fingerprint} />
          </p>
          <p data-testid="bundle-id" title={manifest.bundleId}>
            {t('provenance.bundleId', { bundle: shortId(manifest.bundleId) })}
          </p>
          <p>{t('sync.receive.created', { date: new Date(manifest.createdAt).toLocaleString(), scope: t(`sync.receive.scope_${manifest.scope}`) })}</p>
          <p className="sync-marking" data-testid="bundle-marking">{t(`marking.${manifest.marking}`)}</p>
          <PreviewTable rows={summarizePlan(state.preview.plan)} caption={t('sync.receive.previewTitle')} />
          {state.preview.plan.conflicts.length > 0 && <p className="sync-hint">{t('sync.receive.conflictNote')}</p>}
          {state.preview.alreadyImported ? <p role="status">{t('sync.receive.already')}</p> : nothing && <p role="status">{t('sync.receive.nothing')}</p>}
          <button
            type="button"
            className="button primary"
            disabled={state.step === 'applying' || state.preview.alreadyImported}
            onClick={() => void apply(state.staged, state.signer, state.preview)}
          >
            {state.step === 'applying' ? t('sync.receive.applying') : t('sync.receive.apply')}
          </button>
          {alert}
        </div>
      );
    }
    case 'done': {
      const { report } = state;
      const caseId = state.staged.manifest.caseIds[0]!;
      return (
        <div className="sync-form">
          {report.alreadyImported ? (
            <p role="status">{t('sync.receive.reportAlready')}</p>
          ) : (
            <>
              <p role="status">
                {t('sync.receive.report', {
                  records: report.summary.reduce((n, r) => n + r.new + r.changed + r.deleted, 0),
                  audit: report.auditEntriesAdded,
                })}
              </p>
              {report.repaired.length > 0 && <p data-testid="receive-repaired">{t('sync.receive.reportRepaired', { count: report.repaired.length })}</p>}
              <PreviewTable rows={report.summary} caption={t('sync.receive.previewTitle')} />
            </>
          )}
          <div className="sync-actions">
            <button type="button" className="button primary" onClick={() => {
                useUiStore.getState().closeDialog('sync');
                void openCase(caseId);
              }}>
              {t('sync.receive.openCase')}
            </button>
            <button type="button" className="button quiet" onClick={() => setState({ step: 'pick' })}>
              {t('sync.receive.another')}
            </button>
          </div>
        </div>
      );
    }
  }
}
