/**
 * The Content-Security-Policy of the workstation, sent by Electron's app:// protocol handler and by
 * the browser-mode server alike. Nothing is loaded from anywhere but the app itself: no CDN, no
 * font service, no telemetry. Workers may be created from blob: URLs (Vite's worker bundling);
 * images from data:/blob: (attachment previews, graph export).
 *
 * 'wasm-unsafe-eval' lets the bundle worker compile libsodium's WebAssembly (ChaCha20-Poly1305 for
 * age's STREAM layer, ~3× typage's pure JS; renderer/workers/wasm-aead.ts) and hash-wasm's (CRC-32
 * and SHA-256 for the ZIP entries; renderer/workers/wasm-codecs.ts). It allows compiling
 * WebAssembly only — not eval or new Function, which 'unsafe-eval' would — and the module compiled is
 * bundled with the app, never fetched. Without it the worker falls back to pure JS.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ');
