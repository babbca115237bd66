import { dirname } from 'node:path';
import type { CliIo } from './cli-io';

/** An in-memory CliIo for command tests: files by path, captured output. */
export interface MemoryIo extends CliIo {
  files: Map<string, Uint8Array>;
  out: string[];
  err: string[];
}

export function memoryIo(now = new Date('2026-11-24T10:00:00Z')): MemoryIo {
  const files = new Map<string, Uint8Array>();
  const dirs = new Set<string>(['.', '/']);
  const out: string[] = [];
  const err: string[] = [];
  return {
    files,
    out,
    err,
    readFile: async (path) => {
      const bytes = files.get(path);
      if (!bytes) throw new Error(`ENOENT ${path}`);
      return bytes;
    },
    writeFile: async (path, bytes) => {
      files.set(path, bytes);
      dirs.add(dirname(path));
    },
    writeStream: async (path, stream) => {
      const chunks: Uint8Array[] = [];
      const reader = stream.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (value) chunks.push(value);
      }
      files.set(path, new Uint8Array(Buffer.concat(chunks)));
      dirs.add(dirname(path));
    },
    readChunks: async function* (path) {
      const bytes = files.get(path);
      if (!bytes) throw new Error(`ENOENT ${path}`);
      yield bytes;
    },
    exists: async (path) => files.has(path) || dirs.has(path),
    mkdir: async (path) => {
      dirs.add(path);
    },
    readDir: async (path) => [...files.keys()].filter((p) => dirname(p) === path).map((p) => p.slice(path.length + 1)),
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    now: () => now,
  };
}
