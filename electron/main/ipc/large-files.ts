import { FILE_HANDLE_PATTERN } from '../../../shared/ipc/arguments';
import nodePath from 'node:path';
import type {
  BridgeResult,
  FileHandleRequest,
  FinishLargeSaveRequest,
  LargeSaveTarget,
  OpenedLargeFile,
  ReadFileRequest,
  StartLargeSaveRequest,
  WriteLargeSaveRequest,
} from '../../../shared/ipc/contract';
import { MAX_LARGE_FILE_BYTES } from '../../../shared/ipc/contract';
import type { ReadableFile, WritableFile } from '../../node/node-files';

export type { ReadableFile, WritableFile };


/** Open handles one window may hold: a page that forgets to close cannot run main out of descriptors. */
export const MAX_HANDLES_PER_WINDOW = 8;

/** The window (webContents id) a handle belongs to; undefined when the event did not say. */
export type HandleOwner = number | undefined;

export interface LargeFileDeps {
  /** Asks the user which file to open; undefined when they cancel. */
  chooseOpenPath(extensions: readonly string[]): Promise<string | undefined>;
  /** Asks the user where to save; undefined when they cancel. */
  chooseSavePath(suggestedName: string): Promise<string | undefined>;
  openForReading(filePath: string): Promise<ReadableFile>;
  /** Creates a new file; fails if one exists at that path (never clobbers). */
  createExclusive(filePath: string): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  remove(filePath: string): Promise<void>;
  /** A fresh handle matching FILE_HANDLE_PATTERN (crypto random in main). */
  newHandle(): string;
}

/** `path`: the file on disk, for a file the user picked (a sealed bundle is unsealed from it). */
type OpenRead = { kind: 'read'; owner: number; file: ReadableFile; path?: string };
type OpenSave = {
  kind: 'save';
  owner: number;
  file: WritableFile;
  temporary: string;
  target: string;
  written: number;
  /** Writes and the finish run one after another, in the order they were asked for. */
  queue: Promise<unknown>;
  abandoned: boolean;
};

export interface LargeFiles {
  open(owner: HandleOwner, extensions: readonly string[]): Promise<BridgeResult<OpenedLargeFile>>;
  read(owner: HandleOwner, request: ReadFileRequest): Promise<BridgeResult<Uint8Array>>;
  close(owner: HandleOwner, request: FileHandleRequest): Promise<BridgeResult<null>>;
  /** `create`: who writes the `.partial` file; the plain file by default, the utility process for a sealed save. */
  startSave(owner: HandleOwner, request: StartLargeSaveRequest, create?: (temporary: string) => Promise<WritableFile>): Promise<BridgeResult<LargeSaveTarget>>;
  write(owner: HandleOwner, request: WriteLargeSaveRequest): Promise<BridgeResult<null>>;
  finishSave(owner: HandleOwner, request: FinishLargeSaveRequest): Promise<BridgeResult<{ name: string }>>;
  /** Where the file behind one of `owner`'s read handles lies; undefined for an unknown handle or one with no path. */
  pathOf(owner: HandleOwner, handle: string): string | undefined;
  /** Puts a file opened elsewhere (an unsealed bundle's staged plaintext) behind a read handle of `owner`. */
  adopt(owner: HandleOwner, name: string, file: ReadableFile): Promise<BridgeResult<OpenedLargeFile>>;
  /** The window went away: close its reads and delete its unfinished saves. */
  releaseOwner(owner: number): Promise<void>;
  /** The app quits: the same for every window. */
  releaseAll(): Promise<void>;
}

const refuse = <T>(error: 'invalid_argument' | 'forbidden_sender' | 'io_error' | 'file_too_large' | 'cancelled'): BridgeResult<T> => ({ ok: false, error });

/**
 * Bundles cross the bridge in chunks: main keeps an open descriptor per handle and the renderer asks
 * for bytes at offsets, or hands them over in order. A save goes to `<chosen>.<id>.partial` in the
 * chosen folder (same file system, so the final rename is atomic) and becomes the chosen file only on
 * `commit`; an abort, a failed write or the window closing deletes it. A handle answers only to the
 * window that opened it; any other — or an unknown handle — is `invalid_argument`, so a page cannot
 * learn whether another window's handle exists.
 */
