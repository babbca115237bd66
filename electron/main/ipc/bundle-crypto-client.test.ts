import { describe, expect, it } from 'vitest';
import { createBundleCryptoClient, type CryptoChild } from './bundle-crypto-client';

const SESSION = 'ab'.repeat(16);

/** A utility process in memory: records what main posts, answers when the test says so. */
function fakeChild() {
  const posted: Array<Record<string, unknown>> = [];
  let listener: (message: unknown) => void = () => undefined;
  let exited: () => void = () => undefined;
  let killed = false;
  const child: CryptoChild = {
    postMessage: (message) => void posted.push(message as Record<string, unknown>),
    onMessage: (l) => void (listener = l),
    onExit: (l) => void (exited = l),
    kill: () => void (killed = true),
  };
  return { child, posted, answer: (message: unknown) => listener(message), exit: () => exited(), killed: () => killed };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('main’s client of the bundle-crypto utility process', () => {
  it('starts the process on the first call only, and matches answers to calls by id', async () => {
    const fake = fakeChild();
    let spawned = 0;
    const client = createBundleCryptoClient({ spawn: () => (spawned++, fake.child), removeFolder: async () => undefined });
    expect(spawned).toBe(0);
    const first = client.call({ op: 'seal-finish', session: SESSION });
    const second = client.call({ op: 'seal-close', session: SESSION });
    await settled();
    expect(spawned).toBe(1);
    expect(fake.posted).toEqual([
      { op: 'seal-finish', session: SESSION, id: 1 },
      { op: 'seal-close', session: SESSION, id: 2 },
    ]);
    fake.answer({ id: 2, ok: false, error: 'invalid_argument' });
    fake.answer({ id: 99, ok: true, value: null });
    fake.answer({ id: 1, ok: true, value: null });
    expect(await first).toEqual({ ok: true, value: null });
    expect(await second).toEqual({ ok: false, error: 'invalid_argument' });
    client.stop();
    expect(fake.killed()).toBe(true);
  });

  it('answers `unavailable` when the process cannot start, and tries again on the next call', async () => {
    const fake = fakeChild();
    let attempts = 0;
    const client = createBundleCryptoClient({
      spawn: () => {
        if (++attempts === 1) throw new Error('no utility process');
        return fake.child;
      },
      removeFolder: async () => undefined,
    });
    expect(await client.call({ op: 'stage-close', session: SESSION })).toEqual({ ok: false, error: 'unavailable' });
    const retried = client.call({ op: 'stage-close', session: SESSION });
    await settled();
    fake.answer({ id: fake.posted[0]!.id, ok: true, value: null });
    expect(await retried).toEqual({ ok: true, value: null });
  });

  it('when the process dies: pending calls fail, its stages are deleted, and the next call restarts it', async () => {
    const children = [fakeChild(), fakeChild()];
    let spawned = 0;
    const removed: string[] = [];
    const client = createBundleCryptoClient({ spawn: () => children[spawned++]!.child, removeFolder: async (folder) => void removed.push(folder) });
    const [first, second] = children as [ReturnType<typeof fakeChild>, ReturnType<typeof fakeChild>];

    const unsealed = client.call({ op: 'unseal', session: SESSION, path: '/b.vigia', key: { passphrase: 'p' } });
    await settled();
    first.answer({ id: 1, ok: true, value: { size: 10, stageFolder: '/tmp/vigia-stage-1' } });
    expect(await unsealed).toMatchObject({ ok: true });
    const closedSession = 'cd'.repeat(16);
    const other = client.call({ op: 'unseal', session: closedSession, path: '/c.vigia', key: { passphrase: 'p' } });
    await settled();
    first.answer({ id: 2, ok: true, value: { size: 10, stageFolder: '/tmp/vigia-stage-2' } });
    await other;
    const closing = client.call({ op: 'stage-close', session: closedSession });
    await settled();
    first.answer({ id: 3, ok: true, value: null });
    await closing;

    const reading = client.call({ op: 'stage-read', session: SESSION, offset: 0, length: 4 });
    await settled();
    first.exit();
    expect(await reading).toEqual({ ok: false, error: 'unavailable' });
    // Only the stage still open when it died: the closed one was deleted by the utility itself.
    expect(removed).toEqual(['/tmp/vigia-stage-1']);

    const again = client.call({ op: 'seal-close', session: SESSION });
    await settled();
    expect(spawned).toBe(2);
    second.answer({ id: second.posted[0]!.id, ok: false, error: 'invalid_argument' });
    expect(await again).toEqual({ ok: false, error: 'invalid_argument' });
  });

  it('relays an unseal’s progress to its caller only: checked, growing, never taken for the answer', async () => {
    const fake = fakeChild();
    const client = createBundleCryptoClient({ spawn: () => fake.child, removeFolder: async () => undefined });
    const heard: Array<{ done: number; total: number }> = [];
    const unsealed = client.call({ op: 'unseal', session: SESSION, path: '/b.vigia', key: { passphrase: 'p' } }, (progress) => heard.push(progress));
    const reading = client.call({ op: 'stage-read', session: SESSION, offset: 0, length: 4 }, () => heard.push({ done: -1, total: -1 }));
    await settled();
    const total = 20 * 1024 * 1024;
    fake.answer({ id: 1, progress: { done: 4 * 1024 * 1024, total } });
    // Hostile or confused: extra fields, a count past the total, non-integers, a shrinking count,
    // another total, a report for a call that is not an unseal, a progress-shaped answer.
    fake.answer({ id: 1, progress: { done: 5 * 1024 * 1024, total, path: '/etc/passwd' } });
    fake.answer({ id: 1, progress: { done: total + 1, total } });
    fake.answer({ id: 1, progress: { done: 1.5, total } });
    fake.answer({ id: 1, progress: { done: 1024, total } });
    fake.answer({ id: 1, progress: { done: 9 * 1024 * 1024, total: total * 2 } });
    fake.answer({ id: 2, progress: { done: 1, total: 4 } });
    fake.answer({ id: 1, ok: true, progress: { done: 1, total } });
    fake.answer({ id: 1, progress: { done: total, total } });
    fake.answer({ id: 2, ok: true, value: new Uint8Array(4) });
    fake.answer({ id: 1, ok: true, value: { size: 19 * 1024 * 1024, stageFolder: '/tmp/vigia-stage-1' } });
    expect(await unsealed).toEqual({ ok: true, value: { size: 19 * 1024 * 1024, stageFolder: '/tmp/vigia-stage-1' } });
    expect(await reading).toMatchObject({ ok: true });
    expect(heard).toEqual([
      { done: 4 * 1024 * 1024, total },
      { done: total, total },
    ]);
    // After the answer, the call hears nothing more.
    fake.answer({ id: 1, progress: { done: total, total } });
    expect(heard).toHaveLength(2);
  });
});
