import type { StagedPlaintext } from '../../shared/bundle/staged-plaintext';

/**
 * A staged plaintext the bundle worker reads through a MessagePort, served by the page: in the
 * desktop app the decrypted ZIP waits in the utility process's temporary file and only the page can
 * reach it (through the bridge's `readFile`). The worker asks for ranges; the page answers each with
 * its bytes (transferred, not copied) or an error. Ranges are at most `MAX_RANGE` bytes.
 */
export type PlaintextAsk = { id: number; offset: number; length: number };
export type PlaintextAnswer = { id: number; bytes: Uint8Array } | { id: number; error: string };

export const MAX_RANGE = 8 * 1024 * 1024;

/** The port the page serves and the plaintext's size, as the worker receives them. */
export interface PortedPlaintext {
  port: MessagePort;
  size: number;
}

/** The worker's side. `discard` closes the port; the page then releases the stage. */
export function portedPlaintext({ port, size }: PortedPlaintext): StagedPlaintext {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
  port.onmessage = (event: MessageEvent<PlaintextAnswer>) => {
    const answer = event.data;
    const ask = waiting.get(answer.id);
    if (!ask) return;
    waiting.delete(answer.id);
    if ('bytes' in answer) ask.resolve(answer.bytes);
    else ask.reject(new Error(answer.error));
  };
  const range = (offset: number, length: number) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      port.postMessage({ id, offset, length } satisfies PlaintextAsk);
    });
  return {
    size,
    async read(offset, length) {
      const end = Math.min(size, offset + length);
      const start = Math.max(0, Math.min(offset, end));
      if (end - start <= MAX_RANGE) return end > start ? range(start, end - start) : new Uint8Array(0);
      const out = new Uint8Array(end - start);
      for (let at = start; at < end; at += MAX_RANGE) out.set(await range(at, Math.min(MAX_RANGE, end - at)), at - start);
      return out;
    },
    async discard() {
      for (const ask of waiting.values()) ask.reject(new Error('plaintext_discarded'));
      waiting.clear();
      port.postMessage({ id: 0, offset: 0, length: 0 } satisfies PlaintextAsk);
      port.close();
    },
  };
}

/**
 * The page's side: answers the worker's ranges with `read` until the worker discards the plaintext
 * (an ask with id 0) — then `done` runs once (the page closes the stage's handle).
 */
export function servePlaintext(port: MessagePort, read: (offset: number, length: number) => Promise<Uint8Array>, done: () => void): void {
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    port.close();
    done();
  };
  port.onmessage = (event: MessageEvent<PlaintextAsk>) => {
    const { id, offset, length } = event.data;
    if (id === 0) return finish();
    if (!(length > 0 && length <= MAX_RANGE)) return port.postMessage({ id, error: 'invalid_range' } satisfies PlaintextAnswer);
    read(offset, length).then(
      (bytes) => {
        // Transferred when the bytes own their buffer (the bridge's answers do), copied otherwise.
        const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
        port.postMessage({ id, bytes: own } satisfies PlaintextAnswer, [own.buffer as ArrayBuffer]);
      },
      (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies PlaintextAnswer),
    );
  };
}
