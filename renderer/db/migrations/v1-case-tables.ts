import type { Migration } from './migration';

/**
 * Version 1: the whole domain. Indexes are only what queries need, because every index slows bulk
 * imports (about 7k records/s on IndexedDB with three indexes):
 * - `caseId` on every case table: a case is always loaded table by table;
 * - `personId` on stays and sentences, `fromId`/`toId` on links: a person's panel;
 * - `subjectId` on notes and `ownerId` on attachments: what is attached to a record;
 * - audit: `[caseId+workstationId+seq]` walks one workstation's hash chain for a case, `[caseId+hlc]`
 *   orders the case journal, `recordId` gives a record's history.
 * Tombstones are filtered in memory rather than indexed: they are few.
 */
export const v1CaseTables: Migration = {
  version: 1,
  stores: {
    cases: 'id',
    sources: 'id, caseId',
    prisons: 'id, caseId',
    persons: 'id, caseId',
    stays: 'id, caseId, personId',
    sentences: 'id, caseId, personId',
    links: 'id, caseId, fromId, toId',
    events: 'id, caseId',
    notes: 'id, caseId, subjectId',
    attachments: 'id, caseId, ownerId',
    blobs: 'sha256',
    audit: 'id, [caseId+workstationId+seq], [caseId+hlc], recordId',
    settings: 'key',
    views: 'id, caseId',
    layouts: '[caseId+viewId]',
  },
};
