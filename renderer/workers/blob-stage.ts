import type { PlaintextSink, PlaintextStage, StagedPlaintext, BundleFile } from '../../shared/bundle/staged-plaintext';

/**
 * The worker's stage for a bundle's decrypted ZIP: a Blob grown in batches. Each batch leaves the JS
 * heap for the browser's blob store (which pages large blobs to disk), so the worker's memory stays
 * at one batch whatever the attachments weigh. Verified attachments are handed on as slices of it —
 * no copy — and stored as such in IndexedDB.
 */
const BATCH_BYTES = 8 * 1024 * 1024;

export interface BlobPlaintext extends StagedPlaintext {
  readonly blob: Blob;
}

/**
 * A Blob grown from chunks in batches: each full batch leaves the JS heap for the blob store, so the
 * heap holds one batch whatever the total. Used to stage a decrypted bundle and to build an exported
 * one (and by the web bridge's chunked save).
 */
export interface GrowingBlob {
  /** Copies the chunk: a faster cipher may hand out views of a buffer it reuses. */
  append(chunk: Uint8Array): void;
  /** The Blob of everything appended; the batch is flushed. */
  finish(type?: string): Blob;
  discard(): void;
  readonly size: number;
}

export function growingBlob(batchBytes = BATCH_BYTES): GrowingBlob {
  let parts: Blob = new Blob([]);
  let batch = new Uint8Array(0);
  let batched = 0;
  const flush = () => {
    if (batched === 0) return;
    // The Blob constructor copies the bytes, so the batch buffer is reused.
    parts = new Blob([parts, batch.subarray(0, batched)]);
    batched = 0;
  };
  return {
    append(chunk) {
      // Allocated on first use: a small bundle needs no 8 MiB batch.
      if (batch.length === 0 && chunk.length > 0) batch = new Uint8Array(batchBytes);
      let rest = chunk;
      while (rest.length > 0) {
        const n = Math.min(rest.length, batch.length - batched);
        batch.set(rest.subarray(0, n), batched);
        batched += n;
        rest = rest.subarray(n);
        if (batched === batch.length) flush();
      }
    },
    finish(type) {
      flush();
      batch = new Uint8Array(0);
      return type ? new Blob([parts], { type }) : parts;
    },
    discard() {
      batched = 0;
      batch = new Uint8Array(0);
      parts = new Blob([]);
    },
    get size() {
      return parts.size + batched;
    },
  };
}

export function blobStage(batchBytes = BATCH_BYTES): { stage: PlaintextStage; staged: () => BlobPlaintext | undefined } {
  let result: BlobPlaintext | undefined;
  const stage: PlaintextStage = async (size) => {
    const blob = growingBlob(Math.min(batchBytes, Math.max(size, 1)));
    const sink: PlaintextSink = {
      async write(chunk) {
        blob.append(chunk);
      },
      async finish() {
        const whole = blob.finish();
        if (whole.size !== size) throw new RangeError('plaintext_size_mismatch');
        result = blobPlaintext(whole);
        return result;
      },
      async discard() {
        blob.discard();
      },
    };
    return sink;
  };
  return { stage, staged: () => result };
}

export function blobPlaintext(blob: Blob): BlobPlaintext {
  return {
    blob,
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
    // Nothing to delete: the blob store frees the bytes once no Blob or slice refers to them.
    discard: async () => undefined,
  };
}

/** A picked file (or its bytes) read in chunks as it decrypts. */
export function blobBundleFile(file: Blob): BundleFile {
  return streamBundleFile(file.size, () => file.stream());
}

/**
 * The bundle as a stream the page feeds from the bridge (Electron reads the file in chunks through
 * main). A stream is read once: decryption reads the file once, front to back.
 */
export function streamBundleFile(size: number, open: () => ReadableStream<Uint8Array>): BundleFile {
  return {
    size,
    async *chunks() {
      const reader = open().getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        // Stops the source (and the page's reads through the bridge) when decryption gives up early.
        await reader.cancel().catch(() => undefined);
        reader.releaseLock();
      }
    },
  };
}
