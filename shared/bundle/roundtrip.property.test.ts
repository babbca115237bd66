import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateAnalystIdentity, type AnalystIdentity } from '../identity/analyst-identity';
import { emptySnapshot } from '../model/tables';
import { mergeSnapshots } from '../merge/plan';
import { openBundle } from './read';
import { fixtureCase, fixturePerson } from './test-support';
import { attachmentsFromMap, writeBundle } from './write';

let ana: AnalystIdentity;
beforeAll(async () => {
  ana = await generateAnalystIdentity('Ana');
});

/** Any text a person could type or paste (lone surrogates included), already trimmed as the schema stores it. */
const nameText = fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }).filter((s) => s.trim() === s && s.length > 0);
const freeText = fc.string({ unit: 'binary', maxLength: 300 });

describe('export → import', () => {
  it('gives back exactly the snapshot that was exported, and importing it into an empty case yields the same', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(nameText, freeText, fc.option(fc.stringMatching(/^[0-9]{1,14}$/), { nil: undefined })), { minLength: 1, maxLength: 8 }), async (people) => {
        const snapshot = emptySnapshot();
        snapshot.cases.push(fixtureCase());
        people.forEach(([name, notes, nis], i) => {
          // Identifiers are optional: people with and without them travel alike.
          const identifiers = nis === undefined ? {} : { identifiers: [{ scheme: 'NIS' as const, value: nis, sourceIds: [] }] };
          snapshot.persons.push({ ...fixturePerson(`person:p${i}`, name), notes, ...identifiers });
        });
        const { bytes } = await writeBundle(
          { snapshot, audit: [], attachments: attachmentsFromMap(new Map()) },
          { sender: ana, encryption: { mode: 'recipients', recipients: [ana.ageRecipient] }, scope: 'case', marking: 'SECRETO', now: new Date(0) },
        );
        const opened = await openBundle(bytes, { key: { identity: ana.ageIdentity }, trustedSigningKeys: [ana.signingKey] });
        if (!opened.ok) throw new Error(opened.error.code);
        expect(opened.value.snapshot).toEqual(snapshot);
        expect(mergeSnapshots(emptySnapshot(), opened.value.snapshot)).toEqual(snapshot);
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
