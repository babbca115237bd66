import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { generateDemoCase, LEADER_IDENTITY } from '../../shared/demo';
import { expectNoAccessibilityViolations } from './accessibility';
import { E2E_PASSPHRASE, expect, passLockScreen, test } from './fixtures';
import { headerCommand } from './header-menu';
import { createIdentity } from './sync-steps';

// Issue 16: the lock screen and encryption at rest, as an analyst meets them in the browser.
test.use({ autoUnlock: false });

const SETUP = { name: 'Proteja esta estación con una frase de paso' };
const LOCKED = { name: 'Vigía está bloqueado' };

async function openDemoCase(page: Page) {
  await page.getByRole('button', { name: 'Abrir caso de demostración' }).click();
  await expect(page.getByTestId('network-status')).toHaveText(/^270 personas en 30 prisiones/, { timeout: 90_000 });
}

/** Every value of every store of every database of the origin, as plain IndexedDB (no Dexie) reads it. */
function rawIndexedDb(page: Page): Promise<{ databases: string[]; text: string }> {
  return page.evaluate(async () => {
    const decoder = new TextDecoder();
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '');
    const parts: string[] = [];
    for (const name of databases) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        parts.push(JSON.stringify(values, (_, v: unknown) => (v instanceof Uint8Array ? decoder.decode(v) : v)));
      }
      db.close();
    }
    return { databases, text: parts.join('\n') };
  });
}

test('set the passphrase, work, lock, see nothing of the case, unlock, carry on; nothing of the case in clear on disk', async ({ page }) => {
  const demo = generateDemoCase({ today: '2026-12-05' });
  const leader = demo.persons.find((p) => p.role === 'leader')!;
  await page.goto('/');

  await expect(page.getByRole('heading', SETUP)).toBeVisible();
  await expect(page.getByText(/Una frase de paso olvidada no se puede recuperar, salvo que active/)).toBeVisible();
  await expectNoAccessibilityViolations(page);
  // Refusals say why, and nothing opens.
  await page.getByLabel('Frase de paso', { exact: true }).fill('corta de más');
  await page.getByLabel('Repita la frase de paso').fill('corta de más');
  await page.getByRole('button', { name: 'Cifrar y abrir' }).click();
  await expect(page.getByRole('alert')).toHaveText('La frase de paso debe tener al menos 15 caracteres.');
  await page.getByLabel('Frase de paso', { exact: true }).fill(E2E_PASSPHRASE);
  await page.getByLabel('Repita la frase de paso').fill(`${E2E_PASSPHRASE}!`);
  await page.getByRole('button', { name: 'Cifrar y abrir' }).click();
  await expect(page.getByRole('alert')).toHaveText('Las dos frases de paso no coinciden.');
  await passLockScreen(page);

  await expect(page.getByRole('heading', { name: 'Bienvenido a Vigía' })).toBeVisible({ timeout: 30_000 });
  await openDemoCase(page);
  // The analyst's identity for bundles: kept under the same vault, no second passphrase.
  await createIdentity(page, 'Ana García Ruiz');
  await page.keyboard.press('Escape');

  // On disk: the sealed database only; no name, alias, case title, analyst or secret key readable in any store.
  const disk = await rawIndexedDb(page);
  expect(disk.databases).toContain('vigia-sealed');
  expect(disk.databases).not.toContain('vigia');
  expect(disk.text.length).toBeGreaterThan(100_000);
  for (const secret of ['Ana García Ruiz', 'AGE-SECRET-KEY', leader.primaryName, LEADER_IDENTITY.alias, LEADER_IDENTITY.kunya, LEADER_IDENTITY.kunyaArabic, 'Operación Celosía', ...demo.persons.slice(0, 20).map((p) => p.primaryName)]) {
    expect(disk.text).not.toContain(secret);
  }

  // Lock from the header: the lock screen, and nothing of the case left on the page.
  await page.getByRole('button', { name: 'Bloquear' }).click();
  await expect(page.getByRole('heading', LOCKED)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('body')).not.toContainText('Operación Celosía');
  await expect(page.locator('body')).not.toContainText(leader.primaryName);
  await expectNoAccessibilityViolations(page);

  await page.getByLabel('Frase de paso', { exact: true }).fill('una frase de paso equivocada');
  await page.getByRole('button', { name: 'Desbloquear' }).click();
  await expect(page.getByRole('alert')).toHaveText('La frase de paso no es correcta.', { timeout: 30_000 });
  await passLockScreen(page);
  // Back where the analyst was: the same case, open on its network.
  await expect(page.getByTestId('network-status')).toHaveText(/^270 personas en 30 prisiones/, { timeout: 90_000 });
  await expect(page.getByTestId('case-name')).toHaveText('Operación Celosía');

  // The shortcut locks too, even with a dialog open.
  await headerCommand(page, 'Acerca de');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', LOCKED)).toBeVisible({ timeout: 30_000 });
});

