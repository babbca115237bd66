import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { DIRECT_BRIDGE_CALLS, EVENT_CHANNELS, type MenuCommand } from '../../shared/ipc/contract';
import { createElectronBridge, type PreloadIpc } from './bridge';

function fakeIpc(answers: Record<string, unknown> = {}) {
  const calls: Array<[string, unknown[]]> = [];
  const events = new EventEmitter();
  const ipc: PreloadIpc = {
    invoke: async (channel, ...args) => {
      calls.push([channel, args]);
      return answers[channel];
    },
    on: (channel, listener) => events.on(channel, listener),
    removeListener: (channel, listener) => events.removeListener(channel, listener),
  };
  return { ipc, calls, events };
}

describe('createElectronBridge', () => {
  it('offers exactly the VigiaBridge functions', () => {
    const bridge = createElectronBridge(fakeIpc().ipc);
    expect(Object.keys(bridge).sort()).toEqual([
      'appInfo',
      'closeFile',
      'finishLargeSave',
      'onMenuCommand',
      'openFile',
      'openLargeFile',
      'platform',
      'printReport',
      'readFile',
      'saveFile',
      'sealSecret',
      'setMenuLanguage',
      'startLargeSave',
      'startSealedSave',
      'unsealLargeFile',
      'unsealSecret',
      'writeLargeSave',
    ]);
    expect(bridge.platform).toBe('electron');
  });

  it('sends only the contract fields on the contract channels', async () => {
    const { ipc, calls } = fakeIpc({ 'file:save': { ok: true, value: { name: 'caso.vigia' } } });
    const bridge = createElectronBridge(ipc);
    const bytes = new Uint8Array([1]);
    const request = { suggestedName: 'caso.vigia', bytes, sneaky: '/etc/passwd' };
    expect(await bridge.saveFile(request)).toEqual({ ok: true, value: { name: 'caso.vigia' } });
    await bridge.openFile({ extensions: ['vigia'] });
    await bridge.setMenuLanguage('en');
    expect(calls).toEqual([
      ['file:save', [{ suggestedName: 'caso.vigia', bytes }]],
      ['file:open', [{ extensions: ['vigia'] }]],
      ['app:set-menu-language', ['en']],
    ]);
  });

  it('seals and unseals through main with only the contract fields', async () => {
    const { ipc, calls } = fakeIpc({ 'file:unseal': { ok: true, value: { refused: { code: 'wrong_passphrase' } } } });
    const bridge = createElectronBridge(ipc);
    const recipients = ['age1example'];
    await bridge.startSealedSave!({ suggestedName: 'caso.vigia', encryption: { mode: 'recipients', recipients, workFactor: 2 } as never });
    await bridge.startSealedSave!({ suggestedName: 'caso.vigia', encryption: { mode: 'passphrase', passphrase: 'p', extra: 1 } as never });
    expect(await bridge.unsealLargeFile!({ handle: 'h', key: { passphrase: 'p', extra: 1 } as never })).toEqual({ ok: true, value: { refused: { code: 'wrong_passphrase' } } });
    expect(calls).toEqual([
      ['file:save-sealed-start', [{ suggestedName: 'caso.vigia', encryption: { mode: 'recipients', recipients } }]],
      ['file:save-sealed-start', [{ suggestedName: 'caso.vigia', encryption: { mode: 'passphrase', passphrase: 'p' } }]],
      ['file:unseal', [{ handle: 'h', key: { passphrase: 'p' } }]],
    ]);
    // A copy: the page cannot change the list after the call.
    expect((calls[0]![1][0] as { encryption: { recipients: string[] } }).encryption.recipients).not.toBe(recipients);
  });

  it('hands the page only its own unseal’s well-formed progress, while that unseal runs', async () => {
    const handle = 'ab'.repeat(16);
    const events = new EventEmitter();
    let answer: (value: unknown) => void = () => undefined;
    const ipc: PreloadIpc = {
      invoke: () => new Promise((resolve) => (answer = resolve)),
      on: (channel, listener) => events.on(channel, listener),
      removeListener: (channel, listener) => events.removeListener(channel, listener),
    };
    const heard: unknown[] = [];
    const unsealing = createElectronBridge(ipc).unsealLargeFile!({ handle, key: { passphrase: 'p' } }, (progress) => heard.push(progress));
    const ipcEvent = { sender: 'ipcRenderer' };
    const emit = (payload: unknown) => events.emit(EVENT_CHANNELS.unsealProgress, ipcEvent, payload);
    emit({ handle, done: 10, total: 100 });
    emit({ handle: 'cd'.repeat(16), done: 20, total: 100 });
    emit({ handle, done: 120, total: 100 });
    emit({ handle, done: -1, total: 100 });
    emit({ handle, done: '30', total: 100 });
    emit({ handle, done: 30, total: 100, stage: '/tmp/x' });
    emit({ handle, done: 100, total: 100 });
    answer({ ok: true, value: { refused: { code: 'wrong_passphrase' } } });
    expect(await unsealing).toEqual({ ok: true, value: { refused: { code: 'wrong_passphrase' } } });
    expect(heard).toEqual([
      { done: 10, total: 100 },
      { done: 100, total: 100 },
    ]);
    expect(events.listenerCount(EVENT_CHANNELS.unsealProgress)).toBe(0);
  });

  it('unwraps app info, and fails loudly when main refuses', async () => {
    const info = { version: '0.1.0', platform: 'electron', os: 'linux' };
    expect(await createElectronBridge(fakeIpc({ 'app:info': { ok: true, value: info } }).ipc).appInfo()).toEqual(info);
    const refused = createElectronBridge(fakeIpc({ 'app:info': { ok: false, error: 'forbidden_sender' } }).ipc);
    await expect(refused.appInfo()).rejects.toThrow('forbidden_sender');
  });

  it('forwards known menu commands without the IPC event, ignores others, and unsubscribes', () => {
    const { ipc, events } = fakeIpc();
    const bridge = createElectronBridge(ipc);
    const received: unknown[][] = [];
    const unsubscribe = bridge.onMenuCommand((...args: unknown[]) => received.push(args));
    const ipcEvent = { sender: 'ipcRenderer' };
    events.emit(EVENT_CHANNELS.menuCommand, ipcEvent, 'open-demo-case' satisfies MenuCommand);
    events.emit(EVENT_CHANNELS.menuCommand, ipcEvent, 'format-disk');
    events.emit(EVENT_CHANNELS.menuCommand, ipcEvent, { command: 'new-case' });
    expect(received).toEqual([['open-demo-case']]);
    unsubscribe();
    events.emit(EVENT_CHANNELS.menuCommand, ipcEvent, 'new-case');
    expect(received).toHaveLength(1);
    expect(events.listenerCount(EVENT_CHANNELS.menuCommand)).toBe(0);
  });

  it('moves large files by handle, with only the contract fields', async () => {
    const { ipc, calls } = fakeIpc();
    const bridge = createElectronBridge(ipc);
    const handle = '0123456789abcdef0123456789abcdef';
    const bytes = new Uint8Array([1]);
    await bridge.openLargeFile({ extensions: ['vigia'] });
    await bridge.readFile({ handle, offset: 8, length: 4, path: '/etc/passwd' } as never);
    await bridge.closeFile({ handle });
    await bridge.startLargeSave({ suggestedName: 'caso.vigia' });
    await bridge.writeLargeSave({ handle, bytes });
    await bridge.finishLargeSave({ handle, commit: true });
    expect(calls).toEqual([
      ['file:open-large', [{ extensions: ['vigia'] }]],
      ['file:read', [{ handle, offset: 8, length: 4 }]],
      ['file:close', [{ handle }]],
      ['file:save-large-start', [{ suggestedName: 'caso.vigia' }]],
      ['file:save-large-write', [{ handle, bytes }]],
      ['file:save-large-finish', [{ handle, commit: true }]],
    ]);
  });

  it('makes every direct call of the contract’s table, each reaching its own channel with only the listed fields', async () => {
    const { ipc, calls } = fakeIpc();
    const bridge = createElectronBridge(ipc) as unknown as Record<string, (arg: unknown) => Promise<unknown>>;
    for (const [method, call] of Object.entries(DIRECT_BRIDGE_CALLS)) {
      const fields: readonly string[] = 'fields' in call ? call.fields : [];
      const arg = fields.length > 0 ? { ...Object.fromEntries(fields.map((field) => [field, `${field}-value`])), smuggled: true } : 'plain';
      await bridge[method]!(arg);
      const [channel, args] = calls.at(-1)!;
      expect(channel).toBe(call.channel);
      expect(args).toEqual([fields.length > 0 ? Object.fromEntries(fields.map((field) => [field, `${field}-value`])) : 'plain']);
    }
  });
});
