import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { ageAeadRedirect } from './electron/crypto/age-aead-redirect.ts';

// Unit tests sit beside the code they test (`foo.ts` + `foo.test.ts`).
// AEAD: the `node` project runs typage as published (noble's ChaCha20-Poly1305, the browser fallback);
// the `renderer` project runs it as the built app does, redirected to renderer/workers/wasm-aead.ts,
// so age-encryption is inlined (transformed by Vite) for the redirect plugin to see its imports.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'test/unit/**/*.test.ts'],
        },
      },
      {
        plugins: [react(), ageAeadRedirect(fileURLToPath(new URL('./renderer/workers/wasm-aead.ts', import.meta.url)))],
        test: {
          name: 'renderer',
          server: { deps: { inline: ['age-encryption'] } },
          environment: 'happy-dom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          setupFiles: ['test/setup/renderer-unit.ts'],
        },
      },
    ],
  },
});
