/**
 * Random bytes for keys, salts and nonces: the platform's CSPRNG (WebCrypto's getRandomValues, in
 * browsers, workers and Node alike). Never Math.random, never a seeded generator.
 */
export function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}
