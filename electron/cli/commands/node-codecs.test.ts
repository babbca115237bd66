import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../../shared/bundle/read';
import { memoryPlaintext } from '../../../shared/bundle/staged-plaintext';
import { fixtureContents } from '../../../shared/bundle/test-support';
import { readArchive, readDirectory, readEntryBytes } from '../../../shared/bundle/zip-read';
import { zipStream, type ZipEntrySource } from '../../../shared/bundle/zip-write';
import { attachmentsFromMap, writeBundle, type BundleOptions } from '../../../shared/bundle/write';
import { generateAnalystIdentity, type AnalystIdentity } from '../../../shared/identity/analyst-identity';
import { CASE_TABLE_NAMES } from '../../../shared/model/tables';
import { nodeBundleCodecs } from './cli-io';
import { nodeZipCodecs } from './node-codecs';

/**
 * zlib's CRC-32, deflate and inflate in place of fflate's: the archives must be what fflate would have
 * written (byte for byte when every entry is stored), open with fflate and with `unzip -t`, and the
 * reader must refuse the same things with either inflater.
 */
const MODIFIED = new Date('2026-11-24T10:00:00Z');
const SIGNATURES = [0x04034b50, 0x02014b50, 0x06054b50, 0x08074b50].map((s) => new Uint8Array(new Uint32Array([s]).buffer));

async function zipOf(entries: ZipEntrySource[], native: boolean): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const reader = zipStream(entries, MODIFIED, native ? nodeZipCodecs : undefined).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
  }
  return new Uint8Array(Buffer.concat(parts));
}

/** Attachment-like bytes, in chunks, some holding ZIP signatures (fflate's streaming reader trips on them). */
const chunked = fc.array(fc.oneof(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom(...SIGNATURES)), { maxLength: 6 });
const recordText = fc.array(fc.jsonValue(), { maxLength: 30 }).map((values) => new TextEncoder().encode(values.map((v) => JSON.stringify(v) + '\n').join('')));
/** Names the reader accepts: the manifest first, then record files and attachments. */
const recordPath = (i: number) => `records/${CASE_TABLE_NAMES[i % CASE_TABLE_NAMES.length]}.ndjson`;
const attachmentName = (i: number) => `attachments/${i.toString(16).padStart(64, '0')}`;
const entriesArbitrary = fc
  .tuple(recordText, fc.array(fc.oneof(chunked.map((chunks) => ({ compress: false as const, chunks })), recordText.map((bytes) => ({ compress: true as const, bytes }))), { maxLength: 6 }))
  .map(([manifest, list]): ZipEntrySource[] => [
    { path: 'manifest.json', compress: true, bytes: manifest },
    ...list.map((e, i): ZipEntrySource => (e.compress ? { path: recordPath(i), compress: true, bytes: e.bytes } : { path: attachmentName(i), compress: false, chunks: () => iterate(e.chunks) })),
  ]);

async function* iterate(chunks: Uint8Array[]): AsyncIterable<Uint8Array> {
  yield* chunks;
}

