import Dexie, { type Table } from 'dexie';
import type { IsoDate } from '../../../shared/model';
import { encryptionMiddleware } from '../vault/encryption-middleware';
import { workstationKeys } from '../vault/record-keys';
import type { Overlay } from './overlay-middleware';

/**
 * "The case as known on day K" is the live database seen through an overlay: only the records that
 * changed here after K, each with its value at K, or `null` where it did not exist yet (and the
 * journal's later entries hidden). The overlay is kept in a small database of its own, where every
 * worker that opens the past state (by its name, `pastStateName`) finds it.
 */
export interface OverlayRow {
  table: string;
  id: string;
  /** The record as it was at the end of K; null: it did not exist here then. */
  record: Record<string, unknown> | null;
}

export interface OverlayState {
  key: 'state';
  liveName: string;
  caseId: string;
  day: IsoDate;
}

export class OverlayDatabase extends Dexie {
  declare overlay: Table<OverlayRow, [string, string]>;
  declare state: Table<OverlayState, 'state'>;
  /** With the vault key when the live database is sealed: a past state holds case data too. */
  constructor(name: string, vaultKey?: Uint8Array) {
    super(name);
    this.version(1).stores({ overlay: '[table+id]', state: 'key' });
    if (vaultKey) this.use(encryptionMiddleware({ tables: { overlay: {}, state: {} }, keys: workstationKeys(vaultKey) }));
  }
}

/** Where the past state's overlay is kept for a live database. */
export const overlayDatabaseName = (liveName: string) => `${liveName}-as-known-on`;

/** The name the screens and workers open to see the past state of a live database. */
export const pastStateName = (liveName: string) => `${liveName}#known-on`;

/** The live database a past-state name reads through, or undefined for any other name. */
export function liveNameOf(name: string): string | undefined {
  return name.endsWith('#known-on') ? name.slice(0, -'#known-on'.length) : undefined;
}

/** Reads the kept overlay, grouped by table; undefined when none is kept. */
export async function readPastOverlay(liveName: string, vaultKey?: Uint8Array): Promise<{ state: OverlayState; overlay: Overlay } | undefined> {
  const store = new OverlayDatabase(overlayDatabaseName(liveName), vaultKey);
  try {
    const state = await store.state.get('state');
    if (!state) return undefined;
    const overlay = new Map<string, Map<string, Record<string, unknown> | null>>();
    await store.overlay.each((row) => {
      const table = overlay.get(row.table) ?? new Map<string, Record<string, unknown> | null>();
      table.set(row.id, row.record);
      overlay.set(row.table, table);
    });
    return { state, overlay };
  } finally {
    store.close();
  }
}

/** Forgets the past state (on going back to today). */
export function discardPastOverlay(liveName: string): Promise<void> {
  return Dexie.delete(overlayDatabaseName(liveName));
}
