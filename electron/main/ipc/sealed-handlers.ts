import { EVENT_CHANNELS, type ChannelsOf, type UnsealProgress, type UnsealProgressEvent } from '../../../shared/ipc/contract';
import type { IpcHandlers } from './dispatch';
import type { SealedFiles } from './sealed-files';

/** The sealed-file area of the contract: bundles sealed and unsealed by the utility process. */
export function sealedHandlers(sealed: SealedFiles): IpcHandlers<ChannelsOf<'sealed-files'>> {
  return {
    'file:save-sealed-start': (request, { owner }) => sealed.startSave(owner, request),
    // Progress names the sealed file's handle: the page may unseal more than one file at a time.
    'file:unseal': (request, { owner, tell }) =>
      sealed.unseal(owner, request, (progress: UnsealProgress) =>
        tell(EVENT_CHANNELS.unsealProgress, { handle: request.handle, done: progress.done, total: progress.total } satisfies UnsealProgressEvent),
      ),
  };
}
