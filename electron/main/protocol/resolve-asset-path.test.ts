import nodePath from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInsideRoot, resolveAssetPath } from './resolve-asset-path';

const ROOT = '/opt/vigia/out/renderer';

describe('resolveAssetPath', () => {
  it('maps app assets to files under the root', () => {
    expect(resolveAssetPath(ROOT, 'app://vigia/assets/index-a1.js')).toEqual({
      ok: true,
      filePath: `${ROOT}/assets/index-a1.js`,
    });
    expect(resolveAssetPath(ROOT, 'app://vigia/index.html?x=1#top')).toEqual({ ok: true, filePath: `${ROOT}/index.html` });
  });

  it('serves the entry page for the root and for paths without an extension', () => {
    expect(resolveAssetPath(ROOT, 'app://vigia/')).toEqual({ ok: true, filePath: `${ROOT}/index.html` });
    expect(resolveAssetPath(ROOT, 'app://vigia')).toEqual({ ok: true, filePath: `${ROOT}/index.html` });
    expect(resolveAssetPath(ROOT, 'app://vigia/cases/123')).toEqual({ ok: true, filePath: `${ROOT}/index.html` });
  });

  it('decodes percent-encoded names once', () => {
    expect(resolveAssetPath(ROOT, 'app://vigia/assets/Vig%C3%ADa%20logo.svg')).toEqual({
      ok: true,
      filePath: `${ROOT}/assets/Vigía logo.svg`,
    });
  });

  it.each([
    'app://vigia/..%2f..%2fetc/passwd',
    'app://vigia/assets/..%2F..%2F..%2Fsecret.txt',
    'app://vigia/assets/%2e%2e%2f%2e%2e%2fkey.pem',
    'app://vigia/./index.html%2f..%2f..%2fx.js',
  ])('refuses the encoded traversal %s', (url) => {
    expect(resolveAssetPath(ROOT, url)).toEqual({ ok: false, status: 403 });
  });

  it('keeps literal and %2e dot segments inside the root (the URL parser folds them)', () => {
    expect(resolveAssetPath(ROOT, 'app://vigia/../../../etc/passwd.txt')).toEqual({
      ok: true,
      filePath: `${ROOT}/etc/passwd.txt`,
    });
    expect(resolveAssetPath(ROOT, 'app://vigia/%2e%2e/%2e%2e/etc/key.pem')).toEqual({
      ok: true,
      filePath: `${ROOT}/etc/key.pem`,
    });
  });

  it('refuses NUL, backslashes and drive letters', () => {
    expect(resolveAssetPath(ROOT, 'app://vigia/index.html%00.png')).toEqual({ ok: false, status: 400 });
    expect(resolveAssetPath(ROOT, 'app://vigia/..%5c..%5cwindows%5cwin.ini')).toEqual({ ok: false, status: 400 });
    expect(resolveAssetPath(ROOT, 'app://vigia/C:/Windows/win.ini')).toEqual({ ok: false, status: 403 });
  });

  it('refuses absolute file paths smuggled in the path', () => {
    const result = resolveAssetPath(ROOT, 'app://vigia/%2Fetc%2Fpasswd.txt');
    // A leading encoded slash is only an empty segment: the file stays under the root.
    expect(result).toEqual({ ok: true, filePath: `${ROOT}/etc/passwd.txt` });
    expect(resolveAssetPath(ROOT, 'app://vigia//etc/passwd.txt')).toEqual({ ok: true, filePath: `${ROOT}/etc/passwd.txt` });
  });

  it('refuses malformed encodings, other hosts and other schemes', () => {
    expect(resolveAssetPath(ROOT, 'app://vigia/%E0%A4%A.js')).toEqual({ ok: false, status: 400 });
    expect(resolveAssetPath(ROOT, 'app://evil/index.html')).toEqual({ ok: false, status: 403 });
    expect(resolveAssetPath(ROOT, 'file:///etc/passwd')).toEqual({ ok: false, status: 403 });
    expect(resolveAssetPath(ROOT, 'app://vigia:99/index.html')).toEqual({ ok: false, status: 403 });
    expect(resolveAssetPath(ROOT, '::not a url')).toEqual({ ok: false, status: 400 });
  });

  it('stays inside a Windows root too', () => {
    const winRoot = 'C:\\Program Files\\Vigia\\resources\\app.asar\\out\\renderer';
    expect(resolveAssetPath(winRoot, 'app://vigia/assets/a.js', nodePath.win32)).toEqual({
      ok: true,
      filePath: `${winRoot}\\assets\\a.js`,
    });
    expect(resolveAssetPath(winRoot, 'app://vigia/..%5c..%5ca.js', nodePath.win32).ok).toBe(false);
    expect(resolveAssetPath(winRoot, 'app://vigia/D:%2fa.js', nodePath.win32).ok).toBe(false);
  });
});

describe('isInsideRoot', () => {
  it('accepts the root and what is below it', () => {
    expect(isInsideRoot(ROOT, ROOT)).toBe(true);
    expect(isInsideRoot(ROOT, `${ROOT}/a/b.js`)).toBe(true);
  });

  it('refuses siblings, parents and look-alike prefixes', () => {
    expect(isInsideRoot(ROOT, '/opt/vigia/out')).toBe(false);
    expect(isInsideRoot(ROOT, '/etc/passwd')).toBe(false);
    expect(isInsideRoot(ROOT, `${ROOT}-evil/a.js`)).toBe(false);
  });
});
