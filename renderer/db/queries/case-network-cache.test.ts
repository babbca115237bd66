import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { generateDemoCase } from '../../../shared/demo';
import { DamagedRecordError, SEALED_FIELD } from '../../../shared/vault';
import { importSnapshot } from '../import-snapshot';
import { freshDatabase } from '../test-support';
import { damagedRecords } from '../vault/damaged-records';
import { loadCaseNetwork } from './case-network';
import { getCachedNetwork, hasCachedNetwork, NETWORK_VIEW_ID, putCachedNetwork } from './case-network-cache';
import { caseStates, caseStateKey } from './case-overview';
import { deleteCase } from '../repositories/cases';

async function cachedCase(options: Parameters<typeof freshDatabase>[0] = {}) {
  const db = await freshDatabase(options);
  const snapshot = generateDemoCase({ size: 270, today: '2026-12-05' });
  await importSnapshot(db, snapshot);
  const caseId = snapshot.cases[0]!.id;
  const stateKey = await caseStateKey(db, caseId);
  const network = (await loadCaseNetwork(db, caseId))!;
  await putCachedNetwork(db, caseId, stateKey, network);
  return { db, caseId, stateKey, network, snapshot };
}

/** The cache row as IndexedDB holds it, read without the middleware; `change` rewrites it so. */
async function rawRow(name: string, caseId: string, change?: (row: Record<string, unknown>) => Record<string, unknown>) {
  const raw = new Dexie(name);
  await raw.open();
  const layouts = raw.table('layouts');
  const row = (await layouts.get([caseId, NETWORK_VIEW_ID])) as Record<string, unknown>;
  if (change) await layouts.put(change(row));
  raw.close();
  return row;
}

describe('the cached network in a sealed database', () => {
  it('comes back as it was put, and its stored bytes hold no name, nor the key that opens them', async () => {
    const { db, caseId, stateKey, network, snapshot } = await cachedCase();
    expect(await getCachedNetwork(db, caseId, stateKey)).toEqual(network);
    const row = await rawRow(db.name, caseId);
    expect(Object.keys(row).sort()).toEqual([SEALED_FIELD, 'caseId', 'network', 'viewId'].sort());
    const stored = row.network as Uint8Array;
    expect(stored).toBeInstanceOf(Uint8Array);
    const text = new TextDecoder('latin1').decode(stored);
    for (const person of snapshot.persons.slice(0, 50)) expect(text).not.toContain(person.primaryName);
    expect(text).not.toContain(network.links[0]!.id);
  });

  it('is not handed out for another state of the case', async () => {
    const { db, caseId } = await cachedCase();
    expect(await getCachedNetwork(db, caseId, 'another state')).toBeUndefined();
  });

  it('says whether it is fresh without opening it, as the network keeper asks of every case', async () => {
    const { db, caseId, stateKey } = await cachedCase();
    expect(await hasCachedNetwork(db, caseId, stateKey)).toBe(true);
    expect(await hasCachedNetwork(db, caseId, 'another state')).toBe(false);
    expect(await hasCachedNetwork(db, 'case:none', stateKey)).toBe(false);
    // A row of an earlier build (no key of its own) is made again from the records: not fresh.
    await db.layouts.update([caseId, NETWORK_VIEW_ID], (row) => void delete (row as { networkKey?: string }).networkKey);
    expect(await hasCachedNetwork(db, caseId, stateKey)).toBe(false);
  });

  it('is looked for in each case that is not deleted, by the state the case is in', async () => {
    const { db, caseId, stateKey } = await cachedCase();
    expect(await caseStates(db)).toEqual(new Map([[caseId, stateKey]]));
    expect((await deleteCase(db, caseId)).ok).toBe(true);
    expect(await caseStates(db)).toEqual(new Map());
  });

  it('is reported damaged when its bytes are flipped, cut short or come from another case, or a plain network is put beside the seal', async () => {
    const tamperings: Array<(row: Record<string, unknown>, other: Record<string, unknown>) => Record<string, unknown>> = [
      (row) => {
        const flipped = (row.network as Uint8Array).slice();
        flipped[flipped.length - 20]! ^= 1;
        return { ...row, network: flipped };
      },
      (row) => ({ ...row, network: (row.network as Uint8Array).slice(0, 1000) }),
      (row, other) => ({ ...row, network: other.network }),
      (row) => ({ ...row, network: { shape: 'columns-1', persons: [] } }),
    ];
    const other = await cachedCase();
    const otherRow = await rawRow(other.db.name, other.caseId);
    for (const tamper of tamperings) {
      const { db, caseId, stateKey } = await cachedCase({ damagedRecords: 'report' });
      await rawRow(db.name, caseId, (row) => tamper(row, otherRow));
      const failure = await getCachedNetwork(db, caseId, stateKey).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DamagedRecordError);
      expect(failure).toMatchObject({ table: 'layouts', key: JSON.stringify([caseId, NETWORK_VIEW_ID]) });
      expect(damagedRecords.list().map((d) => `${d.table} ${d.key}`)).toContain(`layouts ${JSON.stringify([caseId, NETWORK_VIEW_ID])}`);
      db.close();
    }
  });

  it('is made again from the records when its row has no key of its own (an earlier build’s), and is never put in clear', async () => {
    const { db, caseId, stateKey, network } = await cachedCase();
    const row = { caseId, viewId: NETWORK_VIEW_ID, inputKey: stateKey, positions: {}, computedAt: 1 };
    await db.layouts.put({ ...row, network: Uint8Array.of(1, 2, 3) } as never);
    expect(await getCachedNetwork(db, caseId, stateKey)).toBeUndefined();
    await expect(db.layouts.put({ ...row, network: { shape: 'columns-1' } } as never)).rejects.toThrow(/sealed bytes/);
    await putCachedNetwork(db, caseId, stateKey, network);
    expect(await getCachedNetwork(db, caseId, stateKey)).toEqual(network);
  });
});
