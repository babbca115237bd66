import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateAnalystIdentity, type AnalystIdentity } from '../identity/analyst-identity';
import { decryptToStage, encryptBytes } from './age-layer';
import type { BundleError } from './errors';
import { openBundle } from './read';
import { bundleFileOf, memoryStage, type PlaintextStage } from './staged-plaintext';
import { fixtureContents } from './test-support';
import { stagedAttachmentBytes, unpack, zipEntries, type Unpacked } from './test-support';
import { attachmentsFromMap, writeBundle } from './write';

/**
 * The central-directory reader against archives that lie about their own layout: a valid age file
 * (anyone can make one for a public recipient) around a ZIP whose directory, local headers or offsets
 * were forged. Every one is refused with a value, before anything is staged for the database.
 */
let ana: AnalystIdentity;
let parts: Unpacked;
let bundle: Uint8Array;

beforeAll(async () => {
  ana = await generateAnalystIdentity('Ana');
  const { snapshot, audit, attachmentBytes } = fixtureContents();
  ({ bytes: bundle } = await writeBundle(
    { snapshot, audit, attachments: attachmentsFromMap(attachmentBytes) },
    { sender: ana, encryption: { mode: 'recipients', recipients: [ana.ageRecipient] }, scope: 'case', marking: 'RESERVADO', now: new Date('2026-11-24T10:00:00Z') },
  ));
  parts = await unpack(bundle, ana);
});

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const put32 = (b: Uint8Array, at: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint32(at, v, true);
const put16 = (b: Uint8Array, at: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint16(at, v, true);

interface Layout {
  eocd: number;
  directoryOffset: number;
  /** Offsets of each central-directory record, by entry name. */
  central: Map<string, number>;
}

function layoutOf(zip: Uint8Array): Layout {
  const eocd = zip.length - 22;
  const directoryOffset = u32(zip, eocd + 16);
  const central = new Map<string, number>();
  let at = directoryOffset;
  for (let i = 0; i < u16(zip, eocd + 10); i += 1) {
    const nameLength = u16(zip, at + 28);
    central.set(new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)), at);
    at += 46 + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
  }
  return { eocd, directoryOffset, central };
}

const attachmentPath = () => parts.entries.find(([p]) => p.startsWith('attachments/'))![0];

async function errorOf(zip: Uint8Array): Promise<BundleError | undefined> {
  const file = await encryptBytes(zip, { mode: 'recipients', recipients: [ana.ageRecipient] });
  const opened = await openBundle(file, { key: { identity: ana.ageIdentity }, trustedSigningKeys: [ana.signingKey] });
  return opened.ok ? undefined : opened.error;
}

/** The bundle's own ZIP with one forged change. */
function forged(change: (zip: Uint8Array, layout: Layout) => void): Uint8Array {
  const zip = zipEntries(parts.entries);
  change(zip, layoutOf(zip));
  return zip;
}

