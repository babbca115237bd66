import { rankSpecs } from '../../shared/import/fit';
import { planImport, type ImportFileInput } from '../../shared/import/plan';
import type { ExistingCase } from '../../shared/import/plan-types';
import { proposeMapping } from '../../shared/import/propose';
import { readWorkbook } from '../../shared/import/read-workbook';
import { cellText } from '../../shared/import/sheet';
import { importSpecSchema, type ImportSpec, type SheetMapping } from '../../shared/import/spec';
import { openVigiaDatabase } from '../db/database';
import { loadCaseRecords } from '../db/sync/case-contents';
import type { ImportMessage, ImportRequest, SheetSummary } from './import-protocol';

/**
 * The import wizard's reading and planning, off the page's thread: a workbook of 60,000 rows takes
 * seconds to parse and plan, and a hostile one must not freeze the workstation.
 */
interface WorkerScope {
  postMessage(message: ImportMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A first specification from the headers: each sheet mapped to what its headers say it holds. */
function proposedSpec(inputs: readonly ImportFileInput[]): ImportSpec {
  const sheets: SheetMapping[] = [];
  for (const { workbook } of inputs) {
    for (const sheet of workbook.sheets) {
      const proposal = proposeMapping(sheet);
      const checked = importSpecSchema.shape.sheets.element.safeParse(proposal);
      if (checked.success) sheets.push(checked.data);
    }
  }
  return importSpecSchema.parse({
    format: 'vigia-import-spec',
    version: 1,
    name: inputs.map((i) => i.workbook.fileName).join(' + ').slice(0, 200),
    sheets: sheets.length > 0 ? sheets : [{ target: 'people', fields: [{ field: 'primaryName', columns: ['—'] }] }],
  });
}

async function plan(request: ImportRequest): Promise<void> {
  const inputs: ImportFileInput[] = [];
  for (const [i, file] of request.files.entries()) {
    scope.postMessage({ type: 'progress', phase: 'reading', done: i, total: request.files.length });
    const read = readWorkbook(file.bytes, file.name, {
      ...(request.encoding ? { encoding: request.encoding } : {}),
      ...(request.delimiter ? { delimiter: request.delimiter } : {}),
    });
    if (!read.ok) {
      scope.postMessage({ type: 'file-failed', file: file.name, error: read.error });
      return;
    }
    inputs.push({ workbook: read.workbook, sha256: await sha256(file.bytes) });
  }
  const db = await openVigiaDatabase(request.database);
  const snapshot = await loadCaseRecords(db, [request.caseId]);
  db.close();
  const existing: ExistingCase = { caseId: request.caseId, ...snapshot };
  const ranked = rankSpecs(request.savedSpecs, inputs.map((i) => i.workbook));
  const savedFits = ranked.map((fit) => ({ name: fit.spec.name, fits: fit.fits, missing: fit.missing.map((m) => ({ target: m.target, columns: m.columns })) }));
  // A saved specification that fits the files is used as it is; otherwise one is proposed.
  const spec = request.spec ?? ranked.find((fit) => fit.fits)?.spec ?? proposedSpec(inputs);
  const result = planImport(spec, inputs, existing, {
    onProgress: (done, total) => scope.postMessage({ type: 'progress', phase: 'planning', done, total }),
  });
  const sheets: SheetSummary[] = inputs.flatMap(({ workbook }) =>
    workbook.sheets.map((sheet) => ({
      file: workbook.fileName,
      sheet: sheet.name,
      headers: (sheet.rows[0] ?? []).map((c) => cellText(c)).filter(Boolean),
      ...(workbook.encoding ? { encoding: workbook.encoding } : {}),
      ...(workbook.delimiter ? { delimiter: workbook.delimiter } : {}),
    })),
  );
  const { fit, ...plan } = result;
  scope.postMessage({
    type: 'planned',
    spec,
    proposed: !request.spec && !ranked.some((fit) => fit.fits),
    savedFits,
    sheets,
    fit: {
      fits: fit.fits,
      matched: fit.matched.map((m) => ({ mappingIndex: m.mappingIndex, file: m.workbook.fileName, sheet: m.sheet.name })),
      missing: fit.missing,
    },
    plan,
  });
}

scope.addEventListener('message', (event) => {
  void plan(event.data).catch((error: unknown) => scope.postMessage({ type: 'failed', reason: error instanceof Error ? error.message : String(error) }));
});
