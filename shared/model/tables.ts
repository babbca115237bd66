import type { z } from 'zod';
import { attachmentSchema } from './attachment';
import { caseSchema } from './case';
import { eventSchema } from './event';
import { linkSchema } from './link';
import { noteSchema } from './note';
import { personSchema } from './person';
import { prisonSchema } from './prison';
import { sentenceSchema } from './sentence';
import { sourceSchema } from './source';
import { staySchema } from './stay';

/**
 * The case tables, in dependency order (a stay needs its person and prison): the one list that the
 * database schema, the demo generator, the bundle format and the merge all walk.
 */
export const CASE_TABLES = {
  cases: caseSchema,
  sources: sourceSchema,
  prisons: prisonSchema,
  persons: personSchema,
  stays: staySchema,
  sentences: sentenceSchema,
  links: linkSchema,
  events: eventSchema,
  notes: noteSchema,
  attachments: attachmentSchema,
} as const;

export type CaseTableName = keyof typeof CASE_TABLES;
export const CASE_TABLE_NAMES = Object.keys(CASE_TABLES) as CaseTableName[];

export type CaseRecordOf<T extends CaseTableName> = z.infer<(typeof CASE_TABLES)[T]>;

/** Every record of one case, table by table: what the demo generator makes and a bundle carries. */
export type CaseSnapshot = { [T in CaseTableName]: CaseRecordOf<T>[] };

export function emptySnapshot(): CaseSnapshot {
  return Object.fromEntries(CASE_TABLE_NAMES.map((t) => [t, []])) as unknown as CaseSnapshot;
}
