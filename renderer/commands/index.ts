/** The command table's renderer side: handlers register, the keyboard and the native menu run them. */
export { registerCommand, runCommand, activeHandler, type CommandHandler } from './command-registry';
export { useCommand } from './use-command';
export { useCommandKeys, useMenuBridge, commandForKeyEvent, isTypingOrInDialog } from './use-command-keys';
export { ariaKeyShortcuts, type CommandId } from '../../shared/commands';
