import { decryptBytes, encryptBytes } from '../../shared/bundle/age-layer';
import { openBundle, openStaged } from '../../shared/bundle/read';
import type { OpenedBundle } from '../../shared/bundle/read';
import { bundleFileOf, type BundleFile } from '../../shared/bundle/staged-plaintext';
import { writeBundleStream, type AttachmentSource } from '../../shared/bundle/write';
import { parseKeyfile } from '../../shared/identity';
import type { VigiaDatabase } from '../db/database';
import { receivedBundleIds } from '../db/sync/bundle-log';
import { whatToSend } from '../db/sync/what-to-send';
import { loadCaseAudit, loadCaseRecords } from '../db/sync/case-contents';
import { blobBundleFile, blobStage, growingBlob, streamBundleFile } from './blob-stage';
import { loadAttachmentBytes } from '../db/repositories/attachments';
import type { BundleMessage, BundlePhase, BundleRequest } from './bundle-protocol';
import { portedPlaintext } from './plaintext-port';
import type { WorkerCodecs } from './wasm-codecs';

/**
 * The bundle worker's jobs as plain functions of their inputs, so that unit tests run them in Node
 * without a Worker. Each returns the one message that ends the job; progress goes to `report`.
 */
export type Report = (phase: BundlePhase, done: number, total: number) => void;

/** A key file is a few hundred bytes; anything larger is not ours. */
const MAX_SEALED_BYTES = 64 * 1024;

export async function sealIdentity(request: Extract<BundleRequest, { job: 'seal' }>, workFactor?: number): Promise<BundleMessage> {
  const plain = new TextEncoder().encode(request.keyfileText);
  const sealed = await encryptBytes(plain, { mode: 'passphrase', passphrase: request.passphrase, ...(workFactor ? { workFactor } : {}) });
  return { type: 'sealed', sealed };
}

export async function unsealIdentity(request: Extract<BundleRequest, { job: 'unseal' }>): Promise<BundleMessage> {
  const plain = await decryptBytes(request.sealed, { passphrase: request.passphrase }, MAX_SEALED_BYTES);
  if (!plain.ok) return { type: 'failed', error: plain.error };
  const keyfileText = new TextDecoder().decode(plain.value);
  const parsed = await parseKeyfile(keyfileText);
  return parsed.ok ? { type: 'unsealed', keyfileText } : { type: 'failed', error: { code: 'identity_unreadable' } };
}

/** Reads the case from the database, then writes, signs and encrypts it (or a selection, or its changes) as one bundle. */
export async function exportCase(
  db: VigiaDatabase,
  request: Extract<BundleRequest, { job: 'export' }>,
  report: Report,
  codecs?: WorkerCodecs,
): Promise<BundleMessage> {
  const sender = await parseKeyfile(request.keyfileText);
  if (!sender.ok) return { type: 'failed', error: { code: 'identity_unreadable' } };
  report('reading', 0, 1);
  const whole = await loadCaseRecords(db, [request.caseId]);
  if (whole.cases.length === 0) return { type: 'failed', error: { code: 'case_not_found' } };
  const allAudit = await loadCaseAudit(db, request.caseId);
  const { scope, snapshot, audit, release } = await whatToSend(db, whole, allAudit, request);
  report('reading', 1, 1);

  const blobs: AttachmentSource = {
    has: async (sha) => (await db.blobs.get(sha)) !== undefined,
    chunks: (sha) => blobChunks(db, sha),
  };
  try {
    const { manifest, stream } = await writeBundleStream(
      { snapshot, audit, attachments: blobs },
      {
        sender: sender.identity,
        encryption: request.encryption,
        recipientNames: request.recipientNames,
        scope,
        // Released: marked with the highest marking it actually holds.
        marking: release?.marking ?? request.marking,
        receivedBundles: await receivedBundleIds(db, [request.caseId]),
        now: new Date(),
        encryptElsewhere: request.output === 'zip-stream',
        // WASM CRC-32 and SHA-256 (wasm-codecs.ts); without them fflate's and noble's pure JS.
        ...codecs,
      },
    );
    const total = manifest.entries.reduce((sum, e) => sum + e.size, 0);
    let done = 0;
    const counted = stream.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          done += chunk.length;
          report('encrypting', Math.min(done, total), total);
          controller.enqueue(chunk);
        },
        flush: () => report('encrypting', total, total),
      }),
    );
    // Streamed: the page pulls, so encryption runs at the pace of the writes to disk.
    const released = release ? { release } : {};
    if (request.output === 'stream' || request.output === 'zip-stream') return { type: 'exported', manifest, file: counted, ...released };
    return { type: 'exported', manifest, file: await collectBlob(counted), ...released };
  } catch (error) {
    return { type: 'failed', error: { code: 'export_failed', detail: error instanceof Error ? error.message : String(error) } };
  }
}

