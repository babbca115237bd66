import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../../shared/ipc/contract';
import { createElectronBridge } from './bridge';

// The page gets the bridge's functions, never ipcRenderer itself.
contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createElectronBridge(ipcRenderer));
