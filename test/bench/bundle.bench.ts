/**
 * Bundle export and import of the 10k-person demo case plus 256 MiB of attachments, against the `age`
 * CLI encrypting the same plaintext ZIP, in the same run. Reports medians, throughput (plaintext MiB/s)
 * and peak memory (VmHWM of a child process that does only that one thing).
 *
 * export = writeBundleStream (records → NDJSON, ZIP, sign, age-encrypt) streamed to a file, with the
 *          attachments read from files in 1 MiB chunks;
 * import = openBundle streaming the file through decryption into a 0600 temporary file (as the CLI
 *          does), then the ZIP through its central directory, signature, hashes, every record, and
 *          planMerge into an empty case (the preview).
 * Both use Node's SHA-256, as the CLI and the desktop app do. Each runs once per AEAD variant: typage as
 * published (noble's pure-JS ChaCha20-Poly1305, what a browser without WebAssembly gets), and typage
 * with that one primitive swapped for libsodium's WASM (the renderer's bundle worker) or node:crypto's
 * (the CLI); typage does the STREAM chunking and nonces in all three.
 *
 * `npm run bench -- bundle`, or `node --import tsx test/bench/bundle.bench.ts`.
 * VIGIA_BENCH_BUNDLE_PEOPLE (10000), VIGIA_BENCH_BUNDLE_ATTACHMENT_MIB (256), VIGIA_BENCH_BUNDLE_RUNS (3),
 * VIGIA_BENCH_BUNDLE_VARIANTS (all: noble,wasm,node; e.g. `node` for the CLI's alone).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Decrypter } from 'age-encryption';
import { encryptStream } from '../../shared/bundle/age-layer';
import { openBundle } from '../../shared/bundle/read';
import type { Sha256Factory, Sha256Whole } from '../../shared/bundle/hashing';
import { writeBundleStream, type AttachmentSource } from '../../shared/bundle/write';
import type { ZipCodecs, ZipWriteCodecs } from '../../shared/bundle/zip-codecs';
import { nodeBundleCodecs, nodeIo, nodeSha256 } from '../../electron/cli/commands/cli-io';
import { bundleFileAt, tempFileStage } from '../../electron/node/staged-file';
import { generateDemoCase } from '../../shared/demo';
import { generateAnalystIdentity } from '../../shared/identity/analyst-identity';
import { formatKeyfile, parseKeyfile } from '../../shared/identity/keyfile';
import { localRecordsOf, planMerge } from '../../shared/merge/plan';
import { emptySnapshot, type CaseSnapshot } from '../../shared/model/tables';
import { benchAttachment, seededBytes } from './bench-attachments';

const PEOPLE = Number(process.env.VIGIA_BENCH_BUNDLE_PEOPLE ?? 10_000);
const ATTACHMENT_MIB = Number(process.env.VIGIA_BENCH_BUNDLE_ATTACHMENT_MIB ?? 256);
const RUNS = Number(process.env.VIGIA_BENCH_BUNDLE_RUNS ?? 3);
const ATTACHMENT_FILE_MIB = 16;
const TODAY = '2025-06-01';
const MiB = 1024 * 1024;
const self = fileURLToPath(import.meta.url);

/** typage's ChaCha20-Poly1305 as each runtime gets it; `register` is the --import that swaps it in. */
const AEAD_VARIANTS = [
  { id: 'noble', label: 'typage pure JS (browser fallback)', register: [] },
  { id: 'wasm', label: 'libsodium WASM (renderer worker: browser mode and desktop)', register: ['--import', fileURLToPath(new URL('./register-wasm-aead.mjs', import.meta.url))] },
  { id: 'node', label: 'Node crypto (CLI / desktop utility process)', register: ['--import', fileURLToPath(new URL('../../electron/crypto/register-node-aead.mjs', import.meta.url))] },
] as const;
type AeadVariant = (typeof AEAD_VARIANTS)[number]['id'];
const MEASURED = AEAD_VARIANTS.filter((v) => (process.env.VIGIA_BENCH_BUNDLE_VARIANTS ?? 'noble,wasm,node').split(',').includes(v.id));

/** Loads the variant's cipher before the clock starts, as the bundle worker does before any job. */
async function prepareAead(variant: AeadVariant): Promise<void> {
  if (variant !== 'wasm') return;
  const { wasmAeadReady } = await import('../../renderer/workers/wasm-aead');
  if ((await wasmAeadReady()) !== 'libsodium-wasm') throw new Error('libsodium did not load');
}

