import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caseStateKey, getCachedNetwork, loadCaseNetwork, putCachedNetwork } from '../../db';
import { createCase } from '../../db/repositories/cases';
import { createPerson, updatePerson } from '../../db/repositories/persons';
import { setAnalystName } from '../../db/settings';
import { freshDatabase } from '../../db/test-support';
import { useSmallCaseNetwork } from './use-small-case-network';
import { dropStoring, markStored, showWhileStoring, useCaseBeingStored } from './case-being-stored';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function caseOfTwo() {
  const db = await freshDatabase();
  await setAnalystName(db, 'Ana Ruiz');
  const created = await createCase(db, { name: 'Frente de cárceles', marking: 'RESERVADO' });
  if (!created.ok) throw new Error('case not created');
  const caseId = created.value.id;
  const first = await createPerson(db, caseId, { primaryName: 'Abu Musa', role: 'leader' });
  const second = await createPerson(db, caseId, { primaryName: 'Jalid Ouazzani', role: 'recruit' });
  if (!first.ok || !second.ok) throw new Error(`person not created: ${JSON.stringify([first, second])}`);
  return { db, caseId, firstId: first.value.id };
}

const names = (network: { persons: { primaryName: string }[] } | null | undefined) => network?.persons.map((p) => p.primaryName).sort();

describe('the network of a small case', () => {
  it('is read from the records, follows edits, and is cached once the case has stayed unchanged', async () => {
    const { db, caseId, firstId } = await caseOfTwo();
    const { result } = renderHook(() => useSmallCaseNetwork(db, caseId, true));
    await waitFor(() => expect(names(result.current)).toEqual(['Abu Musa', 'Jalid Ouazzani']));
    expect(await getCachedNetwork(db, caseId, await caseStateKey(db, caseId))).toBeUndefined();

    await act(async () => {
      await updatePerson(db, firstId, { primaryName: 'Abu Musa al-Andalusi' });
    });
    await waitFor(() => expect(names(result.current)).toEqual(['Abu Musa al-Andalusi', 'Jalid Ouazzani']));
    const drawn = result.current;

    // Cached for the next opening, as the page drew it, once the case stayed unchanged (2 s).
    await waitFor(async () => expect(await getCachedNetwork(db, caseId, await caseStateKey(db, caseId))).toEqual(drawn), { timeout: 5_000 });
    // Writing the cache row is no change to the case: the same network stays, nothing is drawn again.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(result.current).toBe(drawn);
  }, 15_000);

  it('is read from a fresh cache rather than the records, and not from a stale one', async () => {
    const { db, caseId, firstId } = await caseOfTwo();
    const network = (await loadCaseNetwork(db, caseId))!;
    // A cached network that differs from the records, to tell where the hook read from.
    const marked = { ...network, persons: network.persons.map((p) => ({ ...p, primaryName: `${p.primaryName} (caché)` })) };
    await putCachedNetwork(db, caseId, await caseStateKey(db, caseId), marked);

    const { result } = renderHook(() => useSmallCaseNetwork(db, caseId, true));
    await waitFor(() => expect(names(result.current)).toEqual(['Abu Musa (caché)', 'Jalid Ouazzani (caché)']));

    // An edit makes the cached network stale: the records are read again.
    await act(async () => {
      await updatePerson(db, firstId, { primaryName: 'Abu Musa al-Andalusi' });
    });
    await waitFor(() => expect(names(result.current)).toEqual(['Abu Musa al-Andalusi', 'Jalid Ouazzani']));
  }, 15_000);

  it('reads nothing until enabled', async () => {
    const { db, caseId } = await caseOfTwo();
    const { result } = renderHook(() => useSmallCaseNetwork(db, caseId, false));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(result.current).toBeUndefined();
  });

  it('is the network its worker generated while the case is stored, and stays that very object once stored', async () => {
    const { db, caseId } = await caseOfTwo();
    const network = (await loadCaseNetwork(db, caseId))!;
    // What the worker generated, told apart from the records by its names.
    const generated = { ...network, persons: network.persons.map((p) => ({ ...p, primaryName: `${p.primaryName} (generado)` })) };
    showWhileStoring(generated);
    const { result } = renderHook(() => ({ network: useSmallCaseNetwork(db, caseId, true), storing: useCaseBeingStored(caseId) }));
    expect(result.current.network).toBe(generated);

    // Stored, and cached by the worker under the case's state: the live read keeps the same object
    // (nothing drawn twice) and the page lets go of its copy.
    const stateKey = await caseStateKey(db, caseId);
    await putCachedNetwork(db, caseId, stateKey, network);
    act(() => markStored(caseId, stateKey));
    await waitFor(() => expect(result.current.storing).toBeUndefined());
    expect(result.current.network).toBe(generated);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(result.current.network).toBe(generated);
  });

  it('reads the case from the database when the worker could not cache its network, and forgets a dropped one', async () => {
    const { db, caseId } = await caseOfTwo();
    const network = (await loadCaseNetwork(db, caseId))!;
    showWhileStoring({ ...network, persons: [] });
    const { result } = renderHook(() => useSmallCaseNetwork(db, caseId, true));
    expect(result.current?.persons).toEqual([]);
    act(() => markStored(caseId, undefined));
    await waitFor(() => expect(names(result.current)).toEqual(['Abu Musa', 'Jalid Ouazzani']));

    showWhileStoring({ ...network, case: { ...network.case, id: 'another-case' } });
    act(() => dropStoring('another-case'));
    const other = renderHook(() => useCaseBeingStored('another-case'));
    expect(other.result.current).toBeUndefined();
  });
});
