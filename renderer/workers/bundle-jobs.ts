import { decryptBytes, encryptBytes, readAll } from '../../shared/bundle/age-layer';
import { openBundle } from '../../shared/bundle/read';
import { writeBundleStream, type AttachmentSource } from '../../shared/bundle/write';
import { parseKeyfile } from '../../shared/identity';
import { CASE_TABLE_NAMES, emptySnapshot, type CaseSnapshot } from '../../shared/model';
import type { VigiaDatabase } from '../db/database';
import { loadCaseAudit, loadCaseRecords } from '../db/sync/case-contents';
import type { BundleMessage, BundlePhase, BundleRequest } from './bundle-protocol';

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

/** Reads the whole case from the database, then writes, signs and encrypts it as one bundle. */
export async function exportCase(db: VigiaDatabase, request: Extract<BundleRequest, { job: 'export' }>, report: Report): Promise<BundleMessage> {
  const sender = await parseKeyfile(request.keyfileText);
  if (!sender.ok) return { type: 'failed', error: { code: 'identity_unreadable' } };
  report('reading', 0, 1);
  const whole = await loadCaseRecords(db, [request.caseId]);
  if (whole.cases.length === 0) return { type: 'failed', error: { code: 'case_not_found' } };
  const allAudit = await loadCaseAudit(db, request.caseId);
  const { since } = request;
  const snapshot = since === undefined ? whole : changedSince(whole, since);
  const audit = since === undefined ? allAudit : allAudit.filter((e) => e.hlc > since);
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
        scope: since === undefined ? 'case' : 'changes',
        marking: request.marking,
        now: new Date(),
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
      }),
    );
    const bytes = await readAll(counted);
    report('encrypting', total, total);
    return { type: 'exported', manifest, bytes };
  } catch (error) {
    return { type: 'failed', error: { code: 'export_failed', detail: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * The records changed after `since` (a record's `hlc` is its newest field stamp). The case record
 * always travels: it names the case and its marking for a colleague's preview.
 */
function changedSince(snapshot: CaseSnapshot, since: string): CaseSnapshot {
  const changed = emptySnapshot();
  for (const table of CASE_TABLE_NAMES) {
    const keep = (snapshot[table] as Array<{ hlc: string }>).filter((r) => table === 'cases' || r.hlc > since);
    (changed[table] as unknown[]).push(...keep);
  }
  return changed;
}

async function* blobChunks(db: VigiaDatabase, sha256: string): AsyncIterable<Uint8Array> {
  const stored = await db.blobs.get(sha256);
  if (stored) yield new Uint8Array(await stored.data.arrayBuffer());
}

/** Decrypts, verifies and stages; an untrusted but valid signer comes back for the analyst to judge. */
export async function openBundleFile(request: Extract<BundleRequest, { job: 'open' }>, report: Report): Promise<BundleMessage> {
  report('decrypting', 0, request.bytes.length);
  const opened = await openBundle(request.bytes, { key: request.key, trustedSigningKeys: request.trustedSigningKeys, allowUntrustedSigner: true });
  report('decrypting', request.bytes.length, request.bytes.length);
  if (!opened.ok) return { type: 'failed', error: opened.error };
  const { manifest, snapshot, audit, attachments, signer } = opened.value;
  return { type: 'opened', staged: { manifest, snapshot, audit, attachments }, signer };
}
