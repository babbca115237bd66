import type { Table } from 'dexie';
import { fingerprintOf, parseContactCard, type ContactCard, type ContactCardError } from '../../../shared/identity';
import type { VigiaDatabase } from '../database';

/** A colleague whose contact card this analyst compared and trusted: bundles can go to them and come from them. */
export interface Contact {
  fingerprint: string;
  name: string;
  ageRecipient: string;
  signingKey: string;
  trustedAt: number;
}

function contactsTable(db: VigiaDatabase): Table<Contact, string> {
  return db.table('contacts');
}

/** The keyring, by name. */
export async function listContacts(db: VigiaDatabase): Promise<Contact[]> {
  const all = await contactsTable(db).toArray();
  return all.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Trusts a colleague's card. The caller has shown the fingerprint and the analyst confirmed that it
 * matches the one their colleague read out; the card is checked again here so that nothing but a
 * valid, self-consistent card reaches the keyring.
 */
export async function trustContact(db: VigiaDatabase, card: ContactCard): Promise<{ ok: true; contact: Contact } | { ok: false; code: ContactCardError }> {
  const checked = parseContactCard(JSON.stringify(card));
  if (!checked.ok) return checked;
  const { name, ageRecipient, signingKey } = checked.card;
  const contact: Contact = { fingerprint: fingerprintOf(ageRecipient, signingKey), name, ageRecipient, signingKey, trustedAt: db.now() };
  await contactsTable(db).put(contact);
  return { ok: true, contact };
}

export async function removeContact(db: VigiaDatabase, fingerprint: string): Promise<void> {
  await contactsTable(db).delete(fingerprint);
}
