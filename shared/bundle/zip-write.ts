import { Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from 'fflate';
import type { ZipWriteCodecs } from './zip-codecs';

/**
 * Writes a ZIP as a pull stream: entries are added in order (the manifest first), record files are
 * deflated, attachments are stored (they are usually compressed already, and storing is fast). Bytes
 * are handed on as fflate produces them, so an attachment never sits in memory whole.
 *
 * fflate's `Zip` lays out every header, data descriptor and the central directory. Without `codecs` its
 * own entries compute CRC-32 and deflate in JS; with them (Node) each entry is a plain `ZipInputFile`
 * — fflate's documented way to bring one's own compression — whose CRC and deflate are zlib's.
 */
export type ZipEntrySource =
  /** A record, audit or manifest file: deflated, whole (it is in memory anyway). */
  | { path: string; compress: true; bytes: Uint8Array }
  /** Stored, in chunks (an attachment is never held whole). */
  | { path: string; compress: false; chunks(): AsyncIterable<Uint8Array> };

/** ZIP (DOS) timestamps cover 1980–2107; a workstation clock outside that must not break an export. */
const ZIP_EPOCH = Date.UTC(1980, 0, 2);
const ZIP_END = Date.UTC(2099, 11, 31);

/** Bits 1–2 of the flags of a deflated entry: 3 says "super fast" (level 1), as fflate writes it. */
const FAST_DEFLATE_FLAG = 3;

export function zipStream(entries: ZipEntrySource[], modified: Date, codecs?: ZipWriteCodecs): ReadableStream<Uint8Array> {
  const mtime = new Date(Math.min(Math.max(modified.getTime(), ZIP_EPOCH), ZIP_END));
  const queue: Uint8Array[] = [];
  let failure: unknown;
  let finished = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else queue.push(chunk);
    if (final) finished = true;
  });

  // Native deflate runs off the main thread (zlib's thread pool): start every file now, use them in order.
  const deflated = new Map<ZipEntrySource, Promise<Uint8Array>>();
  if (codecs) for (const entry of entries) if (entry.compress) deflated.set(entry, codecs.deflateRaw(entry.bytes));
  // A failed deflate is reported when its entry is reached, not as an unhandled rejection before.
  for (const pending of deflated.values()) pending.catch(() => undefined);

  async function* produce(): AsyncGenerator<Uint8Array> {
    for (const entry of entries) {
      if (codecs) {
        yield* nativeEntry(entry, deflated.get(entry), codecs);
        continue;
      }
      if (entry.compress) {
        const file = new ZipDeflate(entry.path, { level: 1 });
        file.mtime = mtime;
        zip.add(file);
        file.push(entry.bytes, true);
        if (failure) throw failure;
        yield* queue.splice(0);
        continue;
      }
      const file = new ZipPassThrough(entry.path);
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

  /** One entry through fflate's `Zip` with the injected CRC-32 and deflate: same layout, same bytes when stored. */
  async function* nativeEntry(entry: ZipEntrySource, compressed: Promise<Uint8Array> | undefined, { crc32 }: ZipWriteCodecs): AsyncGenerator<Uint8Array> {
    const file: ZipInputFile = { filename: entry.path, compression: entry.compress ? 8 : 0, size: 0, crc: 0, mtime };
    if (entry.compress) file.flag = FAST_DEFLATE_FLAG;
    zip.add(file);
    // fflate types chunks as over an ArrayBuffer; it only passes them on (its own ZipPassThrough casts too).
    const ondata = file.ondata!;
    const emit = (chunk: Uint8Array, final: boolean) => ondata(null, chunk as Uint8Array<ArrayBuffer>, final);
    const crc = crc32();
    if (entry.compress) {
      crc.update(entry.bytes);
      file.size = entry.bytes.length;
      emit(await compressed!, false);
    } else {
      for await (const chunk of entry.chunks()) {
        crc.update(chunk);
        file.size += chunk.length;
        emit(chunk, false);
        if (failure) throw failure;
        yield* queue.splice(0);
      }
    }
    // fflate reads `crc` and `size` for the data descriptor and the directory when the entry ends.
    file.crc = crc.digest();
    emit(new Uint8Array(0), true);
    if (failure) throw failure;
    yield* queue.splice(0);
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
