import { auditEntrySchema, type AuditEntry } from '../model/audit';
import { CASE_TABLES, CASE_TABLE_NAMES, emptySnapshot, type CaseSnapshot } from '../model/tables';
import { validate } from '../model/validation';
import { fail, succeed, type BundleResult } from './errors';
import { nobleSha256, sha256Hex, type Sha256Factory } from './hashing';
import { classifyEntry } from './entry-paths';
import { BUNDLE_LIMITS } from './limits';
import type { BundleManifest } from './manifest';
import { ndjsonLines } from './ndjson';
import type { Archive } from './zip-read';

/** Every entry's size and SHA-256 against the signed manifest. */
export function checkEntryHashes(archive: Archive, manifest: BundleManifest, hash: Sha256Factory = nobleSha256): BundleResult<void> {
  for (const entry of manifest.entries) {
    const bytes = archive.files.get(entry.path)!;
    if (bytes.length !== entry.size) return fail({ code: 'entry_size_mismatch', path: entry.path, expected: entry.size, actual: bytes.length });
    if (sha256Hex(bytes, hash) !== entry.sha256) return fail({ code: 'entry_hash_mismatch', path: entry.path });
    const kind = classifyEntry(entry.path);
    if (kind?.kind === 'attachment' && kind.sha256 !== entry.sha256) return fail({ code: 'entry_hash_mismatch', path: entry.path });
  }
  return succeed(undefined);
}

export interface StagedContents {
  snapshot: CaseSnapshot;
  audit: AuditEntry[];
  /** Attachment bytes by SHA-256. */
  attachments: Map<string, Uint8Array>;
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

/** Every record validated against the same schemas the database uses, into a staged snapshot. */
export function stageContents(archive: Archive, manifest: BundleManifest): BundleResult<StagedContents> {
  const staged = stageFiles(archive.files, manifest.entries.map((e) => e.path), new Set(manifest.caseIds));
  if (!staged.ok) return staged;
  for (const table of CASE_TABLE_NAMES) {
    const expected = manifest.counts[table] ?? 0;
    const actual = staged.value.snapshot[table].length;
    if (expected !== actual) return fail({ code: 'count_mismatch', table, expected, actual });
  }
  return staged;
}

/**
 * Parses and validates entry files by path (records/…, audit/…, attachments/…): from a bundle, or from
 * a folder that `bundle extract` wrote. `caseIds`, when given, is the set records must belong to.
 */
export function stageFiles(
  files: ReadonlyMap<string, Uint8Array>,
  paths: readonly string[],
  caseIds?: ReadonlySet<string>,
): BundleResult<StagedContents> {
  const snapshot = emptySnapshot();
  const audit: AuditEntry[] = [];
  const attachments = new Map<string, Uint8Array>();

  for (const path of paths) {
    const kind = classifyEntry(path);
    const bytes = files.get(path);
    if (!kind || !bytes) return fail({ code: 'entry_missing', path });
    const entry = { path };
    if (kind.kind === 'attachment') {
      attachments.set(kind.sha256, bytes);
    } else if (kind.kind === 'records') {
      const schema = CASE_TABLES[kind.table];
      const target = snapshot[kind.table] as unknown[];
      const ids = new Set<string>();
      for (const { line, byteLength, text } of ndjsonLines(bytes)) {
        const parsed = parseLine(entry.path, line, byteLength, text);
        if (!parsed.ok) return fail(parsed.error);
        const record = validate(schema, parsed.json);
        if (!record.ok) return fail({ code: 'record_invalid', path: entry.path, line, issues: record.issues });
        const { id, caseId } = record.value as { id: string; caseId: string };
        if (caseIds && !caseIds.has(caseId)) return fail({ code: 'record_wrong_case', path: entry.path, line, caseId });
        if (ids.has(id)) return fail({ code: 'record_duplicate', path: entry.path, id });
        ids.add(id);
        target.push(record.value);
      }
    } else if (kind.kind === 'audit') {
      for (const { line, byteLength, text } of ndjsonLines(bytes)) {
        const parsed = parseLine(entry.path, line, byteLength, text);
        if (!parsed.ok) return fail(parsed.error);
        const audited = validate(auditEntrySchema, parsed.json);
        if (!audited.ok) return fail({ code: 'audit_invalid', path: entry.path, line, issues: audited.issues });
        if (audited.value.caseId !== kind.caseId) return fail({ code: 'record_wrong_case', path: entry.path, line, caseId: audited.value.caseId });
        audit.push(audited.value);
      }
    }
  }
  return succeed({ snapshot, audit, attachments });
}
