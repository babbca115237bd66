/**
 * The database layer's public face: what features and workers import. Everything writes through
 * repositories (validated, clock-stamped, audited in one transaction); reads are plain async
 * functions for `useLiveQuery`.
 */
export { VigiaDatabase, openVigiaDatabase, DEFAULT_DATABASE_NAME, type DatabaseAddress, type VigiaDatabaseOptions } from './database';
export type { CachedLayout, SavedView, SettingRow, StoredBlob } from './local-records';
export { MIGRATIONS, SCHEMA_VERSION } from './migrations';
export { LockStore, workstationLockStore } from './vault/lock-store';
export { damagedRecords, DamagedRecords, type DamagedRecord } from './vault/damaged-records';
export {
  changeWorkstationPassphrase,
  disableKeychainUnlock,
  enableKeychainUnlock,
  keychainAvailability,
  unlockWithKeychain,
  openWorkstationDatabase,
  recoverWorkstation,
  recoveryRequest,
  recoveryState,
  removeRecovery,
  setUpRecovery,
  setUpVault,
  unlockWorkstation,
  vaultStart,
  type KdfRunner,
  type RecoveryOutcome,
  type KeychainAvailability,
  type MoveStep,
  type VaultOutcome,
  type VaultStart,
} from './vault/workstation-vault';
export { resealOldRows } from './vault/reseal-old-rows';
export {
  IDLE_LOCK_MINUTES,
  LOCALES,
  SETTING_DEFAULTS,
  getSetting,
  getWorkstation,
  setAnalystName,
  setLastOpenedCaseId,
  setLocale,
  setSetting,
  saveLockDraft,
  takeLockDraft,
  type LockDraft,
  type Locale,
  type PreferenceKey,
  type SettingKey,
  type Settings,
  type Workstation,
} from './settings';
export { createRecord, deleteRecord, restoreRecord, updateRecord, type EditableFields } from './write';
export { importSnapshot, type ImportOptions, type ImportReport, type TableCounts } from './import-snapshot';
export * from './repositories/cases';
export * from './repositories/persons';
export * from './repositories/prisons';
export * from './repositories/stays';
export * from './repositories/sentences';
export * from './repositories/links';
export * from './repositories/sources';
export * from './repositories/events';
export * from './repositories/notes';
export * from './repositories/views';
export * from './repositories/layouts';
export * from './repositories/attachments';
export * from './repositories/case-lifecycle';
export { getCase, getLastOpenedCase, listCases } from './queries/cases';
export { listDeletedCases } from './queries/deleted-cases';
export { listNotesAbout } from './queries/notes';
export { loadCaseNetwork, type CaseNetwork } from './queries/case-network';
export { getCachedNetwork, putCachedNetwork } from './queries/case-network-cache';
export { loadCaseTimelineRecords, type CaseTimelineRecords } from './queries/case-timeline';
export { currentStay, latestRelease } from '../../shared/model/current-stay';
export {
  loadPersonDetails,
  type CitedSource,
  type PersonDetails,
  type PersonLink,
  type StayWithPrison,
} from './queries/person-details';
export { loadCaseJournal, loadRecordHistory, verifyCaseAudit, type CaseAuditReport } from './queries/audit';
export { loadReportInputs, type ReportInputs } from './queries/report-inputs';
export { DatabaseContext, LiveDatabaseContext, useDatabase, useLiveDatabase, usePastDay } from './database-context';
export { loadChangesBetween, type ChangedRecord, type ChangesReport } from './history/changes';
export { PastStateReadOnlyError } from './history/overlay-middleware';
export { discardPastOverlay, pastStateName } from './history/overlay-store';
export * from './undo';
export * from './queries/last-change';
export * from './queries/case-overview';
export * from './repositories/identity';
export * from './repositories/keyring';
export * from './sync';
export * from './sync/selection-view';
export * from './sync/direct-contacts';
export * from './repositories/import-specs';
export * from './repositories/apply-import';
export * from './repositories/exports';
