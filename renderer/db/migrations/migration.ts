import type { Transaction } from 'dexie';

/** One schema version: the store definitions Dexie needs, and how to carry old data forward. */
export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}
