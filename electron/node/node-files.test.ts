import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createExclusive, openForReading } from './node-files';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));
const freshFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'vigia-large-'));
  folders.push(folder);
  return folder;
};

describe('real files behind the large-file handles', () => {
  it('reads at offsets, short only at the end', async () => {
    const path = join(freshFolder(), 'caso.vigia');
    writeFileSync(path, Uint8Array.from({ length: 10 }, (_, i) => i));
    const file = await openForReading(path);
    expect(file.size).toBe(10);
    expect([...(await file.read(2, 3))]).toEqual([2, 3, 4]);
    const last = await file.read(8, 5);
    expect([...last]).toEqual([8, 9]);
    expect(last.buffer.byteLength).toBe(2);
    await file.close();
  });

  it('creates an owner-only file, appends, and never opens an existing one', async () => {
    const path = join(freshFolder(), 'caso.vigia.partial');
    const file = await createExclusive(path);
    await file.write(new Uint8Array([1, 2]));
    await file.write(new Uint8Array([3]));
    await file.sync();
    await file.close();
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    await expect(createExclusive(path)).rejects.toThrow(/EEXIST/);
  });
});
