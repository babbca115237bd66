import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caseStateKey, createCase, createPerson, getCachedNetwork, loadCaseNetwork, type VigiaDatabase } from '../../db';
import { setAnalystName } from '../../db/settings';
import { freshDatabase } from '../../db/test-support';
import { keepCaseCached } from '../../workers/case-network-compute';
import type { CaseNetworkMessage, CaseNetworkRequest } from '../../workers/case-network-protocol';
import { KEEPER_DEFAULTS, type KeeperOptions } from './network-keeper';
import { useNetworkKeeper } from './use-network-keeper';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The case network worker, run in this thread on the same database: what it was asked is noted. */
function workerInProcess(db: VigiaDatabase) {
  const asked: CaseNetworkRequest[] = [];
  class InProcessWorker {
    private listener: ((event: { data: CaseNetworkMessage }) => void) | undefined;
    addEventListener(type: string, listener: (event: { data: CaseNetworkMessage }) => void) {
      if (type === 'message') this.listener = listener;
    }
    postMessage(request: CaseNetworkRequest) {
      asked.push(request);
      void keepCaseCached(db, request.caseId).then((found) => this.listener?.({ data: { type: 'kept', found } }));
    }
    terminate() {}
  }
  vi.stubGlobal('Worker', InProcessWorker);
  return asked;
}

const soon: KeeperOptions = { ...KEEPER_DEFAULTS, quietMs: 20, startAfterMs: 0 };

async function twoCases() {
  const db = await freshDatabase();
  await setAnalystName(db, 'Ana Ruiz');
  const ids: string[] = [];
  for (const name of ['Frente de cárceles', 'Célula de Algeciras']) {
    const created = await createCase(db, { name, marking: 'RESERVADO' });
    if (!created.ok) throw new Error('case not created');
    ids.push(created.value.id);
    await createPerson(db, created.value.id, { primaryName: `Abu Musa (${name})`, role: 'leader' });
  }
  return { db, open: ids[0]!, closed: ids[1]! };
}

const fresh = async (db: VigiaDatabase, caseId: string) => (await getCachedNetwork(db, caseId, await caseStateKey(db, caseId))) ?? null;

describe('keeping the cases ready to open', () => {
  it('brings a case changed while it was not open up to date in the worker, and leaves the open case to the workspace', async () => {
    const { db, open, closed } = await twoCases();
    const asked = workerInProcess(db);
    renderHook(() => useNetworkKeeper(db, open, soon));

    await waitFor(async () => expect(await fresh(db, closed)).toEqual(await loadCaseNetwork(db, closed)));
    expect(asked).toEqual([{ database: db.address, caseId: closed, keepOnly: true }]);

    // A merge into the closed case (here, one more person): its cached network follows.
    await createPerson(db, closed, { primaryName: 'Jalid Ouazzani', role: 'recruit' });
    await waitFor(async () => expect((await fresh(db, closed))?.persons.map((p) => p.primaryName)).toContain('Jalid Ouazzani'));
    expect(asked.map((a) => a.caseId)).toEqual([closed, closed]);

    await createPerson(db, open, { primaryName: 'Said Benali', role: 'recruit' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(asked.map((a) => a.caseId)).toEqual([closed, closed]);
    expect(await fresh(db, open)).toBeNull();
  });

  it('takes the case the workspace closed', async () => {
    const { db, open } = await twoCases();
    const asked = workerInProcess(db);
    const { rerender } = renderHook(({ openCaseId }) => useNetworkKeeper(db, openCaseId, soon), { initialProps: { openCaseId: open as string | undefined } });
    await waitFor(() => expect(asked).toHaveLength(1));
    expect(await fresh(db, open)).toBeNull();
    rerender({ openCaseId: undefined });
    await waitFor(async () => expect(await fresh(db, open)).not.toBeNull());
  });
});
