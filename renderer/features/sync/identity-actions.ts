import { formatKeyfile, generateAnalystIdentity, isAnalystName, parseKeyfile, type AnalystIdentity } from '../../../shared/identity';
import type { KeychainRefusal, VigiaBridge } from '../../../shared/ipc/contract';
import { type VigiaDatabase, resealIdentityUnderVault, saveIdentity, type StoredIdentity, getSetting, setAnalystName } from '../../db';
import { runBundleJob } from './bundle-client';
import { rememberSessionKey } from './session-key';

/** Minimum passphrase length: it is all that protects the key in browser mode or without a keychain. */
export const MIN_PASSPHRASE = 10;

export type IdentityOutcome =
  | { ok: true }
  /** The keychain refused (Linux basic_text, or none): ask for a passphrase and say why. */
  | { ok: false; code: 'keychain_refused'; reason: KeychainRefusal }
  | { ok: false; code: 'invalid_name' | 'passphrase_too_short' | 'passphrase_mismatch' | 'identity_exists' | 'wrong_passphrase' | 'identity_unreadable' | 'keychain_failed' };

/** Whether this platform offers the OS keychain at all (Electron); web mode always uses a passphrase. */
export function hasKeychain(bridge: VigiaBridge): boolean {
  return typeof bridge.sealSecret === 'function' && typeof bridge.unsealSecret === 'function';
}

/**
 * First use of sync: makes the analyst identity and stores it sealed. With a keychain and no
 * passphrase, the keychain seals it; when it refuses, nothing is stored and the caller asks for a
 * passphrase. With a passphrase, the worker wraps it with age's scrypt.
 */
export async function createIdentity(db: VigiaDatabase, bridge: VigiaBridge, name: string, passphrase?: { value: string; repeat: string }): Promise<IdentityOutcome> {
  const trimmed = name.trim();
  if (!isAnalystName(trimmed)) return { ok: false, code: 'invalid_name' };
  if (isSealedByVault(db)) {
    const identity = await generateAnalystIdentity(trimmed);
    return saveNewIdentity(db, identity, formatKeyfile(identity, new Date(db.now())), 'vault');
  }
  if (passphrase) {
    if (passphrase.value.length < MIN_PASSPHRASE) return { ok: false, code: 'passphrase_too_short' };
    if (passphrase.value !== passphrase.repeat) return { ok: false, code: 'passphrase_mismatch' };
  }
  const identity = await generateAnalystIdentity(trimmed);
  const keyfileText = formatKeyfile(identity, new Date(db.now()));
  let sealed: Uint8Array;
  let sealedBy: StoredIdentity['sealedBy'];
  if (!passphrase && hasKeychain(bridge)) {
    const result = await bridge.sealSecret!(keyfileText);
    if (!result.ok) return { ok: false, code: 'keychain_failed' };
    if ('refused' in result.value) return { ok: false, code: 'keychain_refused', reason: result.value.refused };
    sealed = result.value.sealed;
    sealedBy = 'os-keychain';
  } else if (passphrase) {
    const result = await runBundleJob({ job: 'seal', keyfileText, passphrase: passphrase.value });
    if (result.type !== 'sealed') {
      // The worker's own words, for whoever supports the workstation; the analyst sees a sentence.
      console.warn('sealing the identity failed:', result.type === 'failed' ? JSON.stringify(result.error) : result.type);
      return { ok: false, code: 'identity_unreadable' };
    }
    sealed = result.sealed;
    sealedBy = 'passphrase';
  } else {
    return { ok: false, code: 'passphrase_too_short' };
  }
  return saveNewIdentity(db, identity, keyfileText, sealedBy, sealed);
}

/** Whether this workstation's database is sealed by the vault: then the identity is kept under it. */
export function isSealedByVault(db: VigiaDatabase): boolean {
  return db.address.vaultKey !== undefined;
}

async function saveNewIdentity(db: VigiaDatabase, identity: AnalystIdentity, keyfileText: string, sealedBy: StoredIdentity['sealedBy'], sealed: Uint8Array = new Uint8Array(0)): Promise<IdentityOutcome> {
  const saved = await saveIdentity(db, {
    name: identity.name,
    ageRecipient: identity.ageRecipient,
    signingKey: identity.signingKey,
    fingerprint: identity.fingerprint,
    createdAt: db.now(),
    sealedBy,
    sealed,
    ...(sealedBy === 'vault' ? { keyfile: keyfileText } : {}),
  });
  if (!saved.ok) return saved;
  // The name colleagues see is the analyst's name: audit entries (and so "last changed by") carry it.
  if ((await getSetting(db, 'analystName')) === '') await setAnalystName(db, identity.name);
  rememberSessionKey(keyfileText);
  return { ok: true };
}

/**
 * Opens the sealed key for this session: from the vault-sealed row, by the keychain, or by the
 * passphrase in the worker. An identity opened the old way on a sealed workstation moves under the vault.
 */
export async function unlockIdentity(db: VigiaDatabase, bridge: VigiaBridge, stored: StoredIdentity, passphrase: string): Promise<IdentityOutcome> {
  let keyfileText: string;
  if (stored.sealedBy === 'vault') {
    if (typeof stored.keyfile !== 'string') return { ok: false, code: 'identity_unreadable' };
    keyfileText = stored.keyfile;
  } else if (stored.sealedBy === 'os-keychain') {
    if (!hasKeychain(bridge)) return { ok: false, code: 'keychain_failed' };
    const result = await bridge.unsealSecret!(stored.sealed);
    if (!result.ok) return { ok: false, code: 'keychain_failed' };
    if ('refused' in result.value) return { ok: false, code: 'keychain_refused', reason: result.value.refused };
    keyfileText = result.value.secret;
  } else {
    const result = await runBundleJob({ job: 'unseal', sealed: stored.sealed, passphrase });
    if (result.type === 'failed') return { ok: false, code: result.error.code === 'wrong_passphrase' ? 'wrong_passphrase' : 'identity_unreadable' };
    if (result.type !== 'unsealed') return { ok: false, code: 'identity_unreadable' };
    keyfileText = result.keyfileText;
  }
  const parsed = await parseKeyfile(keyfileText);
  if (!parsed.ok || parsed.identity.fingerprint !== stored.fingerprint) return { ok: false, code: 'identity_unreadable' };
  if (stored.sealedBy !== 'vault' && isSealedByVault(db)) await resealIdentityUnderVault(db, keyfileText);
  rememberSessionKey(keyfileText);
  return { ok: true };
}
