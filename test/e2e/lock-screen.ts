import type { Page } from 'playwright-core';

/**
 * The lock screen as tests and benchmarks meet it (issue 16): Vigía opens locked, so a test about
 * something else passes it as an analyst would. Shared by the e2e fixtures and the benches that drive
 * the built app.
 */

/** The passphrase every e2e and bench workstation is set up with (the lock screen's own tests use others too). */
export const E2E_PASSPHRASE = 'pruebas de extremo a extremo en Vigía';

const LOCK_HEADING = /^(Proteja esta estación con una frase de paso|Protect this workstation with a passphrase|Vigía está bloqueado|Vigía is locked)$/;

/** The lock screen a test meets, as an analyst would pass it: set up the passphrase, or type it. */
export async function passLockScreen(page: Page, passphrase = E2E_PASSPHRASE): Promise<void> {
  await page.getByLabel(/^(Frase de paso|Passphrase)$/).fill(passphrase);
  const repeat = page.getByLabel(/^(Repita la frase de paso|Repeat the passphrase)$/);
  if (await repeat.isVisible()) await repeat.fill(passphrase);
  await page.getByRole('button', { name: /^(Cifrar y abrir|Encrypt and open|Desbloquear|Unlock)$/ }).click();
}

/**
 * Passes the lock screen whenever it shows (first start, a reload after a lock), so that tests about
 * other things start where an analyst would after unlocking. Tests of the lock itself turn it off.
 */
export async function unlockWhenLocked(page: Page): Promise<void> {
  await page.addLocatorHandler(page.getByRole('heading', { name: LOCK_HEADING }), () => passLockScreen(page), { noWaitAfter: false });
}
