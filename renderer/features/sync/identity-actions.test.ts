import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { getStoredIdentity } from '../../db';
import { freshDatabase } from '../../db/test-support';
import { createWebBridge } from '../../platform/web-bridge';
import { createIdentity, unlockIdentity } from './identity-actions';
import { rememberSessionKey, sessionKey } from './session-key';

describe('the analyst’s identity on a sealed workstation', () => {
  it('is kept under the vault: no second passphrase, nothing of it readable on disk, and it opens again after a lock', async () => {
    const db = await freshDatabase();
    expect(await createIdentity(db, createWebBridge(), 'Ana García Ruiz')).toEqual({ ok: true });
    const stored = (await getStoredIdentity(db))!;
    expect(stored.sealedBy).toBe('vault');
    expect(stored.keyfile).toMatch(/^AGE-SECRET-KEY-1/m);

    const raw = new Dexie(db.name);
    await raw.open();
    const row = JSON.stringify(await raw.table('identity').toArray(), (_, v: unknown) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v));
    raw.close();
    expect(row).not.toContain('Ana García Ruiz');
    expect(row).not.toContain('AGE-SECRET-KEY');

    // A lock forgets the session's key; the unlocked workstation opens it without asking anything.
    rememberSessionKey(undefined);
    expect(await unlockIdentity(db, createWebBridge(), stored, '')).toEqual({ ok: true });
    expect(sessionKey()).toBe(stored.keyfile);
  });
});
