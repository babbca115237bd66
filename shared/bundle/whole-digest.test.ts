import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateAnalystIdentity, type AnalystIdentity } from '../identity/analyst-identity';
import { WHOLE_DIGEST_MAX_BYTES, type Sha256Whole } from './hashing';
import { openBundle } from './read';
import { fixtureAttachment, fixtureContents } from './test-support';
import { stagedAttachmentBytes } from './test-support';
import { attachmentsFromMap, writeBundle, type AttachmentSource } from './write';

/**
 * The bundle worker hashes record files (and, reading, attachments up to WHOLE_DIGEST_MAX_BYTES) with
 * WebCrypto's one-shot digest, and the rest incrementally. Either way the manifest, the checks and the
 * staged result must be the ones the incremental hasher gives.
 */
const now = new Date('2026-11-24T10:00:00.000Z');
let alice: AnalystIdentity;

beforeAll(async () => {
  alice = await generateAnalystIdentity('Alice');
});

/** WebCrypto's digest, remembering the size of everything it was given. */
function countingDigest(): { digest: Sha256Whole; sizes: number[] } {
  const sizes: number[] = [];
  return {
    sizes,
    digest: async (bytes) => {
      sizes.push(bytes.length);
      return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
    },
  };
}

/** The fixture case plus one attachment just over the whole-digest limit, served in 1 MiB chunks as the blob store does. */
function caseWithLargeAttachment() {
  const { snapshot, audit, attachmentBytes } = fixtureContents();
  const large = new Uint8Array(WHOLE_DIGEST_MAX_BYTES + 3);
  for (let i = 0; i < large.length; i += 997) large[i] = i & 0xff;
  const record = fixtureAttachment('attachment:large', snapshot.persons[0]!.id, large);
  const bytes = new Map([...attachmentBytes, [record.sha256, large]]);
  const source: AttachmentSource = {
    has: (sha) => bytes.has(sha),
    async *chunks(sha) {
      const whole = bytes.get(sha)!;
      for (let at = 0; at < whole.length; at += 1 << 20) yield whole.subarray(at, at + (1 << 20));
    },
  };
  return { snapshot: { ...snapshot, attachments: [...snapshot.attachments, record] }, audit, bytes, source, large };
}

const write = (contents: ReturnType<typeof caseWithLargeAttachment>, sha256Whole?: Sha256Whole) =>
  writeBundle(
    { snapshot: contents.snapshot, audit: contents.audit, attachments: contents.source },
    { sender: alice, encryption: { mode: 'recipients', recipients: [alice.ageRecipient] }, scope: 'case', marking: 'RESERVADO', now, bundleId: '5f0c8f5e-1b7a-4c55-9d3e-0a6f1c2b3d4e', ...(sha256Whole ? { sha256Whole } : {}) },
  );

describe('hashing whole with WebCrypto', () => {
  it('writes the manifest the incremental hasher writes, digesting the record files whole and streaming attachments', async () => {
    const contents = caseWithLargeAttachment();
    const counting = countingDigest();
    const whole = await write(contents, counting.digest);
    const incremental = await write(contents);
    expect(whole.manifest).toEqual(incremental.manifest);
    expect(whole.manifest.entries.find((e) => e.sha256 === bytesToHex(sha256(contents.large)))?.size).toBe(WHOLE_DIGEST_MAX_BYTES + 3);
    // Every record and audit file went through the digest, and nothing else: attachments are not held to be hashed.
    const files = whole.manifest.entries.filter((e) => !e.path.startsWith('attachments/'));
    expect(counting.sizes.sort((a, b) => a - b)).toEqual(files.map((e) => e.size).sort((a, b) => a - b));
    // Two whole bundles with a large attachment: about 4 s alone on 2 cores, over vitest's 5 s default
    // when the suite runs beside other work. A limit, not a timed assertion.
  }, 30_000);

  it('opens what it wrote to the same records and attachment bytes', async () => {
    const contents = caseWithLargeAttachment();
    const { bytes } = await write(contents);
    const counting = countingDigest();
    const opened = await openBundle(bytes, { key: { identity: alice.ageIdentity }, trustedSigningKeys: [alice.signingKey], sha256Whole: counting.digest });
    if (!opened.ok) throw new Error(opened.error.code);
    expect(opened.value.snapshot).toEqual(contents.snapshot);
    // Compared by hash: a 16 MiB difference is not something to print.
    const staged = await stagedAttachmentBytes(opened.value);
    expect([...staged].map(([sha, b]) => [sha, bytesToHex(sha256(b))])).toEqual([...contents.bytes].map(([sha]) => [sha, sha]));
    // Record files and the small attachment were digested whole; the one above the limit streamed.
    const small = [...contents.bytes.values()].filter((b) => b.length <= WHOLE_DIGEST_MAX_BYTES).map((b) => b.length);
    const files = opened.value.manifest.entries.filter((e) => !e.path.startsWith('attachments/')).map((e) => e.size);
    expect(counting.sizes.sort((a, b) => a - b)).toEqual([...files, ...small].sort((a, b) => a - b));
  });

  it('still refuses to write an attachment whose bytes are not those of its record, or not as many', async () => {
    const { snapshot, audit, attachmentBytes } = fixtureContents();
    const [sha, good] = [...attachmentBytes][0]!;
    const digest = countingDigest().digest;
    const options = { sender: alice, encryption: { mode: 'recipients' as const, recipients: [alice.ageRecipient] }, scope: 'case' as const, marking: 'RESERVADO' as const, now, sha256Whole: digest };
    const altered = good.slice();
    altered[7] = altered[7]! ^ 1;
    await expect(writeBundle({ snapshot, audit, attachments: attachmentsFromMap(new Map([[sha, altered]])) }, options)).rejects.toThrow(/attachment_hash_mismatch/);
    await expect(writeBundle({ snapshot, audit, attachments: attachmentsFromMap(new Map([[sha, good.subarray(1)]])) }, options)).rejects.toThrow(/attachment_size_mismatch/);
    await expect(writeBundle({ snapshot, audit, attachments: attachmentsFromMap(new Map([[sha, new Uint8Array([...good, 0])]])) }, options)).rejects.toThrow(
      /attachment_size_mismatch/,
    );
  });
});
