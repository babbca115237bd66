import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { auditPath, recordsPath } from '../../../shared/bundle/entry-paths';
import { toNdjson } from '../../../shared/bundle/ndjson';
import { describeFileError, describeReason, materialisePlan, planImport, readSpec, readWorkbook, rejectedRowsCsv, type ImportFileInput, type TextEncodingName } from '../../../shared/import';
import type { ExistingCase } from '../../../shared/import/plan-types';
import { formatStamp } from '../../../shared/model/hlc';
import { newId } from '../../../shared/model/ids';
import { CASE_TABLE_NAMES, emptySnapshot, type CaseSnapshot } from '../../../shared/model/tables';
import { MARKINGS, type Marking } from '../../../shared/model/vocabulary';
import type { AuditEntry } from '../../../shared/model/audit';
import { readBundleFolder } from './bundle-folder';
import { failWith, type CliIo } from './cli-io';

export const IMPORT_USAGE =
  'usage: import --spec SPEC.json (--out DIR | --into DIR) [--case-name NAME] [--marking M] [--encoding E] [--delimiter D] FILE...';

const ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];
const CLI_WORKSTATION = 'cli';

/**
 * `import`: spreadsheets through a saved import specification into a case folder, the layout
 * `bundle create --input` reads. `--out` makes a new case; `--into` adds to the case already in a
 * folder (re-importing the same files changes nothing). Prints the counts and writes
 * DIR/rejected-rows.csv. Exit 0 when the import ran, even with rejected rows; 1 when nothing could
 * be imported; 2 for a wrong command line.
 */