/** Fails the run unless typage's calls really went to the variant's cipher. */
async function checkAead(variant: AeadVariant): Promise<void> {
  const made =
    variant === 'wasm'
      ? (await import('../../renderer/workers/wasm-aead')).wasmAeadStatus().ciphersMade
      : variant === 'node'
        ? (await import('../../electron/crypto/node-aead')).nodeAeadCiphersMade()
        : 1;
  if (made === 0) throw new Error(`the ${variant} AEAD was not used: the redirect is not active`);
}

/**
 * The age layer alone — typage's STREAM with the variant's AEAD — on the plaintext ZIP, file to file
 * in 1 MiB reads, exactly what `age -r` / `age -d` are timed doing: what the AEAD swap changes.
 */
async function ageLayerPhase(phase: 'encrypt' | 'decrypt', setup: Setup, plaintextZip: string): Promise<PhaseResult> {
  const identity = await parseKeyfile(readFileSync(setup.keyfile, 'utf8'));
  if (!identity.ok) throw new Error(identity.code);
  const ours = `${plaintextZip}.ours.age`;
  const start = performance.now();
  const input = Readable.toWeb(createReadStream(phase === 'encrypt' ? plaintextZip : ours, { highWaterMark: MiB })) as ReadableStream<Uint8Array>;
  let output: ReadableStream<Uint8Array>;
  if (phase === 'encrypt') output = await encryptStream(input, { mode: 'recipients', recipients: [identity.identity.ageRecipient] });
  else {
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity.identity.ageIdentity);
    output = await decrypter.decrypt(input);
  }
  const file = await open(phase === 'encrypt' ? ours : `${plaintextZip}.ours.zip`, 'w');
  // Written 1 MiB at a time, as age's buffered writer does, not one system call per 64 KiB chunk.
  let batch: Uint8Array[] = [];
  let batched = 0;
  const reader = output.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (!done) {
      batch.push(value);
      batched += value.length;
    }
    if (batched >= MiB || (done && batched > 0)) {
      await file.writev(batch);
      batch = [];
      batched = 0;
    }
    if (done) break;
  }
  await file.close();
  return { ms: performance.now() - start, peakKiB: peakKiB() };
}

interface Setup {
  dir: string;
  keyfile: string;
  attachments: Array<{ sha256: string; size: number; file: string }>;
}

interface PhaseResult {
  ms: number;
  peakKiB: number;
}

