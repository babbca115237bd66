import {
  staysOverlap,
  type CaseRecordOf,
  type CaseTableName,
  type FieldIssue,
  type Note,
} from '../../shared/model';
import type { VigiaDatabase } from './database';

/**
 * Rules that span records, checked inside the write transaction before anything is written: the
 * records a change points at must exist in the same case and not be deleted, and a person cannot be
 * held in two prisons at once.
 */
export async function crossRecordIssues<T extends CaseTableName>(
  db: VigiaDatabase,
  table: T,
  record: CaseRecordOf<T>,
): Promise<FieldIssue[]> {
  if (table === 'cases') return [];
  const issues: FieldIssue[] = [];
  const caseId = record.caseId;
  if (!(await isLive(db, 'cases', caseId, caseId))) issues.push({ path: 'caseId', code: 'missing_case' });

  const expect = async (target: CaseTableName, id: string, path: string, code: string) => {
    if (!(await isLive(db, target, id, caseId))) issues.push({ path, code });
  };

  switch (table) {
    case 'stays': {
      const stay = record as CaseRecordOf<'stays'>;
      await expect('persons', stay.personId, 'personId', 'missing_person');
      await expect('prisons', stay.prisonId, 'prisonId', 'missing_prison');
      const others = await db.stays.where('personId').equals(stay.personId).toArray();
      const clash = others.find(
        (other) => other.id !== stay.id && !other.deleted && other.prisonId !== stay.prisonId && staysOverlap(other, stay),
      );
      if (clash) issues.push({ path: 'from', code: 'stays_overlap' });
      break;
    }
    case 'sentences':
      await expect('persons', (record as CaseRecordOf<'sentences'>).personId, 'personId', 'missing_person');
      break;
    case 'links': {
      const link = record as CaseRecordOf<'links'>;
      await expect('persons', link.fromId, 'fromId', 'missing_person');
      await expect('persons', link.toId, 'toId', 'missing_person');
      break;
    }
    case 'events': {
      const event = record as CaseRecordOf<'events'>;
      await expectAll(db, 'persons', event.personIds, caseId, 'personIds', 'missing_person', issues);
      await expectAll(db, 'prisons', event.prisonIds, caseId, 'prisonIds', 'missing_prison', issues);
      break;
    }
    case 'notes': {
      const note = record as Note;
      if (note.subjectType !== 'case' || note.subjectId !== caseId) {
        await expect(NOTE_SUBJECT_TABLES[note.subjectType], note.subjectId, 'subjectId', 'missing_subject');
      }
      break;
    }
    case 'attachments': {
      const attachment = record as CaseRecordOf<'attachments'>;
      const owner = attachment.ownerType === 'person' ? 'persons' : 'sources';
      await expect(owner, attachment.ownerId, 'ownerId', 'missing_owner');
      break;
    }
    default:
      break;
  }
  if ('sourceIds' in record && Array.isArray(record.sourceIds)) {
    await expectAll(db, 'sources', record.sourceIds as string[], caseId, 'sourceIds', 'missing_source', issues);
  }
  return issues;
}

const NOTE_SUBJECT_TABLES: Record<Note['subjectType'], CaseTableName> = {
  case: 'cases',
  person: 'persons',
  prison: 'prisons',
  link: 'links',
  source: 'sources',
  event: 'events',
};

async function isLive(db: VigiaDatabase, table: CaseTableName, id: string, caseId: string): Promise<boolean> {
  const found = await db.caseTable(table).get(id);
  return !!found && !found.deleted && found.caseId === caseId;
}

async function expectAll(
  db: VigiaDatabase,
  table: CaseTableName,
  ids: readonly string[],
  caseId: string,
  path: string,
  code: string,
  issues: FieldIssue[],
): Promise<void> {
  if (ids.length === 0) return;
  const found = await db.caseTable(table).bulkGet([...ids]);
  found.forEach((record, index) => {
    if (!record || record.deleted || record.caseId !== caseId) issues.push({ path: `${path}.${index}`, code });
  });
}
