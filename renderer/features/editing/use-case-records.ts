import { useLiveQuery } from 'dexie-react-hooks';
import type { Marking, Person, Prison, Source } from '../../../shared/model';
import { useDatabase } from '../../db';
import { useUiStore } from '../../store/ui-store';

const byTitle = (a: Source, b: Source) => a.title.localeCompare(b.title, 'es');

/** The live sources of the open case, by title: what a fact can cite. */
export function useCaseSources(): Source[] | undefined {
  const db = useDatabase();
  const caseId = useUiStore((s) => s.openCaseId);
  return useLiveQuery(
    async () => (caseId ? (await db.sources.where('caseId').equals(caseId).toArray()).filter((s) => !s.deleted).sort(byTitle) : []),
    [db, caseId],
  );
}

/** The live prisons of the open case, by name. */
export function useCasePrisons(): Prison[] | undefined {
  const db = useDatabase();
  const caseId = useUiStore((s) => s.openCaseId);
  return useLiveQuery(
    async () =>
      caseId
        ? (await db.prisons.where('caseId').equals(caseId).toArray()).filter((p) => !p.deleted).sort((a, b) => a.name.localeCompare(b.name, 'es'))
        : [],
    [db, caseId],
  );
}

/** The live people of the open case (for the name picker). */
export function useCasePersons(): Person[] | undefined {
  const db = useDatabase();
  const caseId = useUiStore((s) => s.openCaseId);
  return useLiveQuery(
    async () => (caseId ? (await db.persons.where('caseId').equals(caseId).toArray()).filter((p) => !p.deleted) : []),
    [db, caseId],
  );
}

/** The open case's marking: records are marked at it or above it. */
export function useCaseMarking(): Marking | undefined {
  const db = useDatabase();
  const caseId = useUiStore((s) => s.openCaseId);
  return useLiveQuery(async () => (caseId ? (await db.cases.get(caseId))?.marking : undefined), [db, caseId]);
}
