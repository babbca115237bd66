import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/**
 * Writes a ZIP as a pull stream: entries are added in order (the manifest first), record files are
 * deflated, attachments are stored (they are usually compressed already, and storing is fast). Bytes
 * are handed on as fflate produces them, so an attachment never sits in memory whole.
 */
export interface ZipEntrySource {
  path: string;
  compress: boolean;
  /** The entry's bytes, in chunks. */
  chunks(): AsyncIterable<Uint8Array>;
}

/** ZIP (DOS) timestamps cover 1980–2107; a workstation clock outside that must not break an export. */
const ZIP_EPOCH = Date.UTC(1980, 0, 2);
const ZIP_END = Date.UTC(2099, 11, 31);

export function zipStream(entries: ZipEntrySource[], modified: Date): ReadableStream<Uint8Array> {
  const mtime = new Date(Math.min(Math.max(modified.getTime(), ZIP_EPOCH), ZIP_END));
  const queue: Uint8Array[] = [];
  let failure: unknown;
  let finished = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else queue.push(chunk);
    if (final) finished = true;
  });

  async function* produce(): AsyncGenerator<Uint8Array> {
    for (const entry of entries) {
      const file = entry.compress ? new ZipDeflate(entry.path, { level: 1 }) : new ZipPassThrough(entry.path);
      file.mtime = mtime;
      zip.add(file);
      for await (const chunk of entry.chunks()) {
        file.push(chunk, false);
        if (failure) throw failure;
        yield* queue.splice(0);
      }
      file.push(new Uint8Array(0), true);
      yield* queue.splice(0);
    }
    zip.end();
    if (failure) throw failure;
    yield* queue.splice(0);
    if (!finished) throw new Error('zip_not_finished');
  }

  const source = produce();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await source.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      zip.terminate();
      await source.return(undefined);
    },
  });
}

export async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}
