import { CASE_TABLE_NAMES, type CaseTableName } from '../model/tables';
import { isRecordId } from '../model/ids';

/**
 * Entry names are a closed set: anything else — an absolute path, `..`, a backslash, an unknown
 * folder — is refused before any byte is written anywhere.
 */
export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.json.minisig';

export const recordsPath = (table: CaseTableName): string => `records/${table}.ndjson`;
export const auditPath = (caseId: string): string => `audit/${caseId}.ndjson`;
export const attachmentPath = (sha256: string): string => `attachments/${sha256}`;

export type EntryKind =
  | { kind: 'manifest' }
  | { kind: 'signature' }
  | { kind: 'records'; table: CaseTableName }
  | { kind: 'audit'; caseId: string }
  | { kind: 'attachment'; sha256: string };

const TABLES = new Set<string>(CASE_TABLE_NAMES);

export function classifyEntry(path: string): EntryKind | undefined {
  if (path === MANIFEST_PATH) return { kind: 'manifest' };
  if (path === SIGNATURE_PATH) return { kind: 'signature' };
  let m = /^records\/([a-z]+)\.ndjson$/.exec(path);
  if (m && TABLES.has(m[1]!)) return { kind: 'records', table: m[1] as CaseTableName };
  m = /^audit\/([a-z0-9:_.-]+)\.ndjson$/.exec(path);
  // Case ids may be slugs containing dots, but never a `..` segment or a leading dot.
  if (m && isRecordId(m[1]) && !m[1]!.includes('..')) return { kind: 'audit', caseId: m[1]! };
  m = /^attachments\/([0-9a-f]{64})$/.exec(path);
  if (m) return { kind: 'attachment', sha256: m[1]! };
  return undefined;
}
