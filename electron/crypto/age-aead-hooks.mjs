// Module-resolution hooks (node:module register) that give typage a faster ChaCha20-Poly1305: when a
// module inside node_modules/age-encryption imports '@noble/ciphers/chacha.js', it gets the adapter
// named at registration (node-aead.ts by default) instead. Every other importer keeps noble. Plain
// JavaScript because it runs before tsx is loaded; the adapter itself is TypeScript, loaded by tsx.
const NOBLE_CHACHA = '@noble/ciphers/chacha.js';
const AGE_ENCRYPTION = /[\\/]node_modules[\\/]age-encryption[\\/]/;

let adapterUrl = new URL('./node-aead.ts', import.meta.url).href;

/** `data.adapter`: the file URL of another adapter with the same exports (the bench's WASM variant). */
export function initialize(data) {
  if (data && typeof data.adapter === 'string') adapterUrl = data.adapter;
}

function isInsideAgeEncryption(parentURL) {
  if (!parentURL || !parentURL.startsWith('file:')) return false;
  return AGE_ENCRYPTION.test(decodeURIComponent(new URL(parentURL).pathname));
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === NOBLE_CHACHA && isInsideAgeEncryption(context.parentURL)) return nextResolve(adapterUrl, context);
  return nextResolve(specifier, context);
}
