import { encryptStream, type BundleEncryption } from '../../shared/bundle/age-layer';
import type { WritableFile } from '../node/node-files';
import { plaintextHandoff } from './plaintext-handoff';

/**
 * One sealed save in the utility process: the signed ZIP's plaintext arrives in chunks, typage's
 * STREAM encrypts it (with node:crypto's ChaCha20-Poly1305 under it in the built app) and the
 * ciphertext goes to the `.partial` file main named, in batches. Main's large-file machinery decides
 * the rest: `finish` then a rename commits, `close` without `finish` then a delete abandons.
 */
export interface SealSession {
  write(plaintext: Uint8Array): Promise<void>;
  /** Ends the age file, writes what remains and fsyncs it. */
  finish(): Promise<void>;
  /** Stops encrypting and closes the file; safe to call twice. */
  close(): Promise<void>;
}

const WRITE_BATCH = 4 * 1024 * 1024;

/**
 * Recipients and the passphrase are checked (and scrypt runs) before the file exists, so a refused
 * encryption leaves nothing behind. Throws `TypeError('encryption_refused')` for those.
 */
export async function openSealSession(
  path: string,
  encryption: BundleEncryption,
  createExclusive: (path: string) => Promise<WritableFile>,
): Promise<SealSession> {
  const plaintext = plaintextHandoff();
  let ciphertext: ReadableStream<Uint8Array>;
  try {
    ciphertext = await encryptStream(plaintext.stream, encryption);
  } catch {
    throw new TypeError('encryption_refused');
  }
  let file: WritableFile;
  try {
    file = await createExclusive(path);
  } catch (error) {
    await ciphertext.cancel().catch(() => undefined);
    throw error;
  }
  const reader = ciphertext.getReader();
  let closed = false;

  // Drains the ciphertext into the file as the plaintext comes; a failed write refuses what follows.
  const pumped = (async () => {
    const batch = new Uint8Array(WRITE_BATCH);
    let batched = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let rest = value;
      while (rest.length > 0) {
        const n = Math.min(rest.length, WRITE_BATCH - batched);
        batch.set(rest.subarray(0, n), batched);
        batched += n;
        rest = rest.subarray(n);
        if (batched === WRITE_BATCH) {
          await file.write(batch);
          batched = 0;
        }
      }
    }
    if (batched > 0) await file.write(batch.subarray(0, batched));
  })();
  pumped.catch((error: unknown) => plaintext.fail(error instanceof Error ? error : new Error(String(error))));

  return {
    async write(chunk) {
      await plaintext.offer(chunk);
    },
    async finish() {
      plaintext.end();
      await pumped;
      await file.sync();
    },
    async close() {
      if (closed) return;
      closed = true;
      plaintext.fail(new Error('seal_closed'));
      await reader.cancel().catch(() => undefined);
      await pumped.catch(() => undefined);
      await file.close();
    },
  };
}
