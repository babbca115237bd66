/**
 * The ZIP layer's byte crunching, injectable as SHA-256 is (hashing.ts). Without it, fflate does it in
 * pure JS: CRC-32 a byte at a time, deflate and inflate in JS. The renderer's bundle worker injects
 * hash-wasm's WebAssembly CRC-32 for writing (renderer/workers/wasm-codecs.ts).
 * Node contexts — the CLI, the bench and the desktop app's utility process — inject zlib's native
 * versions (electron/cli/commands/node-codecs.ts), several times faster. Formats are the same either
 * way: ZIP's CRC-32, raw DEFLATE (RFC 1951); the archive layout is still fflate's `Zip`.
 */
/** An incremental CRC-32: `update` with each piece in order, then `digest` once. */
export interface Crc32Hasher {
  update(bytes: Uint8Array): void;
  digest(): number;
}

export interface ZipCodecs {
  /** A new CRC-32 (ZIP's, ISO-HDLC) over one entry's bytes, fed piece by piece. */
  crc32(): Crc32Hasher;
  /** Raw DEFLATE of a whole record or audit file (they are in memory anyway: the manifest hashes them). */
  deflateRaw(bytes: Uint8Array): Promise<Uint8Array>;
  /**
   * Inflates raw DEFLATE into at most `limit` bytes: `undefined` when the data holds more (a
   * decompression bomb stops there, never allocated); throws when it is not valid DEFLATE.
   */
  inflateRaw(compressed: Uint8Array, limit: number): Uint8Array | undefined;
}

/** What writing uses (CRC-32 and deflate): the renderer's bundle worker brings these and reads with fflate's inflate. */
export type ZipWriteCodecs = Pick<ZipCodecs, 'crc32' | 'deflateRaw'>;
