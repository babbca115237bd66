import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFileStage } from './staged-file';

describe('Node stages a decrypted bundle in a temporary file', () => {
  it('that only its owner can read, reads back any range, and is gone once discarded', async () => {
    // Past one 4 MiB write batch, so a batch boundary falls inside the file.
    const bytes = new Uint8Array(5 * 1024 * 1024 + 17);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 131) & 0xff;
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;
    const sink = await tempFileStage(bytes.length);
    for (let at = 0; at < bytes.length; at += 65_536) await sink.write(bytes.subarray(at, at + 65_536));
    const staged = await sink.finish();
    expect(statSync(sink.path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(sink.path)).mode & 0o777).toBe(0o700);
    expect(staged.size).toBe(bytes.length);
    expect(await staged.read(0, 10)).toEqual(bytes.subarray(0, 10));
    expect(same(await staged.read(4 * 1024 * 1024 - 3, 1024 * 1024), bytes.subarray(4 * 1024 * 1024 - 3, 5 * 1024 * 1024 - 3))).toBe(true);
    expect(same(await staged.read(0, bytes.length), bytes)).toBe(true);
    expect(await staged.read(bytes.length - 5, 100)).toEqual(bytes.subarray(bytes.length - 5));
    await staged.discard();
    expect(existsSync(dirname(sink.path))).toBe(false);
    await staged.discard();
  });

  it('is deleted when decryption fails before it finished', async () => {
    const sink = await tempFileStage(10);
    await sink.write(new Uint8Array(4));
    expect(existsSync(sink.path)).toBe(true);
    await sink.discard();
    expect(existsSync(dirname(sink.path))).toBe(false);
  });

  it('writes behind: many batches in flight come back byte for byte, whatever the chunk sizes', async () => {
    // Six and a half 4 MiB batches, written in uneven chunks, so batch buffers are reused while others are written.
    const bytes = new Uint8Array(26 * 1024 * 1024 + 5);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 7919) & 0xff;
    const sink = await tempFileStage(bytes.length);
    const sizes = [1, 65_536, 3_000_001, 17, 4 * 1024 * 1024];
    for (let at = 0, i = 0; at < bytes.length; i += 1) {
      const n = sizes[i % sizes.length]!;
      await sink.write(bytes.subarray(at, at + n));
      at += n;
    }
    const staged = await sink.finish();
    expect(Buffer.compare(await staged.read(0, bytes.length), bytes)).toBe(0);
    expect(Buffer.compare(await staged.read(8 * 1024 * 1024 - 2, 9), bytes.subarray(8 * 1024 * 1024 - 2, 8 * 1024 * 1024 + 7))).toBe(0);
    await staged.discard();
    expect(existsSync(dirname(sink.path))).toBe(false);
  });

  it('reports a write that failed behind the decryption, and leaves no file', async () => {
    const sink = await tempFileStage(12 * 1024 * 1024);
    await sink.write(new Uint8Array(3 * 1024 * 1024));
    // The store goes away under the writer (as a full or vanished disk would): the next batch fails.
    await sink.discard();
    const writing = (async () => {
      await sink.write(new Uint8Array(6 * 1024 * 1024));
      await sink.finish();
    })();
    await expect(writing).rejects.toThrow();
    expect(existsSync(dirname(sink.path))).toBe(false);
  });
});
