import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExclusive } from '../node/node-files';
import { bundleFileAt, tempFileStage } from '../node/staged-file';
import { createCryptoService, type CryptoService } from './crypto-service';
import { UNSEAL_PROGRESS_BYTES, UNSEAL_PROGRESS_MS, type CryptoProgress, type CryptoResponse } from './protocol';
import { pacedProgress } from './unsealed-stages';

/**
 * The utility process's logic for real, without Electron: real files, real stages, and the real `age`
 * binary on the other side (typage runs on noble here; the built utility redirects it to node:crypto).
 */
let dir: string;
let identity: string;
let recipient: string;
let service: CryptoService;
const stagesMade: string[] = [];
let nextId = 1;
const p = (name: string) => join(dir, name);
const session = (n: number) => n.toString(16).padStart(32, '0');

async function call(request: Record<string, unknown>): Promise<CryptoResponse> {
  const id = nextId++;
  const response = await service.handle({ id, ...request });
  expect(response?.id).toBe(id);
  return response!;
}

/** A ZIP-sized plaintext that crosses several 64 KiB STREAM chunks and a 4 MiB write batch. */
const plaintext = Uint8Array.from({ length: 5 * 1024 * 1024 + 12_345 }, (_, i) => (i * 7919) % 251);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigia-utility-'));
  identity = await generateX25519Identity();
  recipient = await identityToRecipient(identity);
  writeFileSync(p('station.key'), `${identity}\n`, { mode: 0o600 });
  writeFileSync(p('case.zip'), plaintext);
  service = createCryptoService({
    createExclusive,
    openBundleFile: bundleFileAt,
    stage: async (size) => {
      const sink = await tempFileStage(size);
      stagesMade.push(sink.path);
      return sink;
    },
  });
});

afterAll(async () => {
  await service.closeAll();
  rmSync(dir, { recursive: true, force: true });
});

