import type { Table } from 'dexie';
import type { VigiaDatabase } from '../database';

/**
 * How the analyst's secret is kept at rest: under the workstation's vault key (the row itself is
 * sealed, renderer/db/vault: one unlock for everything, issue 16), or, for identities made before
 * the vault, by the operating system's keychain (Electron's safeStorage) or wrapped with a passphrase
 * (age scrypt). What is kept is the key file text (shared/identity/keyfile.ts): the age identity and
 * the signing seed together.
 */
export type SealedBy = 'vault' | 'os-keychain' | 'passphrase';

/** This workstation's analyst identity: the public half in clear, the secret half sealed. */
export interface StoredIdentity {
  id: 'me';
  name: string;
  ageRecipient: string;
  signingKey: string;
  fingerprint: string;
  createdAt: number;
  sealedBy: SealedBy;
  /** The keychain's or the passphrase's sealed key file; empty when sealed by the vault. */
  sealed: Uint8Array;
  /** The key file text, when sealed by the vault: a field of the row, which the vault seals on disk. */
  keyfile?: string;
}

function identityTable(db: VigiaDatabase): Table<StoredIdentity, string> {
  return db.table('identity');
}

export function getStoredIdentity(db: VigiaDatabase): Promise<StoredIdentity | undefined> {
  return identityTable(db).get('me');
}

/**
 * Stores the identity made on first use. An identity is never replaced silently: colleagues hold its
 * public half in their keyrings, so a second one is refused (`identity_exists`).
 */
export async function saveIdentity(db: VigiaDatabase, identity: Omit<StoredIdentity, 'id'>): Promise<{ ok: true } | { ok: false; code: 'identity_exists' }> {
  const table = identityTable(db);
  return db.transaction('rw', table, async () => {
    if (await table.get('me')) return { ok: false as const, code: 'identity_exists' as const };
    await table.add({ ...identity, id: 'me' });
    return { ok: true as const };
  });
}

/**
 * Moves an identity sealed by the keychain or a passphrase under the vault, once it has been unlocked
 * the old way: from then on the workstation's unlock opens it too.
 */
export async function resealIdentityUnderVault(db: VigiaDatabase, keyfileText: string): Promise<void> {
  const table = identityTable(db);
  await db.transaction('rw', table, async () => {
    const stored = await table.get('me');
    if (!stored || stored.sealedBy === 'vault') return;
    await table.put({ ...stored, sealedBy: 'vault', sealed: new Uint8Array(0), keyfile: keyfileText });
  });
}
