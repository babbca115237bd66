import type { DatabaseAddress } from '../db/database';
import type { CaseSnapshot } from '../../shared/model';
import { PeopleList, selectionCounts } from '../db/sync/selection-view';
import { openVigiaDatabase, type VigiaDatabase } from '../db/database';
import { loadCaseRecords } from '../db/sync/case-contents';
import type { SelectionMessage, SelectionRequest } from './selection-protocol';

/**
 * The people picker's work off the page's thread: on a 10k-person case, reading the whole case,
 * sorting its people and counting a selection take seconds the dialog must not freeze for. The
 * people are read as soon as the Send tab opens (the persons table alone); the whole case only
 * once the picker asks for a view — with the same loadCaseRecords and selectPeople the export uses.
 */
interface WorkerScope {
  postMessage(message: SelectionMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SelectionRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

let db: VigiaDatabase | undefined;
let caseId = '';
let people: PeopleList | undefined;
let snapshot: CaseSnapshot | undefined;
let readingCase = false;
let latest: Extract<SelectionRequest, { type: 'view' }> | undefined;

const fail = (error: unknown) => scope.postMessage({ type: 'failed', reason: error instanceof Error ? error.message : String(error) });

function answer(): void {
  if (!people || !latest) return;
  const chosen = new Set(latest.chosen);
  scope.postMessage({ type: 'view', requestId: latest.requestId, ...people.view(latest.query, chosen), ...(snapshot ? selectionCounts(snapshot, chosen, latest.releaseUpTo ? { caseId, upTo: latest.releaseUpTo } : undefined) : {}) });
}

/** The whole case, once, after the people and only when a view was asked for. */
async function readCase(): Promise<void> {
  if (!db || !people || !latest || readingCase) return;
  readingCase = true;
  snapshot = await loadCaseRecords(db, [caseId]);
  db.close();
  answer();
}

async function open(database: DatabaseAddress, openCaseId: string): Promise<void> {
  caseId = openCaseId;
  db = await openVigiaDatabase(database);
  people = new PeopleList(await db.persons.where('caseId').equals(caseId).toArray());
  answer();
  await readCase();
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.type === 'open') {
    if (!db) void open(request.database, request.caseId).catch(fail);
    return;
  }
  latest = request;
  answer();
  void readCase().catch(fail);
});
