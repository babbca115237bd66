import Dexie, { liveQuery, type Subscription } from 'dexie';
import type { AuditEntry, Note, Person, Prison, Source } from '../../shared/model';
import { CaseSearchIndex, type SearchRecordType, type SearchResults } from '../../shared/search';
import type { VigiaDatabase } from '../db/database';

/** The tables search reads, and the search type of each. */
const SEARCHED_TABLES = { persons: 'person', prisons: 'prison', sources: 'source', notes: 'note' } as const;
type SearchedTable = keyof typeof SEARCHED_TABLES;
type SearchedRecord = Person | Prison | Source | Note;

function isSearchedTable(table: string): table is SearchedTable {
  return Object.hasOwn(SEARCHED_TABLES, table);
}

/** A change seen in the audit log, with the record as it now is (undefined if purged). */
interface Change {
  entry: AuditEntry;
  record: SearchedRecord | undefined;
}

interface AuditSince {
  /** Every audit entry of the case. */
  count: number;
  changes: Change[];
}

/**
 * Keeps one case's search index in step with Dexie. It is built once from the case's records;
 * afterwards every write (which always appends an audit entry, in the same transaction) is seen
 * through a live query on the case's audit log newer than the last one applied, and only the
 * records those entries name are re-read and replaced. If the log grew by more than the entries
 * seen (entries merged from a colleague with older clocks) or an import happened, it rebuilds.
 * Runs in the search worker; a plain class so it can be tested without one.
 */
export class SearchIndexHost {
  private index = new CaseSearchIndex();
  private appliedCount = 0;
  private lastHlc = '';
  private subscription: Subscription | undefined;

  constructor(
    private readonly db: VigiaDatabase,
    private readonly caseId: string,
  ) {}

  /** Builds the index and starts following changes; resolves once the first build is done. */
  async start(): Promise<Record<SearchRecordType, number>> {
    await this.rebuild();
    this.subscription = liveQuery(() => this.auditSince(this.lastHlc)).subscribe({
      next: (since) => void this.apply(since),
      error: (error: unknown) => console.error('search index: change feed failed', error),
    });
    return this.index.sizes();
  }

  stop(): void {
    this.subscription?.unsubscribe();
  }

  search(query: string, limitPerType: number): SearchResults {
    return this.index.search(query, { limitPerType });
  }

  sizes(): Record<SearchRecordType, number> {
    return this.index.sizes();
  }

  private auditRange(afterHlc: string) {
    const lower = afterHlc === '' ? [this.caseId, Dexie.minKey] : [this.caseId, afterHlc];
    return this.db.audit.where('[caseId+hlc]').between(lower, [this.caseId, Dexie.maxKey], afterHlc === '', true);
  }

  private async auditSince(afterHlc: string): Promise<AuditSince> {
    const [count, entries] = await Promise.all([this.auditRange('').count(), this.auditRange(afterHlc).toArray()]);
    const changes = await Promise.all(
      entries.map(async (entry): Promise<Change> => {
        const record = isSearchedTable(entry.table) ? await this.db.caseTable(entry.table).get(entry.recordId) : undefined;
        return { entry, record };
      }),
    );
    return { count, changes };
  }

  private async apply({ count, changes }: AuditSince): Promise<void> {
    const fresh = changes.filter((c) => c.entry.hlc > this.lastHlc);
    const needsRebuild = count !== this.appliedCount + fresh.length || fresh.some((c) => c.entry.action === 'import');
    if (needsRebuild) {
      await this.rebuild();
      return;
    }
    for (const { entry, record } of fresh) {
      if (isSearchedTable(entry.table)) this.put(entry.table, entry.recordId, record);
      this.lastHlc = entry.hlc;
    }
    this.appliedCount = count;
  }

  private put(table: SearchedTable, id: string, record: SearchedRecord | undefined): void {
    if (!record) return this.index.remove(SEARCHED_TABLES[table], id);
    switch (table) {
      case 'persons':
        return this.index.putPerson(record as Person);
      case 'prisons':
        return this.index.putPrison(record as Prison);
      case 'sources':
        return this.index.putSource(record as Source);
      case 'notes':
        return this.index.putNote(record as Note);
    }
  }

  /** Reads the case and its audit position in one read transaction, so no change falls between them. */
  private async rebuild(): Promise<void> {
    const db = this.db;
    const snapshot = await db.transaction('r', [db.persons, db.prisons, db.sources, db.notes, db.audit], async () => {
      const byCase = <T extends SearchedTable>(table: T) => db.caseTable(table).where('caseId').equals(this.caseId).toArray();
      const [persons, prisons, sources, notes, count, last] = await Promise.all([
        byCase('persons'),
        byCase('prisons'),
        byCase('sources'),
        byCase('notes'),
        this.auditRange('').count(),
        this.auditRange('').last(),
      ]);
      return { persons, prisons, sources, notes, count, lastHlc: last?.hlc ?? '' };
    });
    this.index = CaseSearchIndex.build(snapshot);
    this.appliedCount = snapshot.count;
    this.lastHlc = snapshot.lastHlc;
  }
}