function age(args: string[]): void {
  const result = spawnSync('age', args, { cwd: dir, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

async function seal(name: string, id: string, encryption: Record<string, unknown>, commit = true): Promise<void> {
  expect(await call({ op: 'seal-open', session: id, path: p(name), encryption })).toEqual({ id: nextId - 1, ok: true, value: null });
  for (let at = 0; at < plaintext.length; at += 1024 * 1024) {
    expect((await call({ op: 'seal-write', session: id, bytes: plaintext.slice(at, at + 1024 * 1024) })).ok).toBe(true);
  }
  if (commit) expect((await call({ op: 'seal-finish', session: id })).ok).toBe(true);
  expect((await call({ op: 'seal-close', session: id })).ok).toBe(true);
}

async function unsealAll(id: string, path: string, key: Record<string, unknown>): Promise<Uint8Array> {
  const opened = await call({ op: 'unseal', session: id, path, key });
  if (!opened.ok || !opened.value || opened.value instanceof Uint8Array) throw new Error(JSON.stringify(opened));
  const out = new Uint8Array(opened.value.size);
  for (let at = 0; at < out.length; at += 8 * 1024 * 1024) {
    const read = await call({ op: 'stage-read', session: id, offset: at, length: Math.min(8 * 1024 * 1024, out.length - at) });
    if (!read.ok || !(read.value instanceof Uint8Array)) throw new Error('read failed');
    out.set(read.value, at);
  }
  return out;
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

describe('the bundle-crypto utility process', () => {
  it('seals plaintext chunks into an owner-only age file that `age -d` opens', async () => {
    await seal('sealed.vigia', session(1), { mode: 'recipients', recipients: [recipient] });
    expect(statSync(p('sealed.vigia')).mode & 0o777).toBe(0o600);
    age(['-d', '-i', p('station.key'), '-o', p('sealed.zip'), p('sealed.vigia')]);
    expect(same(readFileSync(p('sealed.zip')), plaintext)).toBe(true);
  }, 60_000);

  it('unseals what `age -e` made into a stage read by ranges, deleted on close', async () => {
    age(['-e', '-r', recipient, '-o', p('by-age.vigia'), p('case.zip')]);
    const id = session(2);
    expect(same(await unsealAll(id, p('by-age.vigia'), { identity }), plaintext)).toBe(true);
    const stage = stagesMade.at(-1)!;
    expect(statSync(stage).mode & 0o777).toBe(0o600);
    // A read past the end is refused; one ending past it is short.
    expect(await call({ op: 'stage-read', session: id, offset: plaintext.length + 1, length: 1 })).toMatchObject({ ok: false, error: 'invalid_argument' });
    const tail = await call({ op: 'stage-read', session: id, offset: plaintext.length - 3, length: 10 });
    expect(tail.ok && tail.value instanceof Uint8Array && tail.value.length).toBe(3);
    expect((await call({ op: 'stage-close', session: id })).ok).toBe(true);
    expect(existsSync(stage)).toBe(false);
    expect(await call({ op: 'stage-read', session: id, offset: 0, length: 1 })).toMatchObject({ ok: false, error: 'invalid_argument' });
  }, 60_000);

  it('round-trips a passphrase seal, scrypt and all, and refuses the wrong passphrase', async () => {
    await seal('by-passphrase.vigia', session(3), { mode: 'passphrase', passphrase: 'correcto caballo', workFactor: 10 });
    expect(same(await unsealAll(session(4), p('by-passphrase.vigia'), { passphrase: 'correcto caballo' }), plaintext)).toBe(true);
    await call({ op: 'stage-close', session: session(4) });
    expect(await call({ op: 'unseal', session: session(5), path: p('by-passphrase.vigia'), key: { passphrase: 'otra cosa' } })).toMatchObject({
      ok: false,
      refused: { code: 'wrong_passphrase' },
    });
    expect(await call({ op: 'unseal', session: session(5), path: p('by-passphrase.vigia'), key: { identity } })).toMatchObject({
      ok: false,
      refused: { code: 'needs_passphrase' },
    });
  }, 60_000);

  it('refuses a truncated file as damaged and leaves no stage behind', async () => {
    const whole = readFileSync(p('by-age.vigia'));
    writeFileSync(p('truncated.vigia'), whole.subarray(0, whole.length - 100_000));
    const before = stagesMade.length;
    expect(await call({ op: 'unseal', session: session(6), path: p('truncated.vigia'), key: { identity } })).toMatchObject({
      ok: false,
      refused: { code: 'bundle_damaged' },
    });
    expect(stagesMade.length).toBe(before + 1);
    expect(existsSync(stagesMade.at(-1)!)).toBe(false);
    expect(await call({ op: 'stage-read', session: session(6), offset: 0, length: 1 })).toMatchObject({ ok: false, error: 'invalid_argument' });
  }, 60_000);

  it('says what is wrong with the key or the file, as the worker would', async () => {
    const other = await generateX25519Identity();
    expect(await call({ op: 'unseal', session: session(7), path: p('by-age.vigia'), key: { identity: other } })).toMatchObject({
      ok: false,
      refused: { code: 'not_for_you' },
    });
    expect(await call({ op: 'unseal', session: session(7), path: p('case.zip'), key: { identity } })).toMatchObject({
      ok: false,
      refused: { code: 'not_an_age_file' },
    });
  });

  it('refuses bad recipients before any file exists, and anything off-protocol', async () => {
    const refused = await call({ op: 'seal-open', session: session(8), path: p('never.vigia'), encryption: { mode: 'recipients', recipients: ['age1' + 'q'.repeat(58)] } });
    expect(refused).toMatchObject({ ok: false, error: 'invalid_argument' });
    expect(existsSync(p('never.vigia'))).toBe(false);
    expect(await call({ op: 'seal-write', session: session(9), bytes: new Uint8Array(1) })).toMatchObject({ ok: false, error: 'invalid_argument' });
    expect(await call({ op: 'delete-everything', session: session(9) })).toMatchObject({ ok: false, error: 'invalid_argument' });
    expect(await call({ op: 'stage-read', session: 'not-hex', offset: 0, length: 1 })).toMatchObject({ ok: false, error: 'invalid_argument' });
    expect(await service.handle({ op: 'seal-finish' })).toBeUndefined();
  });

  it('an abandoned seal closes its file without finishing the age stream', async () => {
    await seal('abandoned.vigia', session(10), { mode: 'recipients', recipients: [recipient] }, false);
    const result = spawnSync('age', ['-d', '-i', p('station.key'), '-o', p('abandoned.zip'), p('abandoned.vigia')], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/truncated|unexpected|failed/i);
  }, 60_000);

  it('reports an unseal’s progress before its answer: paced, only growing, ending at the file’s size', async () => {
    // 21 MiB of ciphertext read 1 MiB at a time: enough for several reports at 4 MiB apart.
    const big = Uint8Array.from({ length: 21 * 1024 * 1024 }, (_, i) => (i * 31) % 253);
    writeFileSync(p('big.zip'), big);
    age(['-e', '-r', recipient, '-o', p('big.vigia'), p('big.zip')]);
    const size = statSync(p('big.vigia')).size;
    for (const step of [1000, 30]) {
      // A clock that moves `step` ms each time it is read: first bytes bind the pace, then time does.
      let clock = 0;
      const paced = createCryptoService({ createExclusive, openBundleFile: bundleFileAt, stage: tempFileStage, now: () => (clock += step) });
      const seen: Array<CryptoProgress & { at: number; answered: boolean }> = [];
      let answered = false;
      const answer = await paced.handle({ id: 7, op: 'unseal', session: session(20), path: p('big.vigia'), key: { identity } }, (progress) =>
        seen.push({ ...progress, at: clock, answered }),
      );
      answered = true;
      expect(answer).toMatchObject({ id: 7, ok: true, value: { size: big.length } });
      expect(seen.length).toBeGreaterThan(1);
      expect(seen.length).toBeLessThanOrEqual(Math.ceil(size / UNSEAL_PROGRESS_BYTES) + 1);
      expect(seen.every((m) => m.id === 7 && m.progress.total === size && !m.answered)).toBe(true);
      expect(seen.at(-1)!.progress.done).toBe(size);
      for (let i = 1; i < seen.length; i++) {
        const gap = seen[i]!.progress.done - seen[i - 1]!.progress.done;
        expect(gap).toBeGreaterThan(0);
        if (i < seen.length - 1) {
          expect(gap).toBeGreaterThanOrEqual(UNSEAL_PROGRESS_BYTES);
          expect(seen[i]!.at - seen[i - 1]!.at).toBeGreaterThanOrEqual(UNSEAL_PROGRESS_MS);
        }
      }
      await paced.closeAll();
    }
  }, 120_000);

  it('sends no progress for a ping, nor for an unseal refused at the header', async () => {
    const seen: CryptoProgress[] = [];
    expect(await service.handle({ id: 900, op: 'ping' }, (progress) => seen.push(progress))).toEqual({ id: 900, ok: true, value: null });
    const other = await generateX25519Identity();
    expect(await service.handle({ id: 901, op: 'unseal', session: session(21), path: p('by-age.vigia'), key: { identity: other } }, (progress) => seen.push(progress))).toMatchObject({
      refused: { code: 'not_for_you' },
    });
    expect(seen).toEqual([]);
  });
});

describe('pacedProgress', () => {
  it('keeps a 1 GiB unseal read in 64 KiB chunks to a few hundred reports, growing and within the size', () => {
    const total = 1024 * 1024 * 1024;
    const reports: Array<{ done: number; total: number }> = [];
    let clock = 0;
    const report = pacedProgress(total, (progress) => reports.push(progress), () => (clock += 1));
    for (let done = 64 * 1024; done <= total; done += 64 * 1024) report(done);
    // A file that grew under us, and a stray smaller count: neither passes the size nor goes back.
    report(total + 5);
    report(10);
    expect(reports.length).toBeLessThanOrEqual(total / UNSEAL_PROGRESS_BYTES + 1);
    expect(reports.length).toBeGreaterThan(10);
    expect(reports.every((r, i) => r.total === total && r.done <= total && (i === 0 || r.done > reports[i - 1]!.done))).toBe(true);
    expect(reports.at(-1)).toEqual({ done: total, total });
  });

  it('at most ten reports a second when the bytes come fast', () => {
    const total = 1024 * 1024 * 1024;
    const reports: number[] = [];
    let clock = 0;
    // 1 GiB in one simulated second, 8 MiB per millisecond-ish step.
    const report = pacedProgress(total, () => reports.push(clock), () => clock);
    for (let done = 8 * 1024 * 1024; done <= total; done += 8 * 1024 * 1024) {
      clock += 1000 / 128;
      report(done);
    }
    expect(reports.length).toBeLessThanOrEqual(1000 / UNSEAL_PROGRESS_MS + 1);
    expect(reports.length).toBeGreaterThanOrEqual(5);
  });
});
