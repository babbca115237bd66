import { describe, expect, it } from 'vitest';
import { afterFailure, delayAfter, MAX_DELAY_MS, NO_FAILURES, waitBeforeAttempt } from './throttle';

describe('the wait after wrong passphrases', () => {
  it('lets three typing errors pass, then doubles from one second up to five minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(delayAfter)).toEqual([0, 0, 0, 1000, 2000, 4000, 8000]);
    expect(delayAfter(40)).toBe(MAX_DELAY_MS);
  });

  it('counts from the last failure, and a clock set back does not shorten the wait', () => {
    let attempts = NO_FAILURES;
    for (let i = 0; i < 5; i++) attempts = afterFailure(attempts, 100_000);
    expect(waitBeforeAttempt(attempts, 100_000)).toBe(4000);
    expect(waitBeforeAttempt(attempts, 103_000)).toBe(1000);
    expect(waitBeforeAttempt(attempts, 104_000)).toBe(0);
    expect(waitBeforeAttempt(attempts, 50_000)).toBe(4000);
  });
});
