import { describe, expect, it } from 'vitest';
import { fixtureContents } from '../../shared/bundle/test-support';
import { attachmentsFromMap, writeBundle } from '../../shared/bundle/write';
import { generateAnalystIdentity } from '../../shared/identity';
import { blobStage } from './blob-stage';
import { openBundleFile } from './bundle-jobs';

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('staging a decrypted bundle in a Blob', () => {
  it('reads back exactly what was written, across batch boundaries', async () => {
    const { stage, staged } = blobStage(10);
    const sink = await stage(25);
    const all = Uint8Array.from({ length: 25 }, (_, i) => i * 7);
    for (const [from, to] of [[0, 3], [3, 18], [18, 25]] as const) await sink.write(all.subarray(from, to));
    const plain = await sink.finish();
    expect(staged()).toBe(plain);
    expect(plain.size).toBe(25);
    expect(await plain.read(0, 25)).toEqual(all);
    expect(await plain.read(8, 5)).toEqual(all.subarray(8, 13));
    expect(await plain.read(20, 100)).toEqual(all.subarray(20));
  });

  it('refuses to finish when the plaintext is not the size age announced', async () => {
    const sink = await blobStage(4).stage(10);
    await sink.write(new Uint8Array(6));
    await expect(sink.finish()).rejects.toThrow(/plaintext_size_mismatch/);
  });

  it('hands verified attachments to the page as Blobs of exactly their bytes (ZIP signatures included)', async () => {
    const [ana, ben] = await Promise.all([generateAnalystIdentity('Ana'), generateAnalystIdentity('Ben')]);
    const { snapshot, audit, attachmentBytes } = fixtureContents();
    const { bytes } = await writeBundle(
      { snapshot, audit, attachments: attachmentsFromMap(attachmentBytes) },
      { sender: ana, encryption: { mode: 'recipients', recipients: [ben.ageRecipient] }, scope: 'case', marking: 'RESERVADO', now: new Date('2026-11-24T10:00:00Z') },
    );
    const progress: Array<{ phase: string; done: number; total: number }> = [];
    const opened = await openBundleFile({ job: 'open', bytes, key: { identity: ben.ageIdentity }, trustedSigningKeys: [ana.signingKey] }, (phase, done, total) =>
      progress.push({ phase, done, total }),
    );
    if (opened.type !== 'opened') throw new Error(JSON.stringify(opened));
    const [sha256, expected] = [...attachmentBytes][0]!;
    const blob = opened.staged.attachments.get(sha256)!;
    expect(blob).toBeInstanceOf(Blob);
    expect(blob.type).toBe(snapshot.attachments[0]!.mimeType);
    expect(await bytesOf(blob)).toEqual(expected);
    // Decryption counts the file's bytes, then the checks count the entries' bytes, each to its end.
    expect(progress.filter((p) => p.phase === 'decrypting').at(-1)).toEqual({ phase: 'decrypting', done: bytes.length, total: bytes.length });
    const checks = progress.filter((p) => p.phase === 'checking');
    expect(checks.at(-1)!.done).toBe(checks.at(-1)!.total);
    expect(progress.findIndex((p) => p.phase === 'checking')).toBeGreaterThan(progress.findLastIndex((p) => p.phase === 'decrypting'));

    // The same bundle from the picked file itself, read in chunks as it decrypts.
    const fromFile = await openBundleFile({ job: 'open', bytes: new Blob([bytes.slice()]), key: { identity: ben.ageIdentity }, trustedSigningKeys: [ana.signingKey] }, () => undefined);
    if (fromFile.type !== 'opened') throw new Error(JSON.stringify(fromFile));
    expect(await bytesOf(fromFile.staged.attachments.get(sha256)!)).toEqual(expected);
  }, 30_000);
});