function peakKiB(pid: number | 'self' = 'self'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

function caseWithAttachments(setup: Setup): CaseSnapshot {
  const snapshot = generateDemoCase({ size: PEOPLE, today: TODAY, seed: 1 });
  const records = setup.attachments.map((a, i) => benchAttachment(snapshot, i, a));
  return { ...snapshot, attachments: [...snapshot.attachments, ...records] };
}

/**
 * What each variant's runtime hashes and (de)compresses with: the Node variant is the CLI (and the
 * desktop app's utility process, which takes the same set): SHA-256, CRC-32, deflate and inflate
 * native. The WASM variant is the renderer's bundle worker: hash-wasm's CRC-32 and SHA-256 with
 * WebCrypto's one-shot digest for record files and attachments up to 16 MiB, fflate's deflate and
 * inflate, reading with the SHA-256s alone (renderer/workers/wasm-codecs.ts, as
 * bundle-jobs.ts passes them). The pure-JS variant keeps fflate with Node's SHA-256, as before: the
 * control that shows how the machine's load moved between runs.
 */
async function writingCodecs(variant: AeadVariant): Promise<{ sha256: Sha256Factory; sha256Whole?: Sha256Whole; zip?: ZipWriteCodecs }> {
  if (variant === 'node') return nodeBundleCodecs;
  if (variant === 'noble') return { sha256: nodeSha256 };
  const codecs = await (await import('../../renderer/workers/wasm-codecs')).wasmCodecsReady();
  if (!codecs) throw new Error('hash-wasm did not load');
  return codecs;
}

async function readingCodecs(variant: AeadVariant): Promise<{ sha256: Sha256Factory; sha256Whole?: Sha256Whole; zip?: ZipCodecs }> {
  if (variant === 'node') return nodeBundleCodecs;
  const { sha256, sha256Whole } = await writingCodecs(variant);
  return sha256Whole ? { sha256, sha256Whole } : { sha256 };
}

async function exportPhase(setup: Setup, out: string, variant: AeadVariant): Promise<PhaseResult> {
  const identity = await parseKeyfile(readFileSync(setup.keyfile, 'utf8'));
  if (!identity.ok) throw new Error(identity.code);
  const snapshot = caseWithAttachments(setup);
  const files = new Map(setup.attachments.map((a) => [a.sha256, a.file]));
  const attachments: AttachmentSource = {
    has: (sha) => files.has(sha),
    chunks: (sha) => createReadStream(files.get(sha)!, { highWaterMark: MiB }),
  };
  const codecs = await writingCodecs(variant);
  const start = performance.now();
  const { stream } = await writeBundleStream(
    { snapshot, audit: [], attachments },
    { sender: identity.identity, encryption: { mode: 'recipients', recipients: [identity.identity.ageRecipient] }, scope: 'case', marking: 'RESERVADO', now: new Date(), ...codecs },
  );
  // As the CLI writes it: 1 MiB batches to FILE.partial, renamed at the end.
  await nodeIo.writeStream(out, stream);
  return { ms: performance.now() - start, peakKiB: peakKiB() };
}

async function importPhase(setup: Setup, bundle: string, variant: AeadVariant): Promise<PhaseResult> {
  const identity = await parseKeyfile(readFileSync(setup.keyfile, 'utf8'));
  if (!identity.ok) throw new Error(identity.code);
  const codecs = await readingCodecs(variant);
  const start = performance.now();
  // As the CLI does: the file read in chunks as it decrypts, the plaintext staged in a 0600 temporary file.
  const opened = await openBundle(await bundleFileAt(bundle), {
    key: { identity: identity.identity.ageIdentity },
    trustedSigningKeys: [identity.identity.signingKey],
    ...codecs,
    stage: tempFileStage,
  });
  if (!opened.ok) throw new Error(opened.error.code);
  const plan = planMerge(localRecordsOf(emptySnapshot()), opened.value.snapshot);
  await opened.value.plaintext.discard();
  if (plan.new.length === 0) throw new Error('nothing_staged');
  return { ms: performance.now() - start, peakKiB: peakKiB() };
}

/** Each measurement in its own process, so VmHWM is that phase's peak and nothing else's. */
function runChild(phase: string, setupFile: string, target: string, variant: AeadVariant = 'noble'): Promise<PhaseResult> {
  const register = AEAD_VARIANTS.find((v) => v.id === variant)!.register;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...register, '--import', 'tsx', self, phase, setupFile, target, variant], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as PhaseResult) : reject(new Error(`${phase} exited ${code}`))));
  });
}

