/**
 * Encryption at rest (issue 16), each sealed operation against the same one unsealed in the same run,
 * in Node (fake-indexeddb stands in for IndexedDB, as in the database's unit tests):
 * - opening the 10,000-person demo case: what the network worker reads (loadCaseNetwork) and what an
 *   export or bundle reads (loadCaseRecords), sealed / plain; goal ≤ 1.3×;
 * - taking the case in: importSnapshot of the whole case (the write path a bundle's apply shares:
 *   every record sealed on its way in), sealed / plain; goal ≤ 1.4×;
 * - unlock: Argon2id at VAULT_KDF_COST and the vault key unwrapped; goal 0.5–1 s;
 * - a passphrase change: one Argon2id to prove the old passphrase, one for the new; it re-wraps the
 *   vault key and touches no record, so its time does not depend on the workstation's size (the
 *   100k-record goal, < 3 s, is met by construction; measured here on an empty vault).
 * fake-indexeddb is several times slower than Chromium's IndexedDB, which makes the cipher a smaller
 * share of the time here than in the app: read these ratios as a lower bound (docs/security.md).
 * VIGIA_BENCH_VAULT_SIZE changes the case size, _RUNS the number of runs (default 5).
 * Run by `npm run bench -- vault` (or `node --expose-gc --import tsx test/bench/vault.bench.ts`).
 */
import 'fake-indexeddb/auto';
import { loadavg } from 'node:os';
import { generateDemoCase } from '../../shared/demo';
import { changePassphrase, createVault, unlockVault } from '../../shared/vault';
import { xchachaPolyInUse } from '../../shared/vault/aead';
import { openVigiaDatabase, type VigiaDatabase } from '../../renderer/db/database';
import { importSnapshot } from '../../renderer/db/import-snapshot';
import { loadCaseNetwork } from '../../renderer/db/queries/case-network';
import { loadCaseRecords } from '../../renderer/db/sync/case-contents';

const SIZE = Number(process.env.VIGIA_BENCH_VAULT_SIZE ?? 10_000);
const RUNS = Number(process.env.VIGIA_BENCH_VAULT_RUNS ?? 5);
const PASSPHRASE = 'una frase de paso para medir el cifrado';

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${Math.round(value)} ms`;

async function timed(run: () => Promise<unknown>): Promise<number> {
  globalThis.gc?.();
  const t = performance.now();
  await run();
  return performance.now() - t;
}

const snapshot = generateDemoCase({ size: SIZE, today: '2026-12-05' });
const caseId = snapshot.cases[0]!.id;
const records = Object.values(snapshot).reduce((sum, rows) => sum + (Array.isArray(rows) ? rows.length : 0), 0);
console.log(`encryption at rest, the ${SIZE.toLocaleString('en')}-person demo case (${records.toLocaleString('en')} records), ${RUNS} runs each, load ${loadavg()[0]!.toFixed(1)}`);

const vaultKey = crypto.getRandomValues(new Uint8Array(32));
let counter = 0;
const fresh = (sealed: boolean): Promise<VigiaDatabase> => {
  const name = `vault-bench-${++counter}`;
  return openVigiaDatabase(sealed ? { name, vaultKey } : { name });
};

const take = { plain: [] as number[], sealed: [] as number[] };
const open = { plain: [] as number[], sealed: [] as number[] };
const read = { plain: [] as number[], sealed: [] as number[] };
for (let run = 0; run < RUNS; run++) {
  // Alternated, so that a busy moment of the machine does not fall on one side only.
  for (const side of run % 2 === 0 ? (['plain', 'sealed'] as const) : (['sealed', 'plain'] as const)) {
    const db = await fresh(side === 'sealed');
    take[side].push(await timed(() => importSnapshot(db, snapshot)));
    db.close();
    // Opened again as a window or worker does: nothing of the import left in memory.
    const reopened = await openVigiaDatabase(db.address);
    open[side].push(await timed(() => loadCaseNetwork(reopened, caseId)));
    read[side].push(await timed(() => loadCaseRecords(reopened, [caseId])));
    reopened.close();
    await reopened.delete();
  }
}
console.log(`  record cipher in use: ${xchachaPolyInUse()}`);
const line = (label: string, pair: { plain: number[]; sealed: number[] }, goal: string) => {
  const plain = median(pair.plain);
  const sealed = median(pair.sealed);
  console.log(`  ${label.padEnd(44)} sealed ${ms(sealed).padStart(8)}   plain ${ms(plain).padStart(8)}   ${(sealed / plain).toFixed(2)}×   ${goal}`);
};
line('open: the network (loadCaseNetwork)', open, 'goal ≤ 1.3×');
line('open: every record (loadCaseRecords)', read, 'goal ≤ 1.3×');
line('take the case in (importSnapshot)', take, 'goal ≤ 1.4×');

const { slot } = await createVault(PASSPHRASE);
const unlocks: number[] = [];
const changes: number[] = [];
for (let run = 0; run < RUNS; run++) {
  unlocks.push(await timed(() => unlockVault(PASSPHRASE, slot)));
  changes.push(await timed(() => changePassphrase(slot, PASSPHRASE, `${PASSPHRASE} nueva`)));
}
console.log(`  unlock (Argon2id 96 MiB × 3, unwrap)            median ${ms(median(unlocks))} (${unlocks.map(ms).join(', ')})   goal 0.5–1 s`);
console.log(`  passphrase change (two Argon2id, one re-wrap)   median ${ms(median(changes))} (${changes.map(ms).join(', ')})   goal < 3 s at any size`);
console.log(`  load after the runs ${loadavg()[0]!.toFixed(1)}`);
