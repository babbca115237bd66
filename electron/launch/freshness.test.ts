import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isBuildStale, newestModification } from './freshness';

let base: string;

function file(relative: string, secondsSinceEpoch: number): string {
  const target = path.join(base, relative);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, relative);
  utimesSync(target, secondsSinceEpoch, secondsSinceEpoch);
  return target;
}

afterEach(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('build freshness', () => {
  it('finds the newest source in nested folders, skipping node_modules', () => {
    base = mkdtempSync(path.join(os.tmpdir(), 'vigia-fresh-'));
    file('renderer/app/App.tsx', 1_000);
    file('renderer/features/network/view.tsx', 3_000);
    file('renderer/node_modules/x/index.js', 9_000);
    expect(newestModification([path.join(base, 'renderer')])).toBe(3_000_000);
    expect(newestModification([path.join(base, 'missing')])).toBe(0);
  });

  it('is stale when the output is missing or older than a source', () => {
    base = mkdtempSync(path.join(os.tmpdir(), 'vigia-fresh-'));
    const sources = [path.join(base, 'renderer')];
    file('renderer/app/App.tsx', 2_000);
    const output = path.join(base, 'dist/web/index.html');
    expect(isBuildStale([output], sources)).toBe(true);
    file('dist/web/index.html', 1_000);
    expect(isBuildStale([output], sources)).toBe(true);
    file('dist/web/index.html', 3_000);
    expect(isBuildStale([output], sources)).toBe(false);
    file('renderer/app/App.tsx', 4_000);
    expect(isBuildStale([output], sources)).toBe(true);
  });
});
