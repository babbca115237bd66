import type { Migration } from './migration';

/**
 * Version 4: `importSpecs` (issue 11): the case's saved spreadsheet import specifications, keyed
 * `[caseId+name]` (saving under an existing name replaces it). Rows hold the specification as
 * validated JSON (shared/import/spec.ts) and when it was saved; they are not case records and do
 * not travel in bundles (an analyst exports a specification as its own JSON file).
 */
export const v4ImportSpecs: Migration = {
  version: 4,
  stores: {
    importSpecs: '[caseId+name]',
  },
};