/** `age` itself, polled for its VmHWM until it exits. */
async function runAge(args: string[]): Promise<PhaseResult> {
  const start = performance.now();
  const child = spawn('age', args, { stdio: 'ignore' });
  let peak = 0;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, peakKiB(child.pid!));
    } catch {
      // exited between polls
    }
  }, 20);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`age exited ${code}`);
  return { ms: performance.now() - start, peakKiB: peak };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const [phase, setupFile, target, variant = 'noble'] = process.argv.slice(2) as [string?, string?, string?, AeadVariant?];
  if (phase === 'encrypt' || phase === 'decrypt') {
    const setup = JSON.parse(readFileSync(setupFile!, 'utf8')) as Setup;
    await prepareAead(variant);
    const result = await ageLayerPhase(phase, setup, target!);
    await checkAead(variant);
    process.stdout.write(JSON.stringify(result));
    return;
  }
  if (phase === 'export' || phase === 'import' || phase === 'idle') {
    const setup = JSON.parse(readFileSync(setupFile!, 'utf8')) as Setup;
    if (phase === 'idle') {
      caseWithAttachments(setup);
      process.stdout.write(JSON.stringify({ ms: 0, peakKiB: peakKiB() }));
      return;
    }
    await prepareAead(variant);
    const result = phase === 'export' ? await exportPhase(setup, target!, variant) : await importPhase(setup, target!, variant);
    await checkAead(variant);
    process.stdout.write(JSON.stringify(result));
    return;
  }

  const dir = mkdtempSync(join(tmpdir(), 'vigia-bundle-bench-'));
  try {
    const identity = await generateAnalystIdentity('Bench');
    const keyfile = join(dir, 'bench.key');
    writeFileSync(keyfile, formatKeyfile(identity, new Date()));
    const count = Math.max(1, Math.round(ATTACHMENT_MIB / ATTACHMENT_FILE_MIB));
    const attachments: Setup['attachments'] = [];
    for (let i = 0; i < count; i++) {
      const bytes = seededBytes(Math.round((ATTACHMENT_MIB * MiB) / count / 4) * 4, i + 1);
      const file = join(dir, `attachment-${i}`);
      writeFileSync(file, bytes);
      attachments.push({ sha256: bytesToHex(sha256(bytes)), size: bytes.length, file });
    }
    const setupFile = join(dir, 'setup.json');
    writeFileSync(setupFile, JSON.stringify({ dir, keyfile, attachments } satisfies Setup));
    const bundle = join(dir, 'case.vigia');
    const plaintext = join(dir, 'case.zip');
    const reencrypted = join(dir, 'case.age');

    const idle = await runChild('idle', setupFile, '');
    const byVariant = new Map(
      AEAD_VARIANTS.map((v) => [v.id, { exports: [] as PhaseResult[], imports: [] as PhaseResult[], encrypts: [] as PhaseResult[], decrypts: [] as PhaseResult[] }]),
    );
    const ageEncrypt: PhaseResult[] = [];
    const ageDecrypt: PhaseResult[] = [];
    // One warm-up of each (page cache, JIT), not counted.
    await runChild('export', setupFile, bundle);
    const decrypted = spawnSync('age', ['-d', '-i', keyfile, '-o', plaintext, bundle]);
    if (decrypted.status !== 0) throw new Error('age could not decrypt the bundle');
    await runAge(['-r', identity.ageRecipient, '-o', reencrypted, plaintext]);
    for (let run = 0; run < RUNS; run++) {
      for (const { id } of MEASURED) {
        byVariant.get(id)!.exports.push(await runChild('export', setupFile, bundle, id));
        byVariant.get(id)!.imports.push(await runChild('import', setupFile, bundle, id));
        byVariant.get(id)!.encrypts.push(await runChild('encrypt', setupFile, plaintext, id));
        byVariant.get(id)!.decrypts.push(await runChild('decrypt', setupFile, plaintext, id));
      }
      ageEncrypt.push(await runAge(['-r', identity.ageRecipient, '-o', reencrypted, plaintext]));
      ageDecrypt.push(await runAge(['-d', '-i', keyfile, '-o', plaintext, reencrypted]));
    }

    const plainMiB = statSync(plaintext).size / MiB;
    const rate = (results: PhaseResult[]) => plainMiB / (median(results.map((r) => r.ms)) / 1000);
    const line = (label: string, results: PhaseResult[], baseline: PhaseResult[]) =>
      `  ${label.padEnd(8)} ours ${secs(median(results.map((r) => r.ms)))} (${rate(results).toFixed(0)} MiB/s, peak ${mib(Math.max(...results.map((r) => r.peakKiB)))})` +
      `   age ${secs(median(baseline.map((r) => r.ms)))} (${rate(baseline).toFixed(0)} MiB/s, peak ${mib(Math.max(...baseline.map((r) => r.peakKiB)))})` +
      `   ratio ${(rate(results) / rate(baseline)).toFixed(2)}× age`;
    console.log(
      `bundle, demo case of ${PEOPLE.toLocaleString('en')} people + ${count} attachments (${ATTACHMENT_MIB} MiB), plaintext ZIP ${plainMiB.toFixed(0)} MiB, bundle ${(statSync(bundle).size / MiB).toFixed(0)} MiB, medians of ${RUNS} runs`,
    );
    for (const { id, label } of MEASURED) {
      console.log(`  ${label}`);
      console.log(line('export', byVariant.get(id)!.exports, ageEncrypt));
      console.log(line('import', byVariant.get(id)!.imports, ageDecrypt));
      console.log(line('encrypt', byVariant.get(id)!.encrypts, ageEncrypt));
      console.log(line('decrypt', byVariant.get(id)!.decrypts, ageDecrypt));
    }
    console.log('  (encrypt / decrypt: the age layer alone on the plaintext ZIP, what the AEAD swap changes)');
    console.log(`  (peaks are VmHWM of one process per run; generating the case alone peaks at ${mib(idle.peakKiB)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
