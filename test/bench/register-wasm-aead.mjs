// For the bundle bench's "libsodium WASM" variant: typage's ChaCha20-Poly1305 becomes
// renderer/workers/wasm-aead.ts in Node, as the redirect plugin makes it in the renderer's workers.
// The bench awaits wasmAeadReady() before it measures, as the bundle worker does before any job.
import { register } from 'node:module';

register('../../electron/crypto/age-aead-hooks.mjs', import.meta.url, {
  data: { adapter: new URL('../../renderer/workers/wasm-aead.ts', import.meta.url).href },
});
