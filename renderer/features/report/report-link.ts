import { isIsoDate, MARKINGS, type IsoDate, type Marking } from '../../../shared/model';
import { REPORT_SECTIONS, type ReportSection } from '../../../shared/report';

/** What the report page is asked to print: carried in its address, so that it can print on its own. */
export interface ReportParams {
  caseId: string;
  /** Everyone, or these people (the selection, or those the network view shows). */
  personIds?: string[];
  sections: ReportSection[];
  asOf?: IsoDate;
  /** The case as known at the end of this day: the past state on screen when the report was asked for. */
  knownOn?: IsoDate;
  releaseUpTo?: Marking;
  /** One per report made: the journal notes the report once, however often the page reloads. */
  token: string;
}

const PREFIX = '#report?';

export function reportHash(params: ReportParams): string {
  const query = new URLSearchParams({ case: params.caseId, sections: params.sections.join(','), token: params.token });
  if (params.personIds) query.set('people', params.personIds.join(','));
  if (params.asOf) query.set('asOf', params.asOf);
  if (params.knownOn) query.set('knownOn', params.knownOn);
  if (params.releaseUpTo) query.set('upTo', params.releaseUpTo);
  return `${PREFIX}${query.toString()}`;
}

export function isReportHash(hash: string): boolean {
  return hash.startsWith(PREFIX);
}

const ID = /^[\w:.-]{1,128}$/;

/** The address is input like any other: anything malformed gives no report, never a partial one. */
export function readReportHash(hash: string): ReportParams | undefined {
  if (!isReportHash(hash)) return undefined;
  const query = new URLSearchParams(hash.slice(PREFIX.length));
  const caseId = query.get('case') ?? '';
  const token = query.get('token') ?? '';
  const sections = (query.get('sections') ?? '').split(',').filter(Boolean);
  const people = query.get('people');
  const asOf = query.get('asOf');
  const knownOn = query.get('knownOn');
  const upTo = query.get('upTo');
  if (!ID.test(caseId) || !/^[\w-]{8,64}$/.test(token)) return undefined;
  if (sections.length === 0 || !sections.every((s) => (REPORT_SECTIONS as readonly string[]).includes(s))) return undefined;
  const personIds = people === null ? undefined : people.split(',');
  if (personIds && (personIds.length === 0 || personIds.length > 20_000 || !personIds.every((id) => ID.test(id)))) return undefined;
  if (asOf !== null && !isIsoDate(asOf)) return undefined;
  if (knownOn !== null && !isIsoDate(knownOn)) return undefined;
  if (upTo !== null && !(MARKINGS as readonly string[]).includes(upTo)) return undefined;
  return {
    caseId,
    token,
    sections: sections as ReportSection[],
    ...(personIds ? { personIds } : {}),
    ...(asOf ? { asOf } : {}),
    ...(knownOn ? { knownOn } : {}),
    ...(upTo ? { releaseUpTo: upTo as Marking } : {}),
  };
}
