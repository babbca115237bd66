import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './sender';

describe('isTrustedSender', () => {
  it('trusts the app page', () => {
    expect(isTrustedSender({ senderFrame: { url: 'app://vigia/index.html' } })).toBe(true);
  });

  it.each([
    'https://example.org/',
    'file:///tmp/evil.html',
    'about:blank',
    'data:text/html,<script></script>',
    'app://vigia.example/',
    'app://vigia@example.org/',
    '',
  ])('refuses a frame at %s', (url) => {
    expect(isTrustedSender({ senderFrame: { url } })).toBe(false);
  });

  it('refuses a destroyed or navigated-away frame', () => {
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
  });
});
