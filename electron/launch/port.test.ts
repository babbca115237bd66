import { describe, expect, it } from 'vitest';
import { browserModePort } from './port';

describe('browserModePort', () => {
  it('defaults to 5174 and honours VIGIA_PORT', () => {
    expect(browserModePort({})).toEqual({ ok: true, port: 5174 });
    expect(browserModePort({ VIGIA_PORT: '' })).toEqual({ ok: true, port: 5174 });
    expect(browserModePort({ VIGIA_PORT: '8080' })).toEqual({ ok: true, port: 8080 });
  });

  it.each(['0', '65536', 'abc', '80.5', '-1', '0x50'])('refuses VIGIA_PORT=%s', (value) => {
    expect(browserModePort({ VIGIA_PORT: value })).toEqual({
      ok: false,
      message: `VIGIA_PORT must be a port number from 1 to 65535 (got "${value}").`,
    });
  });
});
