import { MAX_ATTACHMENT_BYTES } from '../model/attachment';

/**
 * What a bundle may hold. A reader refuses anything larger before inflating it, so a hostile or
 * corrupt bundle cannot exhaust memory or disk. docs/bundle-format.md lists the same numbers.
 */
export const BUNDLE_LIMITS = {
  /** Entries in the ZIP: manifest, signature, ≤ 10 record files, one audit file per case, attachments. */
  maxEntries: 20_000,
  /** manifest.json (it lists every entry). */
  maxManifestBytes: 16 * 1024 * 1024,
  /** manifest.json.minisig */
  maxSignatureBytes: 4 * 1024,
  /** One records/<table>.ndjson or audit/<caseId>.ndjson file, uncompressed. */
  maxRecordFileBytes: 512 * 1024 * 1024,
  /** One NDJSON line: one record or audit entry. */
  maxRecordLineBytes: 1024 * 1024,
  /** One attachments/<sha256> entry: the domain's own limit for an attachment. */
  maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
  /** All entries together, uncompressed (ZIP without ZIP64 stays under 4 GiB). */
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  /** Cases in one bundle. */
  maxCases: 100,
  /** Intended recipients. */
  maxRecipients: 50,
  /** Bundles the sender had received for these cases, newest first (manifest `receivedBundles`). */
  maxReceivedBundles: 1_000,
} as const;

export type BundleLimits = typeof BUNDLE_LIMITS;
