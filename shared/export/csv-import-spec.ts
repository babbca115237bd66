import { importSpecSchema, writeSpec, type ImportSpecInput } from '../import/spec';
import { LIST_SEPARATOR } from './list-separator';

/** The file beside persons.csv and links.csv that reads them back into a case. */
export const CSV_IMPORT_SPEC_FILE = 'vigia-import-spec.json';

const split = LIST_SEPARATOR;
const iso = 'iso' as const;

/**
 * The import specification for Vigía's own persons.csv and links.csv. People are matched by their
 * record id first (re-importing into the same case changes nothing), then by identifiers; links name
 * their ends by those record ids, and their sources by title. Cells the export neutralised against
 * formula injection get their apostrophe removed, so names come back byte for byte.
 */
export const CSV_IMPORT_SPEC: ImportSpecInput = {
  format: 'vigia-import-spec',
  version: 1,
  name: 'Vigía: persons.csv + links.csv',
  description: 'Re-imports the persons.csv and links.csv of a Vigía CSV export (docs/exports.md).',
  source: { kind: 'other', reliability: 'F', credibility: 6 },
  sheets: [
    {
      sheet: 'persons',
      target: 'people',
      formulaApostrophes: true,
      fields: [
        { field: 'recordId', columns: ['id'] },
        { field: 'primaryName', columns: ['name'] },
        { field: 'realName', columns: ['real_name'] },
        { field: 'alias', columns: ['aliases'], split },
        { field: 'kunya', columns: ['kunyas'], split },
        { field: 'spelling', columns: ['spellings'], split },
        { field: 'identifier', columns: ['nis'], scheme: 'NIS' },
        { field: 'identifier', columns: ['nie'], scheme: 'NIE' },
        { field: 'identifier', columns: ['dni'], scheme: 'DNI' },
        { field: 'identifier', columns: ['passport'], scheme: 'passport' },
        { field: 'identifier', columns: ['other_identifier'], scheme: 'other' },
        { field: 'nationality', columns: ['nationalities'], split },
        { field: 'birthDate', columns: ['birth_date'], dateFormat: iso },
        { field: 'role', columns: ['role'] },
        { field: 'monitoring', columns: ['monitoring'] },
        { field: 'prison', columns: ['prison'] },
        { field: 'stayFrom', columns: ['stay_from'], dateFormat: iso },
        { field: 'offence', columns: ['sentence_offence'] },
        { field: 'sentenceStart', columns: ['sentence_start'], dateFormat: iso },
        { field: 'expectedRelease', columns: ['sentence_expected_release'], dateFormat: iso },
        { field: 'earlyRelease', columns: ['sentence_early_release'], dateFormat: iso },
      ],
    },
    {
      sheet: 'links',
      target: 'links',
      formulaApostrophes: true,
      personReference: { by: 'recordId' },
      fields: [
        { field: 'from', columns: ['source'] },
        { field: 'to', columns: ['target'] },
        { field: 'kind', columns: ['type'] },
        { field: 'count', columns: ['weight'] },
        { field: 'date', columns: ['date'], dateFormat: iso },
        { field: 'directed', columns: ['directed'] },
        { field: 'periodFrom', columns: ['from'], dateFormat: iso },
        { field: 'periodTo', columns: ['to'], dateFormat: iso },
        { field: 'grading', columns: ['grading'] },
        { field: 'sources', columns: ['sources'], split },
      ],
    },
  ],
};

/** The specification as the JSON file the export writes (checked against the schema it must satisfy). */
export function csvImportSpecJson(): string {
  return writeSpec(importSpecSchema.parse(CSV_IMPORT_SPEC));
}
