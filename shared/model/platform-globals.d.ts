/**
 * shared/ compiles without DOM or Node typings. These are the few Web-standard globals that every
 * runtime it runs in (browser, worker, Node >= 20, Electron main) provides; declaring them here keeps
 * shared/ from leaning on anything else.
 */
declare global {
  interface SharedCrypto {
    getRandomValues<T extends Uint8Array | Uint16Array | Uint32Array>(array: T): T;
    randomUUID(): string;
  }
  var crypto: SharedCrypto;
  class TextEncoder {
    encode(input?: string): Uint8Array;
    encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
  }
  /** Referenced by zod's typings; shared/ itself does not parse URLs. */
  class URL {
    constructor(url: string, base?: string);
    readonly href: string;
    readonly protocol: string;
  }
  class TextDecoder {
    constructor(label?: string, options?: { fatal?: boolean });
    decode(input?: Uint8Array): string;
  }
}
export {};
