import type { WritableFile } from '../node/node-files';
import { parseCryptoRequest, type CryptoAnswer, type CryptoProgress, type CryptoRequest, type CryptoResponse } from './protocol';
import { openSealSession, type SealSession } from './seal-session';
import { createUnsealedStages, type UnsealDeps } from './unsealed-stages';

export interface CryptoServiceDeps extends UnsealDeps {
  /** The `.partial` file of a sealed save: new, owner-only (node-files.ts's createExclusive). */
  createExclusive(path: string): Promise<WritableFile>;
}

export interface CryptoService {
  /**
   * One answer per valid request; a message without even an id gets none. An unseal also sends
   * `notify` its paced progress, under the request's id, before the answer.
   */
  handle(message: unknown, notify?: (progress: CryptoProgress) => void): Promise<CryptoResponse | undefined>;
  /** The process is going away: abandon the seals, delete every stage. */
  closeAll(): Promise<void>;
}

const done: CryptoAnswer = { ok: true, value: null };
const unknownSession: CryptoAnswer = { ok: false, error: 'invalid_argument' };

/**
 * What the bundle-crypto utility process does with each request from main, without Electron: the
 * entry (bundle-crypto.ts) only connects it to its parent port. Failures that are not the bundle's
 * (a full disk, an unknown session) are `io_error` / `invalid_argument`; what age refuses is the
 * bundle's own error, as the worker would report it.
 */
export function createCryptoService(deps: CryptoServiceDeps): CryptoService {
  const seals = new Map<string, SealSession>();
  const stages = createUnsealedStages(deps);

  async function answer(request: CryptoRequest, notify?: (progress: CryptoProgress) => void): Promise<CryptoAnswer> {
    switch (request.op) {
      case 'ping':
        return done;
      case 'seal-open': {
        if (seals.has(request.session)) return unknownSession;
        try {
          seals.set(request.session, await openSealSession(request.path, request.encryption, deps.createExclusive));
          return done;
        } catch (error) {
          return { ok: false, error: error instanceof TypeError && error.message === 'encryption_refused' ? 'invalid_argument' : 'io_error' };
        }
      }
      case 'seal-write': {
        const seal = seals.get(request.session);
        if (!seal) return unknownSession;
        await seal.write(request.bytes);
        return done;
      }
      case 'seal-finish': {
        const seal = seals.get(request.session);
        if (!seal) return unknownSession;
        await seal.finish();
        return done;
      }
      case 'seal-close': {
        const seal = seals.get(request.session);
        if (!seal) return unknownSession;
        seals.delete(request.session);
        await seal.close();
        return done;
      }
      case 'unseal': {
        const unsealed = await stages.unseal(request.session, request.path, request.key, notify && ((progress) => notify({ id: request.id, progress })));
        return unsealed.ok ? { ok: true, value: { size: unsealed.size, stageFolder: folderOf(unsealed.stagePath) } } : unsealed;
      }
      case 'stage-read': {
        const bytes = await stages.read(request.session, request.offset, request.length);
        return bytes ? { ok: true, value: bytes } : unknownSession;
      }
      case 'stage-close':
        return (await stages.close(request.session)) ? done : unknownSession;
    }
  }

  return {
    async handle(message, notify) {
      const request = parseCryptoRequest(message);
      if ('invalid' in request) return request.id === undefined ? undefined : { id: request.id, ok: false, error: 'invalid_argument' };
      try {
        return { id: request.id, ...(await answer(request, notify)) };
      } catch {
        return { id: request.id, ok: false, error: 'io_error' };
      }
    },
    async closeAll() {
      const open = [...seals.values()];
      seals.clear();
      await Promise.all(open.map((s) => s.close().catch(() => undefined)));
      await stages.closeAll();
    },
  };
}

/** The stage's own 0700 folder (staged-file.ts): main deletes it if this process dies without doing so. */
function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut > 0 ? file.slice(0, cut) : file;
}
