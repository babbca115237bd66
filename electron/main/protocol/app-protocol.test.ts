import { mkdtemp, mkdir, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';
import { createAppProtocolHandler } from './app-protocol';

let base: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'vigia-protocol-'));
  const root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Vigía</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'export {};');
  await writeFile(path.join(root, 'assets', 'font.woff2'), new Uint8Array([1, 2, 3]));
  await writeFile(path.join(base, 'secret.txt'), 'case keys');
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'leak.txt'));
  handle = createAppProtocolHandler({
    root,
    readFile: (file) => readFile(file),
    realpath: (file) => realpath(file),
  });
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('app:// handler', () => {
  it('serves the entry page with the CSP and hardening headers', async () => {
    const response = await handle(new Request('app://vigia/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Vigía</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('serves scripts and fonts with their MIME types', async () => {
    const script = await handle(new Request('app://vigia/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const font = await handle(new Request('app://vigia/assets/font.woff2'));
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('refuses a symlink that leads outside the build', async () => {
    const response = await handle(new Request('app://vigia/assets/leak.txt'));
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('');
  });

  it('refuses encoded traversal and answers 404 for missing files', async () => {
    expect((await handle(new Request('app://vigia/assets/..%2f..%2fsecret.txt'))).status).toBe(403);
    expect((await handle(new Request('app://vigia/assets/missing.js'))).status).toBe(404);
  });

  it('answers HEAD without a body and refuses writes', async () => {
    const head = await handle(new Request('app://vigia/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await handle(new Request('app://vigia/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});
