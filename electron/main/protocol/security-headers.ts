import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';

/**
 * Headers on every app:// response: the CSP, no MIME sniffing, no referrer, no framing, and a
 * Permissions-Policy that switches off device APIs (the session also denies every permission).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy':
    'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=(), display-capture=()',
  'Cache-Control': 'no-cache',
};

export function responseHeaders(contentType: string): Record<string, string> {
  return { ...SECURITY_HEADERS, 'Content-Type': contentType };
}
