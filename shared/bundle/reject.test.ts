import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateAnalystIdentity, type AnalystIdentity } from '../identity/analyst-identity';
import { encryptBytes } from './age-layer';
import type { BundleError } from './errors';
import type { Sha256Hashing, Sha256Whole } from './hashing';
import type { BundleManifest } from './manifest';
import { openBundle } from './read';
import { fixtureContents } from './test-support';
import { repack, unpack, withManifest, type Unpacked } from './test-support';
import { attachmentsFromMap, writeBundle } from './write';

let alice: AnalystIdentity;
let bob: AnalystIdentity;
let carol: AnalystIdentity;
let bundle: Uint8Array;
let parts: Unpacked;

beforeAll(async () => {
  [alice, bob, carol] = await Promise.all([generateAnalystIdentity('Alice'), generateAnalystIdentity('Bob'), generateAnalystIdentity('Carol')]);
  const { snapshot, audit, attachmentBytes } = fixtureContents();
  ({ bytes: bundle } = await writeBundle(
    { snapshot, audit, attachments: attachmentsFromMap(attachmentBytes) },
    {
      sender: alice,
      encryption: { mode: 'recipients', recipients: [bob.ageRecipient] },
      scope: 'case',
      marking: 'RESERVADO',
      now: new Date('2026-11-24T10:00:00Z'),
    },
  ));
  parts = await unpack(bundle, bob);
});

const toBob = () => ({ mode: 'recipients' as const, recipients: [bob.ageRecipient] });
/** The two ways a reader hashes: incrementally (Node, fallbacks), or whole with WebCrypto (the bundle worker). */
const webCryptoSha256: Sha256Whole = async (bytes) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
const HASHINGS: ReadonlyArray<[string, Sha256Hashing]> = [
  ['hashed incrementally', {}],
  ['hashed whole by WebCrypto', { sha256Whole: webCryptoSha256 }],
];
const errorWith =
  (hashing: Sha256Hashing) =>
  async (file: Uint8Array): Promise<BundleError | undefined> => {
    const result = await openBundle(file, { key: { identity: bob.ageIdentity }, trustedSigningKeys: [alice.signingKey], ...hashing });
    return result.ok ? undefined : result.error;
  };
const clone = (m: BundleManifest): BundleManifest => JSON.parse(JSON.stringify(m)) as BundleManifest;
const entry = (path: string) => parts.entries.find(([p]) => p === path)![1];
const hex = (b: Uint8Array) => bytesToHex(sha256(b));
const flip = (bytes: Uint8Array, at: number, xor = 1) => {
  bytes[at] = bytes[at]! ^ xor;
};

/** Replace one entry and fix up the manifest (size and hash) and its signature, as a sender could. */
function signedWith(path: string, bytes: Uint8Array, signer = alice): Array<[string, Uint8Array]> {
  const manifest = clone(parts.manifest);
  const listed = manifest.entries.find((e) => e.path === path)!;
  listed.size = bytes.length;
  listed.sha256 = hex(bytes);
  const entries = withManifest(parts, manifest, signer);
  return entries.map(([p, b]) => [p, p === path ? bytes : b]);
}

