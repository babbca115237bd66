import { hexToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../json';
import { aadOf, sealBytes } from './aead';
import {
  ATTACHMENT_FORMAT,
  CHUNK_OVERHEAD,
  chunkCount,
  DamagedAttachmentError,
  newAttachmentStoreKey,
  openAttachment,
  sealAttachment,
  UNPADDED_ATTACHMENT_FORMAT,
} from './attachment-cipher';
import { randomBytes } from './random';
import { paddedLength } from './record-cipher';

const key = randomBytes(32);
const CHUNK = 100; // small chunks, so short test inputs span several

const joined = (chunks: readonly Uint8Array[]) => {
  const all = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
};
const padded = (size: number) => ({ format: ATTACHMENT_FORMAT, size });

function damaged(run: () => unknown): DamagedAttachmentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DamagedAttachmentError);
    return error as DamagedAttachmentError;
  }
  throw new Error('expected a DamagedAttachmentError');
}

describe('attachment chunks', () => {
  it('round-trip any bytes, in as many chunks as their bucket needs (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 450 }), (content) => {
        const storeKey = newAttachmentStoreKey();
        const chunks = sealAttachment(key, storeKey, content, CHUNK);
        expect(chunks).toHaveLength(chunkCount(paddedLength(content.length), CHUNK));
        expect(openAttachment(key, storeKey, padded(content.length), joined(chunks), CHUNK)).toEqual(content);
      }),
      { numRuns: 100 },
    );
  });

  it('are stored at the length of the size’s bucket, so sizes in one bucket look alike on disk', () => {
    const stored = (size: number) => joined(sealAttachment(key, 'a', randomBytes(size))).length;
    for (const size of [0, 1, 31, 32, 33, 1000, 70_000, 200_000, 1_000_000]) {
      const bucket = paddedLength(size);
      expect(stored(size)).toBe(bucket + chunkCount(bucket) * CHUNK_OVERHEAD);
    }
    expect(stored(33)).toBe(stored(64));
    expect(stored(1_000_000)).toBe(stored(paddedLength(1_000_000)));
    // Not the size plus the overhead, as format 1 was.
    expect(stored(1_000_000)).not.toBe(1_000_000 + chunkCount(1_000_000) * CHUNK_OVERHEAD);
    // The padding of a large file may fill more than the last chunk: the number of chunks is rounded too.
    const large = 4 * 1024 * 1024 + 1;
    expect(chunkCount(paddedLength(large))).toBeGreaterThan(chunkCount(large));
  });

  it('are stored under a random key that says nothing about the content', () => {
    const a = newAttachmentStoreKey();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newAttachmentStoreKey()).not.toBe(a);
  });

  it('refuse a dropped, added, reordered or foreign chunk, a flipped bit, bytes cut short, another size or key', () => {
    const content = randomBytes(350);
    const chunks = sealAttachment(key, 'att-1', content, CHUNK);
    expect(chunks).toHaveLength(4); // 350 bytes padded to 352
    const open = (parts: readonly Uint8Array[], storeKey = 'att-1', size = 350, sealKey = key) => openAttachment(sealKey, storeKey, padded(size), joined(parts), CHUNK);
    expect(open(chunks)).toEqual(content);
    expect(damaged(() => open(chunks.slice(0, 3)))).toMatchObject({ storeKey: 'att-1', chunk: 3, reason: 'count' });
    expect(damaged(() => open([...chunks, chunks[3]!])).reason).toBe('count');
    expect(damaged(() => open([chunks[1]!, chunks[0]!, chunks[2]!, chunks[3]!])).chunk).toBe(0);
    const other = sealAttachment(key, 'att-2', content, CHUNK);
    expect(damaged(() => open([chunks[0]!, other[1]!, chunks[2]!, chunks[3]!]))).toMatchObject({ chunk: 1, reason: 'authentication' });
    expect(damaged(() => open(chunks, 'att-2')).storeKey).toBe('att-2');
    const flipped = chunks[2]!.slice();
    flipped[60]! ^= 0x04;
    expect(damaged(() => open([chunks[0]!, chunks[1]!, flipped, chunks[3]!])).chunk).toBe(2);
    expect(damaged(() => openAttachment(key, 'att-1', padded(350), joined(chunks).subarray(0, 400), CHUNK)).reason).toBe('count');
    // Another size in the same bucket: the same stored length, but the chunks are bound to their size.
    expect(damaged(() => open(chunks, 'att-1', 351))).toMatchObject({ chunk: 0, reason: 'authentication' });
    expect(damaged(() => open(chunks, 'att-1', 350, randomBytes(32))).reason).toBe('authentication');
    for (const sealing of [{ format: 3, size: 350 }, { format: ATTACHMENT_FORMAT, size: -1 }, { format: ATTACHMENT_FORMAT, size: 1.5 }]) {
      expect(damaged(() => openAttachment(key, 'att-1', sealing, joined(chunks), CHUNK)).reason).toBe('format');
    }
    // Format 2 chunks read as format 1 (a row's `sealing` changed): refused, not read unpadded.
    expect(damaged(() => openAttachment(key, 'att-1', { format: UNPADDED_ATTACHMENT_FORMAT, size: 352 }, joined(chunks), CHUNK))).toMatchObject({ chunk: 0, reason: 'format' });
  });

  it('seal an empty attachment as one chunk of padding, so losing every chunk is detected', () => {
    const chunks = sealAttachment(key, 'empty', new Uint8Array(0));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toHaveLength(32 + CHUNK_OVERHEAD);
    expect(openAttachment(key, 'empty', padded(0), joined(chunks))).toEqual(new Uint8Array(0));
    expect(damaged(() => openAttachment(key, 'empty', padded(0), new Uint8Array(0))).reason).toBe('count');
  });

  it('use 64 KiB chunks by default', () => {
    expect(chunkCount(64 * 1024)).toBe(1);
    expect(chunkCount(64 * 1024 + 1)).toBe(2);
    const content = randomBytes(200_000);
    const chunks = sealAttachment(key, 'big', content);
    expect(chunks).toHaveLength(4);
    expect(chunks.slice(0, 3).map((chunk) => chunk.length)).toEqual([65_536 + CHUNK_OVERHEAD, 65_536 + CHUNK_OVERHEAD, 65_536 + CHUNK_OVERHEAD]);
    expect(openAttachment(key, 'big', padded(200_000), joined(chunks))).toEqual(content);
  });
});

