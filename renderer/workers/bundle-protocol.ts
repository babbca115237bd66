import type { BundleEncryption, BundleKey } from '../../shared/bundle/age-layer';
import type { BundleError } from '../../shared/bundle/errors';
import type { BundleManifest } from '../../shared/bundle/manifest';
import type { Signer } from '../../shared/bundle/verify-manifest';
import type { Marking } from '../../shared/model';
import type { StagedBundle } from '../db/sync/apply-bundle';

/**
 * Messages between the page and the bundle worker. The worker does everything slow or secret-bound:
 * scrypt (about a second of blocked thread), serialising, zipping, encrypting, signing, decrypting
 * and verifying. `keyfileText` is the unlocked identity (shared/identity/keyfile.ts format); it
 * lives only in memory, for the session.
 */
export type BundleRequest =
  | { job: 'seal'; keyfileText: string; passphrase: string }
  | { job: 'unseal'; sealed: Uint8Array; passphrase: string }
  | {
      job: 'export';
      databaseName: string;
      caseId: string;
      keyfileText: string;
      encryption: BundleEncryption;
      recipientNames: Record<string, string>;
      marking: Marking;
      /** Only records and audit entries stamped after this clock (the last exchange with the recipient). */
      since?: string;
    }
  | { job: 'open'; bytes: Uint8Array; key: BundleKey; trustedSigningKeys: string[] };

export type BundlePhase = 'reading' | 'encrypting' | 'decrypting';

/** Failures that are not the bundle's: the key file did not unseal, the case vanished. */
export type JobError = BundleError | { code: 'identity_unreadable' } | { code: 'case_not_found' } | { code: 'export_failed'; detail: string };

export type BundleMessage =
  | { type: 'progress'; phase: BundlePhase; done: number; total: number }
  | { type: 'sealed'; sealed: Uint8Array }
  | { type: 'unsealed'; keyfileText: string }
  | { type: 'exported'; manifest: BundleManifest; bytes: Uint8Array }
  | { type: 'opened'; staged: StagedBundle; signer: Signer }
  | { type: 'failed'; error: JobError };
