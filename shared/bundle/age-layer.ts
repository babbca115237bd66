import { Decrypter, Encrypter } from 'age-encryption';
import { fail, succeed, type BundleResult } from './errors';

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
 * Decrypts into one buffer of the exact plaintext size. age's STREAM hands out plaintext before it
 * has seen the end, so nothing here is trusted until the whole file has decrypted without error.
 */
export async function decryptBytes(file: Uint8Array, key: BundleKey, maxPlaintext: number): Promise<BundleResult<Uint8Array>> {
  const stanzas = headerStanzaTypes(file);
  if (!stanzas) return fail({ code: 'not_an_age_file' });
  const byPassphrase = stanzas.includes('scrypt');
  if ('identity' in key && byPassphrase) return fail({ code: 'needs_passphrase' });
  if ('passphrase' in key && !byPassphrase) return fail({ code: 'needs_identity' });

  const decrypter = new Decrypter();
  try {
    if ('identity' in key) decrypter.addIdentity(key.identity);
    else decrypter.addPassphrase(key.passphrase);
  } catch {
    return fail({ code: 'needs_identity' });
  }

  let plain: ReadableStream<Uint8Array> & { size(n: number): number };
  try {
    plain = await decrypter.decrypt(streamOf(file));
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (message.includes('no identity matched')) {
      return fail(byPassphrase ? { code: 'wrong_passphrase' } : { code: 'not_for_you', recipients: [] });
    }
    // The header parsed as age (its stanzas were read above), so any other failure here is a
    // damaged file — a flipped byte in a stanza, say — not a file of another kind.
    return fail({ code: 'bundle_damaged' });
  }

  let size: number;
  try {
    size = plain.size(file.length);
  } catch {
    await plain.cancel().catch(() => undefined);
    return fail({ code: 'bundle_damaged' });
  }
  if (size > maxPlaintext) {
    await plain.cancel().catch(() => undefined);
    return fail({ code: 'bundle_too_large', size, limit: maxPlaintext });
  }
  const out = new Uint8Array(size);
  let at = 0;
  const reader = plain.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!value) continue;
      if (at + value.length > size) return fail({ code: 'bundle_damaged' });
      out.set(value, at);
      at += value.length;
    }
  } catch {
    return fail({ code: 'bundle_damaged' });
  }
  return at === size ? succeed(out) : fail({ code: 'bundle_damaged' });
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
