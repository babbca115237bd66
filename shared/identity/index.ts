export * from './analyst-identity';
export * from './contact-card';
export * from './fingerprint';
export * from './keyfile';
export * from './signing-key';
