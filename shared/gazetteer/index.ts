export * from './csv';
export * from './gazetteer';
export * from './parse';
export { PRISONS_ES } from './prisons-es.generated';
export { SPAIN_OUTLINE } from './spain-outline.generated';
export type * from './types';
export * from './short-names';
