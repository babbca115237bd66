import { changePassphrase, createVault, PassphraseRejectedError, unlockVault, wrapVaultKey, WrongPassphraseError } from '../../shared/vault';
import type { VaultKdfAnswer, VaultKdfRequest } from './vault-kdf-protocol';

interface WorkerScope {
  postMessage(message: VaultKdfAnswer): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<VaultKdfRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  void answer(event.data).then((message) => scope.postMessage(message));
});

async function answer(request: VaultKdfRequest): Promise<VaultKdfAnswer> {
  try {
    switch (request.type) {
      case 'create': {
        const { vaultKey, slot } = await createVault(request.passphrase);
        return { type: 'created', vaultKey, slot };
      }
      case 'unlock':
        return { type: 'unlocked', vaultKey: await unlockVault(request.passphrase, request.slot) };
      case 'change':
        return { type: 'changed', slot: await changePassphrase(request.slot, request.current, request.next) };
      case 'wrap':
        return { type: 'wrapped', slot: await wrapVaultKey(request.vaultKey, request.passphrase) };
    }
  } catch (error) {
    if (error instanceof WrongPassphraseError) return { type: 'wrong_passphrase' };
    if (error instanceof PassphraseRejectedError) return { type: 'rejected', problem: error.problem };
    return { type: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
  return { type: 'failed', reason: 'unknown request' };
}
