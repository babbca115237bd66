import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './accessibility';
import { expect, test } from './fixtures';
import { headerCommand } from './header-menu';
import { openDemoCase } from './sync-steps';

// Issue 14: the case report for the prosecutor, printed by Chromium's own PDF printing from the
// report's page and read back with Debian's poppler-utils, as a court's clerk's tools would.

const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

async function printReport(page: Page, dir: string, name: string): Promise<{ text: string; pages: string[]; info: string; fonts: string }> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true, tagged: true, outline: true, preferCSSPageSize: true });
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, pdf);
  const text = run('pdftotext', '-layout', '-enc', 'UTF-8', path, '-');
  return { text, pages: text.split('\f').filter((p) => p.trim() !== ''), info: run('pdfinfo', path), fonts: run('pdffonts', path) };
}

async function openReport(page: Page, choose?: () => Promise<void>): Promise<Page> {
  await headerCommand(page, 'Informe para la fiscalía…');
  const dialog = page.getByRole('dialog', { name: 'Informe del caso' });
  await expect(dialog.getByText(/El archivo irá clasificado/)).toBeVisible();
  await choose?.();
  const [report] = await Promise.all([page.context().waitForEvent('page'), dialog.getByRole('button', { name: 'Abrir el informe' }).click()]);
  await expect(report.getByTestId('report-ready')).toBeVisible({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Cerrar' }).click();
  return report;
}

test('the demo case’s report: marked on every page, numbered, fonts embedded, Arabic searchable, released without what is above the level', async ({ page }) => {
  // Two reports printed and read by poppler: about 2 min here, twice that when the machine is busy.
  test.setTimeout(420_000);
  const dir = mkdtempSync(join(tmpdir(), 'vigia-report-'));
  const requests: string[] = [];
  page.context().on('request', (request) => requests.push(request.url()));
  try {
    await openDemoCase(page);
    await headerCommand(page, 'Informe para la fiscalía…');
    await expectNoAccessibilityViolations(page, 'dialog[open]');
    await page.getByRole('dialog', { name: 'Informe del caso' }).getByRole('button', { name: 'Cerrar' }).click();

    // The timeline's nine page-figures are left out here: with them the 270-person report failed to
    // print at load 12–14 (Chromium's "Printing failed"); the timeline in a printed report is
    // covered by known-on.spec.ts and its content by unit tests.
    const report = await openReport(page, () => page.getByRole('dialog', { name: 'Informe del caso' }).getByRole('checkbox', { name: 'Cronología' }).uncheck());
    await expect(report).toHaveTitle('Operación Celosía');
    await expectNoAccessibilityViolations(report);
    const whole = await printReport(report, dir, 'whole');
    const pageCount = Number(/Pages:\s+(\d+)/.exec(whole.info)![1]);
    expect(whole.info).toMatch(/Title:\s+Operación Celosía/);
    expect(whole.info).toMatch(/Tagged:\s+yes/);
    expect(pageCount).toBeGreaterThan(10);
    expect(whole.pages).toHaveLength(pageCount);
    // Every page: the marking at top and bottom, and "página n de N" with N the real count.
    whole.pages.forEach((text, i) => {
      expect(text.match(/SECRETO/g)?.length ?? 0, `page ${i + 1}`).toBeGreaterThanOrEqual(2);
      expect(text, `page ${i + 1}`).toContain(`página ${i + 1} de ${pageCount}`);
    });
    // Fonts shipped with the app, embedded: the leader's kunya in Arabic script can be found and copied.
    const fontRows = whole.fonts.split('\n').slice(2).filter(Boolean);
    expect(fontRows.length).toBeGreaterThan(0);
    expect(fontRows.every((row) => / yes /.test(row.slice(row.indexOf('  ')))), whole.fonts).toBe(true);
    expect(whole.fonts).toMatch(/Amiri/);
    expect(whole.fonts).toMatch(/NotoSans/);
    expect(whole.text).toContain('Abu Ilyas al-Andalusi');
    expect(whole.text).toContain('أبو إلياس الأندلسي');
    expect(whole.text).toContain('testigo protegido');
    await report.close();

    // Released up to RESERVADO: the protected witnesses' statements and what only they support are absent.
    const released = await openReport(page, async () => {
      const dialog = page.getByRole('dialog', { name: 'Informe del caso' });
      await dialog.getByRole('checkbox', { name: 'Cronología' }).uncheck();
      await dialog.getByRole('combobox', { name: 'Publicar hasta' }).selectOption('RESERVADO');
      await expect(dialog.getByText(/Quedan fuera, por encima de RESERVADO/)).toBeVisible();
    });
    const partner = await printReport(released, dir, 'released');
    expect(partner.text).not.toContain('testigo protegido');
    expect(partner.text).not.toContain('SECRETO');
    expect(partner.pages.every((text) => (text.match(/RESERVADO/g)?.length ?? 0) >= 2)).toBe(true);
    await released.close();

    await headerCommand(page, 'Diario del caso');
    await expect(page.getByRole('dialog', { name: 'Diario del caso' }).getByTestId('audit-exported')).toHaveCount(2);
    // Offline means offline: every request went to the app's own server.
    const origin = new URL(page.url()).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the report in English: English headings, “page n of N” on every page, the marking at top and bottom', async ({ page }) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'vigia-report-en-'));
  try {
    await openDemoCase(page);
    await page.getByLabel('Idioma').selectOption('en');
    await headerCommand(page, 'Case report…');
    const dialog = page.getByRole('dialog', { name: 'Case report' });
    // Two sections keep it short: the summary and the sheets.
    for (const section of ['Network figure', 'Timeline', 'Next releases', 'Annex of sources', 'Annex of the journal (audit chain)']) {
      await dialog.getByRole('checkbox', { name: section }).uncheck();
    }
    const [report] = await Promise.all([page.context().waitForEvent('page'), dialog.getByRole('button', { name: 'Open the report' }).click()]);
    await expect(report.getByTestId('report-ready')).toBeVisible({ timeout: 60_000 });
    await expect(report.getByRole('heading', { name: 'Summary', level: 2 })).toBeVisible();
    await expectNoAccessibilityViolations(report);
    const printed = await printReport(report, dir, 'english');
    const pageCount = Number(/Pages:\s+(\d+)/.exec(printed.info)![1]);
    expect(printed.pages).toHaveLength(pageCount);
    printed.pages.forEach((text, i) => {
      // English names the grade "SECRET".
      expect(text.match(/\bSECRET\b/g)?.length ?? 0, `page ${i + 1}`).toBeGreaterThanOrEqual(2);
      expect(text, `page ${i + 1}`).toContain(`page ${i + 1} of ${pageCount}`);
    });
    expect(printed.text).toContain('Case report');
    expect(printed.text).toContain('Prepared by');
    expect(printed.text).not.toContain('página');
    await report.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
