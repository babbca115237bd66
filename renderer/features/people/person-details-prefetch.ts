import { loadPersonDetails, type PersonDetails, type VigiaDatabase } from '../../db';

/**
 * The person panel's read, started by the click that opens it. The people list waits for it
 * (a few milliseconds) before selecting the person, so the panel is drawn with its facts in one
 * go, before the network's own work for the selection (restyling and centring 10k people keeps the
 * main thread busy for several frames). Each entry is taken once by the panel; its live query then
 * follows later edits.
 */
interface Prefetch {
  read: Promise<void>;
  /** Set once the read has answered; `null` for a person who is not there (deleted meanwhile). */
  done?: { details: PersonDetails | null };
}

const prefetches = new WeakMap<VigiaDatabase, Map<string, Prefetch>>();

/** Starts the panel's read of this person; resolves once it has answered (never rejects). */
export function prefetchPersonDetails(db: VigiaDatabase, personId: string): Promise<void> {
  let byPerson = prefetches.get(db);
  if (!byPerson) prefetches.set(db, (byPerson = new Map()));
  // Always a fresh read: an entry no panel took may be out of date.
  const entry: Prefetch = { read: Promise.resolve() };
  entry.read = measuredPersonDetails(db, personId).then(
    (details) => {
      entry.done = { details: details ?? null };
    },
    // A failed read is left to the panel's live query, which reports it.
    () => undefined,
  );
  byPerson.set(personId, entry);
  return entry.read;
}

/** The prefetched read of this person, if a click started one; forgotten once taken. */
export function takePrefetchedPersonDetails(db: VigiaDatabase, personId: string): Prefetch | undefined {
  const byPerson = prefetches.get(db);
  const entry = byPerson?.get(personId);
  byPerson?.delete(personId);
  return entry;
}

/** The panel's read, as performance measures the case-building bench reports (read, then drawing). */
export async function measuredPersonDetails(db: VigiaDatabase, personId: string): Promise<PersonDetails | undefined> {
  const started = performance.now();
  const result = await loadPersonDetails(db, personId);
  const loaded = performance.now();
  performance.measure('vigia:person-panel-query', { start: started, end: loaded });
  if (performance.getEntriesByName('vigia:person-panel-loaded').length === 0) performance.mark('vigia:person-panel-loaded', { startTime: loaded });
  return result;
}
