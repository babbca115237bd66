import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { Sha256Factory } from '../../../shared/bundle/hashing';
import type { ZipCodecs } from '../../../shared/bundle/zip-codecs';
import { nodeZipCodecs } from './node-codecs';
import type { BundleFile, PlaintextStage } from '../../../shared/bundle/staged-plaintext';
import { bundleFileAt, tempFileStage } from '../../node/staged-file';

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
  /** A bundle to decrypt as it is read; without it, the file is read whole. */
  bundleFile?(path: string): Promise<BundleFile>;
  /** Where a decrypted bundle waits while it is checked (a 0600 temporary file); memory without it. */
  stage?: PlaintextStage;
  stdout(line: string): void;
  stderr(line: string): void;
  now(): Date;
}

const WRITE_BATCH = 1024 * 1024;

export const nodeIo: CliIo = {
  readFile: async (path) => new Uint8Array(await readFile(path)),
  writeFile: (path, bytes, options) => writeFile(path, bytes, options?.secret ? { mode: 0o600, flag: 'wx' } : {}),
  writeStream: async (path, stream) => {
    // Written beside the target and renamed at the end: a failed export leaves no half bundle behind.
    const partial = `${path}.partial`;
    const file = await open(partial, 'w');
    try {
      // Written 1 MiB at a time, not one system call per 64 KiB age chunk, and one batch is written
      // while the next is encrypted (the write happens in libuv's thread pool).
      const reader = stream.getReader();
      let batch: Uint8Array[] = [];
      let batched = 0;
      let writing: Promise<unknown> = Promise.resolve();
      for (;;) {
        const { done, value } = await reader.read();
        if (value) {
          batch.push(value);
          batched += value.length;
        }
        if (batched >= WRITE_BATCH || (done && batched > 0)) {
          await writing;
          writing = file.writev(batch);
          // Its failure is thrown by the `await` above or below, not reported as unhandled meanwhile.
          writing.catch(() => undefined);
          batch = [];
          batched = 0;
        }
        if (done) break;
      }
      await writing;
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
  bundleFile: bundleFileAt,
  stage: tempFileStage,
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

/**
 * Everything native that bundle reading and writing take in Node: SHA-256 and the ZIP's CRC-32,
 * deflate and inflate. The CLI and the bench spread it into writeBundleStream's and openBundle's
 * options; the desktop app's utility process (planned) takes the same set.
 */
export const nodeBundleCodecs: { sha256: Sha256Factory; zip: ZipCodecs } = { sha256: nodeSha256, zip: nodeZipCodecs };
