import type { DBCore, DBCoreCursor, Middleware } from 'dexie';

/**
 * For the middleware's tests: a DBCore cursor whose members throw for any receiver but itself, as
 * the browser's native IDBCursor does ("Illegal invocation" in Chromium), so a wrapper that is not
 * built by delegation fails in Node as it would in the app.
 */
export class BrandChecked implements DBCoreCursor {
  readonly #inner: DBCoreCursor;
  constructor(inner: DBCoreCursor) {
    this.#inner = inner;
  }
  get trans() {
    return this.#inner.trans;
  }
  get key() {
    return this.#inner.key;
  }
  get primaryKey() {
    return this.#inner.primaryKey;
  }
  get value() {
    return this.#inner.value;
  }
  get done() {
    return this.#inner.done;
  }
  continue(key?: unknown) {
    this.#inner.continue(key);
  }
  continuePrimaryKey(key: unknown, primaryKey: unknown) {
    this.#inner.continuePrimaryKey(key, primaryKey);
  }
  advance(count: number) {
    this.#inner.advance(count);
  }
  start(onNext: () => void) {
    return this.#inner.start(onNext);
  }
  stop(value?: unknown) {
    this.#inner.stop(value);
  }
  next() {
    return this.#inner.next().then(() => this as DBCoreCursor);
  }
  fail(error: Error) {
    this.#inner.fail(error);
  }
}

/** Put below the middleware under test: every cursor it gets refuses a receiver other than itself. */
export const brandCheckedCursors: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'BrandCheckedCursors',
  level: -200,
  create: (down) => ({
    ...down,
    table: (tableName) => {
      const table = down.table(tableName);
      return { ...table, openCursor: (req) => table.openCursor(req).then((cursor) => cursor && new BrandChecked(cursor)) };
    },
  }),
};