export function createLargeFiles(deps: LargeFileDeps): LargeFiles {
  const handles = new Map<string, OpenRead | OpenSave>();

  const countOf = (owner: number) => [...handles.values()].filter((h) => h.owner === owner).length;

  function lookup<K extends 'read' | 'save'>(owner: number, handle: string, kind: K): Extract<OpenRead | OpenSave, { kind: K }> | undefined {
    const entry = handles.get(handle);
    return entry && entry.owner === owner && entry.kind === kind ? (entry as Extract<OpenRead | OpenSave, { kind: K }>) : undefined;
  }

  async function abandon(handle: string, save: OpenSave): Promise<void> {
    handles.delete(handle);
    save.abandoned = true;
    await save.file.close().catch(() => undefined);
    await deps.remove(save.temporary).catch(() => undefined);
  }

  async function release(owner: number | undefined): Promise<void> {
    const mine = [...handles.entries()].filter(([, entry]) => owner === undefined || entry.owner === owner);
    await Promise.all(
      mine.map(async ([handle, entry]) => {
        if (entry.kind === 'read') {
          handles.delete(handle);
          await entry.file.close().catch(() => undefined);
        } else {
          // Writes still queued are refused; the one under way finishes before the file is deleted.
          handles.delete(handle);
          entry.abandoned = true;
          await entry.queue.catch(() => undefined);
          await abandon(handle, entry);
        }
      }),
    );
  }

  return {
    async open(owner, extensions) {
      if (owner === undefined) return refuse('forbidden_sender');
      if (countOf(owner) >= MAX_HANDLES_PER_WINDOW) return refuse('io_error');
      const source = await deps.chooseOpenPath(extensions);
      if (source === undefined) return refuse('cancelled');
      let file: ReadableFile;
      try {
        file = await deps.openForReading(source);
      } catch {
        return refuse('io_error');
      }
      if (file.size > MAX_LARGE_FILE_BYTES) {
        await file.close().catch(() => undefined);
        return refuse('file_too_large');
      }
      const handle = deps.newHandle();
      handles.set(handle, { kind: 'read', owner, file, path: source });
      return { ok: true, value: { name: nodePath.basename(source), size: file.size, handle } };
    },

    pathOf(owner, handle) {
      return owner === undefined ? undefined : lookup(owner, handle, 'read')?.path;
    },

    async adopt(owner, name, file) {
      if (owner === undefined || countOf(owner) >= MAX_HANDLES_PER_WINDOW) {
        await file.close().catch(() => undefined);
        return refuse(owner === undefined ? 'forbidden_sender' : 'io_error');
      }
      const handle = deps.newHandle();
      handles.set(handle, { kind: 'read', owner, file });
      return { ok: true, value: { name, size: file.size, handle } };
    },

    async read(owner, { handle, offset, length }) {
      if (owner === undefined) return refuse('forbidden_sender');
      const entry = lookup(owner, handle, 'read');
      if (!entry || offset > entry.file.size) return refuse('invalid_argument');
      const wanted = Math.min(length, entry.file.size - offset);
      if (wanted === 0) return { ok: true, value: new Uint8Array(0) };
      try {
        return { ok: true, value: await entry.file.read(offset, wanted) };
      } catch {
        return refuse('io_error');
      }
    },

    async close(owner, { handle }) {
      if (owner === undefined) return refuse('forbidden_sender');
      const entry = lookup(owner, handle, 'read');
      if (!entry) return refuse('invalid_argument');
      handles.delete(handle);
      await entry.file.close().catch(() => undefined);
      return { ok: true, value: null };
    },

    async startSave(owner, { suggestedName }, create = deps.createExclusive) {
      if (owner === undefined) return refuse('forbidden_sender');
      if (countOf(owner) >= MAX_HANDLES_PER_WINDOW) return refuse('io_error');
      const target = await deps.chooseSavePath(suggestedName);
      if (target === undefined) return refuse('cancelled');
      const handle = deps.newHandle();
      const temporary = `${target}.${handle.slice(0, 8)}.partial`;
      let file: WritableFile;
      try {
        file = await create(temporary);
      } catch {
        return refuse('io_error');
      }
      handles.set(handle, { kind: 'save', owner, file, temporary, target, written: 0, queue: Promise.resolve(), abandoned: false });
      return { ok: true, value: { handle, name: nodePath.basename(target) } };
    },

    async write(owner, { handle, bytes }) {
      if (owner === undefined) return refuse('forbidden_sender');
      const entry = lookup(owner, handle, 'save');
      if (!entry) return refuse('invalid_argument');
      // Writes append in the order they were asked for, even if the renderer does not wait.
      const done = entry.queue.then(async (): Promise<BridgeResult<null>> => {
        if (entry.abandoned) return refuse('invalid_argument');
        if (entry.written + bytes.byteLength > MAX_LARGE_FILE_BYTES) {
          await abandon(handle, entry);
          return refuse('file_too_large');
        }
        try {
          await entry.file.write(bytes);
          entry.written += bytes.byteLength;
          return { ok: true, value: null };
        } catch {
          await abandon(handle, entry);
          return refuse('io_error');
        }
      });
      entry.queue = done;
      return done;
    },

    async finishSave(owner, { handle, commit }) {
      if (owner === undefined) return refuse('forbidden_sender');
      const entry = lookup(owner, handle, 'save');
      if (!entry) return refuse('invalid_argument');
      // No write is accepted after this; the ones asked for before it land first.
      handles.delete(handle);
      const done = entry.queue.then(async (): Promise<BridgeResult<{ name: string }>> => {
        const name = nodePath.basename(entry.target);
        if (entry.abandoned) return refuse('io_error');
        if (!commit) {
          await abandon(handle, entry);
          return { ok: true, value: { name } };
        }
        try {
          await entry.file.sync();
          await entry.file.close();
          await deps.rename(entry.temporary, entry.target);
          return { ok: true, value: { name } };
        } catch {
          await abandon(handle, entry);
          return refuse('io_error');
        }
      });
      entry.queue = done;
      return done;
    },

    releaseOwner: (owner) => release(owner),
    releaseAll: () => release(undefined),
  };
}

export { FILE_HANDLE_PATTERN };
