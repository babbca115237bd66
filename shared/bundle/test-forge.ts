import { concatBytes } from '@noble/hashes/utils.js';
import { Zip, ZipPassThrough, zipSync } from 'fflate';
import type { AnalystIdentity } from '../identity/analyst-identity';
import { decryptBytes, encryptBytes, type BundleEncryption } from './age-layer';
import { MANIFEST_PATH, SIGNATURE_PATH } from './entry-paths';
import { trustedCommentFor, type BundleManifest } from './manifest';
import { signMinisign } from './minisign';
import type { OpenedBundle } from './read';
import { readArchive } from './zip-read';

/**
 * Test-only: takes a valid bundle apart and puts it back together with one thing changed, the way an
 * attacker or a damaged stick would, so that every rejection path can be exercised.
 */
export interface Unpacked {
  entries: Array<[string, Uint8Array]>;
  manifest: BundleManifest;
}

export async function unpack(bundle: Uint8Array, identity: AnalystIdentity): Promise<Unpacked> {
  const plain = await decryptBytes(bundle, { identity: identity.ageIdentity }, 1 << 30);
  if (!plain.ok) throw new Error(plain.error.code);
  const archive = await readArchive(plain.value);
  if (!archive.ok) throw new Error(archive.error.code);
  const entries = archive.value.order.map((p) => [p, archive.value.files.get(p)!] as [string, Uint8Array]);
  const manifest = JSON.parse(new TextDecoder().decode(archive.value.files.get(MANIFEST_PATH)!)) as BundleManifest;
  return { entries, manifest };
}

/** Replace the manifest (and re-sign it with `signer`, as a sender who made a bad bundle would). */
export function withManifest(unpacked: Unpacked, manifest: unknown, signer: AnalystIdentity | undefined): Array<[string, Uint8Array]> {
  const bytes = new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n');
  const entries = unpacked.entries.map(([p, b]) => [p, p === MANIFEST_PATH ? bytes : b] as [string, Uint8Array]);
  if (!signer) return entries;
  const m = manifest as BundleManifest;
  const signature = new TextEncoder().encode(signMinisign(bytes, signer.signing, trustedCommentFor(m), 'forged'));
  return entries.map(([p, b]) => [p, p === SIGNATURE_PATH ? signature : b] as [string, Uint8Array]);
}

/** ZIP the entries in the given order; duplicate names are kept (zipSync would merge them). */
export function zipEntries(entries: Array<[string, Uint8Array]>): Uint8Array {
  const names = new Set(entries.map(([p]) => p));
  if (names.size === entries.length) {
    // zipSync keeps insertion order of object keys (none of our names are integer-like).
    return zipSync(Object.fromEntries(entries.map(([p, b]) => [p, [b, { level: 0 }]])));
  }
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [path, bytes] of entries) {
    const file = new ZipPassThrough(path);
    zip.add(file);
    file.push(bytes, true);
  }
  zip.end();
  return concatBytes(...chunks);
}

export async function repack(entries: Array<[string, Uint8Array]>, to: BundleEncryption): Promise<Uint8Array> {
  return encryptBytes(zipEntries(entries), to);
}

/** Test-only: a staged bundle's attachments read back whole, to compare with what was sent. */
export async function stagedAttachmentBytes(opened: Pick<OpenedBundle, 'attachments' | 'plaintext'>): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const [sha256, at] of opened.attachments) out.set(sha256, (await opened.plaintext.read(at.offset, at.size)).slice());
  return out;
}
