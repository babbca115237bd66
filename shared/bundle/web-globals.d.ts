/**
 * shared/ compiles without DOM typings, but age-encryption's typings name a few Web-platform types
 * (streams, CryptoKey, WebAuthn PRF values) that every runtime shared/ runs in provides. These are the
 * members the bundle code uses; the DOM/Node projects see their own full definitions instead, because
 * a `.d.ts` input is not part of shared/'s emitted declarations.
 */
declare global {
  interface ReadableStreamReadResult<R> {
    done: boolean;
    value?: R;
  }
  interface ReadableStreamDefaultReader<R = unknown> {
    read(): Promise<ReadableStreamReadResult<R>>;
    releaseLock(): void;
    cancel(reason?: unknown): Promise<void>;
  }
  interface ReadableStreamDefaultController<R = unknown> {
    enqueue(chunk: R): void;
    close(): void;
    error(reason?: unknown): void;
    readonly desiredSize: number | null;
  }
  interface UnderlyingDefaultSource<R = unknown> {
    start?(controller: ReadableStreamDefaultController<R>): void | Promise<void>;
    pull?(controller: ReadableStreamDefaultController<R>): void | Promise<void>;
    cancel?(reason?: unknown): void | Promise<void>;
  }
  interface ReadableStream<R = unknown> {
    getReader(): ReadableStreamDefaultReader<R>;
    cancel(reason?: unknown): Promise<void>;
  }
  var ReadableStream: {
    prototype: ReadableStream;
    new <R = unknown>(source: UnderlyingDefaultSource<R>, strategy?: { highWaterMark?: number }): ReadableStream<R>;
  };
  interface CryptoKey {
    readonly type: string;
  }
  interface AuthenticationExtensionsPRFValues {
    first: ArrayBuffer | ArrayBufferView;
    second?: ArrayBuffer | ArrayBufferView;
  }
}
export {};
