import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { ageAeadRedirect } from './electron/crypto/age-aead-redirect.ts';
import { CONTENT_SECURITY_POLICY } from './shared/security/csp.ts';

/**
 * The browser-mode build of the renderer (the e2e suite runs against it). Relative asset paths so
 * the same output also loads under Electron's app:// protocol. The preview server sends the same
 * CSP header as the Electron shell, so a build that breaks the policy fails in web mode too.
 */
const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// typage's ChaCha20-Poly1305 becomes libsodium's WASM build (renderer/workers/wasm-aead.ts) in the
// built app; worker bundles take plugins from `worker.plugins` only. The dev server pre-bundles
// age-encryption without plugins, so `vite dev` keeps noble (correct, slower).
const fastAead = () => ageAeadRedirect(fileURLToPath(new URL('./renderer/workers/wasm-aead.ts', import.meta.url)));

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), fastAead()],
  define: { __VIGIA_VERSION__: JSON.stringify(version) },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // Cytoscape alone is ~400 kB; the app is served locally, never over a network.
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es', plugins: () => [fastAead()] },
  // The dev server injects an inline React Refresh preamble, so only preview carries the CSP.
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', headers: securityHeaders },
});
