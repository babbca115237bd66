import { describe, expect, it } from 'vitest';
import { browserModePort, choosePort } from './port';

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

describe('choosePort', () => {
  const busy = (...ports: number[]) => async (port: number) => !ports.includes(port);

  it('takes 5174 when it is free, else the next free port', async () => {
    expect(await choosePort({}, busy())).toEqual({ ok: true, port: 5174 });
    expect(await choosePort({}, busy(5174))).toEqual({ ok: true, port: 5175 });
    expect(await choosePort({}, busy(5174, 5175, 5176))).toEqual({ ok: true, port: 5177 });
  });

  it('says so when every port it tries is taken', async () => {
    const everyPort = async () => false;
    expect(await choosePort({}, everyPort)).toEqual({ ok: false, message: 'Ports 5174 to 5193 are all in use: set VIGIA_PORT to a free port.' });
  });

  it('never moves a port the analyst named', async () => {
    expect(await choosePort({ VIGIA_PORT: '6001' }, busy(5174))).toEqual({ ok: true, port: 6001 });
    expect(await choosePort({ VIGIA_PORT: '6001' }, busy(6001))).toEqual({
      ok: false,
      message: 'Port 6001 (VIGIA_PORT) is in use: choose another one or stop what holds it.',
    });
  });
});
