import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { utilityProcess } from 'electron';
import { createBundleCryptoClient, type BundleCryptoClient } from './ipc/bundle-crypto-client';

// electron-vite builds the utility's entry beside main's index.js (electron.vite.config.ts).
const bundleCryptoPath = fileURLToPath(new URL('./bundle-crypto.js', import.meta.url));

/** The bundle-crypto utility process, started on first use (after app ready, as Electron requires). */
export function wireBundleCrypto(): BundleCryptoClient {
  return createBundleCryptoClient({
    spawn() {
      const child = utilityProcess.fork(bundleCryptoPath, [], { serviceName: 'Vigía bundle crypto', stdio: 'ignore' });
      return {
        postMessage: (message) => child.postMessage(message),
        onMessage: (listener) => void child.on('message', listener),
        onExit: (listener) => void child.once('exit', () => listener()),
        kill: () => void child.kill(),
      };
    },
    removeFolder: (folder) => rm(folder, { recursive: true, force: true }),
  });
}
