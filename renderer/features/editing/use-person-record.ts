import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseRecordOf, Person } from '../../../shared/model';
import { useDatabase } from '../../db';

type PersonFactTable = 'stays' | 'sentences' | 'links';

/**
 * What a fact's editor opens on: the person whose record is open and, when editing, the fact itself
 * (a stay, a sentence, a link); `undefined` while loading or when the person is gone.
 */
export function usePersonAndFact<T extends PersonFactTable>(
  personId: string,
  table: T,
  factId: string | undefined,
): { person: Person; fact: CaseRecordOf<T> | undefined } | undefined {
  const db = useDatabase();
  const loaded = useLiveQuery(
    async () => ({
      person: await db.persons.get(personId),
      fact: factId ? ((await db.table(table).get(factId)) as CaseRecordOf<T> | undefined) : undefined,
    }),
    [db, personId, table, factId],
  );
  return loaded?.person ? { person: loaded.person, fact: loaded.fact } : undefined;
}
