import { argon2id } from 'hash-wasm';
import { passphraseBytes } from './passphrase';
import { randomBytes } from './random';

/**
 * The passphrase key: Argon2id (RFC 9106) through hash-wasm (WebAssembly, the same code in the
 * renderer, workers and Node). The parameters travel with the wrapped key they protect, so they can be
 * raised later: a vault made with weaker ones still unlocks, and `isBelowCost` tells the caller to
 * re-wrap with today's parameters once it has the passphrase.
 */
export interface Argon2idParams {
  readonly algorithm: 'argon2id';
  /** Argon2 version 1.3 (0x13), the only one hash-wasm computes. */
  readonly version: 19;
  /** Memory in KiB (hash-wasm's `memorySize`). */
  readonly memoryKiB: number;
  /** Passes over the memory (hash-wasm's `iterations`). */
  readonly iterations: number;
  /** One lane: the renderer runs Argon2 on one thread, so more lanes would only cost time here. */
  readonly parallelism: 1;
  /** 16 random bytes, new for every wrap (a passphrase change gets a new one). */
  readonly salt: Uint8Array;
}

export interface KdfCost {
  readonly memoryKiB: number;
  readonly iterations: number;
}

/**
 * 96 MiB and 3 passes. Measured with hash-wasm 4.13 on Node 20 on this project's 2 shared cores
 * (median of 5, load ≈ 1.5): 64 MiB × 3 took 390 ms, 64 MiB × 4 460 ms, 96 MiB × 3 585 ms,
 * 128 MiB × 3 855 ms. The aim is an unlock of 0.5–1 s; memory is the cost that hurts an attacker's
 * GPUs most, so it was raised rather than the passes. Re-measure on the workstations before release.
 */
export const VAULT_KDF_COST: KdfCost = { memoryKiB: 96 * 1024, iterations: 3 };

export const SALT_BYTES = 16;
export const DERIVED_KEY_BYTES = 32;

/**
 * What a stored header may ask for. The floor is Argon2's own minimum (8 KiB per lane), so tests can
 * use small parameters; the ceilings keep a damaged or hostile header from asking the renderer for
 * gigabytes or minutes.
 */
export const KDF_LIMITS = {
  memoryKiB: { min: 8, max: 1024 * 1024 },
  iterations: { min: 1, max: 64 },
} as const;

export class KdfParamsError extends Error {
  constructor(readonly reason: 'algorithm' | 'memory' | 'iterations' | 'parallelism' | 'salt') {
    super(`vault_kdf_params_${reason}`);
    this.name = 'KdfParamsError';
  }
}

/** Parameters for a new wrap: today's cost (or the one given) and a fresh salt. */
export function newKdfParams(cost: KdfCost = VAULT_KDF_COST): Argon2idParams {
  return checkKdfParams({ algorithm: 'argon2id', version: 19, ...cost, parallelism: 1, salt: randomBytes(SALT_BYTES) });
}

/** Checks parameters read back from storage before any work is done with them. */
export function checkKdfParams(value: Argon2idParams): Argon2idParams {
  if (value.algorithm !== 'argon2id' || value.version !== 19) throw new KdfParamsError('algorithm');
  if (!inRange(value.memoryKiB, KDF_LIMITS.memoryKiB)) throw new KdfParamsError('memory');
  if (!inRange(value.iterations, KDF_LIMITS.iterations)) throw new KdfParamsError('iterations');
  if (value.parallelism !== 1) throw new KdfParamsError('parallelism');
  if (!(value.salt instanceof Uint8Array) || value.salt.length !== SALT_BYTES) throw new KdfParamsError('salt');
  return value;
}

/** True when these parameters cost less than `cost`: re-wrap with new ones at the next unlock. */
export function isBelowCost(params: Argon2idParams, cost: KdfCost = VAULT_KDF_COST): boolean {
  return params.memoryKiB < cost.memoryKiB || params.iterations < cost.iterations;
}

/** The 32-byte passphrase key. The passphrase is normalised here, so every caller derives from the same bytes. */
export async function derivePassphraseKey(passphrase: string, params: Argon2idParams): Promise<Uint8Array> {
  return argon2idRaw(passphraseBytes(passphrase), checkKdfParams(params));
}

/** Argon2id of exact bytes; exported for the known-answer tests, which use ASCII vectors. */
export async function argon2idRaw(password: Uint8Array, params: Argon2idParams): Promise<Uint8Array> {
  return argon2id({
    password,
    salt: params.salt,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    parallelism: params.parallelism,
    hashLength: DERIVED_KEY_BYTES,
    outputType: 'binary',
  });
}

function inRange(value: number, { min, max }: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
