import type { VaultKdfAnswer, VaultKdfRequest } from './vault-kdf-protocol';

/** Runs one passphrase request in its own worker, ended as soon as it answers (nothing of it stays). */
export function runVaultKdf(request: VaultKdfRequest): Promise<VaultKdfAnswer> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./vault-kdf.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<VaultKdfAnswer>) => {
      worker.terminate();
      resolve(event.data);
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      resolve({ type: 'failed', reason: event.message || 'the vault worker failed' });
    });
    worker.postMessage(request);
  });
}
