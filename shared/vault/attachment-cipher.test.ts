import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkCount, DamagedAttachmentError, newAttachmentStoreKey, openAttachment, sealAttachment } from './attachment-cipher';
import { randomBytes } from './random';

const key = randomBytes(32);
const CHUNK = 100; // small chunks, so short test inputs span several

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
  it('round-trip any bytes, in as many chunks as they need (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 450 }), (content) => {
        const storeKey = newAttachmentStoreKey();
        const chunks = sealAttachment(key, storeKey, content, CHUNK);
        expect(chunks).toHaveLength(chunkCount(content.length, CHUNK));
        expect(openAttachment(key, storeKey, chunks)).toEqual(content);
      }),
      { numRuns: 100 },
    );
  });

  it('are stored under a random key that says nothing about the content', () => {
    const a = newAttachmentStoreKey();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newAttachmentStoreKey()).not.toBe(a);
  });

  it('refuse a dropped, added, reordered or foreign chunk, and a flipped bit', () => {
    const content = randomBytes(350);
    const chunks = sealAttachment(key, 'att-1', content, CHUNK);
    expect(chunks).toHaveLength(4);
    expect(damaged(() => openAttachment(key, 'att-1', chunks.slice(0, 3)))).toMatchObject({ storeKey: 'att-1', chunk: 0, reason: 'authentication' });
    expect(damaged(() => openAttachment(key, 'att-1', [...chunks, chunks[3]!])).reason).toBe('authentication');
    expect(damaged(() => openAttachment(key, 'att-1', [chunks[1]!, chunks[0]!, chunks[2]!, chunks[3]!])).chunk).toBe(0);
    const other = sealAttachment(key, 'att-2', content, CHUNK);
    expect(damaged(() => openAttachment(key, 'att-1', [chunks[0]!, other[1]!, chunks[2]!, chunks[3]!])).chunk).toBe(1);
    expect(damaged(() => openAttachment(key, 'att-2', chunks)).storeKey).toBe('att-2');
    const flipped = chunks[2]!.slice();
    flipped[60]! ^= 0x04;
    expect(damaged(() => openAttachment(key, 'att-1', [chunks[0]!, chunks[1]!, flipped, chunks[3]!])).chunk).toBe(2);
    expect(damaged(() => openAttachment(key, 'att-1', [])).reason).toBe('count');
    expect(damaged(() => openAttachment(randomBytes(32), 'att-1', chunks)).reason).toBe('authentication');
  });

  it('seal an empty attachment as one chunk, so losing every chunk is detected', () => {
    const chunks = sealAttachment(key, 'empty', new Uint8Array(0));
    expect(chunks).toHaveLength(1);
    expect(openAttachment(key, 'empty', chunks)).toEqual(new Uint8Array(0));
  });

  it('use 64 KiB chunks by default', () => {
    expect(chunkCount(64 * 1024)).toBe(1);
    expect(chunkCount(64 * 1024 + 1)).toBe(2);
    expect(sealAttachment(key, 'big', randomBytes(200_000))).toHaveLength(4);
  });
});
