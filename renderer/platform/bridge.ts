import { BRIDGE_GLOBAL, type VigiaBridge } from '../../shared/ipc/contract';
import { createWebBridge } from './web-bridge';

let bridge: VigiaBridge | undefined;

function installedBridge(): VigiaBridge | undefined {
  const candidate = (globalThis as Record<string, unknown>)[BRIDGE_GLOBAL];
  return candidate && typeof candidate === 'object' ? (candidate as VigiaBridge) : undefined;
}

/** The Electron preload's bridge when present, else the web fallback. */
export function getBridge(): VigiaBridge {
  bridge ??= installedBridge() ?? createWebBridge();
  return bridge;
}
