import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { Sha256Factory } from '../../../shared/bundle/hashing';

/**
 * What the CLI commands need from the outside world, injected so that tests run on an in-memory
 * file system and only the interop tests touch real files.
 */
export interface CliIo {
  readFile(path: string): Promise<Uint8Array>;
  /** `secret` files (keys) are created readable by their owner only. */
  writeFile(path: string, bytes: Uint8Array, options?: { secret?: boolean }): Promise<void>;
  /** Writes a stream as it arrives, so a large bundle never sits in memory whole. */
  writeStream(path: string, stream: ReadableStream<Uint8Array>): Promise<void>;
  /** A file's bytes in chunks (attachments can be 256 MiB). */
  readChunks(path: string): AsyncIterable<Uint8Array>;
  exists(path: string): Promise<boolean>;
  /** Creates the folder and its parents. */
  mkdir(path: string): Promise<void>;
  /** Names in a folder; an empty list when the folder does not exist. */
  readDir(path: string): Promise<string[]>;
  stdout(line: string): void;
  stderr(line: string): void;
  now(): Date;
}

export const nodeIo: CliIo = {
  readFile: async (path) => new Uint8Array(await readFile(path)),
  writeFile: (path, bytes, options) => writeFile(path, bytes, options?.secret ? { mode: 0o600, flag: 'wx' } : {}),
  writeStream: async (path, stream) => {
    // Written beside the target and renamed at the end: a failed export leaves no half bundle behind.
    const partial = `${path}.partial`;
    const file = await open(partial, 'w');
    try {
      const reader = stream.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (value) await file.write(value);
      }
      await file.close();
      await rename(partial, path);
    } catch (error) {
      await file.close().catch(() => undefined);
      await rm(partial, { force: true });
      throw error;
    }
  },
  readChunks: (path) => createReadStream(path, { highWaterMark: 1024 * 1024 }),
  exists: async (path) => {
    try {
      await stat(path);
      return true;
    } catch {
      return false;
    }
  },
  mkdir: async (path) => {
    await mkdir(path, { recursive: true });
  },
  readDir: async (path) => {
    try {
      return await readdir(path);
    } catch {
      return [];
    }
  },
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
};

/** One-line failure: the reason on stderr and a non-zero exit code. */
export function failWith(io: CliIo, reason: string, code = 1): number {
  io.stderr(`error: ${reason}`);
  return code;
}

/** Node's native SHA-256 for bundle entries: over ten times @noble/hashes' speed. */
export const nodeSha256: Sha256Factory = () => {
  const hash = createHash('sha256');
  return {
    update: (bytes) => hash.update(bytes),
    digest: () => new Uint8Array(hash.digest()),
  };
};
