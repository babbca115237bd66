import { open } from 'node:fs/promises';

/** A file opened for reading in chunks at offsets (a bundle, or a utility process's staged plaintext). */
export interface ReadableFile {
  readonly size: number;
  /** Up to `length` bytes at `offset`; fewer only at the end of the file. */
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface WritableFile {
  write(bytes: Uint8Array): Promise<void>;
  /** fsync: the bytes are on the disk, not in a cache, before the rename makes them the file. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The large-file handles' real files: one descriptor each, positioned reads, appending writes. */
export async function openForReading(file: string): Promise<ReadableFile> {
  const descriptor = await open(file, 'r');
  try {
    const { size } = await descriptor.stat();
    return {
      size,
      async read(offset, length) {
        const buffer = new Uint8Array(length);
        const { bytesRead } = await descriptor.read(buffer, 0, length, offset);
        // A copy at the end of the file: IPC would otherwise send the whole backing buffer.
        return bytesRead === length ? buffer : buffer.slice(0, bytesRead);
      },
      close: () => descriptor.close(),
    };
  } catch (error) {
    await descriptor.close();
    throw error;
  }
}

/** 'wx': never overwrites; 0o600: a partial bundle is readable by its owner only. */
export async function createExclusive(file: string): Promise<WritableFile> {
  const descriptor = await open(file, 'wx', 0o600);
  return {
    async write(bytes) {
      let at = 0;
      while (at < bytes.byteLength) at += (await descriptor.write(bytes, at, bytes.byteLength - at)).bytesWritten;
    },
    sync: () => descriptor.sync(),
    close: () => descriptor.close(),
  };
}
