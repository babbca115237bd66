import { Decrypter, Encrypter } from 'age-encryption';
import { fail, succeed, type BundleError, type BundleResult } from './errors';
import { bundleFileOf, memoryStage, type BundleFile, type PlaintextStage, type StagedPlaintext } from './staged-plaintext';

/**
 * The outer layer: an age v1 file, so `age -d` opens a bundle. All cryptography is typage's; this file
 * only chooses recipients, streams bytes through it, and turns its exceptions into values.
 */
export type BundleEncryption =
  | { mode: 'recipients'; recipients: string[] }
  /** `workFactor` is scrypt's log2(N); age's default is 18. Only tests lower it. */
  | { mode: 'passphrase'; passphrase: string; workFactor?: number };

export type BundleKey = { identity: string } | { passphrase: string };

function encrypter(to: BundleEncryption): Encrypter {
  const e = new Encrypter();
  if (to.mode === 'passphrase') {
    e.setPassphrase(to.passphrase);
    if (to.workFactor !== undefined) e.setScryptWorkFactor(to.workFactor);
  } else {
    for (const r of to.recipients) e.addRecipient(r);
  }
  return e;
}

/** Streams plaintext through age's STREAM construction: memory stays at a few 64 KiB chunks. */
export async function encryptStream(plain: ReadableStream<Uint8Array>, to: BundleEncryption): Promise<ReadableStream<Uint8Array>> {
  return encrypter(to).encrypt(plain);
}

export async function encryptBytes(plain: Uint8Array, to: BundleEncryption): Promise<Uint8Array> {
  return readAll(await encryptStream(streamOf(plain), to));
}

/** The stanza types of an age header (`-> X25519 …`, `-> scrypt …`), read as text without any key. */
export function headerStanzaTypes(file: Uint8Array): string[] | undefined {
  const head = new TextDecoder().decode(file.subarray(0, Math.min(file.length, 64 * 1024)));
  const lines = head.split('\n');
  if (lines[0] !== 'age-encryption.org/v1') return undefined;
  const types: string[] = [];
  for (const line of lines.slice(1)) {
    if (line.startsWith('---')) return types;
    if (line.startsWith('-> ')) types.push(line.slice(3).split(' ')[0]!);
  }
  return undefined;
}

/**
 * Decrypts into one buffer of the exact plaintext size (key files, tests). Bundles go through
 * `decryptToStage`, which keeps memory bounded.
 */
export async function decryptBytes(file: Uint8Array, key: BundleKey, maxPlaintext: number): Promise<BundleResult<Uint8Array>> {
  const staged = await decryptToStage(bundleFileOf(file), key, memoryStage, maxPlaintext);
  if (!staged.ok) return staged;
  return succeed(await staged.value.read(0, staged.value.size));
}

/** The age header ends within its first 64 KiB (a few stanzas and the MAC). */
const HEADER_WINDOW = 64 * 1024;

/**
 * Streams the file through age's decryption into `stage`, chunk by chunk. age's STREAM hands out
 * plaintext before it has seen the end, so the staged plaintext is returned — and may be trusted —
 * only after the whole file decrypted and authenticated; on any failure the stage is discarded.
 * `onProgress` counts ciphertext bytes consumed.
 */
export async function decryptToStage(
  file: BundleFile,
  key: BundleKey,
  stage: PlaintextStage,
  maxPlaintext: number,
  onProgress?: (done: number, total: number) => void,
): Promise<BundleResult<StagedPlaintext>> {
  const source = file.chunks()[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let exhausted = false;
  while (headBytes < HEADER_WINDOW) {
    const next = await source.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  // Stop reading the file (closes it, for a file on disk) when we give up before decrypting it.
  const refuse = async (error: BundleError): Promise<BundleResult<StagedPlaintext>> => {
    await source.return?.();
    return fail(error);
  };
  const stanzas = headerStanzaTypes(concat(head, Math.min(headBytes, HEADER_WINDOW)));
  if (!stanzas) return refuse({ code: 'not_an_age_file' });
  const byPassphrase = stanzas.includes('scrypt');
  if ('identity' in key && byPassphrase) return refuse({ code: 'needs_passphrase' });
  if ('passphrase' in key && !byPassphrase) return refuse({ code: 'needs_identity' });

  const decrypter = new Decrypter();
  try {
    if ('identity' in key) decrypter.addIdentity(key.identity);
    else decrypter.addPassphrase(key.passphrase);
  } catch {
    return refuse({ code: 'needs_identity' });
  }

  let consumed = 0;
  const ciphertext = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const buffered = head.shift();
      const next = buffered ? { done: false as const, value: buffered } : exhausted ? { done: true as const, value: undefined } : await source.next();
      if (next.done) {
        controller.close();
        return;
      }
      consumed += next.value.length;
      onProgress?.(consumed, file.size);
      controller.enqueue(next.value);
    },
    async cancel() {
      await source.return?.();
    },
  });

  let plain: ReadableStream<Uint8Array> & { size(n: number): number };
  try {
    plain = await decrypter.decrypt(ciphertext);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    await ciphertext.cancel().catch(() => undefined);
    if (message.includes('no identity matched')) {
      return refuse(byPassphrase ? { code: 'wrong_passphrase' } : { code: 'not_for_you', recipients: [] });
    }
    // The header parsed as age (its stanzas were read above), so any other failure here is a
    // damaged file — a flipped byte in a stanza, say — not a file of another kind.
    return refuse({ code: 'bundle_damaged' });
  }

  let size: number;
  try {
    size = plain.size(file.size);
  } catch {
    await plain.cancel().catch(() => undefined);
    return fail({ code: 'bundle_damaged' });
  }
  if (size > maxPlaintext) {
    await plain.cancel().catch(() => undefined);
    return fail({ code: 'bundle_too_large', size, limit: maxPlaintext });
  }

  const sink = await stage(size);
  const reader = plain.getReader();
  let at = 0;
  try {
    for (;;) {
      let result: Awaited<ReturnType<typeof reader.read>>;
      try {
        result = await reader.read();
      } catch {
        await sink.discard();
        return fail({ code: 'bundle_damaged' });
      }
      if (result.done) break;
      const value = result.value;
      if (!value) continue;
      if (at + value.length > size) {
        await reader.cancel().catch(() => undefined);
        await sink.discard();
        return fail({ code: 'bundle_damaged' });
      }
      await sink.write(value);
      at += value.length;
    }
    if (at !== size) {
      await sink.discard();
      return fail({ code: 'bundle_damaged' });
    }
    return succeed(await sink.finish());
  } catch (error) {
    // The store failed (a full disk, say): not the bundle's fault, so not "damaged".
    await sink.discard().catch(() => undefined);
    throw error;
  }
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    if (at >= length) break;
    const part = c.subarray(0, length - at);
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const FEED_CHUNK = 1024 * 1024;

/** A stream over a buffer, in views (no copies). */
export function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.subarray(at, at + FEED_CHUNK));
      at += FEED_CHUNK;
    },
  });
}

export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value) {
      chunks.push(value);
      total += value.length;
    }
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