export async function runImport(argv: string[], io: CliIo): Promise<number> {
  let values: { spec?: string; out?: string; into?: string; 'case-name'?: string; marking?: string; encoding?: string; delimiter?: string };
  let files: string[];
  try {
    ({ values, positionals: files } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        spec: { type: 'string' },
        out: { type: 'string' },
        into: { type: 'string' },
        'case-name': { type: 'string' },
        marking: { type: 'string' },
        encoding: { type: 'string' },
        delimiter: { type: 'string' },
      },
    }));
  } catch {
    return failWith(io, IMPORT_USAGE, 2);
  }
  if (!values.spec || files.length === 0 || Boolean(values.out) === Boolean(values.into)) return failWith(io, IMPORT_USAGE, 2);
  if (values.marking && !(MARKINGS as readonly string[]).includes(values.marking)) return failWith(io, `invalid_marking (marking=${values.marking})`, 2);
  if (values.encoding && !(ENCODINGS as readonly string[]).includes(values.encoding)) return failWith(io, `invalid_encoding (encoding=${values.encoding}): ${ENCODINGS.join(', ')}`, 2);
  if (values.delimiter !== undefined && [...values.delimiter].length !== 1) return failWith(io, 'invalid_delimiter: one character, e.g. ";" or a tab', 2);

  try {
    let specText: string;
    try {
      specText = new TextDecoder().decode(await io.readFile(values.spec));
    } catch {
      return failWith(io, `cannot_read_spec (path=${values.spec})`);
    }
    const spec = readSpec(specText);
    if (!spec.ok) return failWith(io, `invalid_spec (path=${values.spec}): ${spec.problems.slice(0, 3).join('; ')}`);

    const inputs: ImportFileInput[] = [];
    for (const path of files) {
      let bytes: Uint8Array;
      try {
        bytes = await io.readFile(path);
      } catch {
        return failWith(io, `cannot_read_file (path=${path})`);
      }
      const name = basename(path);
      const read = readWorkbook(bytes, name, {
        ...(values.encoding ? { encoding: values.encoding as TextEncodingName } : {}),
        ...(values.delimiter ? { delimiter: values.delimiter } : {}),
      });
      if (!read.ok) return failWith(io, describeFileError(name, read.error));
      inputs.push({ workbook: read.workbook, sha256: createHash('sha256').update(bytes).digest('hex') });
    }

    const dir = (values.out ?? values.into)!;
    const at = io.now().getTime();
    let snapshot: CaseSnapshot;
    let audit: readonly AuditEntry[] = [];
    if (values.into) {
      const folder = await readBundleFolder(io, values.into);
      if (!folder.ok) return failWith(io, folder.reason);
      snapshot = folder.value.snapshot;
      audit = folder.value.audit;
      if (snapshot.cases.length !== 1) return failWith(io, `not_one_case (dir=${values.into}): the folder holds ${snapshot.cases.length} cases`);
    } else {
      if ((await io.readDir(join(dir, 'records'))).length > 0) return failWith(io, `folder_not_empty (dir=${dir}): use --into to add to a case`);
      snapshot = emptySnapshot();
      const caseId = newId();
      snapshot.cases.push({
        id: caseId,
        caseId,
        createdAt: at,
        updatedAt: at,
        hlc: formatStamp({ millis: at, counter: 0, node: CLI_WORKSTATION }),
        fieldClocks: {},
        updatedBy: CLI_WORKSTATION,
        deleted: 0,
        name: values['case-name'] ?? spec.spec.name,
        description: '',
        unit: '',
        openedOn: io.now().toISOString().slice(0, 10),
        marking: (values.marking as Marking | undefined) ?? 'DIFUSION_LIMITADA',
        archived: false,
        synthetic: false,
      });
    }
    const caseRecord = snapshot.cases[0]!;
    const existing: ExistingCase = { caseId: caseRecord.id, ...snapshot };
    const plan = planImport(spec.spec, inputs, existing);
    if (plan.fit.matched.length === 0) {
      const missing = plan.fit.missing.map((m) => `${m.target}: ${m.columns.join(', ')}`).join('; ');
      return failWith(io, `spec_does_not_fit: "${spec.spec.name}" fits none of the files (missing columns — ${missing})`);
    }

    const stamp = { at, hlc: formatStamp({ millis: at, counter: 1, node: CLI_WORKSTATION }), by: CLI_WORKSTATION };
    for (const { table, record } of materialisePlan(plan, existing, stamp)) {
      const list = snapshot[table] as unknown as { id: string }[];
      const index = list.findIndex((r) => r.id === record.id);
      if (index >= 0) list[index] = record;
      else list.push(record);
    }

    await io.mkdir(dir);
    for (const folder of ['records', 'audit', 'attachments']) await io.mkdir(join(dir, folder));
    for (const table of CASE_TABLE_NAMES) {
      if (snapshot[table].length > 0 || values.into) await io.writeFile(join(dir, recordsPath(table)), toNdjson(snapshot[table]));
    }
    if (audit.length > 0) await io.writeFile(join(dir, auditPath(caseRecord.id)), toNdjson(audit));
    await io.writeFile(join(dir, 'rejected-rows.csv'), new TextEncoder().encode(rejectedRowsCsv(plan.rejected, describeReason)));

    for (const line of report(plan, dir)) io.stdout(line);
    return 0;
  } catch (error) {
    return failWith(io, `unexpected (${error instanceof Error ? error.message : String(error)})`);
  }
}

function report(plan: ReturnType<typeof planImport>, dir: string): string[] {
  const lines: string[] = [];
  for (const [table, c] of Object.entries(plan.counts)) {
    if (c.new + c.updated + c.unchanged + c.rejected === 0) continue;
    lines.push(`${table}: ${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected`);
  }
  if (plan.changes.length === 0) lines.push('nothing changed: every record in these files is already in the case');
  if (plan.linkRowsCombined > 0) lines.push(`${plan.linkRowsCombined} link rows repeated another row (same people, kind and date) and were counted on it`);
  for (const m of plan.fit.missing) lines.push(`not imported: no sheet fits the ${m.target} mapping (missing columns: ${m.columns.join(', ')})`);
  for (const c of plan.conflicts) lines.push(`conflict: ${c.personName}, ${c.field}: ${c.values.join(' / ')} (kept the first)`);
  for (const d of plan.possibleDuplicates) lines.push(`possible duplicate: ${d.name} (${d.origin.file}, row ${d.origin.row}) resembles ${d.resembles.name}`);
  lines.push(`${plan.rejected.length} rejected cells listed in ${join(dir, 'rejected-rows.csv')}`);
  return lines;
}
