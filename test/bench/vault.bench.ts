/**
 * Encryption at rest (issue 16), each sealed operation against the same one unsealed in the same run,
 * in Node (fake-indexeddb stands in for IndexedDB, as in the database's unit tests):
 * - opening the 10,000-person demo case: what a reload reads while the case is unchanged (its cached
 *   network, one row: getCachedNetwork), what the network worker reads after any change
 *   (loadCaseNetwork) and what an export or bundle reads (loadCaseRecords), sealed / plain; goal ≤ 1.3×;
 * - taking the case in: importSnapshot of the whole case (the write path a bundle's apply shares:
 *   every record sealed on its way in), sealed / plain; goal ≤ 1.4×;
 * - unlock: Argon2id at VAULT_KDF_COST and the vault key unwrapped; goal 0.5–1 s;
 * - a passphrase change: one Argon2id to prove the old passphrase, one for the new; it re-wraps the
 *   vault key and touches no record, so its time does not depend on the workstation's size (the
 *   100k-record goal, < 3 s, is met by construction; measured here on an empty vault).
 * fake-indexeddb is several times slower than Chromium's IndexedDB, which makes the cipher a smaller
 * share of the time here than in the app: read these ratios as a lower bound (docs/security.md).
 * Each ratio is given by wall time and by this process's CPU time: on a machine shared with other
 * work the wall time stretches with the load, the CPU time much less.
 * - what padding costs (record format 2): the sealed fields' bytes as stored, against the same payloads
 *   unpadded, and how many distinct lengths an attacker with the disk sees.
 * VIGIA_BENCH_VAULT_SIZE changes the case size, _RUNS the number of runs (default 5).
 * Run by `npm run bench -- vault` (or `node --expose-gc --import tsx test/bench/vault.bench.ts`).
 */
import 'fake-indexeddb/auto';
import { loadavg } from 'node:os';
import { cpuUsage } from 'node:process';
import { asciiJson } from '../../shared/json';
import { generateDemoCase } from '../../shared/demo';
import { changePassphrase, createVault, unlockVault, VAULT_KDF_COST } from '../../shared/vault';
import { SEAL_OVERHEAD, xchachaPolyInUse } from '../../shared/vault/aead';
import { paddedLength, SEALED_FIELD } from '../../shared/vault/record-cipher';
import { openVigiaDatabase, type VigiaDatabase } from '../../renderer/db/database';
import { importSnapshot } from '../../renderer/db/import-snapshot';
import { loadCaseNetwork } from '../../renderer/db/queries/case-network';
import { getCachedNetwork, putCachedNetwork } from '../../renderer/db/queries/case-network-cache';
import { caseStateKey } from '../../renderer/db/queries/case-overview';
import { loadCaseRecords } from '../../renderer/db/sync/case-contents';

