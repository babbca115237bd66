import { useEffect, useRef } from 'react';
import type { CommandId } from '../../shared/commands';
import { registerCommand } from './command-registry';

/** Makes this component the one that carries out `id` while it is mounted. */
export function useCommand(id: CommandId, run: () => void, enabled = true): void {
  // The latest closure runs, without re-registering on every render.
  const latest = useRef({ run, enabled });
  useEffect(() => {
    latest.current = { run, enabled };
  });
  useEffect(
    () =>
      registerCommand(id, {
        run: () => latest.current.run(),
        enabled: () => latest.current.enabled,
      }),
    [id],
  );
}
