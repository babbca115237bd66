import { createExclusive } from '../node/node-files';
import { bundleFileAt, tempFileStage } from '../node/staged-file';
import { createCryptoService } from './crypto-service';

/**
 * Entry of Electron's bundle-crypto utility process (built by electron-vite beside main's index.js,
 * with typage's ChaCha20-Poly1305 redirected to node:crypto's). It seals and unseals bundles for main
 * (crypto-service.ts) so that age runs at OpenSSL's speed, scrypt blocks nothing the analyst sees, and
 * a decrypted import waits in a 0600 temporary file rather than in main's memory.
 */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('bundle-crypto runs only as an Electron utility process');

const service = createCryptoService({ createExclusive, openBundleFile: bundleFileAt, stage: tempFileStage });
parentPort.on('message', ({ data }) => {
  void service.handle(data, (progress) => parentPort.postMessage(progress)).then((response) => response && parentPort.postMessage(response));
});

// Killed at quit: run the exit hooks (staged-file.ts deletes its folders there) instead of dying mid-way.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void service.closeAll().finally(() => process.exit(0)));
}
