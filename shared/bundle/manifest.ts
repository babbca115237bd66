import { z } from 'zod';
import { AGE_RECIPIENT_PATTERN } from '../identity/contact-card';
import { FINGERPRINT_PATTERN } from '../identity/fingerprint';
import { hlcStamp, recordId } from '../model/records';
import { CASE_TABLE_NAMES, type CaseTableName } from '../model/tables';
import { MARKINGS } from '../model/vocabulary';
import { BUNDLE_LIMITS } from './limits';

export const BUNDLE_FORMAT = 'vigia-bundle';
export const BUNDLE_VERSION = 1;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const tableName = z.enum(CASE_TABLE_NAMES as [CaseTableName, ...CaseTableName[]]);

export const manifestEntrySchema = z.object({
  path: z.string().max(300),
  size: z.number().int().nonnegative(),
  sha256: sha256Hex,
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  bundleId: z.uuid(),
  createdAt: z.iso.datetime(),
  sender: z.object({
    name: z.string().min(1).max(200),
    signingKey: z.string().max(200),
    fingerprint: z.string().regex(FINGERPRINT_PATTERN),
    ageRecipient: z.string().regex(AGE_RECIPIENT_PATTERN).optional(),
  }),
  /** `recipients`: age X25519 recipients the file was encrypted to; `passphrase`: scrypt. */
  encryption: z.discriminatedUnion('mode', [
    z.object({
      mode: z.literal('recipients'),
      recipients: z
        .array(z.object({ ageRecipient: z.string().regex(AGE_RECIPIENT_PATTERN), name: z.string().max(200).optional() }))
        .min(1)
        .max(BUNDLE_LIMITS.maxRecipients),
    }),
    z.object({ mode: z.literal('passphrase') }),
  ]),
  /** What the bundle carries: a whole case, a selection, or the changes since an earlier bundle. */
  scope: z.enum(['case', 'selection', 'changes']),
  caseIds: z.array(recordId).min(1).max(BUNDLE_LIMITS.maxCases),
  marking: z.enum(MARKINGS),
  synthetic: z.boolean(),
  /** The oldest and newest HLC stamp of the records inside; null when it carries none. */
  clock: z.object({ from: hlcStamp, to: hlcStamp }).nullable(),
  counts: z.partialRecord(tableName, z.number().int().nonnegative()),
  /**
   * Ids of the bundles the sender had imported for these cases when it wrote this one, newest first.
   * A reader that sent one of them knows its records are shared even if it was sealed to a passphrase
   * and named no one: edits after it on both sides are the only conflicts. Optional: bundles written
   * before it existed, and the CLI's, carry none (a reader that predates it ignores it).
   */
  receivedBundles: z.array(z.uuid()).max(BUNDLE_LIMITS.maxReceivedBundles).optional(),
  entries: z.array(manifestEntrySchema).max(BUNDLE_LIMITS.maxEntries),
});
export type BundleManifest = z.infer<typeof manifestSchema>;

/** The signed trusted comment binds the signature to this bundle id and format. */
export function trustedCommentFor(manifest: Pick<BundleManifest, 'bundleId' | 'createdAt'>): string {
  return `vigia-bundle v${BUNDLE_VERSION} id:${manifest.bundleId} created:${manifest.createdAt}`;
}
