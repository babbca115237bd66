import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
const PORT = 4390;
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--config', 'vite.config.ts', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 3000));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.getByRole('button', { name: 'Abrir caso de demostración' }).click();
  await page.getByTestId('network-status').waitFor({ timeout: 120000 });
  await page.getByRole('button', { name: 'Caso' }).click();
  await page.getByRole('button', { name: 'Exportar para otras herramientas…' }).click();
  await page.getByRole('combobox', { name: 'Publicar hasta' }).selectOption('RESERVADO');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: '/tmp/shot-export.png' });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Caso' }).click();
  await page.getByRole('button', { name: 'Informe para la fiscalía…' }).click();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: '/tmp/shot-report-dialog.png' });
  const [report] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Abrir el informe' }).click()]);
  await report.setViewportSize({ width: 1100, height: 1400 });
  await report.getByTestId('report-ready').waitFor({ timeout: 120000 });
  await report.screenshot({ path: '/tmp/shot-report-top.png' });
  await report.getByRole('heading', { name: 'Youssef Ouali', level: 3 }).scrollIntoViewIfNeeded();
  await report.screenshot({ path: '/tmp/shot-report-leader.png' });
  await report.getByRole('heading', { name: 'Figura de la red' }).scrollIntoViewIfNeeded();
  await report.screenshot({ path: '/tmp/shot-report-figure.png' });
} finally {
  await browser.close();
  server.kill();
}
