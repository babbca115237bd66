import type { DBCoreCursor } from 'dexie';

/** What a view changes of the cursor it stands for; everything it leaves out is the cursor's own. */
export interface CursorOverrides {
  value(): unknown;
  /** The record's key and primary key as the view shows them (the cursor's own when left out). */
  key?(): unknown;
  primaryKey?(): unknown;
  advance?(count: number): void;
  start?(onNext: () => void): Promise<unknown>;
  /** Moves the cursor on to its next record (for `next`; the view is what `next` then gives back). */
  step?(): Promise<unknown>;
}

/**
 * A cursor standing for another, with its own `value` (the sealing layer's opened record, the key
 * blinding's row with its plain key) and, if it wants, its own stepping. Everything else is the
 * underlying cursor's, delegated by name: in the browser it is a native IDBCursor, whose accessors and
 * methods refuse a `this` that is not one ("Illegal invocation"), so a view cannot be an object whose
 * prototype is the cursor.
 */
export function cursorView(cursor: DBCoreCursor, own: CursorOverrides): DBCoreCursor {
  const view: DBCoreCursor = {
    get trans() {
      return cursor.trans;
    },
    get key() {
      return own.key ? own.key() : cursor.key;
    },
    get primaryKey() {
      return own.primaryKey ? own.primaryKey() : cursor.primaryKey;
    },
    get done() {
      return cursor.done;
    },
    get value() {
      return own.value();
    },
    continue: (key) => (key === undefined ? cursor.continue() : cursor.continue(key)),
    continuePrimaryKey: (key, primaryKey) => cursor.continuePrimaryKey(key, primaryKey),
    advance: (count) => (own.advance ? own.advance(count) : cursor.advance(count)),
    start: (onNext) => (own.start ? own.start(onNext) : cursor.start(onNext)),
    stop: (value) => cursor.stop(value),
    next: () => (own.step ? own.step() : cursor.next()).then(() => view),
    fail: (error) => cursor.fail(error),
  };
  return view;
}