/** The encrypted bundle as a Blob grown in batches: the worker's heap holds one batch, not the bundle. */
async function collectBlob(stream: ReadableStream<Uint8Array>): Promise<Blob> {
  const blob = growingBlob();
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return blob.finish('application/octet-stream');
      blob.append(value);
    }
  } catch (error) {
    blob.discard();
    throw error;
  }
}

async function* blobChunks(db: VigiaDatabase, sha256: string): AsyncIterable<Uint8Array> {
  const bytes = await loadAttachmentBytes(db, sha256);
  if (bytes) yield new Uint8Array(await bytes.arrayBuffer());
}

/**
 * Decrypts, verifies and stages; an untrusted but valid signer comes back for the analyst to judge.
 * The plaintext is staged in a Blob (bounded worker memory), and the verified attachments travel to
 * the page as slices of it, never as bytes.
 */
export async function openBundleFile(request: Extract<BundleRequest, { job: 'open' }>, report: Report, codecs?: WorkerCodecs): Promise<BundleMessage> {
  const file = bundleFileFrom(request.bytes);
  const { stage, staged } = blobStage();
  report('decrypting', 0, file.size);
  const opened = await openBundle(file, {
    key: request.key,
    trustedSigningKeys: request.trustedSigningKeys,
    allowUntrustedSigner: true,
    // Reading checks SHA-256 (not CRC-32) and inflates with fflate's bounded reader.
    ...(codecs ? { sha256: codecs.sha256, sha256Whole: codecs.sha256Whole } : {}),
    stage,
    onProgress: (done, total) => report('decrypting', done, total),
    onCheckProgress: (done, total) => report('checking', done, total),
  });
  const plaintext = staged();
  if (!opened.ok) return { type: 'failed', error: opened.error };
  if (!plaintext) return { type: 'failed', error: { code: 'bundle_unreadable', detail: 'plaintext_not_staged' } };
  const { manifest, snapshot, audit, signer } = opened.value;
  const mimeTypes = new Map(snapshot.attachments.map((a) => [a.sha256, a.mimeType]));
  const attachments = new Map<string, Blob>();
  for (const [sha256, at] of opened.value.attachments) {
    attachments.set(sha256, plaintext.blob.slice(at.offset, at.offset + at.size, mimeTypes.get(sha256) ?? 'application/octet-stream'));
  }
  return { type: 'opened', staged: { manifest, snapshot, audit, attachments }, signer };
}

/**
 * The desktop path: the utility process decrypted and authenticated the bundle; its plaintext is read
 * through the page (plaintext-port.ts) and checked exactly as `openBundleFile` checks a staged one.
 * The verified attachments are copied into Blobs (they go to IndexedDB as such) before the
 * plaintext is released, since the page closes the utility's stage when this job ends.
 */
export async function openStagedBundleFile(
  request: Extract<BundleRequest, { job: 'open-staged' }>,
  report: Report,
  codecs?: WorkerCodecs,
): Promise<BundleMessage> {
  const plaintext = portedPlaintext(request.plaintext);
  report('checking', 0, 1);
  try {
    let opened: Awaited<ReturnType<typeof openStaged>>;
    try {
      opened = await openStaged(plaintext, {
        key: request.key,
        trustedSigningKeys: request.trustedSigningKeys,
        allowUntrustedSigner: true,
        ...(codecs ? { sha256: codecs.sha256, sha256Whole: codecs.sha256Whole } : {}),
        onCheckProgress: (done, total) => report('checking', done, total),
      });
    } catch (error) {
      return { type: 'failed', error: { code: 'bundle_unreadable', detail: error instanceof Error ? error.message : String(error) } };
    }
    if (!opened.ok) return { type: 'failed', error: opened.error };
    const { manifest, snapshot, audit, signer } = opened.value;
    return { type: 'opened', staged: { manifest, snapshot, audit, attachments: await attachmentBlobs(opened.value) }, signer };
  } finally {
    await plaintext.discard();
  }
}

/** Each verified attachment's bytes as a Blob of its MIME type, grown in batches (never one buffer). */
async function attachmentBlobs(opened: OpenedBundle): Promise<Map<string, Blob>> {
  const mimeTypes = new Map(opened.snapshot.attachments.map((a) => [a.sha256, a.mimeType]));
  const blobs = new Map<string, Blob>();
  const piece = 8 * 1024 * 1024;
  for (const [sha256, at] of opened.attachments) {
    const blob = growingBlob(Math.min(piece, Math.max(at.size, 1)));
    for (let done = 0; done < at.size; done += piece) blob.append(await opened.plaintext.read(at.offset + done, Math.min(piece, at.size - done)));
    blobs.set(sha256, blob.finish(mimeTypes.get(sha256) ?? 'application/octet-stream'));
  }
  return blobs;
}

function bundleFileFrom(source: Extract<BundleRequest, { job: 'open' }>['bytes']): BundleFile {
  if (source instanceof Uint8Array) return bundleFileOf(source);
  if (source instanceof Blob) return blobBundleFile(source);
  return streamBundleFile(source.size, () => source.stream);
}
