// Dexie runs on an in-memory IndexedDB in unit tests; each test file gets a fresh one.
import 'fake-indexeddb/auto';
