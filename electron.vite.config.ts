import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { ageAeadRedirect } from './electron/crypto/age-aead-redirect.ts';

/**
 * The Electron build: main (ESM, out/main, with the bundle-crypto utility process beside it), preload (CommonJS, out/preload/index.cjs — a sandboxed
 * preload cannot be an ES module) and the renderer (out/renderer, served by the app:// protocol).
 * Web mode builds the same renderer with vite.config.ts.
 */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
// typage's ChaCha20-Poly1305 becomes libsodium's WASM build in the renderer and its workers (vite.config.ts).
const fastAead = () => ageAeadRedirect(resolve('renderer/workers/wasm-aead.ts'));

export default defineConfig({
  main: {
    // The bundle-crypto utility process (electron/utility) is a second entry of main's build, beside
    // index.js; its typage gets node:crypto's ChaCha20-Poly1305 (main itself never imports typage).
    plugins: [ageAeadRedirect(resolve('electron/crypto/node-aead.ts'))],
    build: {
      // Bundle everything (zod …): the packaged app ships out/ only, no node_modules.
      externalizeDeps: false,
      outDir: 'out/main',
      lib: { entry: { index: resolve('electron/main/index.ts'), 'bundle-crypto': resolve('electron/utility/bundle-crypto.ts') }, formats: ['es'] },
      rolldownOptions: { output: { entryFileNames: '[name].js' } },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      outDir: 'out/preload',
      lib: { entry: resolve('electron/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: 'index.cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), fastAead()],
    define: { __VIGIA_VERSION__: JSON.stringify(version) },
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: resolve('renderer/index.html') },
      chunkSizeWarningLimit: 2000,
    },
    worker: { format: 'es', plugins: () => [fastAead()] },
  },
});
