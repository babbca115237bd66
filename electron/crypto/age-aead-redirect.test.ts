import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import electronConfig from '../../electron.vite.config';
import webConfig from '../../vite.config';
import { AGE_AEAD_REDIRECT, ageAeadRedirect } from './age-aead-redirect';

const ADAPTER = '/adapter.ts';
const root = fileURLToPath(new URL('../../', import.meta.url));
const wasmAdapter = fileURLToPath(new URL('../../renderer/workers/wasm-aead.ts', import.meta.url));

describe('ageAeadRedirect', () => {
  const plugin = ageAeadRedirect(ADAPTER);
  it('redirects noble’s ChaCha20-Poly1305 for typage’s modules only', () => {
    expect(plugin.resolveId('@noble/ciphers/chacha.js', '/w/node_modules/age-encryption/dist/stream.js')).toBe(ADAPTER);
    expect(plugin.resolveId('@noble/ciphers/chacha.js', 'C:\\w\\node_modules\\age-encryption\\dist\\recipients.js')).toBe(ADAPTER);
    expect(plugin.resolveId('@noble/ciphers/chacha.js', '/w/shared/bundle/age-layer.ts')).toBeNull();
    expect(plugin.resolveId('@noble/ciphers/chacha.js', '/w/node_modules/age-encryption-fork/dist/stream.js')).toBeNull();
    expect(plugin.resolveId('@noble/ciphers/chacha.js', undefined)).toBeNull();
    expect(plugin.resolveId('@noble/hashes/sha2.js', '/w/node_modules/age-encryption/dist/stream.js')).toBeNull();
  });
});

const names = (plugins: unknown): string[] =>
  (plugins as Array<Plugin | Plugin[]>).flat().map((p) => p.name);

describe('the app builds', () => {
  it('use it in the page and in every worker, web and desktop alike', async () => {
    expect(names(webConfig.plugins)).toContain(AGE_AEAD_REDIRECT);
    expect(names(await (webConfig.worker!.plugins as () => unknown)())).toContain(AGE_AEAD_REDIRECT);
    const renderer = (electronConfig as { renderer: typeof webConfig }).renderer;
    expect(names(renderer.plugins)).toContain(AGE_AEAD_REDIRECT);
    expect(names(await (renderer.worker!.plugins as () => unknown)())).toContain(AGE_AEAD_REDIRECT);
  });

  /**
   * A real Rolldown build of typage with the web config's worker plugins, as the bundle worker gets
   * it: typage plus the adapter's loader, which the worker calls before any job.
   */
  async function buildTypage(plugins: Plugin[]): Promise<Rolldown.OutputChunk[]> {
    const entry: Plugin = {
      name: 'typage-entry',
      resolveId: (id) => (id === 'virtual:typage' ? '\0virtual:typage' : null),
      load: (id) =>
        id === '\0virtual:typage' ? `export { Encrypter, Decrypter } from 'age-encryption'; export { wasmAeadReady } from ${JSON.stringify(wasmAdapter)};` : null,
    };
    const output = await build({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [entry, ...plugins],
      build: { write: false, minify: false, rolldownOptions: { input: 'virtual:typage', preserveEntrySignatures: 'strict' } },
    });
    const results = Array.isArray(output) ? output : [output];
    return results.flatMap((r) => ('output' in r ? r.output : [])).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  }

  it('put libsodium’s ChaCha20-Poly1305 under typage in the worker bundle', async () => {
    const typageChunk = (chunks: Rolldown.OutputChunk[]) => chunks.find((c) => c.moduleIds.some((id) => id.endsWith('age-encryption/dist/stream.js')))!;
    const workerPlugins = (await (webConfig.worker!.plugins as () => Plugin[])()).flat();
    const redirected = await buildTypage(workerPlugins);
    // typage's STREAM code sits with the adapter's libsodium cipher; noble's AEAD is there only as the fallback.
    expect(typageChunk(redirected).moduleIds).toContain(wasmAdapter);
    expect(typageChunk(redirected).code).toContain('crypto_aead_chacha20poly1305_ietf_encrypt');
    // libsodium itself is its own chunk, loaded only when a worker asks for it.
    const libsodium = redirected.filter((c) => c.moduleIds.some((id) => id.includes('node_modules/libsodium/')));
    expect(libsodium.length).toBeGreaterThan(0);
    expect(libsodium.every((c) => !c.isEntry)).toBe(true);

    // Control: without the plugin the adapter's loader is there but typage never calls its cipher.
    const plain = await buildTypage([]);
    expect(typageChunk(plain).code).not.toContain('crypto_aead_chacha20poly1305_ietf_encrypt');
  }, 120_000);
});
