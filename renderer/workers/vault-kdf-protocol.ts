import type { PassphraseProblem, PassphraseSlot } from '../../shared/vault';

/**
 * Page → vault worker: the passphrase work (Argon2id, 0.5–1 s) off the page's thread, so the lock
 * screen stays responsive and its progress visible. One request per worker, ended after the answer.
 */
export type VaultKdfRequest =
  | { type: 'create'; passphrase: string }
  | { type: 'unlock'; passphrase: string; slot: PassphraseSlot }
  | { type: 'change'; slot: PassphraseSlot; current: string; next: string }
  /** The vault key under a passphrase, at today's cost: after a recovery, or to raise an old slot's cost. */
  | { type: 'wrap'; vaultKey: Uint8Array; passphrase: string };

export type VaultKdfAnswer =
  | { type: 'created'; vaultKey: Uint8Array; slot: PassphraseSlot }
  | { type: 'unlocked'; vaultKey: Uint8Array }
  | { type: 'changed'; slot: PassphraseSlot }
  | { type: 'wrapped'; slot: PassphraseSlot }
  | { type: 'wrong_passphrase' }
  | { type: 'rejected'; problem: PassphraseProblem }
  | { type: 'failed'; reason: string };
