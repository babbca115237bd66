export * from './canonical-json';
export * from './ascii-json';