const SIZE = Number(process.env.VIGIA_BENCH_VAULT_SIZE ?? 10_000);
const RUNS = Number(process.env.VIGIA_BENCH_VAULT_RUNS ?? 5);
const PASSPHRASE = 'una frase de paso para medir el cifrado';

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${Math.round(value)} ms`;

interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

async function timed(run: () => Promise<unknown>): Promise<Timing> {
  globalThis.gc?.();
  const t = performance.now();
  const cpu = cpuUsage();
  await run();
  const used = cpuUsage(cpu);
  return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
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

const take = { plain: [] as Timing[], sealed: [] as Timing[] };
const open = { plain: [] as Timing[], sealed: [] as Timing[] };
const cached = { plain: [] as Timing[], sealed: [] as Timing[] };
const read = { plain: [] as Timing[], sealed: [] as Timing[] };
let padding: PaddingCost | undefined;
for (let run = 0; run < RUNS; run++) {
  // Alternated, so that a busy moment of the machine does not fall on one side only.
  for (const side of run % 2 === 0 ? (['plain', 'sealed'] as const) : (['sealed', 'plain'] as const)) {
    const db = await fresh(side === 'sealed');
    take[side].push(await timed(() => importSnapshot(db, snapshot)));
    const stateKey = await caseStateKey(db, caseId);
    await putCachedNetwork(db, caseId, stateKey, (await loadCaseNetwork(db, caseId))!);
    db.close();
    if (side === 'sealed') padding ??= await paddingCost(db.address.name);
    // Opened again as a window or worker does: nothing of the import left in memory.
    const reopened = await openVigiaDatabase(db.address);
    cached[side].push(await timed(async () => {
      if (!(await getCachedNetwork(reopened, caseId, await caseStateKey(reopened, caseId)))) throw new Error('the cached network was not read');
    }));
    open[side].push(await timed(() => loadCaseNetwork(reopened, caseId)));
    read[side].push(await timed(() => loadCaseRecords(reopened, [caseId])));
    reopened.close();
    await reopened.delete();
  }
}
console.log(`  record cipher in use: ${xchachaPolyInUse()}`);
const line = (label: string, pair: { plain: Timing[]; sealed: Timing[] }, goal: string) => {
  const of = (side: Timing[], measure: keyof Timing) => median(side.map((timing) => timing[measure]));
  const [plain, sealed] = [of(pair.plain, 'wall'), of(pair.sealed, 'wall')];
  const cpu = of(pair.sealed, 'cpu') / of(pair.plain, 'cpu');
  console.log(`  ${label.padEnd(44)} sealed ${ms(sealed).padStart(8)}   plain ${ms(plain).padStart(8)}   ${(sealed / plain).toFixed(2)}× (CPU ${cpu.toFixed(2)}×)   ${goal}`);
};
line('open: the cached network (getCachedNetwork)', cached, 'goal ≤ 1.3×');
line('open: the network (loadCaseNetwork)', open, 'goal ≤ 1.3×');
line('open: every record (loadCaseRecords)', read, 'goal ≤ 1.3×');
line('take the case in (importSnapshot)', take, 'goal ≤ 1.4×');
if (padding) {
  const { rows, stored, unpadded, lengths, unpaddedLengths } = padding;
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
  console.log(
    `  padding (format 2): ${rows.toLocaleString('en')} sealed fields, ${mb(stored)} stored, ${mb(unpadded)} unpadded (+${((stored / unpadded - 1) * 100).toFixed(1)}%, ${((stored - unpadded) / rows).toFixed(1)} bytes a record); ${lengths} distinct lengths, ${unpaddedLengths} unpadded`,
  );
}

const { slot } = await createVault(PASSPHRASE);
const unlocks: number[] = [];
const changes: number[] = [];
for (let run = 0; run < RUNS; run++) {
  unlocks.push((await timed(() => unlockVault(PASSPHRASE, slot))).wall);
  changes.push((await timed(() => changePassphrase(slot, PASSPHRASE, `${PASSPHRASE} nueva`))).wall);
}
console.log(`  unlock (Argon2id ${VAULT_KDF_COST.memoryKiB / 1024} MiB × ${VAULT_KDF_COST.iterations}, unwrap)           median ${ms(median(unlocks))} (${unlocks.map(ms).join(', ')})   goal 0.5–1 s`);
console.log(`  passphrase change (two Argon2id, one re-wrap)   median ${ms(median(changes))} (${changes.map(ms).join(', ')})   goal < 3 s at any size`);
console.log(`  load after the runs ${loadavg()[0]!.toFixed(1)}`);

interface PaddingCost {
  readonly rows: number;
  /** The sealed fields' bytes as they are on disk. */
  readonly stored: number;
  /** The same records' sealed fields had their payloads not been padded (format 1's layout). */
  readonly unpadded: number;
  readonly lengths: number;
  readonly unpaddedLengths: number;
}

/**
 * Reads the sealed rows as they are on disk (the database opened without its key) and sets them
 * against the demo case's records: a table's clear fields are those its rows show beside the sealed
 * one, the rest is the payload sealRecord writes as JSON.
 */
async function paddingCost(name: string): Promise<PaddingCost> {
  const raw = await openVigiaDatabase(name);
  const utf8 = new TextEncoder();
  const cost = { rows: 0, stored: 0, unpadded: 0, predicted: 0, lengths: new Set<number>(), unpaddedLengths: new Set<number>() };
  for (const [table, records] of Object.entries(snapshot)) {
    if (!Array.isArray(records) || records.length === 0) continue;
    const rows = (await raw.table(table).toArray()) as Record<string, unknown>[];
    const clear = new Set(rows.flatMap((row) => Object.keys(row)));
    for (const row of rows) {
      const sealed = row[SEALED_FIELD] as Uint8Array;
      cost.stored += sealed.length;
      cost.lengths.add(sealed.length);
    }
    for (const record of records as Record<string, unknown>[]) {
      const payload = utf8.encode(asciiJson(JSON.stringify(Object.fromEntries(Object.entries(record).filter(([field, value]) => !clear.has(field) && value !== undefined)))));
      const unpadded = 1 + SEAL_OVERHEAD + payload.length;
      cost.rows += 1;
      cost.unpadded += unpadded;
      cost.predicted += 1 + SEAL_OVERHEAD + paddedLength(payload.length);
      cost.unpaddedLengths.add(unpadded);
    }
  }
  raw.close();
  // The payloads as computed here, padded, must weigh what the disk holds: else this reads them wrong.
  if (cost.predicted !== cost.stored) throw new Error(`padding: ${cost.stored} bytes stored, ${cost.predicted} expected`);
  return { rows: cost.rows, stored: cost.stored, unpadded: cost.unpadded, lengths: cost.lengths.size, unpaddedLengths: cost.unpaddedLengths.size };
}
