import { describe, expect, it } from 'vitest';
import { generateAnalystIdentity } from '../identity/analyst-identity';
import { encryptBytes } from './age-layer';
import { openBundle } from './read';
import { fixtureContents } from './test-support';
import { stagedAttachmentBytes } from './test-support';
import { attachmentsFromMap, writeBundle } from './write';

const now = new Date('2026-11-24T10:00:00.000Z');

describe('bundle write → open', () => {
  it('round-trips records, audit entries and attachment bytes for an X25519 recipient', async () => {
    const alice = await generateAnalystIdentity('Alice');
    const bob = await generateAnalystIdentity('Bob');
    const { snapshot, audit, attachmentBytes } = fixtureContents();
    const { bytes, manifest } = await writeBundle(
      { snapshot, audit, attachments: attachmentsFromMap(attachmentBytes) },
      { sender: alice, encryption: { mode: 'recipients', recipients: [bob.ageRecipient] }, scope: 'case', marking: 'RESERVADO', now },
    );
    expect(new TextDecoder().decode(bytes.subarray(0, 22))).toBe('age-encryption.org/v1\n');
    expect(manifest.counts).toEqual({ cases: 1, prisons: 1, persons: 2, attachments: 1 });
    expect(manifest.clock).toEqual({ from: '1700000000000-0000-ws-a', to: '1700000000000-0000-ws-a' });

    const opened = await openBundle(bytes, { key: { identity: bob.ageIdentity }, trustedSigningKeys: [alice.signingKey] });
    if (!opened.ok) throw new Error(opened.error.code);
    expect(opened.value.snapshot).toEqual(snapshot);
    expect(opened.value.audit).toEqual(audit);
    expect([...(await stagedAttachmentBytes(opened.value))]).toEqual([...attachmentBytes]);
    expect(opened.value.signer).toEqual({ name: 'Alice', signingKey: alice.signingKey, fingerprint: alice.fingerprint, trusted: true });
    expect(opened.value.manifest.bundleId).toBe(manifest.bundleId);
  });

  it('counts its checks in bytes of the listed entries, rising to their total', async () => {
    const alice = await generateAnalystIdentity('Alice');
    const { snapshot, audit, attachmentBytes } = fixtureContents();
    const { bytes, manifest } = await writeBundle(
      { snapshot, audit, attachments: attachmentsFromMap(attachmentBytes) },
      { sender: alice, encryption: { mode: 'recipients', recipients: [alice.ageRecipient] }, scope: 'case', marking: 'RESERVADO', now },
    );
    const reports: Array<[number, number]> = [];
    const opened = await openBundle(bytes, {
      key: { identity: alice.ageIdentity },
      trustedSigningKeys: [alice.signingKey],
      onCheckProgress: (done, total) => reports.push([done, total]),
    });
    expect(opened.ok).toBe(true);
    const total = manifest.entries.reduce((sum, e) => sum + e.size, 0);
    // One report before the first entry and one per entry, never going back.
    expect(reports).toHaveLength(manifest.entries.length + 1);
    expect(reports.every(([, t]) => t === total)).toBe(true);
    expect(reports.map(([d]) => d)).toEqual([...reports.map(([d]) => d)].sort((a, b) => a - b));
    expect(reports[0]).toEqual([0, total]);
    expect(reports.at(-1)).toEqual([total, total]);
  });

  it('round-trips with a passphrase (scrypt)', async () => {
    const alice = await generateAnalystIdentity('Alice');
    const { snapshot, audit, attachmentBytes } = fixtureContents();
    const { bytes } = await writeBundle(
      { snapshot, audit, attachments: attachmentsFromMap(attachmentBytes) },
      { sender: alice, encryption: { mode: 'passphrase', passphrase: 'correct horse battery', workFactor: 10 }, scope: 'case', marking: 'RESERVADO', now },
    );
    const opened = await openBundle(bytes, { key: { passphrase: 'correct horse battery' }, trustedSigningKeys: [alice.signingKey] });
    expect(opened.ok && opened.value.snapshot.persons.length).toBe(2);
    const wrong = await openBundle(bytes, { key: { passphrase: 'wrong horse' }, trustedSigningKeys: [alice.signingKey] });
    expect(wrong).toEqual({ ok: false, error: { code: 'wrong_passphrase' } });
  });

  it('leaves attachments out when the store lacks their bytes (a changes-only bundle)', async () => {
    const alice = await generateAnalystIdentity('Alice');
    const { snapshot, audit } = fixtureContents();
    const { bytes, manifest } = await writeBundle(
      { snapshot, audit, attachments: attachmentsFromMap(new Map()) },
      { sender: alice, encryption: { mode: 'recipients', recipients: [alice.ageRecipient] }, scope: 'changes', marking: 'RESERVADO', now },
    );
    expect(manifest.entries.some((e) => e.path.startsWith('attachments/'))).toBe(false);
    const opened = await openBundle(bytes, { key: { identity: alice.ageIdentity }, trustedSigningKeys: [alice.signingKey] });
    expect(opened.ok && opened.value.attachments.size).toBe(0);
  });

  it('refuses to write an attachment whose bytes do not match its record', async () => {
    const alice = await generateAnalystIdentity('Alice');
    const { snapshot, audit, attachmentBytes } = fixtureContents();
    const [sha] = [...attachmentBytes.keys()];
    const corrupt = new Map([[sha!, new Uint8Array(70_000)]]);
    await expect(
      writeBundle(
        { snapshot, audit, attachments: attachmentsFromMap(corrupt) },
        { sender: alice, encryption: { mode: 'recipients', recipients: [alice.ageRecipient] }, scope: 'case', marking: 'RESERVADO', now },
      ),
    ).rejects.toThrow(/attachment_hash_mismatch/);
  });

  it('refuses a well-encrypted file whose payload is not a ZIP', async () => {
    const bob = await generateAnalystIdentity('Bob');
    const notZip = await encryptBytes(new TextEncoder().encode('hello'), { mode: 'recipients', recipients: [bob.ageRecipient] });
    const opened = await openBundle(notZip, { key: { identity: bob.ageIdentity }, trustedSigningKeys: [] });
    expect(opened).toEqual({ ok: false, error: { code: 'zip_invalid' } });
  });
});
