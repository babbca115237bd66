/**
 * What the workstation keeps for itself besides case records: attachment bytes, settings, saved
 * views and cached layouts. None of it is merged between workstations; attachment bytes travel in
 * bundles by their hash.
 */

/** The bytes of an attachment, stored once per content hash whatever records point at them. */
export interface StoredBlob {
  sha256: string;
  size: number;
  mimeType: string;
  data: Blob;
  /** How `data` is sealed (vault/blob-cipher.ts), in the sealed database; absent in a plain one. */
  sealing?: string;
}

/** One workstation setting; values are checked against their schema when read (see settings.ts). */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** A named network view of a case (filters, level of detail…); its definition belongs to the UI. */
export interface SavedView {
  id: string;
  caseId: string;
  name: string;
  definition: unknown;
  createdAt: number;
  updatedAt: number;
}

/**
 * Node positions computed for one view of a case, so reopening a case need not lay it out again.
 * `inputKey` says what the layout was computed from (the UI decides), so a stale cache is detectable.
 */
export interface CachedLayout {
  caseId: string;
  viewId: string;
  inputKey: string;
  positions: Record<string, { x: number; y: number }>;
  computedAt: number;
}