describe('reading a ZIP through its central directory', () => {
  it('opens the untouched archive, attachment bytes intact', async () => {
    expect(await errorOf(zipEntries(parts.entries))).toBeUndefined();
  });

  it('refuses a truncated central directory', async () => {
    const zip = zipEntries(parts.entries);
    const { directoryOffset } = layoutOf(zip);
    expect(await errorOf(zip.subarray(0, directoryOffset + 20))).toEqual({ code: 'zip_invalid' });
    // The end record kept, but it claims a directory longer than what precedes it.
    expect(await errorOf(forged((z, l) => put32(z, l.eocd + 12, u32(z, l.eocd + 12) + 46)))).toEqual({ code: 'zip_invalid' });
    // …or more entries than the directory holds.
    expect(await errorOf(forged((z, l) => put16(z, l.eocd + 10, u16(z, l.eocd + 10) + 1)))).toEqual({ code: 'zip_invalid' });
  });

  it('refuses bytes after the end of the archive', async () => {
    const zip = zipEntries(parts.entries);
    expect(await errorOf(new Uint8Array([...zip, 0, 0, 0]))).toEqual({ code: 'zip_invalid' });
  });

  it('refuses a local header that disagrees with the directory (name, method)', async () => {
    const path = attachmentPath();
    const renamed = forged((z, l) => {
      const local = u32(z, l.central.get(path)! + 42);
      z[local + 30 + path.length - 1] = z[local + 30 + path.length - 1]! ^ 1;
    });
    expect(await errorOf(renamed)).toEqual({ code: 'zip_invalid' });
    const remethod = forged((z, l) => put16(z, u32(z, l.central.get(path)! + 42) + 8, 8));
    expect(await errorOf(remethod)).toEqual({ code: 'zip_invalid' });
  });

  it('refuses an entry whose offset points outside the archive or into the directory', async () => {
    const path = attachmentPath();
    expect(await errorOf(forged((z, l) => put32(z, l.central.get(path)! + 42, 0x7fff0000)))).toEqual({ code: 'zip_invalid' });
    expect(await errorOf(forged((z, l) => put32(z, l.central.get(path)! + 42, l.directoryOffset - 10)))).toEqual({ code: 'zip_invalid' });
  });

  it('refuses overlapping entries (two directory records sharing bytes)', async () => {
    const path = attachmentPath();
    const overlapping = forged((z, l) => {
      const records = u32(z, l.central.get('records/persons.ndjson')! + 42);
      put32(z, l.central.get(path)! + 42, records);
    });
    expect(await errorOf(overlapping)).toEqual({ code: 'zip_invalid' });
  });

  it('refuses ZIP64 markers, encrypted entries and a stored entry whose sizes disagree', async () => {
    const path = attachmentPath();
    expect(await errorOf(forged((z, l) => put32(z, l.central.get(path)! + 20, 0xffffffff)))).toEqual({ code: 'zip_invalid' });
    expect(await errorOf(forged((z, l) => put16(z, l.central.get(path)! + 8, u16(z, l.central.get(path)! + 8) | 1)))).toEqual({ code: 'zip_invalid' });
    expect(await errorOf(forged((z, l) => put32(z, l.central.get(path)! + 20, u32(z, l.central.get(path)! + 20) - 1)))).toEqual({ code: 'zip_invalid' });
  });

  it('refuses a deflated attachment (attachments are read in place, so they must be stored)', async () => {
    const path = attachmentPath();
    const zip = zipSync(Object.fromEntries(parts.entries.map(([p, b]) => [p, [b, { level: p === path ? 6 : 0 }]])));
    expect(await errorOf(zip)).toEqual({ code: 'entry_compression_unsupported', path });
  });

  it('reads attachments in place: the staged reference covers exactly their bytes', async () => {
    const opened = await openBundle(bundle, { key: { identity: ana.ageIdentity }, trustedSigningKeys: [ana.signingKey] });
    if (!opened.ok) throw new Error(opened.error.code);
    expect(await stagedAttachmentBytes(opened.value)).toEqual(fixtureContents().attachmentBytes);
    const chunks: Uint8Array[] = [];
    for await (const c of opened.value.entryChunks(attachmentPath())) chunks.push(c);
    expect(Buffer.concat(chunks)).toEqual(Buffer.from(fixtureContents().attachmentBytes.values().next().value!));
  });
});

describe('staging the decrypted plaintext', () => {
  /** A memory stage that records what happened to it. */
  function watchedStage(): { stage: PlaintextStage; events: string[] } {
    const events: string[] = [];
    return {
      events,
      stage: async (size) => {
        const sink = await memoryStage(size);
        return {
          write: (chunk) => sink.write(chunk),
          finish: async () => {
            events.push('finish');
            const plain = await sink.finish();
            return { ...plain, read: plain.read, discard: () => (events.push('discard'), plain.discard()) };
          },
          discard: () => (events.push('discard'), sink.discard()),
        };
      },
    };
  }

  it('never finishes a stage for a truncated or altered file, and discards what it wrote', async () => {
    for (const damaged of [bundle.subarray(0, bundle.length - 1000), Uint8Array.from(bundle, (b, i) => (i === bundle.length - 100 ? b ^ 1 : b))]) {
      const { stage, events } = watchedStage();
      const staged = await decryptToStage(bundleFileOf(damaged), { identity: ana.ageIdentity }, stage, 1 << 30);
      expect(staged).toEqual({ ok: false, error: { code: 'bundle_damaged' } });
      expect(events).toEqual(['discard']);
    }
  });

  it('discards the stage when a check after decryption fails', async () => {
    const { stage, events } = watchedStage();
    const opened = await openBundle(bundle, { key: { identity: ana.ageIdentity }, trustedSigningKeys: [], stage });
    expect(opened.ok ? undefined : opened.error.code).toBe('untrusted_signer');
    expect(events).toEqual(['finish', 'discard']);
  });

  it('reads the file in chunks as it decrypts, and reports progress up to its size', async () => {
    const seen: number[] = [];
    const opened = await openBundle(bundleFileOf(bundle), { key: { identity: ana.ageIdentity }, trustedSigningKeys: [ana.signingKey], onProgress: (done) => seen.push(done) });
    expect(opened.ok).toBe(true);
    expect(seen.at(-1)).toBe(bundle.length);
  });
});
