import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, isUnsealProgressEvent } from '../../../shared/ipc/contract';
import { createExclusive, openForReading } from '../../node/node-files';
import { bundleFileAt, tempFileStage } from '../../node/staged-file';
import { createCryptoService } from '../../utility/crypto-service';
import { createBundleCryptoClient } from './bundle-crypto-client';
import { createLargeFiles } from './large-files';
import { dispatch } from './dispatch';
import { sealedHandlers } from './sealed-handlers';
import { createSealedFiles } from './sealed-files';

/**
 * Main's sealed files end to end without Electron: the real large-file machinery on real files, the
 * utility's logic behind a fake utility process (messages cloned as IPC would), and `age` itself.
 */
let dir: string;
let identity: string;
let recipient: string;
let stageFolders: string[];
let sealed: ReturnType<typeof createSealedFiles>;
let largeFiles: ReturnType<typeof createLargeFiles>;
let openPath = '';
const p = (name: string) => join(dir, name);
const ANA = 1;
const OTHER = 2;
const plaintext = Uint8Array.from({ length: 3 * 1024 * 1024 + 999 }, (_, i) => (i * 31) % 253);
let counter = 0;
const newId = () => (++counter).toString(16).padStart(32, '0');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigia-sealed-'));
  identity = await generateX25519Identity();
  recipient = await identityToRecipient(identity);
  writeFileSync(p('station.key'), `${identity}\n`);
  writeFileSync(p('case.zip'), plaintext);
  stageFolders = [];
  const service = createCryptoService({
    createExclusive,
    openBundleFile: bundleFileAt,
    stage: async (size) => {
      const sink = await tempFileStage(size);
      stageFolders.push(join(sink.path, '..'));
      return sink;
    },
  });
  const client = createBundleCryptoClient({
    spawn: () => {
      let listener: (message: unknown) => void = () => undefined;
      return {
        postMessage: (message) =>
          void service.handle(structuredClone(message), (progress) => listener(structuredClone(progress))).then((answer) => answer && listener(structuredClone(answer))),
        onMessage: (l) => void (listener = l),
        onExit: () => undefined,
        kill: () => undefined,
      };
    },
    removeFolder: (folder) => rm(folder, { recursive: true, force: true }),
  });
  largeFiles = createLargeFiles({
    chooseOpenPath: async () => openPath,
    chooseSavePath: async (name) => p(name),
    openForReading,
    createExclusive,
    rename: (from, to) => rename(from, to),
    remove: (file) => rm(file, { force: true }),
    newHandle: newId,
  });
  sealed = createSealedFiles({ largeFiles, crypto: client, newSession: newId });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const partials = () => readdirSync(dir).filter((name) => name.endsWith('.partial'));

async function sealedSave(name: string, window = ANA) {
  const started = await sealed.startSave(window, { suggestedName: name, encryption: { mode: 'recipients', recipients: [recipient] } });
  if (!started.ok) throw new Error(started.error);
  const { handle } = started.value;
  for (let at = 0; at < plaintext.length; at += 1024 * 1024) {
    expect(await largeFiles.write(window, { handle, bytes: plaintext.slice(at, at + 1024 * 1024) })).toEqual({ ok: true, value: null });
  }
  return handle;
}

describe('sealed saves through the utility process', () => {
  it('become the chosen file on commit, an age file that `age -d` opens', async () => {
    const handle = await sealedSave('caso.vigia');
    expect(partials()).toHaveLength(1);
    expect(await largeFiles.finishSave(ANA, { handle, commit: true })).toEqual({ ok: true, value: { name: 'caso.vigia' } });
    expect(partials()).toEqual([]);
    const opened = spawnSync('age', ['-d', '-i', p('station.key'), '-o', p('caso.zip.out'), p('caso.vigia')], { encoding: 'utf8' });
    expect(opened.status, opened.stderr).toBe(0);
    expect(Buffer.compare(readFileSync(p('caso.zip.out')), plaintext)).toBe(0);
  }, 60_000);

  it('leave nothing behind when abandoned or when their window goes away', async () => {
    const aborted = await sealedSave('abortado.vigia');
    expect(await largeFiles.finishSave(ANA, { handle: aborted, commit: false })).toMatchObject({ ok: true });
    await sealedSave('ventana.vigia', OTHER);
    expect(partials()).toHaveLength(1);
    await largeFiles.releaseOwner(OTHER);
    expect(partials()).toEqual([]);
    expect(existsSync(p('abortado.vigia')) || existsSync(p('ventana.vigia'))).toBe(false);
  }, 60_000);
});

