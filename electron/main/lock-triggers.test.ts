import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/ipc/contract';
import { installLockTriggers } from './lock-triggers';

describe('locking on the laptop’s own events', () => {
  it('sends the lock command on suspend and on the OS screen lock, and on nothing else', () => {
    const power = new EventEmitter();
    const sent: MenuCommand[] = [];
    installLockTriggers(power as never, (command) => sent.push(command));
    power.emit('resume');
    power.emit('unlock-screen');
    expect(sent).toEqual([]);
    power.emit('suspend');
    power.emit('lock-screen');
    expect(sent).toEqual(['lock', 'lock']);
  });
});
