/**
 * Helpers for the database layer's unit tests (fake-indexeddb): a fresh database per test and
 * hand-built records. Not used by the app.
 */
import { CASE_TABLE_NAMES, emptySnapshot, formatStamp, type CaseSnapshot, type RecordMeta } from '../../shared/model';
import { openVigiaDatabase, type VigiaDatabase, type VigiaDatabaseOptions } from './database';

let counter = 0;

/**
 * A fresh database, sealed as the workstation's is (a random vault key): every repository, query and
 * sync test also proves that its records go through the encryption middleware and come back whole.
 */
export function freshDatabase(options: VigiaDatabaseOptions = {}): Promise<VigiaDatabase> {
  counter += 1;
  return openVigiaDatabase({ name: `vigia-test-${counter}-${crypto.randomUUID()}`, vaultKey: crypto.getRandomValues(new Uint8Array(32)) }, options);
}

/** Every table's rows, for asserting that a refused write left the database as it was. */
export async function dumpDatabase(db: VigiaDatabase): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) dump[table.name] = await table.toArray();
  return dump;
}

/** Bookkeeping for records made outside the repositories (imports, snapshots). */
export function meta(id: string, caseId: string, millis = 1_700_000_000_000): RecordMeta {
  return {
    id,
    caseId,
    createdAt: millis,
    updatedAt: millis,
    hlc: formatStamp({ millis, counter: 0, node: 'ws-demo' }),
    fieldClocks: {},
    updatedBy: 'ws-demo',
    deleted: 0,
  };
}

/** A synthetic case of `people` persons in `prisonCount` prisons with `linkCount` letters. */
export function syntheticSnapshot(people: number, linkCount: number, prisonCount = 30, caseId = 'case:synthetic'): CaseSnapshot {
  const snapshot = emptySnapshot();
  snapshot.cases.push({
    ...meta(caseId, caseId),
    name: 'Synthetic case',
    description: '',
    unit: '',
    openedOn: '2018-10-01',
    marking: 'DIFUSION_LIMITADA',
    archived: false,
    synthetic: true,
  });
  for (let p = 0; p < prisonCount; p++) {
    snapshot.prisons.push({
      ...meta(`prison:${p}`, caseId),
      name: `Prison ${p}`,
      town: '',
      province: '',
      region: '',
      administration: 'SGIP',
      kind: 'ordinary',
      modules: [],
    });
  }
  for (let i = 0; i < people; i++) {
    snapshot.persons.push({
      ...meta(`person:${i}`, caseId),
      primaryName: `Person ${i}`,
      alternateNames: [],
      nationalities: [],
      role: 'unknown',
      monitoring: 'at_risk',
      programme: { status: 'none' },
      photoAttachmentIds: [],
      notes: '',
      sourceIds: [],
    });
    snapshot.stays.push({
      ...meta(`stay:${i}`, caseId),
      personId: `person:${i}`,
      prisonId: `prison:${i % prisonCount}`,
      from: '2015-01-01',
      sourceIds: [],
    });
  }
  // A fixed stride instead of randomness: deterministic and never a self link.
  for (let l = 0; l < linkCount; l++) {
    const from = l % people;
    const to = (from + 1 + (l % (people - 1))) % people;
    snapshot.links.push({
      ...meta(`link:${l}`, caseId),
      kind: 'letter',
      fromId: `person:${from}`,
      toId: `person:${to === from ? (to + 1) % people : to}`,
      directed: true,
      grading: { reliability: 'B', credibility: 2 },
      sourceIds: [],
      notes: '',
    });
  }
  return snapshot;
}

export function countRecords(snapshot: CaseSnapshot): number {
  return CASE_TABLE_NAMES.reduce((sum, table) => sum + snapshot[table].length, 0);
}
