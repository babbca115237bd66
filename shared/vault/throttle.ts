/**
 * How long a wrong passphrase makes the next attempt wait: three tries free (typing errors), then
 * 1 s, doubling with every failure up to 5 minutes. The count and the time of the last failure are
 * stored, so closing and reopening Vigía does not start again from zero. This slows a person at the
 * keyboard; against a copied disk the Argon2id cost is the defence (docs/security.md).
 */
export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_MS = 5 * 60_000;

export interface FailedAttempts {
  readonly failures: number;
  /** Wall time of the last failure, in ms. */
  readonly lastFailureAt: number;
}

export const NO_FAILURES: FailedAttempts = { failures: 0, lastFailureAt: 0 };

/** The wait that `failures` wrong passphrases in a row impose after the last one. */
export function delayAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS));
}

/** Milliseconds until the next attempt is allowed (0: now). A clock set back counts as no time passed. */
export function waitBeforeAttempt(attempts: FailedAttempts, now: number): number {
  const until = attempts.lastFailureAt + delayAfter(attempts.failures);
  if (now < attempts.lastFailureAt) return delayAfter(attempts.failures);
  return Math.max(0, until - now);
}

export function afterFailure(attempts: FailedAttempts, now: number): FailedAttempts {
  return { failures: attempts.failures + 1, lastFailureAt: now };
}
