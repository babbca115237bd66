import { isDatabaseAddress, type DatabaseAddress } from '../db/database';
import { isIsoDate, LINK_KINDS, MARKINGS, MONITORING_STATUSES, ROLES, type IsoDate, type Marking } from '../../shared/model';
import type { NetworkFilters, NetworkInput } from '../../shared/network';
import type { WithheldCounts } from '../../shared/release';

/** What the export dialog offers: GraphML, dynamic GEXF (1.2 for networkx, 1.3 for Gephi 0.10), CSV tables in a ZIP. */
export const EXPORT_FORMATS = ['graphml', 'gexf-1.2', 'gexf-1.3', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Page → export worker: one export of one case. */
export interface ExportJob {
  database: DatabaseAddress;
  caseId: string;
  format: ExportFormat;
  /** Today: closes open stays, written into the file. */
  exportedOn: IsoDate;
  /** The network view's filters (its date included) when the analyst exports what is shown; absent for the whole case. */
  filters?: NetworkFilters;
  prisonsAsNodes: boolean;
  /** Release the case only up to this marking (everything above it is left out); absent: all of it. */
  releaseUpTo?: Marking;
  /** Only say what the release would withhold and how the file would be marked; write nothing. */
  previewOnly?: boolean;
}

/** What a release leaves out and the marking the file then carries. */
export interface ReleaseSummary {
  withheld: WithheldCounts;
  marking: Marking;
}

/**
 * A preview also says what the output keeps, in the network view's terms: a picture of the view is
 * drawn from it. Placement and release dates are worked out from the kept stays and sentences, so a
 * withheld stay cannot place a person nor a withheld sentence ring them as "released soon".
 */
export interface ReleasePreviewResult extends ReleaseSummary {
  kept: ReleasedNetworkParts;
}

export interface ReleasedNetworkParts {
  persons: string[];
  links: string[];
  /** The kept stays, as the view reads them (where and when): what "as of" a day places people by. */
  stays: NonNullable<NetworkInput['stays']>;
  /** personId → prisonId, from the kept stays. */
  currentPrisonByPerson: [string, string][];
  /** personId → expected release, from the kept sentences. */
  releaseByPerson: [string, string][];
}

/** Worker → page. `done` hands over the finished file; the page saves it where the analyst chooses. */
export type ExportMessage =
  | { type: 'progress'; phase: 'reading' | 'writing'; done: number; total: number }
  | ({ type: 'done'; file: Blob; extension: 'graphml' | 'gexf' | 'zip'; persons: number; links: number } & ReleaseSummary)
  | ({ type: 'preview' } & ReleasePreviewResult)
  | { type: 'failed'; reason: string };

const isStringArray = (value: unknown, allowed?: readonly string[]): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string' && (!allowed || allowed.includes(v)));

/** The worker trusts nothing it is sent: a job is checked field by field before anything is read. */
export function isExportJob(value: unknown): value is ExportJob {
  if (typeof value !== 'object' || value === null) return false;
  const job = value as Record<string, unknown>;
  if (!isDatabaseAddress(job.database) || typeof job.caseId !== 'string' || typeof job.prisonsAsNodes !== 'boolean') return false;
  if (!(EXPORT_FORMATS as readonly unknown[]).includes(job.format)) return false;
  if (typeof job.exportedOn !== 'string' || !isIsoDate(job.exportedOn)) return false;
  if (job.releaseUpTo !== undefined && !(MARKINGS as readonly unknown[]).includes(job.releaseUpTo)) return false;
  if (job.previewOnly !== undefined && typeof job.previewOnly !== 'boolean') return false;
  return job.filters === undefined || isNetworkFilters(job.filters);
}

function isNetworkFilters(value: unknown): value is NetworkFilters {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  const optionalDate = (d: unknown) => d === undefined || (typeof d === 'string' && isIsoDate(d));
  return (
    isStringArray(f.linkKinds, LINK_KINDS) &&
    isStringArray(f.monitoring, MONITORING_STATUSES) &&
    isStringArray(f.roles, ROLES) &&
    isStringArray(f.hiddenPersonIds) &&
    optionalDate(f.dateFrom) &&
    optionalDate(f.dateTo) &&
    optionalDate(f.asOf) &&
    (f.minGrading === undefined || typeof f.minGrading === 'string') &&
    (f.releaseWithinDays === undefined || (typeof f.releaseWithinDays === 'number' && Number.isInteger(f.releaseWithinDays) && f.releaseWithinDays >= 0)) &&
    (f.neighbourhood === undefined ||
      (typeof f.neighbourhood === 'object' &&
        f.neighbourhood !== null &&
        typeof (f.neighbourhood as Record<string, unknown>).personId === 'string' &&
        Number.isInteger((f.neighbourhood as Record<string, unknown>).hops)))
  );
}
