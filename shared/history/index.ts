export * from './as-known-on';
export * from './changes-between';
