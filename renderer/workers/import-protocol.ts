import type { DatabaseAddress } from '../db/database';
import type { FileError } from '../../shared/import/limits';
import type { ImportPlan } from '../../shared/import/plan-types';
import type { ImportSpec } from '../../shared/import/spec';
import type { TextEncodingName } from '../../shared/import/sheet';

/**
 * Messages between the import wizard and the import worker. The worker reads the files (parsing a
 * hostile workbook never runs on the page's thread), hashes them, reads the case and plans the
 * import; nothing is written there. Cancelling is terminating the worker.
 */
export interface ImportFileBytes {
  name: string;
  bytes: Uint8Array;
}

export type ImportRequest = {
  type: 'plan';
  database: DatabaseAddress;
  caseId: string;
  files: ImportFileBytes[];
  /** The specification to apply; absent, the best-fitting saved one, else one proposed from the headers. */
  spec?: ImportSpec;
  /** The case's saved specifications, ranked against the files. */
  savedSpecs: ImportSpec[];
  encoding?: TextEncodingName;
  delimiter?: string;
};

/** What the mapping step shows of a sheet: its headers and first rows. */
export interface SheetSummary {
  file: string;
  sheet: string;
  headers: string[];
  encoding?: string;
  delimiter?: string;
}

export interface PlanFit {
  fits: boolean;
  matched: { mappingIndex: number; file: string; sheet: string }[];
  missing: { mappingIndex: number; target: string; closest?: { file: string; sheet: string }; columns: string[] }[];
}

/** A saved specification against the files: fits, or which columns it lacks. */
export interface SavedSpecFit {
  name: string;
  fits: boolean;
  missing: { target: string; columns: string[] }[];
}

export type ImportMessage =
  | { type: 'progress'; phase: 'reading' | 'planning'; done: number; total: number }
  | { type: 'planned'; spec: ImportSpec; proposed: boolean; sheets: SheetSummary[]; fit: PlanFit; plan: ImportPlan; savedFits: SavedSpecFit[] }
  | { type: 'file-failed'; file: string; error: FileError }
  | { type: 'failed'; reason: string };
