import { strToU8, zipSync } from 'fflate';
import { csvFiles, exportedNetwork, gexfChunks, graphmlChunks } from '../../shared/export';
import type { VigiaDatabase } from '../db/database';
import { loadCaseRecords } from '../db/sync/case-contents';
import type { ExportJob, ExportMessage } from './export-protocol';

type Done = Extract<ExportMessage, { type: 'done' }>;
type Progress = (phase: 'reading' | 'writing', done: number, total: number) => void;

/** Text chunks joined into parts of about this size: a Blob of 50,000 tiny parts is slow to build and read. */
const PART_CHARS = 1 << 20;

/**
 * One export, in the export worker: the case's records read once, the network view's selection made
 * (shared/export), the file written chunk by chunk into a Blob (never one string of the whole case).
 * CSV is several tables, so the page receives them in one ZIP.
 */
export async function writeExport(db: VigiaDatabase, job: ExportJob, progress: Progress): Promise<Omit<Done, 'type'>> {
  progress('reading', 0, 1);
  const snapshot = await loadCaseRecords(db, [job.caseId]);
  progress('reading', 1, 1);
  const network = exportedNetwork(snapshot, job.caseId, {
    exportedOn: job.exportedOn,
    ...(job.filters ? { filters: job.filters } : {}),
    ...(job.filters?.asOf ? { asOf: job.filters.asOf } : {}),
  });
  const counts = { persons: network.persons.length, links: network.links.length };
  const total = counts.persons + counts.links;
  const elements = (chunks: Iterable<string>) => joinedParts(chunks, (n) => progress('writing', Math.min(n, total), total));

  if (job.format === 'csv') {
    const files: Record<string, Uint8Array> = {};
    for (const file of csvFiles(network)) files[file.name] = strToU8(elements(file.chunks()).join(''));
    return { file: new Blob([zipSync(files, { level: 6 })], { type: 'application/zip' }), extension: 'zip', ...counts };
  }
  const chunks = job.format === 'graphml' ? graphmlChunks(network, { prisonsAsNodes: job.prisonsAsNodes }) : gexfChunks(network, job.format === 'gexf-1.3' ? '1.3' : '1.2');
  const type = job.format === 'graphml' ? 'application/graphml+xml' : 'application/gexf+xml';
  return { file: new Blob(elements(chunks), { type }), extension: job.format === 'graphml' ? 'graphml' : 'gexf', ...counts };
}

/** Chunks (one element each) batched into parts, with the count of elements written so far. */
function joinedParts(chunks: Iterable<string>, written: (elements: number) => void): string[] {
  const parts: string[] = [];
  let part = '';
  let count = 0;
  for (const chunk of chunks) {
    part += chunk;
    count += 1;
    if (part.length >= PART_CHARS) {
      parts.push(part);
      part = '';
      written(count);
    }
  }
  if (part) parts.push(part);
  written(count);
  return parts;
}
