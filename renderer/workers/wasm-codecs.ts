import { bytesToHex } from '@noble/hashes/utils.js';
import { deflateSync } from 'fflate';
import type { IHasher } from 'hash-wasm';
import type { Sha256Factory, Sha256Hasher, Sha256Whole } from '../../shared/bundle/hashing';
import type { Crc32Hasher, ZipCodecs, ZipWriteCodecs } from '../../shared/bundle/zip-codecs';

/**
 * hash-wasm's WebAssembly CRC-32 and SHA-256 for the bundle worker, through the injection points that
 * Node fills with zlib and node:crypto (shared/bundle/zip-codecs.ts, hashing.ts): once the cipher was
 * libsodium's WASM, fflate's byte-at-a-time CRC-32 and @noble/hashes' SHA-256 were most of an export.
 * Deflate stays fflate's (level 1, as its own ZIP entries); reading keeps fflate's inflate, which the
 * reader bounds in 16 KiB steps (the import checks SHA-256, not CRC-32).
 *
 * The hooks are synchronous and WebAssembly compiles asynchronously, so one instance of each is made
 * up front (the worker awaits `wasmCodecsReady()` before any job, as it does `wasmAeadReady()`).
 * `undefined` — the defaults, fflate and noble — if the WASM cannot load (a CSP without
 * 'wasm-unsafe-eval', an old engine) or fails its check values (whole and split).
 */
export interface WorkerCodecs {
  zip: ZipWriteCodecs;
  sha256: Sha256Factory;
  /** WebCrypto's digest, native and off the worker's thread: hash-wasm's SHA-256 is for what is too large to hold. */
  sha256Whole?: Sha256Whole;
}

/** The two constructors used, so tests can hand in a library that fails as a blocked CSP does. */
export interface HashWasmLoader {
  createCRC32(): Promise<IHasher>;
  createSHA256(): Promise<IHasher>;
}

let loading: Promise<WorkerCodecs | undefined> | undefined;

/** Loads hash-wasm once, on demand (the main thread never does). Never rejects. */
export function wasmCodecsReady(): Promise<WorkerCodecs | undefined> {
  loading ??= loadWasmCodecs(() => import('hash-wasm'));
  return loading;
}

export async function loadWasmCodecs(load: () => Promise<HashWasmLoader>): Promise<WorkerCodecs | undefined> {
  try {
    const library = await load();
    const [crc, sha] = await Promise.all([library.createCRC32(), library.createSHA256()]);
    const crc32 = sharedCrc32(crc);
    const sha256 = sharedSha256(sha);
    if (!passesCheck(sha256, crc32)) return undefined;
    const sha256Whole = await webCryptoDigest();
    return { zip: { crc32, deflateRaw }, sha256, ...(sha256Whole ? { sha256Whole } : {}) };
  } catch {
    return undefined;
  }
}

/** WebCrypto's SHA-256, if the engine has it and it gives the check value; never rejects. */
async function webCryptoDigest(): Promise<Sha256Whole | undefined> {
  const digest: Sha256Whole = async (bytes) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  try {
    return bytesToHex(await digest(CHECK_INPUT)) === SHA256_CHECK ? digest : undefined;
  } catch {
    return undefined;
  }
}

/** fflate's raw DEFLATE at level 1, the level of its own ZIP entries (node-codecs.ts says why 1). */
const deflateRaw = async (bytes: Uint8Array): Promise<Uint8Array> => deflateSync(bytes, { level: 1 });

const CHECK_INPUT = new TextEncoder().encode('123456789');
/** The standard check values of CRC-32 (ISO-HDLC, ZIP's) and SHA-256 for "123456789". */
const CRC32_CHECK = 0xcbf43926;
const SHA256_CHECK = '15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225';

/**
 * Hashers on one WASM instance per algorithm (making an instance is asynchronous, so there is one of
 * each, made up front). Entries are hashed one after another, but nothing here depends on it: a
 * hasher that finds another's state in the instance saves that state and loads its own with
 * hash-wasm's own `save`/`load`, so interleaved hashers stay correct.
 */
class SharedInstance {
  private holder: WasmHasher | undefined;
  constructor(readonly wasm: IHasher) {}

  /** Puts `hasher`'s state in the instance, keeping the state of the hasher that was there. */
  take(hasher: WasmHasher): void {
    if (this.holder === hasher) return;
    if (this.holder) this.holder.saved = this.wasm.save();
    if (hasher.saved) this.wasm.load(hasher.saved);
    else this.wasm.init();
    this.holder = hasher;
  }

  release(hasher: WasmHasher): void {
    if (this.holder === hasher) this.holder = undefined;
  }
}

class WasmHasher {
  saved: Uint8Array | undefined;
  private finished = false;
  constructor(private readonly shared: SharedInstance) {}

  update(bytes: Uint8Array): this {
    this.use();
    this.shared.wasm.update(bytes);
    return this;
  }

  digest(): Uint8Array {
    this.use();
    this.finished = true;
    const digest = this.shared.wasm.digest('binary');
    this.shared.release(this);
    return digest;
  }

  private use(): void {
    // As @noble/hashes: a digested hasher is spent.
    if (this.finished) throw new Error('digest() was already called');
    this.shared.take(this);
  }
}

function sharedSha256(instance: IHasher): Sha256Factory {
  const shared = new SharedInstance(instance);
  return (): Sha256Hasher => new WasmHasher(shared);
}

/** hash-wasm's CRC-32 digest is the value big-endian; ZIP wants the number. */
function sharedCrc32(instance: IHasher): ZipCodecs['crc32'] {
  const shared = new SharedInstance(instance);
  return (): Crc32Hasher => {
    const hasher = new WasmHasher(shared);
    return {
      update: (bytes) => void hasher.update(bytes),
      digest: () => {
        const d = hasher.digest();
        return ((d[0]! << 24) | (d[1]! << 16) | (d[2]! << 8) | d[3]!) >>> 0;
      },
    };
  };
}

function passesCheck(sha256: Sha256Factory, crc32: ZipCodecs['crc32']): boolean {
  const sha = sha256();
  sha.update(CHECK_INPUT);
  const whole = crc32();
  whole.update(CHECK_INPUT);
  const split = crc32();
  split.update(CHECK_INPUT.subarray(0, 4));
  split.update(CHECK_INPUT.subarray(4));
  return bytesToHex(sha.digest()) === SHA256_CHECK && whole.digest() === CRC32_CHECK && split.digest() === CRC32_CHECK;
}
