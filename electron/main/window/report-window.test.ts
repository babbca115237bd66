import { describe, expect, it } from 'vitest';
import { REPORT_PDF_OPTIONS, reportWindowOptions, waitUntilReady } from './report-window';

describe('the report’s hidden window', () => {
  it('is hidden, sandboxed, isolated, without preload or devtools', () => {
    const options = reportWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, devTools: false });
    expect(options.webPreferences?.preload).toBeUndefined();
  });

  it('prints tagged, with an outline, at the page size the report’s CSS gives', () => {
    expect(REPORT_PDF_OPTIONS).toEqual({ printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true, generateDocumentOutline: true });
  });

  it('waits for the page to say it is laid out, and gives up after the timeout', async () => {
    let asked = 0;
    await waitUntilReady(async () => ++asked >= 3, 1000, 10, async () => undefined);
    expect(asked).toBe(3);
    await expect(waitUntilReady(async () => false, 50, 10, async () => undefined)).rejects.toThrow('report_not_ready');
  });
});
