import { describe, expect, it } from 'vitest';
import { createRequestFilter, isRequestAllowed } from './request-filter';

const production = { allowDevtools: false };

describe('isRequestAllowed', () => {
  it.each(['app://vigia/index.html', 'APP://vigia/assets/a.js', 'data:image/png;base64,AAAA', 'blob:app://vigia/1b4e'])(
    'lets %s through',
    (url) => {
      expect(isRequestAllowed(url, production)).toBe(true);
    },
  );

  it.each([
    'http://127.0.0.1:5174/',
    'https://example.org/tiles.png',
    'HTTPS://fonts.example/font.woff2',
    'file:///etc/passwd',
    'ws://127.0.0.1:5173/',
    'wss://example.org/socket',
    'ftp://example.org/file',
    'chrome-extension://abc/x.js',
    'devtools://devtools/bundled/inspector.html',
    'no scheme at all',
    '',
  ])('cancels %s', (url) => {
    expect(isRequestAllowed(url, production)).toBe(false);
  });

  it('lets DevTools pages through only when asked for', () => {
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', { allowDevtools: true })).toBe(true);
    expect(isRequestAllowed('https://example.org/', { allowDevtools: true })).toBe(false);
  });
});

describe('createRequestFilter', () => {
  it('cancels through the callback and reports what it cancelled', () => {
    const cancelled: string[] = [];
    const filter = createRequestFilter(production, (url) => cancelled.push(url));
    const answers: boolean[] = [];
    filter({ url: 'https://example.org/' }, (response) => answers.push(response.cancel));
    filter({ url: 'app://vigia/index.html' }, (response) => answers.push(response.cancel));
    expect(answers).toEqual([true, false]);
    expect(cancelled).toEqual(['https://example.org/']);
  });
});
