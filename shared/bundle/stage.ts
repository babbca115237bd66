import { auditEntrySchema, type AuditEntry } from '../model/audit';
import { CASE_TABLES, CASE_TABLE_NAMES, emptySnapshot, type CaseSnapshot } from '../model/tables';
import { validate } from '../model/validation';
import { fail, succeed, type BundleResult } from './errors';
import { classifyEntry } from './entry-paths';
import { BUNDLE_LIMITS } from './limits';
import type { BundleManifest } from './manifest';
import { ndjsonLines } from './ndjson';

export interface StagedRecords {
  snapshot: CaseSnapshot;
  audit: AuditEntry[];
}

/** Where a verified attachment's bytes lie in the staged plaintext: they are never copied out whole. */
export interface StagedAttachment {
  offset: number;
  size: number;
}

export interface StagedContents extends StagedRecords {
  /** Attachments by SHA-256. */
  attachments: Map<string, StagedAttachment>;
}

type Line = { ok: true; json: unknown } | { ok: false; error: Parameters<typeof fail>[0] };

function parseLine(path: string, line: number, byteLength: number, text: string): Line {
  if (byteLength > BUNDLE_LIMITS.maxRecordLineBytes) {
    return { ok: false, error: { code: 'record_line_too_long', path, line, limit: BUNDLE_LIMITS.maxRecordLineBytes } };
  }
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch {
    return { ok: false, error: { code: 'record_not_json', path, line } };
  }
}

/** Records per table must equal what the manifest counted. */
export function checkCounts(snapshot: CaseSnapshot, manifest: BundleManifest): BundleResult<void> {
  for (const table of CASE_TABLE_NAMES) {
    const expected = manifest.counts[table] ?? 0;
    const actual = snapshot[table].length;
    if (expected !== actual) return fail({ code: 'count_mismatch', table, expected, actual });
  }
  return succeed(undefined);
}

/**
 * Parses and validates entry files by path (records/…, audit/…): from a bundle, or from a folder that
 * `bundle extract` wrote. Attachment paths are skipped (their bytes are checked where they are read).
 * `caseIds`, when given, is the set records must belong to.
 */
export function stageFiles(
  files: ReadonlyMap<string, Uint8Array>,
  paths: readonly string[],
  caseIds?: ReadonlySet<string>,
): BundleResult<StagedRecords> {
  const staged: StagedRecords = { snapshot: emptySnapshot(), audit: [] };
  for (const path of paths) {
    const kind = classifyEntry(path);
    const bytes = files.get(path);
    if (!kind || !bytes) return fail({ code: 'entry_missing', path });
    const added = stageEntry(staged, path, bytes, caseIds);
    if (!added.ok) return added;
  }
  return succeed(staged);
}

/** One records/<table>.ndjson or audit/<caseId>.ndjson file, validated line by line into `staged`. */
export function stageEntry(staged: StagedRecords, path: string, bytes: Uint8Array, caseIds?: ReadonlySet<string>): BundleResult<void> {
  const kind = classifyEntry(path);
  if (kind?.kind === 'records') {
    const schema = CASE_TABLES[kind.table];
    const target = staged.snapshot[kind.table] as unknown[];
    const ids = new Set<string>();
    for (const { line, byteLength, text } of ndjsonLines(bytes)) {
      const parsed = parseLine(path, line, byteLength, text);
      if (!parsed.ok) return fail(parsed.error);
      const record = validate(schema, parsed.json);
      if (!record.ok) return fail({ code: 'record_invalid', path, line, issues: record.issues });
      const { id, caseId } = record.value as { id: string; caseId: string };
      if (caseIds && !caseIds.has(caseId)) return fail({ code: 'record_wrong_case', path, line, caseId });
      if (ids.has(id)) return fail({ code: 'record_duplicate', path, id });
      ids.add(id);
      target.push(record.value);
    }
  } else if (kind?.kind === 'audit') {
    for (const { line, byteLength, text } of ndjsonLines(bytes)) {
      const parsed = parseLine(path, line, byteLength, text);
      if (!parsed.ok) return fail(parsed.error);
      const audited = validate(auditEntrySchema, parsed.json);
      if (!audited.ok) return fail({ code: 'audit_invalid', path, line, issues: audited.issues });
      if (audited.value.caseId !== kind.caseId) return fail({ code: 'record_wrong_case', path, line, caseId: audited.value.caseId });
      staged.audit.push(audited.value);
    }
  }
  return succeed(undefined);
}
