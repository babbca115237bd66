import type { PDFDocumentProxy } from 'pdfjs-dist';

/**
 * PDF.js, loaded only when a PDF is previewed. It draws pages onto canvases: the PDF's own scripts,
 * forms and links are never run or followed (no scripting sandbox is loaded, `isEvalSupported` is off,
 * and the CSP forbids eval anyway), so a hostile document can show pixels and nothing else.
 */
async function loadPdfJs() {
  const pdfjs = await import('pdfjs-dist');
  if (!pdfjs.GlobalWorkerOptions.workerPort) {
    pdfjs.GlobalWorkerOptions.workerPort = new Worker(new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url), {
      type: 'module',
    });
  }
  return pdfjs;
}

/** Previews stop here: a scanned letter has a few pages; a 500-page dump is for the analyst's own viewer. */
export const MAX_PREVIEW_PAGES = 20;

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  return pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    enableXfa: false,
    // Nothing is fetched: no CMaps, standard fonts or WASM decoders from a URL.
    disableAutoFetch: true,
    disableStream: true,
    useSystemFonts: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  }).promise;
}

/** Draws one page to fit `width` CSS pixels, sharp on high-density screens. */
export async function drawPage(pdf: PDFDocumentProxy, pageNumber: number, canvas: HTMLCanvasElement, width: number): Promise<void> {
  const page = await pdf.getPage(pageNumber);
  const unscaled = page.getViewport({ scale: 1 });
  const ratio = globalThis.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (width / unscaled.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  await page.render({ canvas, viewport, annotationMode: 0 }).promise;
  page.cleanup();
}
