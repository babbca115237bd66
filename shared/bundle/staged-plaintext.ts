/**
 * Where a bundle's decrypted ZIP waits while it is checked. age hands out plaintext before it has
 * seen the end of the file, so the whole plaintext is staged first and read back, entry by entry,
 * only once decryption finished without error. The store is the caller's: a 0600 temporary file in
 * the CLI and the desktop utility process (electron/node/staged-file.ts), a Blob in the worker (renderer/workers/blob-stage.ts),
 * memory for small files and tests. Memory then stays bounded whatever the attachments weigh.
 */
export interface StagedPlaintext {
  readonly size: number;
  /** `length` bytes from `offset`; never more than what was staged. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Frees the store (deletes the temporary file). Safe to call twice. */
  discard(): Promise<void>;
}

/** Receives the plaintext while it decrypts; `finish` is called only after the age stream ended cleanly. */
export interface PlaintextSink {
  write(chunk: Uint8Array): Promise<void>;
  finish(): Promise<StagedPlaintext>;
  /** Decryption failed or was abandoned: drop whatever was written. */
  discard(): Promise<void>;
}

/** Makes a sink for a plaintext of `size` bytes (known from the ciphertext size before decrypting). */
export type PlaintextStage = (size: number) => Promise<PlaintextSink>;

/** The encrypted bundle as it is read: from a file, a Blob, or bytes already in memory. */
export interface BundleFile {
  readonly size: number;
  chunks(): AsyncIterable<Uint8Array>;
}

const PIECE = 1024 * 1024;

export function bundleFileOf(bytes: Uint8Array): BundleFile {
  return {
    size: bytes.length,
    async *chunks() {
      for (let at = 0; at < bytes.length; at += PIECE) yield bytes.subarray(at, at + PIECE);
    },
  };
}

/** The plaintext in one buffer of its exact size: for key files, tests and small bundles. */
export const memoryStage: PlaintextStage = async (size) => {
  const bytes = new Uint8Array(size);
  let at = 0;
  return {
    async write(chunk) {
      if (at + chunk.length > size) throw new RangeError('plaintext_larger_than_announced');
      bytes.set(chunk, at);
      at += chunk.length;
    },
    async finish() {
      if (at !== size) throw new RangeError('plaintext_shorter_than_announced');
      return memoryPlaintext(bytes);
    },
    async discard() {
      at = 0;
    },
  };
};

export function memoryPlaintext(bytes: Uint8Array): StagedPlaintext {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(clamp(offset, bytes.length), clamp(offset + length, bytes.length)),
    discard: async () => undefined,
  };
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(n, max));

/** The staged bytes [offset, offset + size) in pieces of at most 1 MiB. */
export async function* stagedPieces(plain: StagedPlaintext, offset: number, size: number, piece = PIECE): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < size; at += piece) {
    const bytes = await plain.read(offset + at, Math.min(piece, size - at));
    if (bytes.length === 0) return;
    yield bytes;
  }
}
