import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, COMMANDS, MENU_COMMANDS, ariaKeyShortcuts, commandAccelerator, commandForKey, isCommandId, type KeyPress } from './commands';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: true, metaKey: false, shiftKey: false, altKey: false, ...extra });

describe('the command table', () => {
  it('finds each shortcut’s command, with Ctrl or Cmd, whatever the letter’s case', () => {
    expect(commandForKey(press('k'))).toBe('search');
    expect(commandForKey(press('K', { ctrlKey: false, metaKey: true }))).toBe('search');
    expect(commandForKey(press('z'))).toBe('undo');
    expect(commandForKey(press('Z', { shiftKey: true }))).toBe('redo');
    expect(commandForKey(press('y'))).toBe('redo');
    expect(commandForKey(press('W', { shiftKey: true }))).toBe('close-case');
    expect(commandForKey(press('L', { shiftKey: true }))).toBe('lock');
  });

  it('ignores plain letters, AltGr chords and chords nobody defined', () => {
    expect(commandForKey(press('k', { ctrlKey: false }))).toBeUndefined();
    expect(commandForKey(press('z', { altKey: true }))).toBeUndefined();
    expect(commandForKey(press('w'))).toBeUndefined();
    expect(commandForKey(press('k', { shiftKey: true }))).toBeUndefined();
  });

  it('gives no two commands the same chord', () => {
    const chords = COMMAND_IDS.flatMap((id) => COMMANDS[id].keys.map((chord) => `${chord.key}|${'shift' in chord ? chord.shift : false}`));
    expect(new Set(chords).size).toBe(chords.length);
  });

  it('hands the native menu the same keys the page answers', () => {
    expect(commandAccelerator('new-case')).toBe('CmdOrCtrl+N');
    expect(commandAccelerator('close-case')).toBe('CmdOrCtrl+Shift+W');
    expect(commandAccelerator('about')).toBeUndefined();
    expect(ariaKeyShortcuts('redo')).toBe('Control+Shift+Z Meta+Shift+Z Control+Y Meta+Y');
  });

  it('lists as menu commands exactly those that have a place in the menu', () => {
    expect([...MENU_COMMANDS].sort()).toEqual(COMMAND_IDS.filter((id) => 'menu' in COMMANDS[id]).sort());
    expect(isCommandId('about')).toBe(true);
    expect(isCommandId('toString')).toBe(false);
  });
});