describe('unsealing an opened file through the utility process', () => {
  it('stages what `age -e` made and reads it by handle, for its window only, until closed', async () => {
    const made = spawnSync('age', ['-e', '-r', recipient, '-o', p('de-age.vigia'), p('case.zip')]);
    expect(made.status).toBe(0);
    openPath = p('de-age.vigia');
    const opened = await largeFiles.open(ANA, ['vigia']);
    if (!opened.ok) throw new Error(opened.error);
    const unsealed = await sealed.unseal(ANA, { handle: opened.value.handle, key: { identity } });
    if (!unsealed.ok || 'refused' in unsealed.value) throw new Error(JSON.stringify(unsealed));
    const { handle, size, name } = unsealed.value;
    expect({ size, name }).toEqual({ size: plaintext.length, name: 'de-age.vigia' });
    const read = await largeFiles.read(ANA, { handle, offset: 1000, length: 2 * 1024 * 1024 });
    expect(read.ok && Buffer.compare(read.value, plaintext.subarray(1000, 1000 + 2 * 1024 * 1024))).toBe(0);
    expect(await largeFiles.read(OTHER, { handle, offset: 0, length: 1 })).toEqual({ ok: false, error: 'invalid_argument' });
    expect(await sealed.unseal(OTHER, { handle: opened.value.handle, key: { identity } })).toEqual({ ok: false, error: 'invalid_argument' });
    const folder = stageFolders.at(-1)!;
    expect(existsSync(folder)).toBe(true);
    expect(await largeFiles.close(ANA, { handle })).toEqual({ ok: true, value: null });
    expect(existsSync(folder)).toBe(false);
    await largeFiles.close(ANA, { handle: opened.value.handle });
  }, 60_000);

  it('answers age’s refusals as the bundle’s errors, and deletes the stage of a window that goes away', async () => {
    const opened = await largeFiles.open(ANA, ['vigia']);
    if (!opened.ok) throw new Error(opened.error);
    const stranger = await generateX25519Identity();
    expect(await sealed.unseal(ANA, { handle: opened.value.handle, key: { identity: stranger } })).toEqual({
      ok: true,
      value: { refused: { code: 'not_for_you', recipients: [] } },
    });
    expect(await sealed.unseal(ANA, { handle: opened.value.handle, key: { passphrase: 'x' } })).toEqual({ ok: true, value: { refused: { code: 'needs_identity' } } });
    expect((await sealed.unseal(ANA, { handle: opened.value.handle, key: { identity } })).ok).toBe(true);
    const folder = stageFolders.at(-1)!;
    await largeFiles.releaseOwner(ANA);
    expect(existsSync(folder)).toBe(false);
  }, 60_000);

  it('refuses a truncated file as damaged and keeps no plaintext', async () => {
    writeFileSync(p('cortado.vigia'), readFileSync(p('de-age.vigia')).subarray(0, 2 * 1024 * 1024));
    openPath = p('cortado.vigia');
    const opened = await largeFiles.open(ANA, ['vigia']);
    if (!opened.ok) throw new Error(opened.error);
    expect(await sealed.unseal(ANA, { handle: opened.value.handle, key: { identity } })).toEqual({ ok: true, value: { refused: { code: 'bundle_damaged' } } });
    expect(existsSync(stageFolders.at(-1)!)).toBe(false);
  }, 60_000);
});

