/**
 * Random bytes for keys, salts, nonces and store keys: the platform's CSPRNG (WebCrypto's
 * getRandomValues, in browsers, workers and Node alike). Never Math.random, never a seeded generator.
 */
export function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  // getRandomValues fills at most 65,536 bytes per call (WebCrypto's limit).
  for (let offset = 0; offset < length; offset += GET_RANDOM_VALUES_LIMIT) {
    crypto.getRandomValues(bytes.subarray(offset, offset + GET_RANDOM_VALUES_LIMIT));
  }
  return bytes;
}

const GET_RANDOM_VALUES_LIMIT = 65_536;
