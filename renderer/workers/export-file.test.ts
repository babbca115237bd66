import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../../shared/network';
import { importSnapshot } from '../db/import-snapshot';
import { freshDatabase, syntheticSnapshot } from '../db/test-support';
import { writeExport } from './export-file';
import { isExportJob, type ExportJob } from './export-protocol';

const CASE = 'case:export';

async function exported(job: Partial<ExportJob>) {
  const db = await freshDatabase();
  await importSnapshot(db, syntheticSnapshot(20, 40, 3, CASE));
  const phases: string[] = [];
  const done = await writeExport(db, { database: db.address, caseId: CASE, format: 'graphml', exportedOn: '2026-12-05', prisonsAsNodes: false, ...job }, (phase) => phases.push(phase));
  return { done, phases };
}

describe('writeExport (the export worker)', () => {
  it('reads the case from the database and writes GraphML, reporting reading then writing', async () => {
    const { done, phases } = await exported({});
    const text = await done.file.text();
    expect(done.extension).toBe('graphml');
    expect(text.match(/<node id=/g)).toHaveLength(done.persons);
    expect(text.match(/<edge id=/g)).toHaveLength(done.links);
    expect(done.persons).toBe(20);
    expect(phases[0]).toBe('reading');
    expect(phases.at(-1)).toBe('writing');
  });

  it('writes CSV as one ZIP of the tables, and the view’s filters narrow it', async () => {
    const whole = await exported({ format: 'csv' });
    const someone = syntheticSnapshot(20, 40, 3, CASE).links[0]!.fromId;
    const narrowed = await exported({ format: 'csv', filters: { ...DEFAULT_FILTERS, hiddenPersonIds: [someone] } });
    const files = unzipSync(new Uint8Array(await narrowed.done.file.arrayBuffer()));
    expect(Object.keys(files)).toContain('links.csv');
    expect(narrowed.done.persons).toBe(whole.done.persons - 1);
    expect(narrowed.done.links).toBeLessThan(whole.done.links);
    expect(new TextDecoder().decode(files['links.csv']).trim().split('\r\n')).toHaveLength(narrowed.done.links + 1);
  });
});

describe('isExportJob', () => {
  it('refuses what the page could not have sent', () => {
    const job = { database: { name: 'db' }, caseId: 'c', format: 'gexf-1.2', exportedOn: '2026-12-05', prisonsAsNodes: false };
    expect(isExportJob(job)).toBe(true);
    expect(isExportJob({ ...job, format: 'xlsx' })).toBe(false);
    expect(isExportJob({ ...job, exportedOn: '05/12/2026' })).toBe(false);
    expect(isExportJob({ ...job, filters: { ...DEFAULT_FILTERS, linkKinds: ['telepathy'] } })).toBe(false);
    expect(isExportJob({ ...job, filters: { ...DEFAULT_FILTERS, asOf: 'yesterday' } })).toBe(false);
    expect(isExportJob(null)).toBe(false);
  });
});
