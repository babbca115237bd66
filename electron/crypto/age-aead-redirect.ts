/**
 * A Vite plugin that gives typage a faster ChaCha20-Poly1305 in renderer and worker builds: when a
 * module inside node_modules/age-encryption imports '@noble/ciphers/chacha.js', it gets `adapter`
 * (a module with the same exports) instead. Every other importer keeps noble. The Node equivalent
 * is age-aead-hooks.mjs. Typed structurally, so this file needs no Vite types.
 */
export const AGE_AEAD_REDIRECT = 'vigia-age-aead-redirect';

const NOBLE_CHACHA = '@noble/ciphers/chacha.js';
const AGE_ENCRYPTION = /[\\/]node_modules[\\/]age-encryption[\\/]/;

export function isInsideAgeEncryption(importer: string | undefined): boolean {
  return importer !== undefined && AGE_ENCRYPTION.test(importer);
}

export function ageAeadRedirect(adapter: string): {
  name: string;
  enforce: 'pre';
  resolveId(source: string, importer: string | undefined): string | null;
} {
  return {
    name: AGE_AEAD_REDIRECT,
    enforce: 'pre',
    resolveId(source, importer) {
      return source === NOBLE_CHACHA && isInsideAgeEncryption(importer) ? adapter : null;
    },
  };
}