test('locks after ten idle minutes, a dialog open or not; input at 9:59 starts the count again', async ({ page }) => {
  await page.clock.install();
  await page.goto('/');
  await passLockScreen(page);
  await expect(page.getByRole('heading', { name: 'Bienvenido a Vigía' })).toBeVisible({ timeout: 30_000 });
  await headerCommand(page, 'Acerca de');
  await expect(page.getByRole('dialog')).toBeVisible();

  await page.clock.fastForward('09:59');
  await page.mouse.move(40, 40);
  await page.mouse.move(60, 60);
  await page.clock.fastForward('09:00');
  await expect(page.getByRole('heading', LOCKED)).toBeHidden();
  await expect(page.getByRole('dialog')).toBeVisible();

  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', LOCKED)).toBeVisible({ timeout: 30_000 });
});

test('wrong passphrases wait longer and longer, and the wait survives closing the window', async ({ page, context }) => {
  await page.goto('/');
  await passLockScreen(page);
  await expect(page.getByRole('heading', { name: 'Bienvenido a Vigía' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Bloquear' }).click();
  await expect(page.getByRole('heading', LOCKED)).toBeVisible({ timeout: 30_000 });
  // Three typing errors pass; then 1 s, 2 s, 4 s; after the sixth failure the wait is 8 s.
  for (let i = 0; i < 6; i++) {
    await page.getByLabel('Frase de paso', { exact: true }).fill(`no es la frase ${i} de esta estación`);
    await page.getByRole('button', { name: 'Desbloquear' }).click();
    await expect(page.getByRole('alert')).toContainText(/no es correcta|Espere/, { timeout: 30_000 });
    if (i === 2) await expect(page.getByRole('alert')).toContainText('Espere 1 segundo');
    if (i < 5) await expect(page.getByRole('button', { name: 'Desbloquear' })).toBeEnabled({ timeout: 10_000 });
  }
  // A new window of the same profile, the right passphrase at once: still made to wait.
  await page.close();
  const again = await context.newPage();
  await again.goto('/');
  await again.getByLabel('Frase de paso', { exact: true }).fill(E2E_PASSPHRASE);
  await again.getByRole('button', { name: 'Desbloquear' }).click();
  await expect(again.getByRole('alert')).toContainText('Demasiados intentos');
  await expect(again.getByRole('heading', LOCKED)).toBeVisible();
});

test('change the passphrase and the idle minutes: the new passphrase unlocks, the old one no longer does', async ({ page }) => {
  const next = 'otra frase de paso, la nueva de la unidad';
  await page.goto('/');
  await passLockScreen(page);
  await expect(page.getByRole('heading', { name: 'Bienvenido a Vigía' })).toBeVisible({ timeout: 30_000 });
  await headerCommand(page, 'Bloqueo y frase de paso…');
  const dialog = page.getByRole('dialog', { name: 'Bloqueo y frase de paso' });
  await expectNoAccessibilityViolations(page);

  await dialog.getByLabel('Bloquear tras minutos sin uso').fill('90');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Escriba un número entero de minutos entre 1 y 60.');
  await dialog.getByLabel('Bloquear tras minutos sin uso').fill('5');
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog.getByRole('status').first()).toHaveText('Guardado: Vigía se bloqueará tras 5 minutos sin uso.');

  await dialog.getByLabel('Frase de paso actual').fill('no es la actual, ni de lejos');
  await dialog.getByLabel('Nueva frase de paso').fill(next);
  await dialog.getByLabel('Repita la frase de paso').fill(next);
  await dialog.getByRole('button', { name: 'Cambiar la frase de paso' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('La frase de paso no es correcta.', { timeout: 30_000 });
  await dialog.getByLabel('Frase de paso actual').fill(E2E_PASSPHRASE);
  await dialog.getByRole('button', { name: 'Cambiar la frase de paso' }).click();
  await expect(dialog.getByText('Frase de paso cambiada. Úsela la próxima vez que desbloquee.')).toBeVisible({ timeout: 30_000 });

  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', LOCKED)).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Frase de paso', { exact: true }).fill(E2E_PASSPHRASE);
  await page.getByRole('button', { name: 'Desbloquear' }).click();
  await expect(page.getByRole('alert')).toHaveText('La frase de paso no es correcta.', { timeout: 30_000 });
  await passLockScreen(page, next);
  await expect(page.getByRole('heading', { name: 'Bienvenido a Vigía' })).toBeVisible({ timeout: 30_000 });
});

test('a half-filled form comes back after a lock and an unlock, with what was typed', async ({ page }) => {
  await page.goto('/');
  await passLockScreen(page);
  await page.getByLabel('Nombre del caso').fill('Operación Borrador', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Crear caso' }).click();
  await expect(page.getByTestId('case-name')).toHaveText('Operación Borrador');

  await page.getByRole('button', { name: 'Nueva persona' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nueva persona' });
  await dialog.getByLabel('Nombre principal').fill('Abu Draft a medio escribir');
  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', LOCKED)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('body')).not.toContainText('Abu Draft');

  await passLockScreen(page);
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByLabel('Nombre principal')).toHaveValue('Abu Draft a medio escribir');
  // Kept once: it is not there again after the next lock.
  await dialog.getByRole('button', { name: 'Cancelar' }).click();
  await page.keyboard.press('Control+Shift+L');
  await passLockScreen(page);
  await expect(page.getByTestId('case-name')).toHaveText('Operación Borrador', { timeout: 30_000 });
  await expect(page.getByRole('dialog', { name: 'Nueva persona' })).toBeHidden();
});

test('a forgotten passphrase: the unit’s recovery request, the code from `vigia recover`, a new passphrase, the case intact', async ({ page }) => {
  const next = 'la frase nueva que fijó la recuperación';
  const unit = await generateX25519Identity();
  await page.goto('/');
  await passLockScreen(page);
  await page.getByLabel('Nombre del caso').fill('Operación Recuperada', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Crear caso' }).click();
  await expect(page.getByTestId('case-name')).toHaveText('Operación Recuperada');

  // Without a recovery slot the lock screen says plainly that the cases are lost.
  await page.keyboard.press('Control+Shift+L');
  await page.getByRole('button', { name: '¿Olvidó la frase de paso?' }).click();
  await expect(page.getByText(/Esta estación no tiene recuperación por la unidad: una frase de paso olvidada no se puede recuperar/)).toBeVisible();
  await page.getByRole('button', { name: 'Volver al desbloqueo' }).click();
  await passLockScreen(page);

  await headerCommand(page, 'Bloqueo y frase de paso…');
  const dialog = page.getByRole('dialog', { name: 'Bloqueo y frase de paso' });
  await expect(dialog.getByText(/^Desactivada: una frase de paso olvidada pierde los casos/)).toBeVisible();
  const recipientField = dialog.getByLabel('Destinatario de recuperación de la unidad (age1…)');
  await recipientField.fill('age1esto-no-es-una-clave');
  await dialog.getByRole('button', { name: 'Activar la recuperación' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/^Eso no es un destinatario age X25519/);
  await recipientField.fill(await identityToRecipient(unit));
  await dialog.getByRole('button', { name: 'Activar la recuperación' }).click();
  await expect(dialog.getByText('Guardado: la unidad podrá reabrir esta estación si olvida la frase de paso.')).toBeVisible();
  await expect(dialog.getByText(/^Activada desde el .* para la clave de la unidad age1/)).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await page.keyboard.press('Control+Shift+L');
  await expect(page.getByRole('heading', LOCKED)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '¿Olvidó la frase de paso?' }).click();
  await expect(page.getByRole('heading', { name: 'Recuperar con la unidad' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  const request = await page.getByLabel('Petición de recuperación').inputValue();
  expect(request).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----/);

  // The officer's offline machine: the CLI opens the request with the unit's key.
  const dir = mkdtempSync(join(tmpdir(), 'vigia-recovery-e2e-'));
  let code: string;
  try {
    writeFileSync(join(dir, 'request.age'), request);
    writeFileSync(join(dir, 'unit.key'), `${unit}\n`, { mode: 0o600 });
    const printed = execFileSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'recover', join(dir, 'request.age'), '--identity', join(dir, 'unit.key')], { encoding: 'utf8' });
    code = /^recovery code: (\S+)$/m.exec(printed)![1]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  await page.getByLabel('Código de recuperación').fill('ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567');
  await page.getByLabel('Nueva frase de paso').fill(next);
  await page.getByLabel('Repita la frase de paso').fill(next);
  await page.getByRole('button', { name: 'Recuperar y guardar la frase de paso nueva' }).click();
  await expect(page.getByRole('alert')).toHaveText(/^Ese código no abre esta estación/);
  await page.getByLabel('Código de recuperación').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Recuperar y guardar la frase de paso nueva' }).click();
  await expect(page.getByTestId('case-name')).toHaveText('Operación Recuperada', { timeout: 60_000 });

  // The new passphrase is the one now; the old one no longer opens.
  await page.keyboard.press('Control+Shift+L');
  await page.getByLabel('Frase de paso', { exact: true }).fill(E2E_PASSPHRASE);
  await page.getByRole('button', { name: 'Desbloquear' }).click();
  await expect(page.getByRole('alert')).toHaveText('La frase de paso no es correcta.', { timeout: 30_000 });
  await passLockScreen(page, next);
  await expect(page.getByTestId('case-name')).toHaveText('Operación Recuperada', { timeout: 30_000 });
});
