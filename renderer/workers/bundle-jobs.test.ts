// @vitest-environment node
// Node's own Blob: IndexedDB (fake-indexeddb) clones it, where happy-dom's comes back as a plain object.
import { describe, expect, it, vi } from 'vitest';
import { encryptBytes, readAll } from '../../shared/bundle/age-layer';
import { openBundle } from '../../shared/bundle/read';
import { formatKeyfile, generateAnalystIdentity } from '../../shared/identity';
import { importSnapshot } from '../db/import-snapshot';
import { attachFile } from '../db/repositories/attachments';
import { freshDatabase, syntheticSnapshot } from '../db/test-support';
import { exportCase, openBundleFile, openStagedBundleFile } from './bundle-jobs';
import { servePlaintext } from './plaintext-port';
import type { BundleRequest } from './bundle-protocol';
import { wasmCodecsReady } from './wasm-codecs';

const CASE = 'case:streams';
const PHOTO = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 31) % 251);

/** A case with one attachment, and an export request for Ben; `output` chooses Blob or stream. */
async function caseToSend(output?: 'blob' | 'stream' | 'zip-stream') {
  const [ana, ben] = await Promise.all([generateAnalystIdentity('Ana'), generateAnalystIdentity('Ben')]);
  const db = await freshDatabase();
  await importSnapshot(db, syntheticSnapshot(20, 40, 3, CASE));
  const photo = await attachFile(db, CASE, { ownerType: 'person', ownerId: 'person:0', fileName: 'foto.jpg', mimeType: 'image/jpeg', bytes: PHOTO });
  if (!photo.ok) throw new Error('attachment refused');
  const request: Extract<BundleRequest, { job: 'export' }> = {
    job: 'export',
    database: db.address,
    caseId: CASE,
    keyfileText: formatKeyfile(ana, new Date()),
    encryption: { mode: 'recipients', recipients: [ben.ageRecipient] },
    recipientNames: {},
    marking: 'RESERVADO',
    ...(output ? { output } : {}),
  };
  return { db, ana, ben, request, sha256: photo.value.sha256 };
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
    const bytes = await readAll(message.file as ReadableStream<Uint8Array>);

    const opened = await openBundleFile(
      { job: 'open', bytes: { stream: streamOf(bytes, 100_003), size: bytes.length }, key: { identity: ben.ageIdentity }, trustedSigningKeys: [ana.signingKey] },
      () => undefined,
    );
    if (opened.type !== 'opened') throw new Error(JSON.stringify(opened));
    expect(opened.staged.manifest.bundleId).toBe(message.manifest.bundleId);
    expect(new Uint8Array(await opened.staged.attachments.get(sha256)!.arrayBuffer())).toEqual(PHOTO);
  }, 60_000);

  it('exports and opens with the WASM CRC-32 and SHA-256, interchangeably with the pure-JS defaults', async () => {
    const codecs = await wasmCodecsReady();
    if (!codecs) throw new Error('hash-wasm did not load');
    const { db, ana, ben, request, sha256 } = await caseToSend();
    const fast = await exportCase(db, request, () => undefined, codecs);
    const plain = await exportCase(db, request, () => undefined);
    if (fast.type !== 'exported' || plain.type !== 'exported') throw new Error('export failed');
    const key = { identity: ben.ageIdentity };
    // The WASM export opens with the default reader, with the same entry hashes as the default export.
    const opened = await openBundle(new Uint8Array(await (fast.file as Blob).arrayBuffer()), { key, trustedSigningKeys: [ana.signingKey] });
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    expect(opened.value.manifest.entries.map((e) => e.sha256)).toEqual(plain.manifest.entries.map((e) => e.sha256));
    // The default export opens in the worker with the WASM hash.
    const reopened = await openBundleFile({ job: 'open', bytes: plain.file as Blob, key, trustedSigningKeys: [ana.signingKey] }, () => undefined, codecs);
    if (reopened.type !== 'opened') throw new Error(JSON.stringify(reopened));
    expect(new Uint8Array(await reopened.staged.attachments.get(sha256)!.arrayBuffer())).toEqual(PHOTO);
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

describe('the desktop path: the utility process encrypts and decrypts, the worker does the rest', () => {
  /** The page's side of the port, over bytes in memory; says when the worker let go of the plaintext. */
  function served(plaintext: Uint8Array) {
    const channel = new MessageChannel();
    const asked: number[] = [];
    let released = false;
    servePlaintext(
      channel.port1,
      async (offset, length) => {
        asked.push(length);
        return plaintext.slice(offset, offset + length);
      },
      () => (released = true),
    );
    return { port: channel.port2, asked, released: () => released };
  }

  it('exports the signed ZIP itself, which sealed with the same encryption is the bundle', async () => {
    const { db, ana, ben, request, sha256 } = await caseToSend('zip-stream');
    const message = await exportCase(db, request, () => undefined);
    if (message.type !== 'exported') throw new Error(JSON.stringify(message));
    const zip = await readAll(message.file as ReadableStream<Uint8Array>);
    expect(new TextDecoder().decode(zip.subarray(0, 2))).toBe('PK');
    const sealed = await encryptBytes(zip, request.encryption);
    const opened = await openBundle(sealed, { key: { identity: ben.ageIdentity }, trustedSigningKeys: [ana.signingKey] });
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    expect(opened.value.manifest.bundleId).toBe(message.manifest.bundleId);
    expect(opened.value.attachments.has(sha256)).toBe(true);
  }, 60_000);

  it('checks a plaintext staged elsewhere through the page, attachments as Blobs, then lets it go', async () => {
    const { db, ana, ben, request, sha256 } = await caseToSend('zip-stream');
    const message = await exportCase(db, request, () => undefined);
    if (message.type !== 'exported') throw new Error(JSON.stringify(message));
    const zip = await readAll(message.file as ReadableStream<Uint8Array>);
    const page = served(zip);
    const opened = await openStagedBundleFile(
      { job: 'open-staged', plaintext: { port: page.port, size: zip.length }, key: { identity: ben.ageIdentity }, trustedSigningKeys: [ana.signingKey] },
      () => undefined,
    );
    if (opened.type !== 'opened') throw new Error(JSON.stringify(opened));
    expect(opened.staged.manifest.bundleId).toBe(message.manifest.bundleId);
    expect(opened.staged.snapshot.persons).toHaveLength(20);
    const photo = opened.staged.attachments.get(sha256)!;
    expect(photo.type).toBe('image/jpeg');
    expect(new Uint8Array(await photo.arrayBuffer())).toEqual(PHOTO);
    expect(Math.max(...page.asked)).toBeLessThanOrEqual(8 * 1024 * 1024);
    await vi.waitFor(() => expect(page.released()).toBe(true));
  }, 60_000);

  it('refuses an altered plaintext as the worker would, and still lets it go', async () => {
    const { db, ana, ben, request, sha256 } = await caseToSend('zip-stream');
    const message = await exportCase(db, request, () => undefined);
    if (message.type !== 'exported') throw new Error(JSON.stringify(message));
    const zip = await readAll(message.file as ReadableStream<Uint8Array>);
    // One byte of the stored photo changed: its SHA-256 no longer matches the signed manifest.
    const at = indexOf(zip, PHOTO.subarray(0, 64)) + 1000;
    zip[at]! ^= 0xff;
    const page = served(zip);
    const opened = await openStagedBundleFile(
      { job: 'open-staged', plaintext: { port: page.port, size: zip.length }, key: { identity: ben.ageIdentity }, trustedSigningKeys: [ana.signingKey] },
      () => undefined,
    );
    expect(opened).toEqual({ type: 'failed', error: { code: 'entry_hash_mismatch', path: `attachments/${sha256}` } });
    await vi.waitFor(() => expect(page.released()).toBe(true));
  }, 60_000);
});

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error('not found');
}
