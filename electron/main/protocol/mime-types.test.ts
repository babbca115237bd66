import { describe, expect, it } from 'vitest';
import { FALLBACK_MIME, mimeTypeFor } from './mime-types';

describe('mimeTypeFor', () => {
  it.each([
    ['/r/index.html', 'text/html; charset=utf-8'],
    ['/r/assets/index-AbC.js', 'text/javascript; charset=utf-8'],
    ['/r/assets/worker.MJS', 'text/javascript; charset=utf-8'],
    ['/r/assets/style.css', 'text/css; charset=utf-8'],
    ['/r/icon.svg', 'image/svg+xml'],
    ['/r/a.wasm', 'application/wasm'],
    ['C:\\r\\font.woff2', 'font/woff2'],
  ])('%s is %s', (file, mime) => {
    expect(mimeTypeFor(file)).toBe(mime);
  });

  it('serves unknown and extension-less files as bytes', () => {
    expect(mimeTypeFor('/r/data.bin')).toBe(FALLBACK_MIME);
    expect(mimeTypeFor('/r/LICENSE')).toBe(FALLBACK_MIME);
    expect(mimeTypeFor('/r/.hidden')).toBe(FALLBACK_MIME);
  });
});
