import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { ageAeadRedirect } from './electron/crypto/age-aead-redirect.ts';

/**
 * The Electron build: main (ESM, out/main), preload (CommonJS, out/preload/index.cjs — a sandboxed
 * preload cannot be an ES module) and the renderer (out/renderer, served by the app:// protocol).
 * Web mode builds the same renderer with vite.config.ts.
 */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
// typage's ChaCha20-Poly1305 becomes libsodium's WASM build in the renderer and its workers (vite.config.ts).
const fastAead = () => ageAeadRedirect(resolve('renderer/workers/wasm-aead.ts'));

export default defineConfig({
  main: {
    build: {
      // Bundle everything (zod …): the packaged app ships out/ only, no node_modules.
      externalizeDeps: false,
      outDir: 'out/main',
      lib: { entry: resolve('electron/main/index.ts'), formats: ['es'] },
      rolldownOptions: { output: { entryFileNames: 'index.js' } },
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
