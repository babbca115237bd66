import { z } from 'zod';
import { isoDate } from './dates';
import { personIdentifier } from './identifier';
import { recordMarking } from './marking';
import { name, recordId, recordMeta, sourceIds, text, type Fields } from './records';
import { MONITORING_STATUSES, NAME_KINDS, PROGRAMME_STATUSES, ROLES } from './vocabulary';

export const alternateName = z.object({
  name,
  kind: z.enum(NAME_KINDS),
  sourceIds,
});
export type AlternateName = z.infer<typeof alternateName>;

/** ISO 3166-1 alpha-2; `claimed` is what the person says, `verified` what documents establish. */
export const nationality = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, { error: 'invalid_country' }),
  status: z.enum(['claimed', 'verified']),
  sourceIds,
});
export type Nationality = z.infer<typeof nationality>;

export const programmeParticipation = z
  .object({
    status: z.enum(PROGRAMME_STATUSES),
    since: isoDate.optional(),
    until: isoDate.optional(),
  })
  .refine((p) => !p.since || !p.until || p.since <= p.until, { error: 'period_reversed', path: ['until'] });
export type ProgrammeParticipation = z.infer<typeof programmeParticipation>;

/** An inmate or other person of interest. */
export const personSchema = z.object({
  ...recordMeta,
  primaryName: name,
  alternateNames: z.array(alternateName).max(200),
  realName: z.string().trim().max(300).optional(),
  /** NIS, NIE, DNI, passport…: optional, so records written before identifiers existed still read. */
  identifiers: z.array(personIdentifier).max(50).optional(),
  nationalities: z.array(nationality).max(20),
  birthDate: isoDate.optional(),
  role: z.enum(ROLES),
  monitoring: z.enum(MONITORING_STATUSES),
  programme: programmeParticipation,
  photoAttachmentIds: z.array(recordId).max(100),
  notes: text,
  sourceIds,
  /** Above the case's when the person's very presence in the case is sensitive. */
  marking: recordMarking,
});
export type Person = z.infer<typeof personSchema>;

/** Every name a person is known by, primary first: what search and the panel show. */
export function allNames(person: Pick<Person, 'primaryName' | 'alternateNames' | 'realName'>): string[] {
  const names = [person.primaryName, ...person.alternateNames.map((n) => n.name)];
  if (person.realName) names.push(person.realName);
  return names;
}

/** A person known only by a name: what a new person starts as (the editor, the import). */
export function blankPerson(primaryName: string): Fields<Person> {
  return {
    primaryName,
    alternateNames: [],
    nationalities: [],
    role: 'unknown',
    monitoring: 'not_monitored',
    programme: { status: 'none' },
    photoAttachmentIds: [],
    notes: '',
    sourceIds: [],
  };
}
