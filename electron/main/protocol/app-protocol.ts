import { isInsideRoot, resolveAssetPath } from './resolve-asset-path';
import { mimeTypeFor } from './mime-types';
import { responseHeaders } from './security-headers';

export interface AppProtocolDeps {
  /** The built renderer (out/renderer). */
  root: string;
  readFile(filePath: string): Promise<Uint8Array>;
  realpath(filePath: string): Promise<string>;
}

const ONLY_READS = new Set(['GET', 'HEAD']);

/**
 * The handler behind `protocol.handle('app', …)`: serves files of the built renderer, and nothing
 * else. A symlink inside the build that points outside it is refused like a `../`.
 */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  const realRoot = deps.realpath(deps.root).catch(() => deps.root);

  return async (request) => {
    if (!ONLY_READS.has(request.method)) return refusal(405);
    const resolved = resolveAssetPath(deps.root, request.url);
    if (!resolved.ok) return refusal(resolved.status);

    let realFile: string;
    try {
      realFile = await deps.realpath(resolved.filePath);
    } catch {
      return refusal(404);
    }
    if (!isInsideRoot(await realRoot, realFile)) return refusal(403);

    let body: Uint8Array;
    try {
      body = await deps.readFile(realFile);
    } catch {
      return refusal(404);
    }
    const headers = responseHeaders(mimeTypeFor(resolved.filePath));
    // A copy into a fresh ArrayBuffer: Response wants a plain buffer, not a view on Node's pool.
    const bytes = new Uint8Array(body.byteLength);
    bytes.set(body);
    return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers });
  };
}

function refusal(status: number): Response {
  return new Response(null, { status, headers: responseHeaders('text/plain; charset=utf-8') });
}
