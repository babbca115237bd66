import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { gzipSync, unzipSync } from 'fflate';
import type { IHasher } from 'hash-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../shared/bundle/read';
import { fixtureContents } from '../../shared/bundle/test-support';
import { attachmentsFromMap, writeBundle, writeBundleStream, type BundleOptions } from '../../shared/bundle/write';
import { zipStream, type ZipEntrySource } from '../../shared/bundle/zip-write';
import { generateAnalystIdentity, type AnalystIdentity } from '../../shared/identity/analyst-identity';
import { loadWasmCodecs, wasmCodecsReady, type WorkerCodecs } from './wasm-codecs';

/**
 * hash-wasm's CRC-32 and SHA-256 must be exactly fflate's and @noble/hashes' (what the worker used
 * before, and what a colleague's reader may use), however the bytes are cut into updates.
 */
const MODIFIED = new Date('2026-11-24T10:00:00Z');
const KiB = 1024;

/** fflate's own pure-JS CRC-32, as its gzip trailer carries it (little-endian, before the size). */
function fflateCrc32(bytes: Uint8Array): number {
  const gz = gzipSync(bytes, { level: 0 });
  return new DataView(gz.buffer, gz.byteOffset + gz.length - 8, 4).getUint32(0, true);
}


/**
 * Inputs cut into updates: small pieces, and sizes around SHA-256's 64-byte block and hash-wasm's
 * 16 KiB copy into WASM memory, where an off-by-one would show.
 */
const boundary = fc.constantFrom(0, 1, 55, 56, 63, 64, 65, 16 * KiB - 1, 16 * KiB, 16 * KiB + 1, 32 * KiB + 7);
const piece = fc.oneof(fc.uint8Array({ maxLength: 300 }), boundary.chain((n) => fc.uint8Array({ minLength: n, maxLength: n })));
const pieces = fc.array(piece, { maxLength: 6 });

let codecs: WorkerCodecs;
beforeAll(async () => {
  const loaded = await wasmCodecsReady();
  if (!loaded) throw new Error('hash-wasm did not load');
  codecs = loaded;
});

/** The WASM CRC-32 of the pieces, fed in order. */
function crcOf(pieces: Uint8Array[]): number {
  const crc = codecs.zip.crc32();
  for (const piece of pieces) crc.update(piece);
  return crc.digest();
}

