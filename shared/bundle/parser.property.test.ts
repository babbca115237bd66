import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateAnalystIdentity, type AnalystIdentity } from '../identity/analyst-identity';
import { decryptBytes, encryptBytes } from './age-layer';
import { openBundle } from './read';
import { fixtureContents } from './test-support';
import { stagedAttachmentBytes } from './test-support';
import { attachmentsFromMap, writeBundle } from './write';

let ana: AnalystIdentity;
let zip: Uint8Array;
const { snapshot, audit, attachmentBytes } = fixtureContents();

beforeAll(async () => {
  ana = await generateAnalystIdentity('Ana');
  const { bytes } = await writeBundle(
    { snapshot, audit, attachments: attachmentsFromMap(attachmentBytes) },
    { sender: ana, encryption: { mode: 'recipients', recipients: [ana.ageRecipient] }, scope: 'case', marking: 'RESERVADO', now: new Date('2026-01-01T00:00:00Z') },
  );
  const plain = await decryptBytes(bytes, { identity: ana.ageIdentity }, 1 << 30);
  if (!plain.ok) throw new Error(plain.error.code);
  zip = plain.value;
});

const flip = (bytes: Uint8Array, at: number, xor: number) => {
  bytes[at] = bytes[at]! ^ xor;
};

/**
 * A damaged or hostile ZIP inside a valid age file (anyone can encrypt to a public recipient): the
 * reader returns an error value, never throws, and never accepts content that differs from what was
 * signed.
 */
describe('the bundle parser on damaged archives', () => {
  it('never throws and never accepts altered content (random byte changes)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }), async (edits) => {
        const damaged = zip.slice();
        for (const [at, xor] of edits) flip(damaged, at % damaged.length, xor);
        const file = await encryptBytes(damaged, { mode: 'recipients', recipients: [ana.ageRecipient] });
        const opened = await openBundle(file, { key: { identity: ana.ageIdentity }, trustedSigningKeys: [ana.signingKey] });
        if (opened.ok) {
          expect(opened.value.snapshot).toEqual(snapshot);
          expect([...(await stagedAttachmentBytes(opened.value))]).toEqual([...attachmentBytes]);
        } else {
          expect(opened.error.code).toMatch(/^[a-z_]+$/);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('never throws on a truncated archive', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (cut) => {
        const file = await encryptBytes(zip.subarray(0, cut % zip.length), { mode: 'recipients', recipients: [ana.ageRecipient] });
        const opened = await openBundle(file, { key: { identity: ana.ageIdentity }, trustedSigningKeys: [ana.signingKey] });
        expect(opened.ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
