import { fingerprintOf } from '../identity/fingerprint';
import { validate } from '../model/validation';
import { fail, succeed, type BundleResult } from './errors';
import { classifyEntry, MANIFEST_PATH, SIGNATURE_PATH } from './entry-paths';
import { BUNDLE_FORMAT, BUNDLE_VERSION, manifestSchema, trustedCommentFor, type BundleManifest } from './manifest';
import { verifyMinisign } from './minisign';
import type { Archive } from './zip-read';

/** Format name, then version, then shape: so a newer bundle says "unsupported version", not "invalid". */
export function parseManifest(bytes: Uint8Array): BundleResult<BundleManifest> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail({ code: 'manifest_not_json' });
  }
  const head = (typeof json === 'object' && json !== null ? json : {}) as { format?: unknown; version?: unknown };
  if (head.format !== BUNDLE_FORMAT) return fail({ code: 'not_a_bundle', format: String(head.format ?? '') });
  if (head.version !== BUNDLE_VERSION) return fail({ code: 'unsupported_version', version: head.version });
  const parsed = validate(manifestSchema, json);
  if (!parsed.ok) return fail({ code: 'manifest_invalid', issues: parsed.issues });
  return succeed(parsed.value);
}

/** Every entry in the ZIP is listed in the manifest and every listed entry is in the ZIP. */
export function checkEntryList(archive: Archive, manifest: BundleManifest): BundleResult<void> {
  const listed = new Set<string>();
  for (const entry of manifest.entries) {
    const kind = classifyEntry(entry.path);
    if (!kind || kind.kind === 'manifest' || kind.kind === 'signature') return fail({ code: 'entry_name_invalid', path: entry.path });
    if (listed.has(entry.path)) return fail({ code: 'entry_duplicate', path: entry.path });
    listed.add(entry.path);
  }
  for (const path of archive.order) {
    if (path !== MANIFEST_PATH && path !== SIGNATURE_PATH && !listed.has(path)) return fail({ code: 'entry_not_in_manifest', path });
  }
  const present = new Set(archive.order);
  for (const path of listed) if (!present.has(path)) return fail({ code: 'entry_missing', path });
  return succeed(undefined);
}

export interface Signer {
  name: string;
  signingKey: string;
  fingerprint: string;
  trusted: boolean;
}

/**
 * The manifest's signature, by the key the manifest names as its sender. Whether that key is trusted
 * is a separate question: an untrusted but valid signer comes back as a value the UI can ask about.
 */
export function checkSignature(archive: Archive, manifest: BundleManifest, trustedSigningKeys: readonly string[]): BundleResult<Signer> {
  const signature = archive.files.get(SIGNATURE_PATH);
  if (!signature) return fail({ code: 'signature_missing' });
  const manifestBytes = archive.files.get(MANIFEST_PATH)!;
  const verified = verifyMinisign(manifestBytes, new TextDecoder().decode(signature), manifest.sender.signingKey);
  if (!verified.ok) return fail({ code: verified.code });
  if (verified.trustedComment !== trustedCommentFor(manifest)) return fail({ code: 'signature_not_for_manifest' });
  const { sender } = manifest;
  if (!sender.ageRecipient || fingerprintOf(sender.ageRecipient, sender.signingKey) !== sender.fingerprint) {
    return fail({ code: 'sender_fingerprint_mismatch' });
  }
  const trusted = trustedSigningKeys.includes(sender.signingKey);
  return succeed({ name: sender.name, signingKey: sender.signingKey, fingerprint: sender.fingerprint, trusted });
}
