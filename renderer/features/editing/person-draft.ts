import type { AlternateName, Marking, MonitoringStatus, NameKind, Nationality, Person, ProgrammeStatus, Role } from '../../../shared/model';
import type { PersonInput } from '../../db';
import { optionalText } from '../../ui/form-support';

export interface AlternateNameDraft {
  name: string;
  kind: NameKind;
  sourceIds: string[];
}

export interface NationalityDraft {
  country: string;
  status: Nationality['status'];
  sourceIds: string[];
}

/** What the person editor holds while the analyst types: strings as typed, nothing parsed yet. */
export interface PersonDraft {
  primaryName: string;
  alternateNames: AlternateNameDraft[];
  realName: string;
  nationalities: NationalityDraft[];
  birthDate: string;
  role: Role;
  monitoring: MonitoringStatus;
  programmeStatus: ProgrammeStatus;
  programmeSince: string;
  programmeUntil: string;
  notes: string;
  sourceIds: string[];
  /** Above the case's when the person's very presence in the case is sensitive; absent: the case's. */
  marking?: Marking;
}

export function draftOf(person: Person | undefined): PersonDraft {
  return {
    primaryName: person?.primaryName ?? '',
    alternateNames: person?.alternateNames.map((n) => ({ ...n, sourceIds: [...n.sourceIds] })) ?? [],
    realName: person?.realName ?? '',
    nationalities: person?.nationalities.map((n) => ({ ...n, sourceIds: [...n.sourceIds] })) ?? [],
    birthDate: person?.birthDate ?? '',
    role: person?.role ?? 'unknown',
    monitoring: person?.monitoring ?? 'not_monitored',
    programmeStatus: person?.programme.status ?? 'none',
    programmeSince: person?.programme.since ?? '',
    programmeUntil: person?.programme.until ?? '',
    notes: person?.notes ?? '',
    sourceIds: [...(person?.sourceIds ?? [])],
    marking: person?.marking,
  };
}

/**
 * The repository's fields for a draft. Empty optional fields are given as undefined so that an edit
 * clears them; rows of names with nothing typed are dropped (an empty row is not a name).
 */
export function personFields(draft: PersonDraft): PersonInput {
  const alternateNames: AlternateName[] = draft.alternateNames
    .filter((n) => n.name.trim() !== '')
    .map((n) => ({ name: n.name, kind: n.kind, sourceIds: n.sourceIds }));
  const nationalities: Nationality[] = draft.nationalities
    .filter((n) => n.country.trim() !== '')
    .map((n) => ({ country: n.country.trim().toUpperCase(), status: n.status, sourceIds: n.sourceIds }));
  return {
    primaryName: draft.primaryName,
    alternateNames,
    realName: optionalText(draft.realName),
    nationalities,
    birthDate: optionalText(draft.birthDate),
    role: draft.role,
    monitoring: draft.monitoring,
    programme: {
      status: draft.programmeStatus,
      since: optionalText(draft.programmeSince),
      until: optionalText(draft.programmeUntil),
    },
    notes: draft.notes,
    sourceIds: draft.sourceIds,
    marking: draft.marking,
  };
}

/**
 * The model numbers rows after empty ones are dropped; the form numbers every row. Maps an issue
 * path from the model back to the row the analyst sees.
 */
export function formPath(draft: PersonDraft, path: string): string {
  const match = /^(alternateNames|nationalities)\.(\d+)(\..*)?$/.exec(path);
  if (!match) return path;
  const [, list, index, rest = ''] = match;
  const rows = list === 'alternateNames' ? draft.alternateNames.map((n) => n.name) : draft.nationalities.map((n) => n.country);
  let seen = -1;
  for (let row = 0; row < rows.length; row++) {
    if (rows[row]!.trim() !== '') seen += 1;
    if (seen === Number(index)) return `${list}.${row}${rest}`;
  }
  return path;
}
