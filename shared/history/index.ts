export * from './as-known-on';
