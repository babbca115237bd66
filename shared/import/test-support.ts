import { formatStamp } from '../model/hlc';
import type { CaseSnapshot } from '../model/tables';
import { materialisePlan } from './materialise';
import type { ImportFileInput } from './plan';
import type { ExistingCase } from './plan-types';
import { readWorkbook } from './read-workbook';
import type { Workbook } from './sheet';
import { readSpec, type ImportSpec } from './spec';

/** Test helpers (no Node built-ins: the tests read the committed fixtures and pass their bytes). */
export const CASE_ID = '11111111-1111-4111-8111-111111111111';

/** The committed specification of test/fixtures/import, from its bytes (tests read the files). */
export function specOf(bytes: Uint8Array): ImportSpec {
  const read = readSpec(new TextDecoder().decode(bytes));
  if (!read.ok) throw new Error(read.problems.join('; '));
  return read.spec;
}

export function workbookOf(bytes: Uint8Array, name: string): Workbook {
  const read = readWorkbook(bytes, name);
  if (!read.ok) throw new Error(read.error.code);
  return read.workbook;
}

/** A stand-in content hash: tests only need it stable per content. */
export function fakeSha(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0').repeat(8);
}

export function fileInput(bytes: Uint8Array, name: string): ImportFileInput {
  return { workbook: workbookOf(bytes, name), sha256: fakeSha(bytes) };
}

export function emptyCase(): ExistingCase & Pick<CaseSnapshot, 'persons'> {
  return { caseId: CASE_ID, persons: [], prisons: [], stays: [], sentences: [], links: [], events: [], sources: [] };
}

let tick = 1_700_000_000_000;

/** The case after writing a plan's changes, as the CLI and the renderer would store them. */
export function applied(existing: ExistingCase, plan: Parameters<typeof materialisePlan>[0]): ExistingCase {
  tick += 1000;
  const records = materialisePlan(plan, existing, { at: tick, hlc: formatStamp({ millis: tick, counter: 0, node: 'test' }), by: 'test' });
  const next: ExistingCase = {
    ...existing,
    persons: [...existing.persons],
    prisons: [...existing.prisons],
    stays: [...existing.stays],
    sentences: [...existing.sentences],
    links: [...existing.links],
    events: [...existing.events],
    sources: [...existing.sources],
  };
  for (const { table, record } of records) {
    const list = next[table] as unknown as { id: string }[];
    const at = list.findIndex((r) => r.id === record.id);
    if (at >= 0) list[at] = record;
    else list.push(record);
  }
  return next;
}