describe('WASM CRC-32', () => {
  it('is fflate\'s CRC-32, whole and continued across any cut', () => {
    fc.assert(
      fc.property(pieces, (parts) => {
        const whole = concatBytes(...parts);
        const expected = fflateCrc32(whole);
        expect(crcOf([whole])).toBe(expected);
        expect(crcOf(parts)).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('gives 0 for no bytes, and is unchanged by an empty piece', () => {
    expect(crcOf([])).toBe(0);
    expect(fflateCrc32(new Uint8Array(0))).toBe(0);
    const name = new TextEncoder().encode('Centro Penitenciario');
    expect(crcOf([name, new Uint8Array(0)])).toBe(crcOf([name]));
  });

  it('keeps two entries apart when their pieces interleave', () => {
    const [a, b] = [codecs.zip.crc32(), codecs.zip.crc32()];
    const [left, right] = [new TextEncoder().encode('Centro Penitenciario '), new TextEncoder().encode('Alicante II')];
    a.update(left);
    b.update(right);
    a.update(right);
    expect(a.digest()).toBe(fflateCrc32(concatBytes(left, right)));
    expect(b.digest()).toBe(fflateCrc32(right));
  });
});

describe('WASM SHA-256', () => {
  it('is @noble/hashes\' SHA-256, whole and in updates', () => {
    fc.assert(
      fc.property(pieces, (parts) => {
        const expected = sha256(concatBytes(...parts));
        const whole = codecs.sha256();
        whole.update(concatBytes(...parts));
        expect(whole.digest()).toEqual(expected);
        const chunked = codecs.sha256();
        for (const part of parts) chunked.update(part);
        expect(chunked.digest()).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it("comes with WebCrypto's one-shot digest, which is @noble/hashes' SHA-256 too", async () => {
    const { sha256Whole } = codecs;
    if (!sha256Whole) throw new Error('WebCrypto digest missing');
    await fc.assert(
      fc.asyncProperty(pieces, async (parts) => {
        const bytes = concatBytes(...parts);
        expect(await sha256Whole(bytes)).toEqual(sha256(bytes));
      }),
      { numRuns: 50 },
    );
  });

  it('keeps interleaved hashers apart though they share one WASM instance', () => {
    fc.assert(
      fc.property(pieces, pieces, (left, right) => {
        const a = codecs.sha256();
        const b = codecs.sha256();
        for (let i = 0; i < Math.max(left.length, right.length); i++) {
          if (left[i]) a.update(left[i]!);
          if (right[i]) b.update(right[i]!);
        }
        expect(b.digest()).toEqual(sha256(concatBytes(...right)));
        expect(a.digest()).toEqual(sha256(concatBytes(...left)));
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a hasher used after its digest, as noble does', () => {
    const hasher = codecs.sha256();
    hasher.update(new Uint8Array([1, 2, 3]));
    hasher.digest();
    expect(() => hasher.update(new Uint8Array([4]))).toThrow();
  });
});

describe('ZIPs and bundles written with the WASM codecs', () => {
  async function zipOf(entries: ZipEntrySource[], withWasm: boolean): Promise<Uint8Array> {
    return new Uint8Array(await new Response(zipStream(entries, MODIFIED, withWasm ? codecs.zip : undefined)).arrayBuffer());
  }
  /** The CRC-32 the central directory gives the first entry (the archive has no comment). */
  function firstEntryCrc(zip: Uint8Array): number {
    const view = new DataView(zip.buffer, zip.byteOffset, zip.length);
    const directory = view.getUint32(zip.length - 22 + 16, true);
    return view.getUint32(directory + 16, true);
  }
  async function* iterate(chunks: Uint8Array[]): AsyncIterable<Uint8Array> {
    yield* chunks;
  }

  it('store attachments byte for byte as fflate alone does, and deflate records that fflate reads back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pieces, { minLength: 1, maxLength: 4 }), fc.uint8Array({ maxLength: 5000 }), async (bodies, record) => {
        const stored = (): ZipEntrySource[] => bodies.map((chunks, i) => ({ path: `attachments/a${i}`, compress: false, chunks: () => iterate(chunks) }));
        expect(await zipOf(stored(), true)).toEqual(await zipOf(stored(), false));
        const mixed = [{ path: 'records/persons.ndjson', compress: true as const, bytes: record }, ...stored()];
        const zip = await zipOf(mixed, true);
        // unzipSync does not check CRCs: the record file's, in the central directory, against fflate's.
        expect(firstEntryCrc(zip)).toBe(fflateCrc32(record));
        const files = unzipSync(zip);
        expect(files['records/persons.ndjson']).toEqual(record);
        for (const [i, chunks] of bodies.entries()) expect(files[`attachments/a${i}`]).toEqual(concatBytes(...chunks));
      }),
      { numRuns: 40 },
    );
    // Eighty ZIPs of up to a few hundred KiB: seconds on a busy 2-core machine, not a hang.
  }, 60_000);

  describe('round trips', () => {
    let ana: AnalystIdentity;
    beforeAll(async () => {
      ana = await generateAnalystIdentity('Ana');
    });

    it('open with the default reader, and default bundles open with them, with the same manifest', async () => {
      const { snapshot, audit, attachmentBytes } = fixtureContents();
      const contents = () => ({ snapshot, audit, attachments: attachmentsFromMap(attachmentBytes) });
      const options: BundleOptions = {
        sender: ana,
        encryption: { mode: 'recipients', recipients: [ana.ageRecipient] },
        scope: 'case',
        marking: 'RESERVADO',
        now: MODIFIED,
        bundleId: '0b7c6c1e-3a57-4b7e-9d43-1f0f3e7a2c11',
      };
      const portable = await writeBundle(contents(), options);
      const wasm = await writeBundle(contents(), { ...options, ...codecs });
      // Same SHA-256 of every entry, so the same signed manifest.
      expect(wasm.manifest).toEqual(portable.manifest);
      for (const bytes of [portable.bytes, wasm.bytes]) {
        for (const reading of [{}, { sha256: codecs.sha256 }]) {
          const opened = await openBundle(bytes, { key: { identity: ana.ageIdentity }, trustedSigningKeys: [ana.signingKey], ...reading });
          if (!opened.ok) throw new Error(opened.error.code);
          expect(opened.value.snapshot).toEqual(snapshot);
          expect(opened.value.audit).toEqual(audit);
          expect([...opened.value.attachments.keys()].sort()).toEqual([...attachmentBytes.keys()].sort());
        }
      }
    });

    it('carry the attachments stored exactly as the default writer stores them', async () => {
      const { snapshot, audit, attachmentBytes } = fixtureContents();
      const zipOfBundle = async (withWasm: boolean) => {
        const { stream } = await writeBundleStream(
          { snapshot, audit, attachments: attachmentsFromMap(attachmentBytes) },
          { sender: ana, encryption: { mode: 'recipients', recipients: [ana.ageRecipient] }, scope: 'case', marking: 'RESERVADO', now: MODIFIED, encryptElsewhere: true, ...(withWasm ? codecs : {}) },
        );
        return unzipSync(new Uint8Array(await new Response(stream).arrayBuffer()));
      };
      const [portable, wasm] = [await zipOfBundle(false), await zipOfBundle(true)];
      const [sha, bytes] = [...attachmentBytes][0]!;
      expect(wasm[`attachments/${sha}`]).toEqual(bytes);
      expect(wasm[`attachments/${sha}`]).toEqual(portable[`attachments/${sha}`]);
    });
  });
});

describe('when the WebAssembly cannot load', () => {
  // What a CSP without 'wasm-unsafe-eval' does to hash-wasm: compiling its module is refused.
  const refused = () => Promise.reject(new Error("CompileError: WebAssembly.compile(): Refused to compile: 'wasm-unsafe-eval' is not allowed"));

  it('gives no codecs, so the worker keeps fflate and noble', async () => {
    expect(await loadWasmCodecs(() => Promise.resolve({ createCRC32: refused, createSHA256: refused }))).toBeUndefined();
    expect(await loadWasmCodecs(() => Promise.reject(new Error('Failed to fetch dynamically imported module')))).toBeUndefined();
  });

  it('gives no codecs when a hasher fails its check value', async () => {
    const real = await import('hash-wasm');
    const crc = await real.createCRC32();
    const wrong: IHasher = { ...crc, digest: ((() => new Uint8Array(4)) as unknown) as IHasher['digest'] };
    expect(await loadWasmCodecs(() => Promise.resolve({ createCRC32: () => Promise.resolve(wrong), createSHA256: () => real.createSHA256() }))).toBeUndefined();
  });
});
