import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { denyAllPermissions, type PermissionSession } from './permissions';

type Handler = (...args: unknown[]) => unknown;

/** Records the handlers the guard installs, so the test can ask them what they answer. */
class FakeSession extends EventEmitter {
  handlers = new Map<string, Handler>();
  setPermissionRequestHandler(handler: Handler) { this.handlers.set('request', handler); }
  setPermissionCheckHandler(handler: Handler) { this.handlers.set('check', handler); }
  setDevicePermissionHandler(handler: Handler) { this.handlers.set('device', handler); }
  setDisplayMediaRequestHandler(handler: Handler) { this.handlers.set('display', handler); }
  setBluetoothPairingHandler(handler: Handler) { this.handlers.set('bluetooth', handler); }
}

function installed() {
  const session = new FakeSession();
  denyAllPermissions(session as unknown as PermissionSession);
  const handler = (name: string): Handler => {
    const found = session.handlers.get(name);
    if (!found) throw new Error(`no ${name} handler installed`);
    return found;
  };
  return { session, handler };
}

describe('denyAllPermissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'answers a request for %s with no',
    (permission) => {
      const { handler } = installed();
      const answers: boolean[] = [];
      handler('request')(null, permission, (granted: boolean) => answers.push(granted), {});
      expect(answers).toEqual([false]);
    },
  );

  it('answers every permission check and device check with no', () => {
    const { handler } = installed();
    expect(handler('check')(null, 'media', 'app://vigia', {})).toBe(false);
    expect(handler('check')(null, 'clipboard-sanitized-write', 'app://vigia', {})).toBe(false);
    expect(handler('device')({ deviceType: 'usb', origin: 'app://vigia' })).toBe(false);
  });

  it('gives no screen to capture and refuses Bluetooth pairing', () => {
    const { handler } = installed();
    const streams: unknown[] = [];
    handler('display')({}, (chosen: unknown) => streams.push(chosen));
    expect(streams).toEqual([null]);
    const pairing: unknown[] = [];
    handler('bluetooth')({}, (response: unknown) => pairing.push(response));
    expect(pairing).toEqual([{ confirmed: false }]);
  });

  it('cancels HID, serial and USB pickers', () => {
    const { session } = installed();
    const picks: unknown[] = [];
    const event = () => ({ defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } });
    const hid = event();
    session.emit('select-hid-device', hid, {}, (id: unknown) => picks.push(id));
    const serial = event();
    session.emit('select-serial-port', serial, [], null, (id: unknown) => picks.push(id));
    const usb = event();
    session.emit('select-usb-device', usb, {}, (id?: unknown) => picks.push(id));
    expect([hid.defaultPrevented, serial.defaultPrevented, usb.defaultPrevented]).toEqual([true, true, true]);
    expect(picks).toEqual([null, '', undefined]);
  });
});
