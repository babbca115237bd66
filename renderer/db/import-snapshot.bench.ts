/**
 * How long importing and loading a 10k-person / 50k-link case take (fake-indexeddb in Node).
 * Run: npx vitest bench --run --project renderer renderer/db
 */
import { bench, describe } from 'vitest';
import type { VigiaDatabase } from './database';
import { importSnapshot } from './import-snapshot';
import { loadCaseNetwork } from './queries/case-network';
import { loadPersonDetails } from './queries/person-details';
import { freshDatabase, syntheticSnapshot } from './test-support';

const snapshot = syntheticSnapshot(10_000, 50_000, 30);
let imported: VigiaDatabase | undefined;

async function importedCase(): Promise<VigiaDatabase> {
  if (!imported) {
    imported = await freshDatabase();
    await importSnapshot(imported, snapshot);
  }
  return imported;
}

describe('10k persons + 10k stays + 50k links', () => {
  bench(
    'importSnapshot, one transaction',
    async () => {
      const db = await freshDatabase();
      await importSnapshot(db, snapshot);
      db.close();
    },
    { iterations: 5, warmupIterations: 0, time: 0 },
  );

  bench(
    'loadCaseNetwork',
    async () => {
      await loadCaseNetwork(await importedCase(), 'case:synthetic');
    },
    { iterations: 5, warmupIterations: 1, time: 0 },
  );

  bench(
    'loadPersonDetails (10 links)',
    async () => {
      await loadPersonDetails(await importedCase(), 'person:42');
    },
    { iterations: 20, warmupIterations: 1, time: 0 },
  );
});