/**
 * Format 2 written out by hand, as docs/security.md lays it out: zeros after the content up to its
 * bucket, the associated data the canonical JSON of {purpose, format, storeKey, index, count, size}.
 */
describe('format 2 as specified', () => {
  const chunkOf = (plaintext: Uint8Array, size: number, index = 0, count = 1) => {
    const chunk = sealBytes(key, plaintext, aadOf(canonicalJson({ purpose: 'vigia.attachment-chunk', format: 2, storeKey: 'spec', index, count, size })), 1);
    chunk[0] = 2;
    return chunk;
  };
  const text = new TextEncoder().encode('parte de traslado');

  it('opens chunks built from the layout alone', () => {
    const plaintext = new Uint8Array(32);
    plaintext.set(text);
    expect(openAttachment(key, 'spec', padded(text.length), chunkOf(plaintext, text.length))).toEqual(text);
    const two = new Uint8Array(64);
    two.set(text, 40);
    expect(openAttachment(key, 'spec', padded(57), joined([chunkOf(two.subarray(0, 50), 57, 0, 2), chunkOf(two.subarray(50), 57, 1, 2)]), 50)).toEqual(two.subarray(0, 57));
  });

  it('refuses authentic chunks whose padding is not zeros', () => {
    const plaintext = new Uint8Array(32).fill(0x20);
    plaintext.set(text);
    expect(damaged(() => openAttachment(key, 'spec', padded(text.length), chunkOf(plaintext, text.length)))).toMatchObject({ chunk: 0, reason: 'padding' });
    const lastByte = new Uint8Array(32);
    lastByte.set(text);
    lastByte[31] = 1;
    expect(damaged(() => openAttachment(key, 'spec', padded(text.length), chunkOf(lastByte, text.length))).reason).toBe('padding');
  });
});

