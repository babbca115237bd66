import type { Table } from 'dexie';
import type { VigiaDatabase } from '../database';

/**
 * How the analyst's secret is kept at rest: by the operating system's keychain (Electron's
 * safeStorage) or wrapped with a passphrase (age scrypt). Either way what is sealed is the key file
 * text (shared/identity/keyfile.ts): the age identity and the signing seed together.
 */
export type SealedBy = 'os-keychain' | 'passphrase';

/** This workstation's analyst identity: the public half in clear, the secret half sealed. */
export interface StoredIdentity {
  id: 'me';
  name: string;
  ageRecipient: string;
  signingKey: string;
  fingerprint: string;
  createdAt: number;
  sealedBy: SealedBy;
  sealed: Uint8Array;
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
