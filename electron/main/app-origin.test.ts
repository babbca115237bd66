import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl } from './app-origin';

describe('isAppUrl', () => {
  it('accepts the app entry and its assets', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://vigia/assets/index-abc.js')).toBe(true);
    expect(isAppUrl('app://vigia/')).toBe(true);
  });

  it.each([
    'https://vigia/',
    'http://127.0.0.1:5174/',
    'file:///etc/passwd',
    'app://other/index.html',
    'app://vigia@evil.example/',
    'app://user:pw@vigia/',
    'app://vigia:8080/',
    'app://vigia.evil/',
    'javascript:alert(1)',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses a missing url', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});
