import nodePath from 'node:path';
import { APP_HOST, APP_SCHEME } from '../app-origin';

export type AssetPathResult =
  | { ok: true; filePath: string }
  | { ok: false; status: 400 | 403 | 404 };

type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

const ENTRY_FILE = 'index.html';

/**
 * Maps an app:// URL to a file under `root`, or refuses it. Everything in the URL is hostile: it is
 * decoded once, then checked for NUL, backslashes and colons (separators and drives on Windows), and
 * refused if it would leave `root`. Paths without an extension fall back to the entry page, as
 * Vite's preview server does in web mode. Symlinks are checked separately (`isInsideRoot` after realpath).
 */
export function resolveAssetPath(root: string, requestUrl: string, pathApi: PathApi = nodePath): AssetPathResult {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '') {
    return { ok: false, status: 403 };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400 };

  const segments = decoded.split('/').filter((segment) => segment.length > 0);
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.includes(':'))) {
    return { ok: false, status: 403 };
  }
  const last = segments.at(-1);
  const relative = last === undefined || !last.includes('.') ? [ENTRY_FILE] : segments;

  const filePath = pathApi.resolve(root, ...relative);
  if (!isInsideRoot(root, filePath, pathApi)) return { ok: false, status: 403 };
  return { ok: true, filePath };
}

/** True when `candidate` is `root` itself or below it. */
export function isInsideRoot(root: string, candidate: string, pathApi: PathApi = nodePath): boolean {
  const relative = pathApi.relative(pathApi.resolve(root), pathApi.resolve(candidate));
  if (relative === '') return true;
  return !relative.startsWith('..') && !pathApi.isAbsolute(relative);
}
