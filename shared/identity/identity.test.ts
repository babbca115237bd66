import { describe, expect, it } from 'vitest';
import { generateAnalystIdentity } from './analyst-identity';
import { contactCardOf, parseContactCard } from './contact-card';
import { FINGERPRINT_PATTERN, fingerprintOf } from './fingerprint';
import { formatKeyfile, parseKeyfile } from './keyfile';
import { decodeMinisignPublicKey, encodeMinisignPublicKey, keyIdOf, minisignPublicKeyFile } from './signing-key';

describe('analyst identity', () => {
  it('has an X25519 age key pair, a minisign-format signing key and a readable fingerprint', async () => {
    const ana = await generateAnalystIdentity('Ana García');
    expect(ana.ageIdentity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(ana.ageRecipient).toMatch(/^age1[a-z0-9]{58}$/);
    expect(ana.signingKey).toMatch(/^RW[A-Za-z0-9+/]{54}$/);
    expect(ana.fingerprint).toMatch(FINGERPRINT_PATTERN);
    expect(ana.fingerprint).toBe(fingerprintOf(ana.ageRecipient, ana.signingKey));
    const other = await generateAnalystIdentity('Ana García');
    expect(other.fingerprint).not.toBe(ana.fingerprint);
  });

  it('encodes the signing key as minisign does: "Ed", key id, public key', async () => {
    const ana = await generateAnalystIdentity('Ana');
    const decoded = decodeMinisignPublicKey(ana.signingKey)!;
    expect(decoded.publicKey).toEqual(ana.signing.publicKey);
    expect(decoded.keyId).toEqual(keyIdOf(ana.signing.publicKey));
    expect(encodeMinisignPublicKey(decoded.publicKey)).toBe(ana.signingKey);
    expect(minisignPublicKeyFile(ana.signingKey)).toMatch(/^untrusted comment: minisign public key [0-9A-F]{16}\nRW.+\n$/);
    expect(decodeMinisignPublicKey('not base64!')).toBeUndefined();
    expect(decodeMinisignPublicKey(btoa('Xx' + 'a'.repeat(40)))).toBeUndefined();
  });
});

describe('key file', () => {
  it('is an age identity file whose comments carry the name and the signing seed', async () => {
    const ana = await generateAnalystIdentity('Ana García');
    const text = formatKeyfile(ana, new Date('2026-11-24T00:00:00Z'));
    const uncommented = text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(uncommented).toEqual([ana.ageIdentity]);
    expect(text).toContain(`# public key: ${ana.ageRecipient}`);
    const parsed = await parseKeyfile(text);
    if (!parsed.ok) throw new Error(parsed.code);
    expect(parsed.identity.name).toBe('Ana García');
    expect(parsed.identity.signingKey).toBe(ana.signingKey);
    expect(parsed.identity.fingerprint).toBe(ana.fingerprint);
  });

  it('refuses a plain age-keygen file (no signing key) and garbage', async () => {
    const ana = await generateAnalystIdentity('Ana');
    expect(await parseKeyfile(`# created: x\n${ana.ageIdentity}\n`)).toEqual({ ok: false, code: 'keyfile_no_signing_secret' });
    expect(await parseKeyfile('hello')).toEqual({ ok: false, code: 'keyfile_no_age_identity' });
    const text = formatKeyfile(ana, new Date()).replace(/vigia-signing-secret: .*/, 'vigia-signing-secret: AAAA');
    expect(await parseKeyfile(text)).toEqual({ ok: false, code: 'keyfile_invalid' });
  });
});

describe('contact card', () => {
  it('round-trips and refuses a card whose fingerprint does not match its keys', async () => {
    const ana = await generateAnalystIdentity('Ana');
    const mallory = await generateAnalystIdentity('Mallory');
    const card = contactCardOf(ana);
    expect(parseContactCard(JSON.stringify(card))).toEqual({ ok: true, card });
    const swapped = { ...card, ageRecipient: mallory.ageRecipient };
    expect(parseContactCard(JSON.stringify(swapped))).toEqual({ ok: false, code: 'card_fingerprint_mismatch' });
    expect(parseContactCard(JSON.stringify({ ...card, signingKey: 'RWxx' }))).toEqual({ ok: false, code: 'card_invalid' });
    expect(parseContactCard('{')).toEqual({ ok: false, code: 'card_not_json' });
  });
});