const expectedFiles = async (entries: ZipEntrySource[]) => {
  const files: Record<string, Uint8Array> = {};
  for (const e of entries) files[e.path] = e.compress ? e.bytes : new Uint8Array(Buffer.concat(await collect(e.chunks())));
  return files;
};
async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const c of chunks) out.push(c);
  return out;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigia-codecs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('zlib codecs under fflate\'s Zip', () => {
  it('writes stored entries byte for byte as fflate alone does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(chunked, { minLength: 1, maxLength: 5 }), async (bodies) => {
        const entries = (): ZipEntrySource[] => bodies.map((chunks, i) => ({ path: `attachments/a${i}`, compress: false, chunks: () => iterate(chunks) }));
        expect(await zipOf(entries(), true)).toEqual(await zipOf(entries(), false));
      }),
      { numRuns: 60 },
    );
  });

  it('writes archives that fflate and both of our inflaters read back exactly', async () => {
    await fc.assert(
      fc.asyncProperty(entriesArbitrary, async (entries) => {
        const zip = await zipOf(entries, true);
        const expected = await expectedFiles(entries);
        expect(unzipSync(zip)).toEqual(expected);
        for (const codecs of [undefined, nodeZipCodecs]) {
          const read = await readArchive(zip, codecs);
          expect(read.ok && Object.fromEntries(read.value.files)).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('writes archives that `unzip -t` accepts, with the CRC-32 of every entry', async () => {
    const entries: ZipEntrySource[] = [
      { path: 'manifest.json', compress: true, bytes: new TextEncoder().encode('{}\n') },
      { path: 'records/persons.ndjson', compress: true, bytes: new TextEncoder().encode('{"id":"p1"}\n'.repeat(5000)) },
      { path: attachmentName(1), compress: false, chunks: () => iterate([...SIGNATURES, new Uint8Array(70_000).fill(7), ...SIGNATURES]) },
      { path: 'records/empty.ndjson', compress: true, bytes: new Uint8Array(0) },
    ];
    const file = join(dir, 'native.zip');
    writeFileSync(file, await zipOf(entries, true));
    const tested = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(tested).toContain('No errors detected');
    expect(tested.match(/OK/g)).toHaveLength(4);
  });

  it('reads fflate\'s own deflate with zlib, and refuses bombs and broken deflate as fflate\'s reader does', async () => {
    const text = new TextEncoder().encode('x'.repeat(100_000));
    const ok = zipSync({ 'manifest.json': text }, { level: 6, mtime: MODIFIED });
    expect((await readArchive(ok, nodeZipCodecs)).ok).toBe(true);

    // A directory that declares 1 KiB for 100 KB of deflate: inflation stops one byte past it.
    const plain = memoryPlaintext(await zipOf([{ path: 'manifest.json', compress: true, bytes: text }], true));
    const directory = await readDirectory(plain);
    if (!directory.ok) throw new Error(directory.error.code);
    const lying = { ...directory.value.entries[0]!, size: 1024 };
    for (const codecs of [undefined, nodeZipCodecs]) {
      const read = await readEntryBytes(plain, lying, codecs);
      expect(read.ok && read.value.actualSize > 1024).toBe(true);
    }
    expect(nodeZipCodecs.inflateRaw(deflateRawSync(new Uint8Array(64 * 1024 * 1024)), 4096)).toBeUndefined();

    // Garbled deflate: zip_invalid either way.
    const broken = ok.slice();
    // The only entry's data starts right after its 30-byte local header and name.
    const start = 30 + 'manifest.json'.length;
    broken.fill(0xff, start, start + 8);
    for (const codecs of [undefined, nodeZipCodecs]) expect(await readArchive(broken, codecs)).toMatchObject({ ok: false, error: { code: 'zip_invalid' } });
  });
});

describe('bundles with the Node codecs', () => {
  let ana: AnalystIdentity;
  beforeAll(async () => {
    ana = await generateAnalystIdentity('Ana');
  });

  it('open the same with or without them, whichever side used them', async () => {
    const { snapshot, audit, attachmentBytes } = fixtureContents();
    const options: BundleOptions = { sender: ana, encryption: { mode: 'recipients', recipients: [ana.ageRecipient] }, scope: 'case', marking: 'RESERVADO', now: MODIFIED, bundleId: '0b7c6c1e-3a57-4b7e-9d43-1f0f3e7a2c11' };
    const portable = await writeBundle({ snapshot, audit, attachments: attachmentsFromMap(attachmentBytes) }, options);
    const native = await writeBundle({ snapshot, audit, attachments: attachmentsFromMap(attachmentBytes) }, { ...options, ...nodeBundleCodecs });
    expect(native.manifest).toEqual(portable.manifest);
    for (const bytes of [portable.bytes, native.bytes]) {
      for (const codecs of [{}, nodeBundleCodecs]) {
        const opened = await openBundle(bytes, { key: { identity: ana.ageIdentity }, trustedSigningKeys: [ana.signingKey], ...codecs });
        if (!opened.ok) throw new Error(opened.error.code);
        expect(opened.value.snapshot).toEqual(snapshot);
        expect(opened.value.audit).toEqual(audit);
        expect([...opened.value.attachments.keys()].sort()).toEqual([...attachmentBytes.keys()].sort());
      }
    }
  });
});
