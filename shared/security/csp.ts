/**
 * The Content-Security-Policy of the workstation, sent by Electron's app:// protocol handler and by
 * the browser-mode server alike. Nothing is loaded from anywhere but the app itself: no CDN, no
 * font service, no telemetry. Workers may be created from blob: URLs (Vite's worker bundling);
 * images from data:/blob: (attachment previews, graph export).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
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
