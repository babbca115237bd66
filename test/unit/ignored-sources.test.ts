import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_FOLDERS = ['shared', 'renderer', 'electron', 'test', 'docs'];
const GENERATED = new Set(['node_modules', '.tsbuild', 'test-results', 'playwright-report']);

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder)).flatMap((name) => {
    if (GENERATED.has(name)) return [];
    const path = join(folder, name);
    return statSync(join(root, path)).isDirectory() ? sourceFiles(path) : [path];
  });
}

// A .gitignore line meant for build output (`release/`) once matched shared/release/ too: the code
// worked in the working tree and was missing from every clean clone. No source may be ignored.
describe('the sources a clean clone needs', () => {
  it('are never ignored by git', () => {
    const files = SOURCE_FOLDERS.flatMap(sourceFiles).filter((f) => /\.(ts|tsx|mts|mjs|js|css|json|md|html)$/.test(f));
    expect(files.length).toBeGreaterThan(100);
    let ignored = '';
    try {
      ignored = execFileSync('git', ['check-ignore', '--no-index', '--stdin'], { cwd: root, input: files.join('\n'), encoding: 'utf8' });
    } catch (error) {
      // Exit 1: nothing is ignored.
      if ((error as { status?: number }).status !== 1) throw error;
    }
    expect(ignored.split('\n').filter(Boolean).map((f) => relative('.', f))).toEqual([]);
  });
});
