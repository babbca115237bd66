import { readdirSync, statSync } from 'node:fs';
import nodePath from 'node:path';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** Latest modification time of the files at `paths` (folders are walked), 0 when there are none. */
export function newestModification(paths: readonly string[]): number {
  let newest = 0;
  const visit = (target: string): void => {
    let stats;
    try {
      stats = statSync(target);
    } catch {
      return;
    }
    if (!stats.isDirectory()) {
      newest = Math.max(newest, stats.mtimeMs);
      return;
    }
    for (const entry of readdirSync(target, { withFileTypes: true })) {
      if (!SKIPPED_FOLDERS.has(entry.name)) visit(nodePath.join(target, entry.name));
    }
  };
  paths.forEach(visit);
  return newest;
}

/** Oldest modification time of `outputs`, or undefined when one of them is missing. */
export function oldestOutput(outputs: readonly string[]): number | undefined {
  let oldest = Number.POSITIVE_INFINITY;
  for (const output of outputs) {
    try {
      oldest = Math.min(oldest, statSync(output).mtimeMs);
    } catch {
      return undefined;
    }
  }
  return oldest;
}

/** A build is stale when an output is missing or older than the newest source. */
export function isBuildStale(outputs: readonly string[], sources: readonly string[]): boolean {
  const built = oldestOutput(outputs);
  return built === undefined || built < newestModification(sources);
}
