import { join } from 'node:path';
import { classifyEntry } from '../../../shared/bundle/entry-paths';
import { describeBundleError } from '../../../shared/bundle/errors';
import type { OpenedBundle } from '../../../shared/bundle/read';
import { stageFiles } from '../../../shared/bundle/stage';
import type { AttachmentSource, BundleContents } from '../../../shared/bundle/write';
import type { CliIo } from './cli-io';
import type { Loaded } from './bundle-keys';

/**
 * The folder layout `bundle extract` writes and `bundle create --input` reads: the bundle's entries
 * as files (records/<table>.ndjson, audit/<caseId>.ndjson, attachments/<sha256>, plus the old
 * manifest.json and its signature, which create ignores and replaces).
 */
export const FOLDERS = ['records', 'audit', 'attachments'] as const;

export async function readBundleFolder(io: CliIo, dir: string): Promise<Loaded<BundleContents>> {
  const files = new Map<string, Uint8Array>();
  const recordPaths: string[] = [];
  const attachmentNames = new Set<string>();
  for (const folder of FOLDERS) {
    for (const name of (await io.readDir(join(dir, folder))).sort()) {
      const path = `${folder}/${name}`;
      if (!classifyEntry(path)) return { ok: false, reason: `entry_name_invalid (path=${path})` };
      if (folder === 'attachments') {
        attachmentNames.add(name);
        continue;
      }
      files.set(path, await io.readFile(join(dir, path)));
      recordPaths.push(path);
    }
  }
  if (recordPaths.length === 0) return { ok: false, reason: `no_records (dir=${dir})` };
  const staged = stageFiles(files, recordPaths);
  if (!staged.ok) return { ok: false, reason: describeBundleError(staged.error) };

  const attachments: AttachmentSource = {
    has: (sha) => attachmentNames.has(sha),
    chunks: (sha) => io.readChunks(join(dir, 'attachments', sha)),
  };
  return { ok: true, value: { snapshot: staged.value.snapshot, audit: staged.value.audit, attachments } };
}

/** The verified entries as files, each streamed out in pieces: an attachment is never held whole. */
export async function writeBundleFolder(io: CliIo, dir: string, entries: Pick<OpenedBundle, 'paths' | 'entryChunks'>): Promise<void> {
  await io.mkdir(dir);
  for (const folder of FOLDERS) await io.mkdir(join(dir, folder));
  // Paths come from the verified, whitelisted entry names (see classifyEntry): no traversal possible.
  for (const path of entries.paths) await io.writeStream(join(dir, path), streamOf(entries.entryChunks(path)));
}

function streamOf(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const source = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await source.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await source.return?.();
    },
  });
}
