import { strToU8, zipSync } from 'fflate';
import { csvFiles, exportedNetwork, gexfChunks, graphmlChunks, type ExportedNetwork } from '../../shared/export';
import type { CaseSnapshot } from '../../shared/model';
import { liveCaseRecords, networkInputOf } from '../../shared/network';
import { releaseCase } from '../../shared/release';
import type { VigiaDatabase } from '../db/database';
import { loadCaseRecords } from '../db/sync/case-contents';
import type { ExportJob, ExportMessage, ReleasedNetworkParts, ReleaseSummary } from './export-protocol';

type Done = Extract<ExportMessage, { type: 'done' }>;
type Preview = Extract<ExportMessage, { type: 'preview' }>;
type Progress = (phase: 'reading' | 'writing', done: number, total: number) => void;

/** Text chunks joined into parts of about this size: a Blob of 50,000 tiny parts is slow to build and read. */
const PART_CHARS = 1 << 20;

/**
 * One export, in the export worker: the case's records read once, the network view's selection made
 * (shared/export), the file written chunk by chunk into a Blob (never one string of the whole case).
 * CSV is several tables, so the page receives them in one ZIP.
 */
export async function writeExport(db: VigiaDatabase, job: ExportJob, progress: Progress): Promise<Omit<Done, 'type'>> {
  const { network, summary } = await selectedNetwork(db, job, progress);
  const counts = { persons: network.persons.length, links: network.links.length, ...summary };
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

/** What a release would leave out and how its file would be marked, before anything is written. */
export async function previewExport(db: VigiaDatabase, job: ExportJob): Promise<Omit<Preview, 'type'>> {
  const { network, summary, released } = await selectedNetwork(db, job, () => undefined);
  return { ...summary, kept: releasedNetworkParts(released, job.caseId, network) };
}

/** What the output keeps, in the network view's terms (ReleasedNetworkParts), from the released case. */
export function releasedNetworkParts(released: CaseSnapshot, caseId: string, network: ExportedNetwork): ReleasedNetworkParts {
  const input = networkInputOf(liveCaseRecords(released, caseId));
  return {
    persons: network.persons.map((p) => p.id),
    links: network.links.map((l) => l.id),
    stays: (input.stays ?? []).map(({ personId, prisonId, from, to }) => ({ personId, prisonId, from, ...(to ? { to } : {}) })),
    currentPrisonByPerson: [...input.currentPrisonByPerson],
    releaseByPerson: [...(input.releaseByPerson ?? [])],
  };
}

/** The case read once, released up to the job's marking when asked, and the view's selection made. */
async function selectedNetwork(
  db: VigiaDatabase,
  job: ExportJob,
  progress: Progress,
): Promise<{ network: ExportedNetwork; summary: ReleaseSummary; released: CaseSnapshot }> {
  progress('reading', 0, 1);
  const whole = await loadCaseRecords(db, [job.caseId]);
  progress('reading', 1, 1);
  // A release at a lower marking is made on the case before anything is selected or written.
  const release = job.releaseUpTo ? releaseCase(whole, job.caseId, job.releaseUpTo) : undefined;
  const network = exportedNetwork(release?.snapshot ?? whole, job.caseId, {
    exportedOn: job.exportedOn,
    ...(job.filters ? { filters: job.filters } : {}),
    ...(job.filters?.asOf ? { asOf: job.filters.asOf } : {}),
  });
  return { network, summary: { withheld: release?.withheld ?? nothingWithheld(), marking: network.marking }, released: release?.snapshot ?? whole };
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

function nothingWithheld(): ReleaseSummary['withheld'] {
  return { sources: 0, persons: 0, stays: 0, sentences: 0, links: 0, events: 0, notes: 0, attachments: 0, personDetails: 0 };
}