describe('an unseal’s progress', () => {
  it('reaches the window that asked, through its channel, naming the sealed file, growing to its size', async () => {
    writeFileSync(p('grande.zip'), Uint8Array.from({ length: 9 * 1024 * 1024 }, (_, i) => (i * 13) % 241));
    expect(spawnSync('age', ['-e', '-r', recipient, '-o', p('grande.vigia'), p('grande.zip')]).status).toBe(0);
    const size = statSync(p('grande.vigia')).size;
    openPath = p('grande.vigia');
    const opened = await largeFiles.open(ANA, ['vigia']);
    if (!opened.ok) throw new Error(opened.error);
    const told: Array<[string, unknown]> = [];
    const page = { senderFrame: { url: 'app://vigia/index.html' }, sender: { id: ANA, send: (channel: string, payload: unknown) => void told.push([channel, payload]) } };
    const unsealed = await dispatch(sealedHandlers(sealed), 'file:unseal', page, [{ handle: opened.value.handle, key: { identity } }]);
    expect(unsealed).toMatchObject({ ok: true, value: { size: 9 * 1024 * 1024 } });
    expect(told.length).toBeGreaterThan(0);
    expect(told.every(([channel, event]) => channel === EVENT_CHANNELS.unsealProgress && isUnsealProgressEvent(event) && event.handle === opened.value.handle && event.total === size)).toBe(true);
    const counts = told.map(([, event]) => (event as { done: number }).done);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(size);
    await largeFiles.releaseOwner(ANA);
  }, 60_000);

  it('a window that went away mid-unseal does not fail the call', async () => {
    openPath = p('grande.vigia');
    const opened = await largeFiles.open(ANA, ['vigia']);
    if (!opened.ok) throw new Error(opened.error);
    const gone = { senderFrame: { url: 'app://vigia/index.html' }, sender: { id: ANA, send: () => { throw new Error('Object has been destroyed'); } } };
    expect(await dispatch(sealedHandlers(sealed), 'file:unseal', gone, [{ handle: opened.value.handle, key: { identity } }])).toMatchObject({ ok: true, value: { size: 9 * 1024 * 1024 } });
    await largeFiles.releaseOwner(ANA);
  }, 60_000);
});

describe('without the utility process', () => {
  it('answers `unavailable` before any dialog, so the page encrypts in its worker instead', async () => {
    const asked: string[] = [];
    const files = createLargeFiles({
      chooseOpenPath: async () => (asked.push('open'), p('de-age.vigia')),
      chooseSavePath: async (name) => (asked.push('save'), p(name)),
      openForReading,
      createExclusive,
      rename: (from, to) => rename(from, to),
      remove: (file) => rm(file, { force: true }),
      newHandle: newId,
    });
    const down = createBundleCryptoClient({
      spawn: () => {
        throw new Error('utility process refused to start');
      },
      removeFolder: async () => undefined,
    });
    const without = createSealedFiles({ largeFiles: files, crypto: down, newSession: newId });
    expect(await without.startSave(ANA, { suggestedName: 'x.vigia', encryption: { mode: 'passphrase', passphrase: 'p' } })).toEqual({ ok: false, error: 'unavailable' });
    expect(asked).toEqual([]);
    const opened = await files.open(ANA, ['vigia']);
    if (!opened.ok) throw new Error(opened.error);
    expect(await without.unseal(ANA, { handle: opened.value.handle, key: { passphrase: 'p' } })).toEqual({ ok: false, error: 'unavailable' });
    await files.releaseAll();
  });
});

describe('the sealed-file channels', () => {
  const page = { senderFrame: { url: 'app://vigia/index.html' }, sender: { id: ANA } };
  it('refuse other senders and arguments outside the contract before any work', async () => {
    const calls: unknown[] = [];
    const handlers = sealedHandlers({ startSave: async (...args) => (calls.push(args), { ok: false, error: 'cancelled' }), unseal: async () => ({ ok: false, error: 'cancelled' }) });
    const save = { suggestedName: 'caso.vigia', encryption: { mode: 'recipients', recipients: [recipient] } };
    expect(await dispatch(handlers, 'file:save-sealed-start', { senderFrame: { url: 'https://evil.example/' } }, [save])).toEqual({ ok: false, error: 'forbidden_sender' });
    for (const bad of [
      { ...save, suggestedName: '../caso.vigia' },
      { ...save, encryption: { mode: 'recipients', recipients: [] } },
      { ...save, encryption: { mode: 'recipients', recipients: ['ssh-ed25519 AAAA'] } },
      { ...save, encryption: { mode: 'passphrase', passphrase: 'p', workFactor: 1 } },
      { ...save, path: '/etc' },
    ]) {
      expect(await dispatch(handlers, 'file:save-sealed-start', page, [bad])).toEqual({ ok: false, error: 'invalid_argument' });
    }
    expect(await dispatch(handlers, 'file:unseal', page, [{ handle: 'f'.repeat(32), key: { identity: 'AGE-SECRET-KEY-1', passphrase: 'p' } }])).toEqual({ ok: false, error: 'invalid_argument' });
    expect(await dispatch(handlers, 'file:unseal', page, [{ handle: 'nope', key: { passphrase: 'p' } }])).toEqual({ ok: false, error: 'invalid_argument' });
    expect(calls).toEqual([]);
    expect(await dispatch(handlers, 'file:save-sealed-start', page, [save])).toEqual({ ok: false, error: 'cancelled' });
    expect(calls).toEqual([[ANA, save]]);
  });
});
