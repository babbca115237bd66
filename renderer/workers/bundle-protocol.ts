import type { DatabaseAddress } from '../db/database';
import type { BundleEncryption, BundleKey } from '../../shared/bundle/age-layer';
import type { BundleError } from '../../shared/bundle/errors';
import type { BundleManifest } from '../../shared/bundle/manifest';
import type { Signer } from '../../shared/bundle/verify-manifest';
import type { Marking } from '../../shared/model';
import type { StagedBundle } from '../db/sync/apply-bundle';
import type { SentRelease } from '../db/sync/what-to-send';
import type { PortedPlaintext } from './plaintext-port';

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
      database: DatabaseAddress;
      caseId: string;
      keyfileText: string;
      encryption: BundleEncryption;
      recipientNames: Record<string, string>;
      marking: Marking;
      /** Only records and audit entries stamped after this clock (the last bundle sent to the recipient, `lastSentTo`). */
      since?: string;
      /**
       * That send: when, and to whom (fingerprint). Records whose current version arrived after it in a
       * bundle from anyone else travel too, whatever their stamp (a colleague's clock may run behind).
       */
      sinceSent?: { at: number; to: string };
      /** Only these people and what hangs off them (shared/bundle/selection.ts); wins over `since`. */
      personIds?: string[];
      /** With `personIds`: released up to this marking (shared/release); the bundle is marked with what it holds. */
      releaseUpTo?: Marking;
      /**
       * How the bundle comes back (ExportedFile); 'blob' when absent. 'zip-stream': the signed ZIP,
       * not encrypted — the desktop app's utility process encrypts it on its way to disk.
       */
      output?: 'blob' | 'stream' | 'zip-stream';
    }
  /** `bytes`: the bundle as read, the picked file itself, or a stream the page feeds from the bridge; read in chunks as it decrypts. */
  | { job: 'open'; bytes: Uint8Array | Blob | StreamedFile; key: BundleKey; trustedSigningKeys: string[] }
  /** The bundle already decrypted and authenticated (the desktop app's utility process): only the checks after decryption run. */
  | { job: 'open-staged'; plaintext: PortedPlaintext; key: BundleKey; trustedSigningKeys: string[] };

/** A file the page reads through the bridge in chunks (Electron), handed to the worker as a transferred stream. */
export interface StreamedFile {
  stream: ReadableStream<Uint8Array>;
  size: number;
}

/**
 * The encrypted bundle, never one buffer: a Blob grown in batches in the worker (web mode: the page
 * downloads it), or a stream the page drains into the bridge's chunked save (Electron) — the worker
 * encrypts only as fast as the page writes, and the job lasts until the stream is read or cancelled.
 */
export type ExportedFile = Blob | ReadableStream<Uint8Array>;

/** `checking`: entry bytes whose size, hash and records were checked, after decryption. */
export type BundlePhase = 'reading' | 'encrypting' | 'decrypting' | 'checking';

/** Failures that are not the bundle's: the key file did not unseal, the case vanished, the analyst closed the dialog. */
export type JobError = BundleError | { code: 'identity_unreadable' } | { code: 'case_not_found' } | { code: 'export_failed'; detail: string } | { code: 'cancelled' };

export type BundleMessage =
  | { type: 'progress'; phase: BundlePhase; done: number; total: number }
  | { type: 'sealed'; sealed: Uint8Array }
  | { type: 'unsealed'; keyfileText: string }
  | { type: 'exported'; manifest: BundleManifest; file: ExportedFile; release?: SentRelease }
  | { type: 'opened'; staged: StagedBundle; signer: Signer }
  | { type: 'failed'; error: JobError };