describe('format 1 attachments, sealed before padding', () => {
  // Sealed by the code as it shipped (commit ed81a6e), with this key and 100-byte chunks: what a
  // workstation holds today. Any change to how format 1 is opened that would strand them fails here.
  const shippedKey = Uint8Array.from({ length: 32 }, (_, i) => (i * 29 + 3) & 255);
  const report = 'Informe de traslado del interno al módulo 4, con la relación de visitas y comunicaciones del último trimestre. '.repeat(3).slice(0, 250);
  const content = new TextEncoder().encode(report);
  const shippedChunks = [
    '010ed7b7fc97cd85d5b0903a4a6f956a6fc40be01c6cee885bbc98f532eee6a0b1f7926b0362f031a513ae889a80a256328ddaf4e5fbbe183106e2c1feb845377c91c3bb486927033eca0a808f194a9cc36f3da600ef7cc78dd7182de8e4885ca1cf5050fc8f76806e7951a35d613852f2105a5623c52f1b9b49084d72c55b7b30f3fb17a8019d5f80699a1ff0',
    '01b64363e6ad607aca910e8ee3062565432c5b8c6401f67280afc3b50e132d8fc875af5e48d677a461b9e6d4ba19c0a53ccdef1a19a1bf96eabe0eae3e21bcf33cb129f72a662963adc079eab0a99f1ce459193df758dcdb41d43a3eccbf3aaafe6f135cba40f3c8a32930ab9c7c0a0fae59f175a733506cb5ade3e403fdc57dc1a2dde3bcf3d27740253e8ee2',
    '01d03881fb024e8cbd66d2fefa4658787373cb40480acfa3498b5d6dfe879484bc8f1e8bb4e70a407da46ad725a1c4ca44d887b508a3d790181d4e497bdaf44a44b4fded4dbccc7c469f8795c57b406f78f791354244ea4a8ddb307c1bc3f83d06',
  ].map((hex) => hexToBytes(hex));
  const shippedEmpty = hexToBytes('013f607246543eff5070dcc1020b5f9e3ab3004db008a77d098b1648918a24dd2fc7dcba5d7e5fee94');
  const unpadded = (size: number) => ({ format: UNPADDED_ATTACHMENT_FORMAT, size });

  it('still open, chunks of exactly their bytes', () => {
    expect(content).toHaveLength(256);
    expect(openAttachment(shippedKey, 'sha256:informe', unpadded(256), joined(shippedChunks), CHUNK)).toEqual(content);
    expect(openAttachment(shippedKey, 'sha256:empty', unpadded(0), shippedEmpty)).toEqual(new Uint8Array(0));
  });

  it('are still refused when moved, cut, reordered, flipped or read as format 2', () => {
    const open = (parts: readonly Uint8Array[], storeKey = 'sha256:informe', sealing = unpadded(256)) => openAttachment(shippedKey, storeKey, sealing, joined(parts), CHUNK);
    expect(damaged(() => open(shippedChunks, 'sha256:other')).reason).toBe('authentication');
    expect(damaged(() => open(shippedChunks.slice(0, 2), 'sha256:informe', unpadded(200)))).toMatchObject({ chunk: 0, reason: 'authentication' });
    expect(damaged(() => open(shippedChunks.slice(0, 2))).reason).toBe('count');
    expect(damaged(() => open([shippedChunks[1]!, shippedChunks[0]!, shippedChunks[2]!])).chunk).toBe(0);
    const flipped = shippedChunks[2]!.slice();
    flipped[30]! ^= 1;
    expect(damaged(() => open([shippedChunks[0]!, shippedChunks[1]!, flipped]))).toMatchObject({ chunk: 2, reason: 'authentication' });
    // Read as format 2 (its row's `sealing` changed): the format byte does not fit (256 is its own bucket), or the lengths do not.
    expect(damaged(() => open(shippedChunks, 'sha256:informe', padded(256)))).toMatchObject({ chunk: 0, reason: 'format' });
    expect(damaged(() => openAttachment(shippedKey, 'sha256:empty', padded(0), shippedEmpty)).reason).toBe('count');
  });
});
