import type { MenuCommand } from '../../shared/ipc/contract';

/** The part of Electron's powerMonitor the lock listens to (injected, so it is tested without Electron). */
export interface PowerEvents {
  on(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
}

/**
 * Locks Vigía when the laptop suspends or the OS locks its screen (issue 16): a laptop closed or left
 * at the OS lock screen must not come back to an open case. The lock itself is the renderer's (it
 * holds the keys); main only says when, through the same channel as the menu's "Lock" command.
 */
export function installLockTriggers(power: PowerEvents, send: (command: MenuCommand) => void): void {
  power.on('suspend', () => send('lock'));
  power.on('lock-screen', () => send('lock'));
}
