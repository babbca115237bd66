import { describe, expect, it, vi } from 'vitest';
import { openBundle } from '../../shared/bundle/read';
import { formatKeyfile, generateAnalystIdentity } from '../../shared/identity';
import { importSnapshot } from '../db/import-snapshot';
import { attachFile } from '../db/repositories/attachments';
import { freshDatabase, syntheticSnapshot } from '../db/test-support';
import { exportCase, openBundleFile } from './bundle-jobs';
import type { BundleRequest } from './bundle-protocol';

const CASE = 'case:streams';
const PHOTO = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 31) % 251);

/** A case with one attachment, and an export request for Ben; `output` chooses Blob or stream. */
async function caseToSend(output?: 'blob' | 'stream') {
  const [ana, ben] = await Promise.all([generateAnalystIdentity('Ana'), generateAnalystIdentity('Ben')]);
  const db = await freshDatabase();
  await importSnapshot(db, syntheticSnapshot(20, 40, 3, CASE));
  const photo = await attachFile(db, CASE, { ownerType: 'person', ownerId: 'person:0', fileName: 'foto.jpg', mimeType: 'image/jpeg', bytes: PHOTO });
  if (!photo.ok) throw new Error('attachment refused');
  // fake-indexeddb clones a happy-dom Blob into a plain object; hand the export a real Blob back.
  const readBlob = db.blobs.get.bind(db.blobs);
  vi.spyOn(db.blobs, 'get').mockImplementation((async (sha256: string) => {
    const stored = await readBlob(sha256);
    return stored && { ...stored, data: new Blob([PHOTO.slice()]) };
  }) as never);
  const request: Extract<BundleRequest, { job: 'export' }> = {
    job: 'export',
    databaseName: db.name,
    caseId: CASE,
    keyfileText: formatKeyfile(ana, new Date()),
    encryption: { mode: 'recipients', recipients: [ben.ageRecipient] },
    recipientNames: {},
    marking: 'RESERVADO',
    ...(output ? { output } : {}),
  };
  return { db, ana, ben, request, sha256: photo.value.sha256 };
}

async function bytesOfStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/** A stream that hands the bytes over in uneven pieces, as the bridge's chunked reads do. */
function streamOf(bytes: Uint8Array, piece: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + piece));
      at += piece;
    },
  });
}

describe('bundle jobs without whole-file buffers', () => {
  it('exports a Blob whose bytes open as the bundle, attachment included', async () => {
    const { db, ana, ben, request, sha256 } = await caseToSend();
    const progress: number[] = [];
    const message = await exportCase(db, request, (_phase, done) => progress.push(done));
    if (message.type !== 'exported') throw new Error(JSON.stringify(message));
    expect(message.file).toBeInstanceOf(Blob);
    const bytes = new Uint8Array(await (message.file as Blob).arrayBuffer());
    const opened = await openBundle(bytes, { key: { identity: ben.ageIdentity }, trustedSigningKeys: [ana.signingKey] });
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    expect(opened.value.manifest.bundleId).toBe(message.manifest.bundleId);
    expect(opened.value.snapshot.persons).toHaveLength(20);
    expect(opened.value.attachments.has(sha256)).toBe(true);
    expect(progress.at(-1)).toBe(message.manifest.entries.reduce((n, e) => n + e.size, 0));
  }, 60_000);

  it('streams the export when asked, and the streamed bytes open, from a stream, in the worker', async () => {
    const { db, ana, ben, request, sha256 } = await caseToSend('stream');
    const message = await exportCase(db, request, () => undefined);
    if (message.type !== 'exported') throw new Error(JSON.stringify(message));
    expect(message.file).toBeInstanceOf(ReadableStream);
    const bytes = await bytesOfStream(message.file as ReadableStream<Uint8Array>);

    const opened = await openBundleFile(
      { job: 'open', bytes: { stream: streamOf(bytes, 100_003), size: bytes.length }, key: { identity: ben.ageIdentity }, trustedSigningKeys: [ana.signingKey] },
      () => undefined,
    );
    if (opened.type !== 'opened') throw new Error(JSON.stringify(opened));
    expect(opened.staged.manifest.bundleId).toBe(message.manifest.bundleId);
    expect(new Uint8Array(await opened.staged.attachments.get(sha256)!.arrayBuffer())).toEqual(PHOTO);
  }, 60_000);

  it('refuses a stream cut short, as a truncated file', async () => {
    const { db, ana, ben, request } = await caseToSend();
    const message = await exportCase(db, request, () => undefined);
    if (message.type !== 'exported') throw new Error(JSON.stringify(message));
    const bytes = new Uint8Array(await (message.file as Blob).arrayBuffer());
    const cut = bytes.subarray(0, bytes.length - 1000);
    const opened = await openBundleFile(
      { job: 'open', bytes: { stream: streamOf(cut, 65_536), size: cut.length }, key: { identity: ben.ageIdentity }, trustedSigningKeys: [ana.signingKey] },
      () => undefined,
    );
    expect(opened).toEqual({ type: 'failed', error: { code: 'bundle_damaged' } });
  }, 60_000);
});
