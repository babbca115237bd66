export * from './merge-record';
export * from './plan';
export * from './edit-record';
