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

/**
 * Random bytes for nonces, taken from a pool refilled by the CSPRNG 4 KiB at a time: a record's seal
 * needs 24 fresh bytes, and one getRandomValues call per record costs more than the cipher does in
 * some engines. Every byte is handed out once; the pool is overwritten as it is used.
 */
export function nonceBytes(length: number): Uint8Array {
  if (length > NONCE_POOL_BYTES) return randomBytes(length);
  if (poolOffset + length > NONCE_POOL_BYTES) {
    crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  const bytes = pool.slice(poolOffset, poolOffset + length);
  pool.fill(0, poolOffset, poolOffset + length);
  poolOffset += length;
  return bytes;
}

const NONCE_POOL_BYTES = 4096;
const pool = new Uint8Array(NONCE_POOL_BYTES);
// Empty at first: the first call fills it.
let poolOffset = NONCE_POOL_BYTES;
