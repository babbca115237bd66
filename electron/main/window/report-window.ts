import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './window-options';

/**
 * The hidden window the case report is printed from: the main window's security posture, and no
 * preload at all — the report page reads the case from the app's own IndexedDB and needs no bridge.
 */
export function reportWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1024,
    height: 1400,
    webPreferences: secureWebPreferences(false),
  };
}

/** What Chromium is asked to print: the page's own @page size and margin boxes, tagged, with bookmarks from its headings. */
export const REPORT_PDF_OPTIONS = {
  printBackground: true,
  preferCSSPageSize: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
} as const;

/** How long the report page may take to read and lay out a large case before printing gives up. */
export const REPORT_READY_TIMEOUT_MS = 180_000;

/** The script main runs in the hidden window to ask whether the report is laid out (a constant, never built from input). */
export const REPORT_READY_PROBE = "document.querySelector('[data-testid=\"report-ready\"]') !== null";

/** Waits until `isReady` answers true, asking every `intervalMs`; rejects after `timeoutMs`. */
export async function waitUntilReady(isReady: () => Promise<boolean>, timeoutMs = REPORT_READY_TIMEOUT_MS, intervalMs = 200, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<void> {
  for (let waited = 0; waited <= timeoutMs; waited += intervalMs) {
    if (await isReady()) return;
    await sleep(intervalMs);
  }
  throw new Error('report_not_ready');
}
