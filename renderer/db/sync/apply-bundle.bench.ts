/**
 * How long applying a received bundle of the 10k-person demo case takes (fake-indexeddb in Node),
 * against writing the same records as a plain snapshot import in the same run.
 * Run: npx vitest bench --run --project renderer renderer/db/sync
 */
import { bench, describe } from 'vitest';
import type { BundleManifest } from '../../../shared/bundle/manifest';
import { generateDemoCase } from '../../../shared/demo';
import { CASE_TABLE_NAMES } from '../../../shared/model';
import { importSnapshot } from '../import-snapshot';
import { freshDatabase } from '../test-support';
import { applyBundle, type StagedBundle } from './apply-bundle';

const snapshot = generateDemoCase({ size: 10_000, today: '2018-10-08' });
const stamps = CASE_TABLE_NAMES.flatMap((t) => snapshot[t].map((r) => r.hlc)).sort();
const sender = { name: 'Ana García', fingerprint: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-0000-1111' };

/** A staged bundle as the worker hands it over: the whole demo case, a fresh id each time. */
function staged(): StagedBundle {
  const manifest: BundleManifest = {
    format: 'vigia-bundle',
    version: 1,
    bundleId: crypto.randomUUID(),
    createdAt: new Date(0).toISOString(),
    sender: { name: sender.name, signingKey: 'RWQ', fingerprint: sender.fingerprint },
    encryption: { mode: 'passphrase' },
    scope: 'case',
    caseIds: [snapshot.cases[0]!.id],
    marking: 'RESERVADO',
    synthetic: true,
    clock: { from: stamps[0]!, to: stamps.at(-1)! },
    counts: Object.fromEntries(CASE_TABLE_NAMES.map((t) => [t, snapshot[t].length])),
    entries: [],
  };
  return { manifest, snapshot, audit: [], attachments: new Map() };
}

const records = CASE_TABLE_NAMES.reduce((sum, t) => sum + snapshot[t].length, 0);

describe(`10k-person demo case (${records} records) into an empty workstation`, () => {
  bench(
    'applyBundle (merge plan, records, audit, log)',
    async () => {
      const db = await freshDatabase();
      await applyBundle(db, staged(), sender);
      db.close();
    },
    { iterations: 5, warmupIterations: 1, time: 0 },
  );

  bench(
    'importSnapshot of the same records (reference)',
    async () => {
      const db = await freshDatabase();
      await importSnapshot(db, snapshot);
      db.close();
    },
    { iterations: 5, warmupIterations: 1, time: 0 },
  );
});
