import { generateDemoCase } from '../../shared/demo';
import { importSnapshot } from '../db/import-snapshot';
import { openVigiaDatabase, type DatabaseAddress, type VigiaDatabase } from '../db/database';
import { caseNetworkOf, type CaseNetwork } from '../db/queries/case-network';
import { opensOnOverview } from '../../shared/network/network-input';
import { putCachedNetwork } from '../db/queries/case-network-cache';
import { caseStateKey } from '../db/queries/case-overview';
import type { DemoCaseMessage, DemoCasePrepare, DemoCaseRequest } from './demo-case-protocol';

/**
 * Generates a synthetic case and writes it to the workstation's database, off the page's thread:
 * a 100,000-person case takes minutes to write, and the UI must keep answering meanwhile.
 */
// The renderer compiles against the DOM lib; the worker scope is described here as far as it is used.
interface WorkerScope {
  postMessage(message: DemoCaseMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DemoCaseRequest | DemoCasePrepare>) => void): void;
}
const scope = self as unknown as WorkerScope;
const post = (message: DemoCaseMessage) => scope.postMessage(message);

/** Saving progress is reported at most this often: thousands of messages would flood the page. */
const PROGRESS_INTERVAL_MS = 100;

/** The database opened ahead of the request (DemoCasePrepare), with the address it was opened at. */
let prepared: { address: DatabaseAddress; db: Promise<VigiaDatabase | undefined> } | undefined;

scope.addEventListener('message', (event: MessageEvent<DemoCaseRequest | DemoCasePrepare>) => {
  const message = event.data;
  if ('prepare' in message) {
    if (prepared && sameAddress(prepared.address, message.prepare)) return;
    // A failure here is not reported: the request opens the database again and reports its own.
    prepared = { address: message.prepare, db: openVigiaDatabase(message.prepare).catch(() => undefined) };
    return;
  }
  void run(message);
});

/** The database at `address`: the one opened ahead when it is the same, else opened now. */
async function databaseAt(address: DatabaseAddress): Promise<VigiaDatabase> {
  const ahead = prepared && sameAddress(prepared.address, address) ? await prepared.db : undefined;
  prepared = undefined;
  return ahead ?? openVigiaDatabase(address);
}

function sameAddress(a: DatabaseAddress, b: DatabaseAddress): boolean {
  if (a.name !== b.name || Boolean(a.vaultKey) !== Boolean(b.vaultKey)) return false;
  if (!a.vaultKey || !b.vaultKey) return true;
  return a.vaultKey.length === b.vaultKey.length && a.vaultKey.every((byte, i) => byte === b.vaultKey![i]);
}

async function run(request: DemoCaseRequest): Promise<void> {
  try {
    post({ type: 'generating' });
    const snapshot = generateDemoCase({ size: request.size, today: request.today });
    const found = snapshot.cases[0];
    if (!found) throw new Error('demo generator returned no case');
    // The network the page draws first, and the one cached below: built from the records about to be
    // written, the very ones a read would return.
    const network = caseNetworkOf({ ...snapshot, case: found });
    let handOver = network !== undefined && !opensOnOverview(network.persons.length);
    const db = await databaseAt(request.database);
    let lastReport = 0;
    await importSnapshot(db, snapshot, {
      onProgress: (done, total) => {
        // Handed to the page once the import's transaction has written its first records (the case
        // row comes first): every read the page then makes of the case is ordered after this
        // transaction by IndexedDB and waits for it, so none finds the case missing or half-written.
        if (handOver && done > 0 && network) {
          handOver = false;
          post({ type: 'generated', network });
        }
        const now = performance.now();
        if (done === total || now - lastReport >= PROGRESS_INTERVAL_MS) {
          lastReport = now;
          post({ type: 'saving', done, total });
        }
      },
    });
    const stateKey = network ? await cacheNetwork(db, found.id, network) : undefined;
    db.close();
    post({ type: 'done', caseId: found.id, ...(stateKey !== undefined ? { stateKey } : {}) });
  } catch (error) {
    post({ type: 'failed', reason: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * The page draws the new case next: its network is cached from the records just written (the
 * generator's one case), so the page reads one row instead of reading every record back. Only a
 * shortcut: when it cannot be written, the page reads the records. The state key it is cached
 * under, or undefined.
 */
async function cacheNetwork(db: VigiaDatabase, caseId: string, network: CaseNetwork): Promise<string | undefined> {
  try {
    const stateKey = await caseStateKey(db, caseId);
    await putCachedNetwork(db, caseId, stateKey, network);
    return stateKey;
  } catch (error) {
    console.error('demo case: network not cached', error);
    return undefined;
  }
}
