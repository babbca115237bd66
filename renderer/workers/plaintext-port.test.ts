import { describe, expect, it, vi } from 'vitest';
import { MAX_RANGE, portedPlaintext, servePlaintext } from './plaintext-port';

const STAGED = new Uint8Array(MAX_RANGE + 5000);
for (let i = 0; i < STAGED.length; i++) STAGED[i] = (i * 13) % 256;

/** Byte equality without a deep-equal over 8 million elements. */
function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function serve(read: (offset: number, length: number) => Promise<Uint8Array>) {
  const channel = new MessageChannel();
  let released = 0;
  servePlaintext(channel.port1, read, () => released++);
  return { plaintext: portedPlaintext({ port: channel.port2, size: STAGED.length }), released: () => released };
}

describe('a staged plaintext read through the page', () => {
  it('answers ranges, splits long ones at the bridge’s limit, and clamps at the end', async () => {
    const asked: Array<[number, number]> = [];
    const { plaintext } = serve(async (offset, length) => (asked.push([offset, length]), STAGED.slice(offset, offset + length)));
    expect(await plaintext.read(10, 4)).toEqual(STAGED.slice(10, 14));
    expect(same(await plaintext.read(0, STAGED.length), STAGED)).toBe(true);
    expect(await plaintext.read(STAGED.length - 2, 100)).toEqual(STAGED.slice(-2));
    expect(await plaintext.read(STAGED.length + 1, 100)).toEqual(new Uint8Array());
    expect(asked).toEqual([
      [10, 4],
      [0, MAX_RANGE],
      [MAX_RANGE, 5000],
      [STAGED.length - 2, 2],
    ]);
    await plaintext.discard();
  });

  it('turns a failed read into a failed read in the worker, and releases the stage once on discard', async () => {
    const { plaintext, released } = serve(async () => {
      throw new Error('io_error');
    });
    await expect(plaintext.read(0, 1)).rejects.toThrow('io_error');
    await plaintext.discard();
    await vi.waitFor(() => expect(released()).toBe(1));
    await plaintext.discard().catch(() => undefined);
    expect(released()).toBe(1);
  });
});
