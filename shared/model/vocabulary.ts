/**
 * The analysts' closed vocabularies. Values are stable identifiers stored in records and bundles;
 * what a person reads comes from the translation files (renderer/i18n), never from these strings.
 */

/** Spanish official-secrets markings (Ley 9/1968) and the FIRST Traffic Light Protocol 2.0. */
export const MARKINGS = [
  'DIFUSION_LIMITADA',
  'CONFIDENCIAL',
  'RESERVADO',
  'SECRETO',
  'TLP_CLEAR',
  'TLP_GREEN',
  'TLP_AMBER',
  'TLP_AMBER_STRICT',
  'TLP_RED',
] as const;
export type Marking = (typeof MARKINGS)[number];

/** A person's role in the network under investigation. */
export const ROLES = ['leader', 'core', 'recruit', 'contact', 'unknown'] as const;
export type Role = (typeof ROLES)[number];

/** Why the prison service monitors a person. */
export const MONITORING_STATUSES = [
  'convicted_terrorism',
  'recruiter',
  'at_risk',
  'not_monitored',
] as const;
export type MonitoringStatus = (typeof MONITORING_STATUSES)[number];

/** Deradicalisation programmes are voluntary by law: `declined` is a real answer, not missing data. */
export const PROGRAMME_STATUSES = ['none', 'enrolled', 'declined', 'completed', 'dropped_out'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export const LINK_KINDS = [
  'letter',
  'call',
  'visit',
  'shared_module',
  'co_defendant',
  'family',
  'recruitment',
  'leadership',
  'other',
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Link kinds that have a direction by nature (who wrote to whom, who recruited whom). */
export const DIRECTED_LINK_KINDS: ReadonlySet<LinkKind> = new Set([
  'letter',
  'call',
  'visit',
  'recruitment',
  'leadership',
]);

/** Admiralty / NATO grading: source reliability A (completely reliable) … F (cannot be judged). */
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY)[number];

/** Information credibility 1 (confirmed) … 6 (truth cannot be judged). */
export const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITY)[number];

export const SOURCE_KINDS = [
  'letter',
  'call_record',
  'visit_log',
  'report',
  'press',
  'testimony',
  'court_record',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const EVENT_KINDS = [
  'arrest',
  'conviction',
  'transfer',
  'release',
  'extradition',
  'operation',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const NAME_KINDS = ['alias', 'kunya', 'spelling'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

export const PRISON_ADMINISTRATIONS = ['SGIP', 'Catalonia', 'Basque Country', 'other'] as const;
export type PrisonAdministration = (typeof PRISON_ADMINISTRATIONS)[number];

export const PRISON_KINDS = ['ordinary', 'psychiatric', 'women', 'youth', 'other'] as const;
export type PrisonKind = (typeof PRISON_KINDS)[number];
