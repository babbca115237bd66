import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import electronConfig from '../../electron.vite.config';
import { AGE_AEAD_REDIRECT } from '../crypto/age-aead-redirect';

type MainSection = {
  plugins: Array<{ name: string; resolveId(source: string, importer: string | undefined): string | null }>;
  build: { lib: { entry: Record<string, string> }; rolldownOptions: { output: { entryFileNames: string } } };
};
const main = (electronConfig as unknown as { main: MainSection }).main;
const nodeAead = fileURLToPath(new URL('../crypto/node-aead.ts', import.meta.url));

describe('the desktop build of the bundle-crypto utility process', () => {
  it('is a second entry of main’s build, emitted beside index.js under its own name', () => {
    expect(Object.keys(main.build.lib.entry).sort()).toEqual(['bundle-crypto', 'index']);
    expect(main.build.lib.entry['bundle-crypto']).toBe(fileURLToPath(new URL('./bundle-crypto.ts', import.meta.url)));
    expect(main.build.rolldownOptions.output.entryFileNames).toBe('[name].js');
  });

  it('gives typage node:crypto’s ChaCha20-Poly1305 there, and nobody else', () => {
    const redirect = main.plugins.find((p) => p.name === AGE_AEAD_REDIRECT)!;
    expect(redirect.resolveId('@noble/ciphers/chacha.js', '/w/node_modules/age-encryption/dist/stream.js')).toBe(nodeAead);
    expect(redirect.resolveId('@noble/ciphers/chacha.js', '/w/electron/utility/seal-session.ts')).toBeNull();
  });
});
