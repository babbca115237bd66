// Encryption at rest (issue 16, docs/security.md). The AEAD and random-bytes helpers stay inside.
export * from './passphrase';
export * from './kdf';
export * from './keys';
export * from './stored-keys';
export * from './record-cipher';
export * from './attachment-cipher';
export * from './throttle';
export * from './recovery';
export * from './key-blinding';
