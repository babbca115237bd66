/**
 * Record ids are random UUIDs (v4) from the platform's CSPRNG, available alike in the renderer,
 * workers, Node and Electron's main process. Random rather than sequential so that two air-gapped
 * workstations never mint the same id for different records.
 */
export type RecordId = string;

export function newId(): RecordId {
  return crypto.randomUUID();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Ids are UUIDs, except deterministic ids (demo data, gazetteer prisons) which are `prefix:…` slugs. */
const SLUG_ID = /^[a-z0-9][a-z0-9:_.-]{0,127}$/;

export function isRecordId(value: unknown): value is RecordId {
  return typeof value === 'string' && (UUID.test(value) || SLUG_ID.test(value));
}
