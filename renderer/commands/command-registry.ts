import type { CommandId } from '../../shared/commands';

/**
 * Who carries out each command now. A command is defined once (shared/commands); the component that
 * owns what it does registers a handler while it is mounted (search while a case is open, undo while
 * the editing tools are). The keyboard, the native menu and the header's buttons all run it through
 * `runCommand`, so each reaches the same handler. The latest registration wins, and unregistering
 * gives the command back to the one before it.
 */
export interface CommandHandler {
  run(): void;
  /** A disabled command does nothing (undo with nothing to undo). */
  enabled?(): boolean;
}

const handlers = new Map<CommandId, CommandHandler[]>();

export function registerCommand(id: CommandId, handler: CommandHandler): () => void {
  const stack = handlers.get(id) ?? [];
  stack.push(handler);
  handlers.set(id, stack);
  return () => {
    const current = handlers.get(id) ?? [];
    const at = current.lastIndexOf(handler);
    if (at >= 0) current.splice(at, 1);
  };
}

/** The handler that would run now, if the command is available and enabled. */
export function activeHandler(id: CommandId): CommandHandler | undefined {
  const handler = handlers.get(id)?.at(-1);
  if (!handler || (handler.enabled && !handler.enabled())) return undefined;
  return handler;
}

/** Runs the command; false when nothing carries it out now (no handler, or disabled). */
export function runCommand(id: CommandId): boolean {
  const handler = activeHandler(id);
  if (!handler) return false;
  handler.run();
  return true;
}
