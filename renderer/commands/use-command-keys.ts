import { useEffect } from 'react';
import { COMMANDS, commandForKey, type CommandId } from '../../shared/commands';
import { getBridge } from '../platform/bridge';
import { activeHandler, runCommand } from './command-registry';

/** Where the key belongs to what has the focus: a text field (its own typing undo) or an open dialog. */
export function isTypingOrInDialog(target: EventTarget | null): boolean {
  if (document.querySelector('dialog[open]')) return true;
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The one keyboard handler for the command table. In the desktop app the native menu owns the
 * accelerators of the commands it shows (Electron runs the menu item for the key), so the page leaves
 * those keys alone rather than running the command twice.
 */
export function commandForKeyEvent(event: KeyboardEvent, nativeMenu: boolean): CommandId | undefined {
  const id = commandForKey(event);
  if (!id) return undefined;
  const definition = COMMANDS[id];
  if (nativeMenu && 'menu' in definition) return undefined;
  if (!definition.whileTyping && isTypingOrInDialog(event.target)) return undefined;
  return id;
}

export function useCommandKeys(): void {
  useEffect(() => {
    const nativeMenu = getBridge().platform === 'electron';
    const onKey = (event: KeyboardEvent) => {
      const id = commandForKeyEvent(event, nativeMenu);
      const handler = id && activeHandler(id);
      if (!handler) return;
      event.preventDefault();
      handler.run();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** The native menu's commands (Electron); in a browser none ever arrive. */
export function useMenuBridge(): void {
  useEffect(() => getBridge().onMenuCommand((id) => void runCommand(id)), []);
}