describe.each(HASHINGS)('a bundle that must be refused (%s)', (_, hashing) => {
  const errorOf = errorWith(hashing);

  it('opens when nothing is wrong (the baseline the other cases change one thing of)', async () => {
    expect(await errorOf(await repack(parts.entries, toBob()))).toBeUndefined();
  });

  it('is not an age file', async () => {
    expect(await errorOf(new TextEncoder().encode('PK\u0003\u0004 not encrypted'))).toEqual({ code: 'not_an_age_file' });
  });

  it('was encrypted to someone else', async () => {
    const forCarol = await repack(parts.entries, { mode: 'recipients', recipients: [carol.ageRecipient] });
    expect(await errorOf(forCarol)).toEqual({ code: 'not_for_you', recipients: [] });
  });

  it('was signed for someone else and re-encrypted to us', async () => {
    const { snapshot, audit, attachmentBytes } = fixtureContents();
    const { bytes } = await writeBundle(
      { snapshot, audit, attachments: attachmentsFromMap(attachmentBytes) },
      { sender: alice, encryption: { mode: 'recipients', recipients: [carol.ageRecipient] }, scope: 'case', marking: 'RESERVADO', now: new Date() },
    );
    const carolsParts = await unpack(bytes, carol);
    expect(await errorOf(await repack(carolsParts.entries, toBob()))).toEqual({ code: 'not_for_you', recipients: [carol.ageRecipient] });
  });

  it('needs a passphrase when opened with a key, and a key when opened with a passphrase', async () => {
    const byPassphrase = await repack(parts.entries, { mode: 'passphrase', passphrase: 'pw', workFactor: 10 });
    expect(await errorOf(byPassphrase)).toEqual({ code: 'needs_passphrase' });
    const opened = await openBundle(bundle, { key: { passphrase: 'pw' }, trustedSigningKeys: [] });
    expect(opened).toEqual({ ok: false, error: { code: 'needs_identity' } });
  });

  it('was altered in transit (one ciphertext byte flipped)', async () => {
    const tampered = bundle.slice();
    flip(tampered, tampered.length - 100);
    expect(await errorOf(tampered)).toEqual({ code: 'bundle_damaged' });
  });

  it('was altered in its header', async () => {
    const text = new TextDecoder().decode(bundle.subarray(0, 200));
    // Every bit of one character of the recipient stanza: whether the result still parses as base64
    // or not, the reader must call the file damaged or not meant for us — never "not an age file".
    for (let bit = 0; bit < 7; bit += 1) {
      const tampered = bundle.slice();
      flip(tampered, text.indexOf('X25519') + 10, 1 << bit);
      expect((await errorOf(tampered))?.code).toMatch(/^(bundle_damaged|not_for_you)$/);
    }
  });

  it('was truncated', async () => {
    expect(await errorOf(bundle.subarray(0, bundle.length - 1000))).toEqual({ code: 'bundle_damaged' });
    expect(await errorOf(bundle.subarray(0, bundle.length - 17))).toEqual({ code: 'bundle_damaged' });
  });

  it('has an unknown format version', async () => {
    const manifest = { ...clone(parts.manifest), version: 2 };
    expect(await errorOf(await repack(withManifest(parts, manifest, alice), toBob()))).toEqual({ code: 'unsupported_version', version: 2 });
  });

  it('is not a Vigía bundle', async () => {
    const manifest = { ...clone(parts.manifest), format: 'other' };
    expect(await errorOf(await repack(withManifest(parts, manifest, alice), toBob()))).toEqual({ code: 'not_a_bundle', format: 'other' });
  });

  it('comes from a signer the reader has not trusted, and says who', async () => {
    const opened = await openBundle(bundle, { key: { identity: bob.ageIdentity }, trustedSigningKeys: [] });
    expect(opened).toEqual({ ok: false, error: { code: 'untrusted_signer', name: 'Alice', signingKey: alice.signingKey, fingerprint: alice.fingerprint } });
  });

  it('claims a sender whose key did not sign it', async () => {
    const manifest = clone(parts.manifest);
    manifest.sender = { name: 'Alice', signingKey: carol.signingKey, fingerprint: carol.fingerprint, ageRecipient: carol.ageRecipient };
    expect(await errorOf(await repack(withManifest(parts, manifest, undefined), toBob()))).toEqual({ code: 'signature_key_mismatch' });
  });

  it('has a manifest changed after signing', async () => {
    const manifest = { ...clone(parts.manifest), marking: 'TLP_CLEAR' };
    expect(await errorOf(await repack(withManifest(parts, manifest, undefined), toBob()))).toEqual({ code: 'signature_invalid' });
  });

  it('has no signature', async () => {
    const manifest = clone(parts.manifest);
    const entries = parts.entries.filter(([p]) => p !== 'manifest.json.minisig');
    expect(await errorOf(await repack(withManifest({ entries, manifest }, manifest, undefined), toBob()))).toEqual({ code: 'signature_missing' });
  });

  it('has an entry that is not in the manifest', async () => {
    const extra: [string, Uint8Array] = ['records/notes.ndjson', new TextEncoder().encode('{}\n')];
    expect(await errorOf(await repack([...parts.entries, extra], toBob()))).toEqual({ code: 'entry_not_in_manifest', path: 'records/notes.ndjson' });
  });

  it('lacks an entry the manifest lists', async () => {
    const entries = parts.entries.filter(([p]) => p !== 'records/prisons.ndjson');
    expect(await errorOf(await repack(entries, toBob()))).toEqual({ code: 'entry_missing', path: 'records/prisons.ndjson' });
  });

  it('has duplicate entry names', async () => {
    const dup: [string, Uint8Array] = ['records/persons.ndjson', entry('records/persons.ndjson')];
    expect(await errorOf(await repack([...parts.entries, dup], toBob()))).toEqual({ code: 'entry_duplicate', path: 'records/persons.ndjson' });
  });

  it.each(['../evil.sh', '/etc/passwd', 'records/../../x', 'attachments\\..\\x', 'audit/..ndjson', 'records/unknown.ndjson'])(
    'has an entry named %s',
    async (path) => {
      const evil: [string, Uint8Array] = [path, new Uint8Array(1)];
      expect(await errorOf(await repack([...parts.entries, evil], toBob()))).toEqual({ code: 'entry_name_invalid', path });
    },
  );

  it('puts the manifest anywhere but first', async () => {
    const [first, ...rest] = parts.entries;
    expect(await errorOf(await repack([...rest, first!], toBob()))).toEqual({ code: 'manifest_not_first' });
  });

  it('has an entry over its documented size limit', async () => {
    const big = new Uint8Array(5000).fill(0x41);
    const entries = parts.entries.map(([p, b]) => [p, p === 'manifest.json.minisig' ? big : b] as [string, Uint8Array]);
    expect(await errorOf(await repack(entries, toBob()))).toEqual({ code: 'entry_too_large', path: 'manifest.json.minisig', size: 5000, limit: 4096 });
  });

  it('has an attachment whose bytes do not match the manifest', async () => {
    const path = parts.entries.find(([p]) => p.startsWith('attachments/'))![0];
    const altered = entry(path).slice();
    flip(altered, 5, 0xff);
    const entries = parts.entries.map(([p, b]) => [p, p === path ? altered : b] as [string, Uint8Array]);
    expect(await errorOf(await repack(entries, toBob()))).toEqual({ code: 'entry_hash_mismatch', path });
  });

  it('has an entry whose size differs from the manifest', async () => {
    const path = 'records/persons.ndjson';
    const longer = new Uint8Array([...entry(path), 0x0a]);
    const entries = parts.entries.map(([p, b]) => [p, p === path ? longer : b] as [string, Uint8Array]);
    expect(await errorOf(await repack(entries, toBob()))).toMatchObject({ code: 'entry_size_mismatch', path });
  });

  it('carries an invalid record, even when signed', async () => {
    const persons = new TextDecoder().decode(entry('records/persons.ndjson')).replace('"primaryName":"Ahmed Fixture"', '"primaryName":""');
    const file = await repack(signedWith('records/persons.ndjson', new TextEncoder().encode(persons)), toBob());
    expect(await errorOf(file)).toEqual({ code: 'record_invalid', path: 'records/persons.ndjson', line: 1, issues: [{ path: 'primaryName', code: 'empty_name' }] });
  });

  it('carries a line that is not JSON', async () => {
    const file = await repack(signedWith('records/prisons.ndjson', new TextEncoder().encode('{"id":\n')), toBob());
    expect(await errorOf(file)).toEqual({ code: 'record_not_json', path: 'records/prisons.ndjson', line: 1 });
  });

  it('carries a record of a case the manifest does not name', async () => {
    const prisons = new TextDecoder().decode(entry('records/prisons.ndjson')).replace('"caseId":"case:fixture"', '"caseId":"case:other"');
    const file = await repack(signedWith('records/prisons.ndjson', new TextEncoder().encode(prisons)), toBob());
    expect(await errorOf(file)).toEqual({ code: 'record_wrong_case', path: 'records/prisons.ndjson', line: 1, caseId: 'case:other' });
  });

  it('carries the same record twice', async () => {
    const persons = new TextDecoder().decode(entry('records/persons.ndjson'));
    const first = persons.split('\n')[0]!;
    const file = await repack(signedWith('records/persons.ndjson', new TextEncoder().encode(`${first}\n${first}\n`)), toBob());
    expect(await errorOf(file)).toEqual({ code: 'record_duplicate', path: 'records/persons.ndjson', id: 'person:fixture-1' });
  });

  it('carries a record line over the documented limit', async () => {
    const line = `{"pad":"${'x'.repeat(1024 * 1024)}"}\n`;
    const file = await repack(signedWith('records/prisons.ndjson', new TextEncoder().encode(line)), toBob());
    expect(await errorOf(file)).toEqual({ code: 'record_line_too_long', path: 'records/prisons.ndjson', line: 1, limit: 1024 * 1024 });
  });

  it('carries an invalid audit entry', async () => {
    const path = parts.entries.find(([p]) => p.startsWith('audit/'))![0];
    const file = await repack(signedWith(path, new TextEncoder().encode('{"id":"audit:x"}\n')), toBob());
    expect(await errorOf(file)).toMatchObject({ code: 'audit_invalid', path, line: 1 });
  });

  it('is not a ZIP inside', async () => {
    const file = await encryptBytes(new Uint8Array(100), toBob());
    expect(await errorOf(file)).toEqual({ code: 'zip_invalid' });
  });
});
