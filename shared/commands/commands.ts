/**
 * The workstation's commands, each defined once: its id, its shortcut, and whether the native menu
 * offers it. The renderer's keyboard handler and the in-app buttons (renderer/commands/) and the
 * Electron menu (electron/main/menu/) are all built from this table, so a shortcut shown in the menu
 * is the one the page answers, and a menu item and its key reach the same handler.
 */

/** A key chord: `mod` is Ctrl, or Cmd on a Mac. `key` is compared with KeyboardEvent.key, lower-cased. */
export interface KeyChord {
  key: string;
  mod: boolean;
  shift?: boolean;
}

export interface CommandDefinition {
  /** Shortcuts, first one shown to the user. */
  keys: readonly KeyChord[];
  /** Where the native menu shows it, if it does. */
  menu?: 'file' | 'language' | 'help';
  /**
   * Whether the shortcut still runs while the focus is in a text field or a dialog is open. Undo
   * does not (the field and the dialog keep their own undo); search does (it is a way out).
   */
  whileTyping: boolean;
}

export const COMMANDS = {
  'new-case': { keys: [{ key: 'n', mod: true }], menu: 'file', whileTyping: false },
  'open-demo-case': { keys: [], menu: 'file', whileTyping: false },
  'close-case': { keys: [{ key: 'w', mod: true, shift: true }], menu: 'file', whileTyping: false },
  'language-es': { keys: [], menu: 'language', whileTyping: false },
  'language-en': { keys: [], menu: 'language', whileTyping: false },
  about: { keys: [], menu: 'help', whileTyping: false },
  // Locks from anywhere, a text field or an open dialog included: the analyst is walking away.
  lock: { keys: [{ key: 'l', mod: true, shift: true }], menu: 'file', whileTyping: true },
  search: { keys: [{ key: 'k', mod: true }], whileTyping: true },
  undo: { keys: [{ key: 'z', mod: true }], whileTyping: false },
  redo: {
    keys: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    whileTyping: false,
  },
} as const satisfies Record<string, CommandDefinition>;

export type CommandId = keyof typeof COMMANDS;
export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];

/** The commands the native menu sends to the renderer. */
export const MENU_COMMANDS = ['new-case', 'open-demo-case', 'close-case', 'lock', 'language-es', 'language-en', 'about'] as const satisfies readonly CommandId[];
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && Object.hasOwn(COMMANDS, value);
}

/** Electron's accelerator for a chord ("CmdOrCtrl+Shift+W"). */
export function acceleratorOf(chord: KeyChord): string {
  return ['CmdOrCtrl', ...(chord.shift ? ['Shift'] : []), chord.key.toUpperCase()].join('+');
}

/** The menu accelerator of a command: its first shortcut, if it has one. */
export function commandAccelerator(id: CommandId): string | undefined {
  const [first] = COMMANDS[id].keys as readonly KeyChord[];
  return first ? acceleratorOf(first) : undefined;
}

/** `aria-keyshortcuts` for a command ("Control+Z Meta+Z"): both spellings of `mod`. */
export function ariaKeyShortcuts(id: CommandId): string | undefined {
  const chords = COMMANDS[id].keys as readonly KeyChord[];
  if (chords.length === 0) return undefined;
  const spell = (modifier: string, chord: KeyChord) => [modifier, ...(chord.shift ? ['Shift'] : []), chord.key.toUpperCase()].join('+');
  return chords.flatMap((chord) => [spell('Control', chord), spell('Meta', chord)]).join(' ');
}

/** What a key press looks like to the table (the fields of KeyboardEvent it reads). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The command a key press asks for, if any. Alt is never part of a chord (AltGr types characters). */
export function commandForKey(press: KeyPress): CommandId | undefined {
  if (!(press.ctrlKey || press.metaKey) || press.altKey) return undefined;
  const key = press.key.toLowerCase();
  return COMMAND_IDS.find((id) =>
    (COMMANDS[id].keys as readonly KeyChord[]).some((chord) => chord.key === key && Boolean(chord.shift) === press.shiftKey),
  );
}
