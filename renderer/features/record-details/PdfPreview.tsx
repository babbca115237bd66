import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase, loadAttachmentBytes } from '../../db';
import { drawPage, MAX_PREVIEW_PAGES, openPdf } from './pdf-pages';

const PAGE_WIDTH = 560;

type PdfState = { status: 'loading' } | { status: 'failed' } | { status: 'open'; pdf: PDFDocumentProxy };

/** A PDF attachment drawn page by page inside the app (see pdf-pages.ts for why this is safe). */
export function PdfPreview({ hash, name, onMissing }: { hash: string; name: string; onMissing(): void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [state, setState] = useState<PdfState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let opened: PDFDocumentProxy | undefined;
    void (async () => {
      const blob = await loadAttachmentBytes(db, hash);
      if (cancelled) return;
      if (!blob) return onMissing();
      try {
        opened = await openPdf(new Uint8Array(await blob.arrayBuffer()));
        if (cancelled) return void opened.destroy();
        setState({ status: 'open', pdf: opened });
      } catch {
        if (!cancelled) setState({ status: 'failed' });
      }
    })();
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [db, hash]); // eslint-disable-line react-hooks/exhaustive-deps

  if (state.status === 'loading') return <p className="hint">{t('records.attachments.pdfLoading')}</p>;
  if (state.status === 'failed') return <p role="alert">{t('records.attachments.pdfFailed')}</p>;
  const pages = state.pdf.numPages;
  const shown = Math.min(pages, MAX_PREVIEW_PAGES);
  return (
    <div className="attachment-preview pdf-preview">
      {Array.from({ length: shown }, (_, i) => (
        <PdfPage key={i} pdf={state.pdf} page={i + 1} label={t('records.attachments.pdfPage', { page: i + 1, pages, name })} />
      ))}
      {pages > shown && <p className="hint">{t('records.attachments.pdfMorePages', { shown, pages })}</p>}
    </div>
  );
}

function PdfPage({ pdf, page, label }: { pdf: PDFDocumentProxy; page: number; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (canvas.current) drawPage(pdf, page, canvas.current, PAGE_WIDTH).catch(() => setFailed(true));
  }, [pdf, page]);
  const { t } = useTranslation();
  if (failed) return <p role="alert">{t('records.attachments.pdfFailed')}</p>;
  return <canvas ref={canvas} role="img" aria-label={label} />;
}
