import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '../../../shared/model';
import { useDatabase, attachFile, deleteAttachment, listAttachments, loadAttachmentBytes, PREVIEWABLE_IMAGE_TYPES, setAttachmentMarking } from '../../db';
import { getBridge } from '../../platform/bridge';
import { formatSize } from '../../ui/format-size';
import { RaisedMarking } from '../../ui/MarkingBadge';
import { RecordMarkingField } from '../editing/RecordMarkingField';
import { useCaseMarking } from '../editing/use-case-records';
import { PdfPreview } from './PdfPreview';

/** What the file picker offers: scans, photos, PDFs and plain text. */
const ATTACHABLE_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'tif', 'tiff', 'txt'];

type AttachStatus = 'idle' | 'attaching' | 'tooLarge' | 'failed' | 'readFailed';

/**
 * Files attached to a person or a source: attach through the platform's file dialog, list, preview
 * images and PDFs inside the app, save a copy of anything. PDFs are drawn by PDF.js onto canvases
 * (never in a frame or object, which the CSP forbids), so nothing in a document runs.
 */
export function AttachmentsSection({ caseId, ownerType, ownerId }: { caseId: string; ownerType: Attachment['ownerType']; ownerId: string }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const id = useId();
  const attachments = useLiveQuery(() => listAttachments(db, ownerId), [db, ownerId]);
  const [status, setStatus] = useState<AttachStatus>('idle');

  async function attach() {
    setStatus('attaching');
    const opened = await getBridge().openFile({ extensions: ATTACHABLE_EXTENSIONS });
    if (!opened.ok) return setStatus(opened.error === 'cancelled' ? 'idle' : opened.error === 'file_too_large' ? 'tooLarge' : 'readFailed');
    try {
      const result = await attachFile(db, caseId, { ownerType, ownerId, fileName: opened.value.name, bytes: opened.value.bytes });
      setStatus(result.ok ? 'idle' : result.issues.some((i) => i.code === 'too_large') ? 'tooLarge' : 'failed');
    } catch {
      setStatus('failed');
    }
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('records.attachments.title')}</h3>
      {attachments && attachments.length === 0 && <p className="hint">{t('records.attachments.empty')}</p>}
      <ul className="attachment-list">
        {attachments?.map((attachment) => (
          <AttachmentItem key={attachment.id} attachment={attachment} />
        ))}
      </ul>
      {status === 'tooLarge' && (
        <p role="alert" className="field-error">
          {t('records.attachments.tooLarge', { limit: formatSize(MAX_ATTACHMENT_BYTES, i18n.language) })}
        </p>
      )}
      {status === 'failed' && <p role="alert" className="field-error">{t('records.attachments.failed')}</p>}
      {status === 'readFailed' && <p role="alert" className="field-error">{t('records.attachments.readFailed')}</p>}
      <button type="button" className="button secondary" disabled={status === 'attaching'} onClick={() => void attach()}>
        {status === 'attaching' ? t('records.attachments.attaching') : t('records.attachments.attach')}
      </button>
    </section>
  );
}

function AttachmentItem({ attachment }: { attachment: Attachment }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const [previewing, setPreviewing] = useState(false);
  const [missing, setMissing] = useState(false);
  const caseMarking = useCaseMarking();
  const markingId = useId();
  const name = attachment.fileName;
  const isPdf = attachment.mimeType === 'application/pdf';
  const previewable = isPdf || PREVIEWABLE_IMAGE_TYPES.has(attachment.mimeType);

  async function saveCopy() {
    const blob = await loadAttachmentBytes(db, attachment.sha256);
    if (!blob) return setMissing(true);
    await getBridge().saveFile({ suggestedName: name, bytes: new Uint8Array(await blob.arrayBuffer()) });
  }

  return (
    <li>
      <div>
        <strong>{name}</strong> <span className="hint">{formatSize(attachment.size, i18n.language)}</span>
        <RaisedMarking marking={attachment.marking} caseMarking={caseMarking} />
      </div>
      <RecordMarkingField id={`${markingId}-marking`} label={t('release.attachmentMarking', { name })} value={attachment.marking} onChange={(marking) => void setAttachmentMarking(db, attachment.id, marking)} />
      <div className="records-actions">
        {previewable && (
          <button
            type="button"
            className="button quiet"
            aria-expanded={previewing}
            aria-label={previewing ? t('records.attachments.hidePreview') : t('records.attachments.previewNamed', { name })}
            onClick={() => setPreviewing((p) => !p)}
          >
            {previewing ? t('records.attachments.hidePreview') : t('records.attachments.preview')}
          </button>
        )}
        <button type="button" className="button quiet" aria-label={t('records.attachments.saveCopyNamed', { name })} onClick={() => void saveCopy()}>
          {t('records.attachments.saveCopy')}
        </button>
        <button type="button" className="button quiet" aria-label={t('records.attachments.removeNamed', { name })} onClick={() => void deleteAttachment(db, attachment.id)}>
          {t('records.attachments.remove')}
        </button>
      </div>
      {!previewable && <p className="hint">{t('records.attachments.noPreview')}</p>}
      {missing && <p role="alert">{t('records.attachments.missingBytes')}</p>}
      {previewing && isPdf && <PdfPreview hash={attachment.sha256} name={name} onMissing={() => setMissing(true)} />}
      {previewing && !isPdf && <ImagePreview hash={attachment.sha256} name={name} onMissing={() => setMissing(true)} />}
    </li>
  );
}

/** The image itself, from a blob: URL that lives as long as the preview is shown. */
function ImagePreview({ hash, name, onMissing }: { hash: string; name: string; onMissing(): void }) {
  const db = useDatabase();
  const [url, setUrl] = useState<string | undefined>();
  useEffect(() => {
    let created: string | undefined;
    let cancelled = false;
    void loadAttachmentBytes(db, hash).then((blob) => {
      if (cancelled) return;
      if (!blob) return onMissing();
      created = URL.createObjectURL(blob);
      setUrl(created);
    });
    return () => {
      cancelled = true;
      if (created) URL.revokeObjectURL(created);
    };
  }, [db, hash]); // eslint-disable-line react-hooks/exhaustive-deps
  return url ? <img className="attachment-preview" src={url} alt={name} /> : null;
}
